//! opt_in, opt_out, approve_operator, remove_operator.

use super::*;
use crate::{Approved, Error, Event, Members, OperatorAvs};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::{DispatchError, Perbill};

#[test]
fn an_operator_opts_in_and_out() {
	build_and_execute(|| {
		let avs = register();
		make_operator(10, &[(BST, 100 * UNIT)]);
		assert_ok!(AvsRegistry::opt_in(RuntimeOrigin::signed(10), avs));
		assert!(Members::<Test>::contains_key(avs, 10));
		assert_eq!(Members::<Test>::get(avs, 10).unwrap().joined_at, 1);
		assert_eq!(OperatorAvs::<Test>::get(10).to_vec(), vec![avs]);
		assert_eq!(info(avs).operator_count, 1);
		assert!(events().contains(&Event::OperatorOptedIn { avs, operator: 10 }));

		assert_ok!(AvsRegistry::opt_out(RuntimeOrigin::signed(10), avs));
		assert!(!Members::<Test>::contains_key(avs, 10));
		assert!(!OperatorAvs::<Test>::contains_key(10));
		assert_eq!(info(avs).operator_count, 0);
		assert_eq!(FakeDeallocations::get((10, avs)), 1);
		assert!(events().contains(&Event::OperatorOptedOut { avs, operator: 10 }));
	});
}

#[test]
fn opt_in_refuses_bad_input_and_changes_nothing() {
	build_and_execute(|| {
		let avs = register();
		make_operator(10, &[(BST, 100 * UNIT)]);
		assert_noop!(AvsRegistry::opt_in(RuntimeOrigin::signed(10), 3), Error::<Test>::UnknownAvs);
		// Not a restaking operator.
		assert_noop!(AvsRegistry::opt_in(RuntimeOrigin::signed(11), avs), Error::<Test>::NotOperator);
		assert_noop!(AvsRegistry::opt_in(RuntimeOrigin::none(), avs), DispatchError::BadOrigin);

		assert_ok!(AvsRegistry::opt_in(RuntimeOrigin::signed(10), avs));
		assert_noop!(AvsRegistry::opt_in(RuntimeOrigin::signed(10), avs), Error::<Test>::AlreadyMember);

		// Paused.
		make_operator(11, &[(BST, 100 * UNIT)]);
		assert_ok!(AvsRegistry::pause_avs(RuntimeOrigin::signed(ALICE), avs));
		assert_noop!(AvsRegistry::opt_in(RuntimeOrigin::signed(11), avs), Error::<Test>::AvsPaused);
		assert_ok!(AvsRegistry::resume_avs(RuntimeOrigin::signed(ALICE), avs));
		assert_ok!(AvsRegistry::opt_in(RuntimeOrigin::signed(11), avs));
	});
}

#[test]
fn opt_in_respects_the_maximum_operators() {
	build_and_execute(|| {
		let avs = register_with(ALICE, AvsConfigParams { max_operators: 2, ..config() });
		join(10, avs, UNIT);
		join(11, avs, UNIT);
		make_operator(12, &[(BST, UNIT)]);
		assert_noop!(AvsRegistry::opt_in(RuntimeOrigin::signed(12), avs), Error::<Test>::TooManyOperators);
		// A seat frees up.
		assert_ok!(AvsRegistry::opt_out(RuntimeOrigin::signed(10), avs));
		assert_ok!(AvsRegistry::opt_in(RuntimeOrigin::signed(12), avs));

		// Lowering the maximum below the members keeps them, and refuses newcomers.
		assert_ok!(AvsRegistry::update_config(
			RuntimeOrigin::signed(ALICE),
			avs,
			AvsConfigParams { max_operators: 1, ..config() }
		));
		assert_eq!(info(avs).operator_count, 2);
		assert_noop!(AvsRegistry::opt_in(RuntimeOrigin::signed(10), avs), Error::<Test>::TooManyOperators);
	});
}

#[test]
fn opt_in_respects_the_maximum_avs_per_operator() {
	build_and_execute(|| {
		let ids: Vec<AvsId> = (0..4).map(|_| register()).collect();
		make_operator(10, &[(BST, UNIT)]);
		for avs in &ids[..3] {
			assert_ok!(AvsRegistry::opt_in(RuntimeOrigin::signed(10), *avs));
		}
		assert_noop!(
			AvsRegistry::opt_in(RuntimeOrigin::signed(10), ids[3]),
			Error::<Test>::TooManyAvsForOperator
		);
		assert_ok!(AvsRegistry::opt_out(RuntimeOrigin::signed(10), ids[1]));
		assert_ok!(AvsRegistry::opt_in(RuntimeOrigin::signed(10), ids[3]));
		assert_eq!(OperatorAvs::<Test>::get(10).to_vec(), vec![ids[0], ids[2], ids[3]]);
	});
}

#[test]
fn opt_in_requires_the_minimum_stake_in_bst_value() {
	build_and_execute(|| {
		let accepted = vec![BST, st(), RestakeAsset::WithId(OTHER)];
		let avs = register_with(
			ALICE,
			AvsConfigParams { accepted_assets: accepted, min_operator_stake: 100 * UNIT, ..config() },
		);
		// 60 BST + 30 stBST at 1 BST = 90 BST; 1_000 of an unpriced token counts for nothing;
		// exiting stake counts for nothing.
		make_operator(10, &[(BST, 60 * UNIT), (st(), 30 * UNIT), (RestakeAsset::WithId(OTHER), 1_000 * UNIT)]);
		FakePools::mutate(10, BST, |p| p.as_mut().unwrap().exiting_assets = 500 * UNIT);
		// A pool of an asset the AVS does not accept counts for nothing either.
		FakePools::insert(
			10,
			RestakeAsset::WithId(UNLISTED),
			bastion_primitives::restaking::PoolView { active_assets: 1_000 * UNIT, exiting_assets: 0 },
		);
		assert_noop!(AvsRegistry::opt_in(RuntimeOrigin::signed(10), avs), Error::<Test>::InsufficientStake);
		// stBST's rate rises to 4/3: 60 + 40 = 100 BST.
		set_rate(4, 3);
		assert_ok!(AvsRegistry::opt_in(RuntimeOrigin::signed(10), avs));
	});
}

#[test]
fn an_allow_listed_avs_takes_approved_operators_only() {
	build_and_execute(|| {
		let avs = register_with(ALICE, AvsConfigParams { membership: Membership::AllowList, ..config() });
		make_operator(10, &[(BST, UNIT)]);
		assert_noop!(AvsRegistry::opt_in(RuntimeOrigin::signed(10), avs), Error::<Test>::NotApproved);

		assert_noop!(
			AvsRegistry::approve_operator(RuntimeOrigin::signed(BOB), avs, 10),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			AvsRegistry::approve_operator(RuntimeOrigin::signed(ALICE), 4, 10),
			Error::<Test>::UnknownAvs
		);
		assert_ok!(AvsRegistry::approve_operator(RuntimeOrigin::signed(ALICE), avs, 10));
		assert!(events().contains(&Event::OperatorApproved { avs, operator: 10 }));
		assert_noop!(
			AvsRegistry::approve_operator(RuntimeOrigin::signed(ALICE), avs, 10),
			Error::<Test>::AlreadyApproved
		);
		assert_ok!(AvsRegistry::opt_in(RuntimeOrigin::signed(10), avs));

		// Revoking an approval of a non-member.
		assert_ok!(AvsRegistry::approve_operator(RuntimeOrigin::signed(ALICE), avs, 11));
		assert_ok!(AvsRegistry::remove_operator(RuntimeOrigin::signed(ALICE), avs, 11));
		assert!(!Approved::<Test>::contains_key(avs, 11));
		assert!(events().contains(&Event::ApprovalRevoked { avs, operator: 11 }));
		make_operator(11, &[(BST, UNIT)]);
		assert_noop!(AvsRegistry::opt_in(RuntimeOrigin::signed(11), avs), Error::<Test>::NotApproved);
		assert_eq!(info(avs).approval_count, 1);
	});
}

#[test]
fn approvals_are_bounded() {
	build_and_execute(|| {
		let avs = register();
		for who in 10..18 {
			assert_ok!(AvsRegistry::approve_operator(RuntimeOrigin::signed(ALICE), avs, who));
		}
		assert_noop!(
			AvsRegistry::approve_operator(RuntimeOrigin::signed(ALICE), avs, 18),
			Error::<Test>::TooManyApprovals
		);
		assert_ok!(AvsRegistry::remove_operator(RuntimeOrigin::signed(ALICE), avs, 10));
		assert_ok!(AvsRegistry::approve_operator(RuntimeOrigin::signed(ALICE), avs, 18));
	});
}

#[test]
fn the_owner_removes_a_member_and_its_approval() {
	build_and_execute(|| {
		let avs = register_with(ALICE, AvsConfigParams { membership: Membership::AllowList, ..config() });
		assert_ok!(AvsRegistry::approve_operator(RuntimeOrigin::signed(ALICE), avs, 10));
		join(10, avs, UNIT);
		allocate(10, avs, BST, Perbill::one());

		assert_noop!(
			AvsRegistry::remove_operator(RuntimeOrigin::signed(BOB), avs, 10),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			AvsRegistry::remove_operator(RuntimeOrigin::signed(ALICE), avs, 12),
			Error::<Test>::NotMemberOrApproved
		);
		assert_noop!(
			AvsRegistry::remove_operator(RuntimeOrigin::signed(ALICE), 9, 10),
			Error::<Test>::UnknownAvs
		);
		assert_ok!(AvsRegistry::remove_operator(RuntimeOrigin::signed(ALICE), avs, 10));
		assert!(!Members::<Test>::contains_key(avs, 10));
		assert!(!Approved::<Test>::contains_key(avs, 10));
		assert_eq!(FakeDeallocations::get((10, avs)), 1);
		assert!(events().contains(&Event::OperatorRemoved { avs, operator: 10 }));
		assert_noop!(AvsRegistry::opt_in(RuntimeOrigin::signed(10), avs), Error::<Test>::NotApproved);
	});
}

#[test]
fn the_owner_removes_a_member_of_an_open_avs() {
	build_and_execute(|| {
		let avs = register();
		join(10, avs, UNIT);
		assert_ok!(AvsRegistry::remove_operator(RuntimeOrigin::signed(ALICE), avs, 10));
		assert!(!Members::<Test>::contains_key(avs, 10));
		assert!(!events().iter().any(|e| matches!(e, Event::ApprovalRevoked { .. })));
	});
}

#[test]
fn opt_out_refuses_non_members_and_works_while_paused() {
	build_and_execute(|| {
		let avs = register();
		assert_noop!(AvsRegistry::opt_out(RuntimeOrigin::signed(10), avs), Error::<Test>::NotMember);
		assert_noop!(AvsRegistry::opt_out(RuntimeOrigin::signed(10), 3), Error::<Test>::UnknownAvs);
		join(10, avs, UNIT);
		assert_ok!(AvsRegistry::pause_avs(RuntimeOrigin::signed(ALICE), avs));
		// Exits never depend on the AVS.
		assert_ok!(AvsRegistry::opt_out(RuntimeOrigin::signed(10), avs));
		assert_eq!(FakeDeallocations::get((10, avs)), 1);
	});
}
