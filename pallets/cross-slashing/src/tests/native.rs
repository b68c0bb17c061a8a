//! Base-chain propagation: `OnStakingUpdate::on_slash` for a linked stash gives every
//! coupled AVS a pending slash of the operator, through the same veto path.

use super::*;
use crate::{native_impls::NATIVE_EVIDENCE_CONTEXT, OperatorPending, SkipReason, SlashSource, Slashes};
use bastion_primitives::restaking::{SlashDestination, VetoPolicy};
use codec::Encode;
use frame_support::assert_ok;
use sp_staking::OnStakingUpdate;
use std::collections::BTreeMap;

/// pallet-staking slashes `stash` by `total`.
fn native_slash(stash: AccountId, total: Balance) {
	<CrossSlashing as OnStakingUpdate<AccountId, Balance>>::on_slash(&stash, 0, &BTreeMap::new(), total);
}

/// The pending slashes of `operator`: (AVS, fraction).
fn pending_of(operator: AccountId) -> Vec<(u32, Perbill)> {
	OperatorPending::<Test>::get(operator)
		.iter()
		.map(|(id, avs)| (*avs, Slashes::<Test>::get(id).unwrap().fraction))
		.collect()
}

#[test]
fn a_native_slash_reaches_the_coupled_avss_only() {
	build_and_execute(|| {
		// A is not coupled; B at 10%; C at 60%.
		let operator = operator_with_stake(1, &[(AVS_A, 30), (AVS_B, 30), (AVS_C, 30)]);
		FakeRestaking::link(operator, stash(1));
		native_slash(stash(1), 77 * UNIT);
		let mut pending = pending_of(operator);
		pending.sort();
		assert_eq!(pending, vec![(AVS_B, Perbill::from_percent(10)), (AVS_C, Perbill::from_percent(60))]);
		assert_eq!(FakeRestaking::frozen(operator), 2);

		let slash = Slashes::<Test>::get(0).unwrap();
		assert_eq!(slash.source, SlashSource::Native { stash: stash(1) });
		assert_eq!(slash.offence_block, 1);
		assert_eq!(slash.executable_at, 1 + VETO_WINDOW);
		assert_eq!(slash.evidence.to_vec(), (NATIVE_EVIDENCE_CONTEXT, stash(1), 1u64, 77 * UNIT).encode());
		// Not recorded as used evidence: the slasher may still bring its own case.
		assert!(crate::UsedEvidence::<Test>::iter().next().is_none());
	});
}

#[test]
fn propagated_slashes_take_the_veto_path() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_B, 50), (AVS_C, 50)]);
		FakeRestaking::link(operator, stash(1));
		native_slash(stash(1), UNIT);
		let ids: Vec<_> = OperatorPending::<Test>::get(operator).iter().map(|(id, _)| *id).collect();
		let (b, c) =
			if Slashes::<Test>::get(ids[0]).unwrap().avs == AVS_B { (ids[0], ids[1]) } else { (ids[1], ids[0]) };
		assert_eq!(Slashes::<Test>::get(b).unwrap().veto, VetoPolicy::Council);
		// The council vetoes B's; C's committee lets its own through.
		assert_ok!(CrossSlashing::veto_slash(RuntimeOrigin::root(), b));
		advance(VETO_WINDOW);
		assert!(executed(b).is_none());
		// 60% of the 50% allocated: 30% of each pool, to the treasury.
		let stbst = of(&executed(c).unwrap(), &STBST);
		assert_eq!(stbst.applied, Perbill::from_percent(30));
		assert_eq!(Received::get((SlashDestination::Treasury, STBST)), 300 * UNIT);
		assert_eq!(FakeRestaking::frozen(operator), 0);
	});
}

#[test]
fn the_coupling_factor_is_capped_by_the_max_per_incident() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_B, 50)]);
		FakeRestaking::link(operator, stash(1));
		FakeRegistry::mutate_terms(AVS_B, |t| t.native_coupling = Some(Perbill::from_percent(80)));
		native_slash(stash(1), UNIT);
		assert_eq!(pending_of(operator), vec![(AVS_B, Perbill::from_percent(30))]);
	});
}

#[test]
fn an_unlinked_stash_changes_nothing() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_B, 50)]);
		FakeRestaking::link(operator, stash(1));
		native_slash(stash(2), UNIT);
		native_slash(42, UNIT);
		assert!(pending_of(operator).is_empty());
		assert!(events().is_empty());
	});
}

#[test]
fn coupled_avss_are_found_by_allocation_not_membership() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_B, 50)]);
		FakeRestaking::link(operator, stash(1));
		// A member of C with nothing allocated to it: C can't slash it and is not visited.
		FakeRegistry::join(AVS_C, operator);
		native_slash(stash(1), UNIT);
		assert_eq!(pending_of(operator), vec![(AVS_B, Perbill::from_percent(10))]);
		assert!(!events().iter().any(|e| matches!(e, Event::NativeSlashSkipped { .. })));

		// The operator opts out of B while staking defers its next slash: B's allocation stays
		// slashable for the deallocation delay, so the slash still reaches B.
		FakeRegistry::opt_out(AVS_B, operator);
		let id = crate::NextSlashId::<Test>::get();
		advance(DEALLOCATION_DELAY - 1);
		native_slash(stash(1), 2 * UNIT);
		let slash = Slashes::<Test>::get(id).expect("B still reached");
		assert_eq!((slash.avs, slash.source), (AVS_B, SlashSource::Native { stash: stash(1) }));

		// Once the delay is over B can't slash it any more, and is not reached.
		advance(1);
		native_slash(stash(1), 3 * UNIT);
		assert_eq!(crate::NextSlashId::<Test>::get(), id + 1);
	});
}

#[test]
fn a_native_slash_never_fails_when_the_operator_is_full() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_A, 10), (AVS_B, 10), (AVS_C, 10)]);
		FakeRestaking::link(operator, stash(1));
		for tag in 0..3 {
			request(AVS_A, operator, 1, tag);
		}
		// 3 native slashes fill the list (2 AVSs each): the eighth place is taken, then
		// C (visited last) is skipped.
		for n in 0..3 {
			native_slash(stash(1), n);
		}
		assert_eq!(OperatorPending::<Test>::get(operator).len(), 8);
		assert!(events().contains(&Event::NativeSlashSkipped {
			stash: stash(1),
			operator,
			avs: AVS_C,
			reason: SkipReason::TooManyPending
		}));
	});
}

#[test]
fn the_avss_visited_are_bounded() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_B, 10)]);
		FakeRestaking::link(operator, stash(1));
		for avs in 10..16 {
			FakeRegistry::set_terms(
				avs,
				terms(
					900 + avs as u64,
					VetoPolicy::Council,
					50,
					SlashDestination::Burn,
					Some(Perbill::from_percent(5)),
				),
			);
			FakeRegistry::join(avs, operator);
			FakeRestaking::set_allocation(operator, avs, STBST, Perbill::from_percent(10));
		}
		let before = System::block_weight().total();
		native_slash(stash(1), UNIT);
		// Seven AVSs, four visited (MaxAvsPerOperator): B and 10, 11, 12.
		assert_eq!(pending_of(operator).len(), 4);
		assert!(events().contains(&Event::NativeSlashAvsLimit { stash: stash(1), operator, unvisited: 3 }));
		// Its weight is accounted in the block.
		assert_eq!(System::block_weight().total() - before, <() as crate::WeightInfo>::on_native_slash(4));
	});
}
