//! `execute_slash` and the automatic execution: what a slash takes, from whom, where it goes.

use super::*;
use crate::{Error, Freezes, History, Queue, SlashOutcome, Slashes};
use bastion_primitives::{
	restaking::{PendingSlashes, SlashDestination},
	slashing::PoolSlashStatus,
};
use frame_support::{assert_noop, assert_ok, traits::Hooks, weights::Weight};
use sp_runtime::DispatchError;

#[test]
fn anyone_executes_after_the_veto_window() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_A, 50)]);
		FakeRestaking::set_allocation(operator, AVS_A, BST, Perbill::from_percent(20));
		let id = request(AVS_A, operator, 10, 1);
		// Not by the hook: the queue entry is taken by the call.
		System::set_block_number(1 + VETO_WINDOW);
		assert_ok!(CrossSlashing::execute_slash(RuntimeOrigin::signed(CAROL), id));

		let pools = executed(id).unwrap();
		// 10% of the 50% allocated: 5% of the stBST pool; 10% of 20%: 2% of the BST pool.
		let stbst = of(&pools, &STBST);
		assert_eq!(stbst.allocation, Perbill::from_percent(50));
		assert_eq!(stbst.requested, Perbill::from_percent(5));
		assert_eq!(stbst.applied, Perbill::from_percent(5));
		assert_eq!(stbst.capped, Perbill::zero());
		assert_eq!(stbst.active, 50 * UNIT);
		assert_eq!(stbst.exiting, 0);
		assert_eq!(stbst.status, PoolSlashStatus::ToDestination);
		assert_eq!(of(&pools, &BST).active, 20 * UNIT);
		// Every delegator lost the same fraction.
		assert_eq!(FakeRestaking::value(ALICE, operator, &STBST), 570 * UNIT);
		assert_eq!(FakeRestaking::value(BOB, operator, &STBST), 380 * UNIT);
		assert_eq!(FakeRestaking::value(CAROL, operator, &BST), 980 * UNIT);
		// To the AVS's fund.
		assert_eq!(Received::get((SlashDestination::Account(FUND_A), STBST)), 50 * UNIT);
		assert_eq!(Received::get((SlashDestination::Account(FUND_A), BST)), 20 * UNIT);
		// Released and recorded.
		assert!(!Slashes::<Test>::contains_key(id));
		assert!(Queue::<Test>::get().is_empty());
		assert_eq!(Freezes::<Test>::get(operator), 0);
		assert_eq!(FakeRestaking::frozen(operator), 0);
		assert!(!CrossSlashing::operator_has_pending(&operator));
		assert!(!CrossSlashing::avs_has_pending(AVS_A));
		let history = History::<Test>::get(operator);
		assert_eq!(history[0].outcome, SlashOutcome::Executed { pools: pools.try_into().unwrap() });
		// One slash_pool per pool, whatever the number of delegators.
		assert_eq!(SlashPoolCalls::get(), 2);
	});
}

#[test]
fn one_event_lists_every_amount() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_A, 50)]);
		let id = request(AVS_A, operator, 10, 1);
		let withdrawal = FakeRestaking::undelegate(BOB, operator, STBST, 100 * UNIT).unwrap();
		advance(VETO_WINDOW);
		let executions: Vec<_> = events().into_iter().filter(|e| matches!(e, Event::SlashExecuted { .. })).collect();
		assert_eq!(executions.len(), 1);
		let Event::SlashExecuted { id: i, avs, operator: o, fraction, destination, pools } = &executions[0] else {
			unreachable!()
		};
		assert_eq!((*i, *avs, *o, *fraction), (id, AVS_A, operator, Perbill::from_percent(10)));
		assert_eq!(*destination, SlashDestination::Account(FUND_A));
		assert_eq!(pools.len(), 2);
		let stbst = of(pools, &STBST);
		assert_eq!((stbst.active, stbst.exiting), (45 * UNIT, 5 * UNIT));
		assert_eq!(FakeRestaking::withdrawal_value(withdrawal), 95 * UNIT);
	});
}

#[test]
fn executing_early_twice_or_unknown_is_refused() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_A, 50)]);
		let id = request(AVS_A, operator, 10, 1);
		System::set_block_number(VETO_WINDOW);
		assert_noop!(CrossSlashing::execute_slash(RuntimeOrigin::signed(CAROL), id), Error::<Test>::NotExecutableYet);
		assert_noop!(CrossSlashing::execute_slash(RuntimeOrigin::signed(CAROL), 7), Error::<Test>::UnknownSlash);
		assert_noop!(CrossSlashing::execute_slash(RuntimeOrigin::none(), id), DispatchError::BadOrigin);
		System::set_block_number(VETO_WINDOW + 1);
		assert_ok!(CrossSlashing::execute_slash(RuntimeOrigin::root(), id));
		assert_noop!(CrossSlashing::execute_slash(RuntimeOrigin::signed(CAROL), id), Error::<Test>::AlreadyResolved);
		// Vetoed slashes are resolved too.
		let vetoed = request(AVS_A, operator, 10, 2);
		assert_ok!(CrossSlashing::veto_slash(RuntimeOrigin::signed(COMMITTEE_A), vetoed));
		advance(VETO_WINDOW);
		assert_noop!(
			CrossSlashing::execute_slash(RuntimeOrigin::signed(CAROL), vetoed),
			Error::<Test>::AlreadyResolved
		);
	});
}

#[test]
fn the_hook_executes_due_slashes_bounded_per_block_in_order() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_A, 30), (AVS_B, 30), (AVS_C, 30)]);
		let a = request(AVS_A, operator, 1, 1);
		let b = request(AVS_B, operator, 1, 1);
		let c = request(AVS_C, operator, 1, 1);
		advance(1);
		let d = request(AVS_A, operator, 1, 2);
		run_to_block(VETO_WINDOW);
		assert!(events().iter().all(|e| !matches!(e, Event::SlashExecuted { .. })));
		// Block 11: the first two; block 12: the third and the one requested at block 2.
		let weight = CrossSlashing::on_initialize(VETO_WINDOW); // nothing due
		assert_eq!(weight, <() as crate::WeightInfo>::on_initialize(0));
		System::set_block_number(VETO_WINDOW + 1);
		let weight = CrossSlashing::on_initialize(VETO_WINDOW + 1);
		assert_eq!(weight, <() as crate::WeightInfo>::on_initialize(2));
		assert!(executed(a).is_some() && executed(b).is_some());
		assert!(executed(c).is_none());
		run_to_block(VETO_WINDOW + 2);
		assert!(executed(c).is_some() && executed(d).is_some());
		assert!(Queue::<Test>::get().is_empty());
		assert_eq!(FakeRestaking::frozen(operator), 0);
		assert!(weight.all_gt(Weight::zero()));
	});
}

#[test]
fn a_slash_requested_while_the_queue_is_full_is_executed_by_a_call() {
	build_and_execute(|| {
		MaxPending::set(1);
		let operator = operator_with_stake(1, &[(AVS_A, 50)]);
		let queued = request(AVS_A, operator, 10, 1);
		let unqueued = request(AVS_A, operator, 10, 2);
		assert!(matches!(events().last(), Some(Event::SlashRequested { auto_execute: false, .. })));
		assert!(!Slashes::<Test>::get(unqueued).unwrap().queued);
		advance(VETO_WINDOW + 5);
		assert!(executed(queued).is_some());
		assert!(executed(unqueued).is_none());
		// Still pending, so the operator stays frozen: the delegators execute it themselves.
		assert_eq!(FakeRestaking::frozen(operator), 1);
		assert_ok!(CrossSlashing::execute_slash(RuntimeOrigin::signed(ALICE), unqueued));
		assert_eq!(FakeRestaking::frozen(operator), 0);
	});
}

#[test]
fn slashed_assets_are_burnt_when_the_destination_refuses_them() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_A, 50)]);
		Refusing::insert(FUND_A, ());
		let id = request(AVS_A, operator, 10, 1);
		advance(VETO_WINDOW);
		let stbst = of(&executed(id).unwrap(), &STBST);
		assert_eq!(stbst.status, PoolSlashStatus::Burnt);
		assert_eq!(stbst.active, 50 * UNIT);
		// The refused attempt left nothing behind: the pool lost 5% once.
		assert_eq!(pool(operator, &STBST).active_assets, 950 * UNIT);
		assert_eq!(Received::get((SlashDestination::Burn, STBST)), 50 * UNIT);
		assert_eq!(Received::get((SlashDestination::Account(FUND_A), STBST)), 0);
	});
}

#[test]
fn a_pool_restaking_refuses_to_slash_is_reported_and_the_operator_released() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_A, 50)]);
		let id = request(AVS_A, operator, 10, 1);
		FailSlashes::put(true);
		advance(VETO_WINDOW);
		let pools = executed(id).unwrap();
		assert!(pools.iter().all(|p| p.status == PoolSlashStatus::Failed && p.active == 0));
		// Rolled back: nothing taken, nothing counted against the cap.
		assert_eq!(pool(operator, &STBST).active_assets, 1_000 * UNIT);
		assert_eq!(CrossSlashing::slash_capacity(&operator)[0].remaining, Perbill::from_percent(50));
		assert_eq!(FakeRestaking::frozen(operator), 0);
	});
}

#[test]
fn nobody_else_is_touched() {
	build_and_execute(|| {
		let slashed = operator_with_stake(1, &[(AVS_A, 50)]);
		let other = operator_with_stake(2, &[(AVS_A, 50)]);
		let before = (pool(other, &STBST), pool(other, &BST));
		let id = request(AVS_A, slashed, 50, 1);
		advance(VETO_WINDOW);
		assert!(executed(id).is_some());
		assert_eq!((pool(other, &STBST), pool(other, &BST)), before);
		assert_eq!(FakeRestaking::value(ALICE, other, &STBST), 600 * UNIT);
	});
}

#[test]
fn the_history_keeps_the_last_slashes() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_A, 50), (AVS_B, 50), (AVS_C, 50)]);
		for round in 0..4u32 {
			let ids = [
				request(AVS_A, operator, 1, round),
				request(AVS_B, operator, 1, round),
				request(AVS_C, operator, 1, round),
			];
			assert_ok!(CrossSlashing::veto_slash(RuntimeOrigin::root(), ids[1]));
			advance(VETO_WINDOW + 1);
		}
		let history = History::<Test>::get(operator);
		assert_eq!(history.len(), 8);
		// Resolved in the order 1, 0, 2, 4, 3, 5, ... (each round's veto first); the oldest
		// four records were dropped.
		let ids: Vec<_> = history.iter().map(|r| r.id).collect();
		assert_eq!(ids, vec![3, 5, 7, 6, 8, 10, 9, 11]);
	});
}
