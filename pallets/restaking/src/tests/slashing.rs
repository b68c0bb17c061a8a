//! Slashing a pool: O(1), both sides, nobody else, and no escape.

use super::*;
use crate::{Error, Event, Operators};
use bastion_primitives::restaking::{Restaking as _, SlashDestination};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::Perbill;

#[test]
fn a_slash_takes_the_same_fraction_of_every_position_and_no_other() {
	build_and_execute(|| {
		let operator = register(1);
		let other = register(2);
		delegate(&acc(1), &operator, STBST, 300 * UNIT);
		delegate(&acc(2), &operator, STBST, 100 * UNIT);
		delegate(&acc(3), &other, STBST, 100 * UNIT);
		let id = undelegate(&acc(2), &operator, STBST, shares(&acc(2), &operator, &STBST) / 2);
		let before = (value(&acc(1), &operator, &STBST), value(&acc(2), &operator, &STBST), withdrawal_value(id));

		let slashed =
			Restaking::slash_pool(&operator, &STBST, Perbill::from_percent(10), &SlashDestination::Burn).unwrap();
		assert_eq!(slashed.active, 35 * UNIT);
		assert_eq!(slashed.exiting, 5 * UNIT);
		let after = (value(&acc(1), &operator, &STBST), value(&acc(2), &operator, &STBST), withdrawal_value(id));
		for (b, a) in [(before.0, after.0), (before.1, after.1), (before.2, after.2)] {
			let expected = b - b / 10;
			assert!(a.abs_diff(expected) <= 1, "{b} -> {a}, expected {expected}");
		}
		// Another operator's delegator lost nothing.
		assert_eq!(value(&acc(3), &other, &STBST), 100 * UNIT);
		assert!(events().iter().any(|e| matches!(e, Event::PoolSlashed { .. })));
	});
}

#[test]
fn slashed_assets_go_to_the_destination() {
	build_and_execute(|| {
		let operator = register(1);
		delegate(&acc(1), &operator, STBST, 100 * UNIT);
		let treasury = Treasury::get();
		let before = balance(&STBST, &treasury);
		Restaking::slash_pool(&operator, &STBST, Perbill::from_percent(10), &SlashDestination::Treasury).unwrap();
		assert_eq!(balance(&STBST, &treasury) - before, 10 * UNIT);
		Restaking::slash_pool(&operator, &STBST, Perbill::from_percent(10), &SlashDestination::Account(acc(42)))
			.unwrap();
		assert_eq!(balance(&STBST, &acc(42)), INITIAL + 9 * UNIT);
		// A token "burnt" is locked away (its issuance is accounted elsewhere: stBST's
		// exchange rate must not jump); BST is destroyed.
		let issuance = <Assets as frame_support::traits::fungibles::Inspect<_>>::total_issuance(STBST_ID);
		Restaking::slash_pool(&operator, &STBST, Perbill::from_percent(50), &SlashDestination::Burn).unwrap();
		assert_eq!(<Assets as frame_support::traits::fungibles::Inspect<_>>::total_issuance(STBST_ID), issuance);
		assert_eq!(balance(&STBST, &Restaking::burn_account()), 81 * UNIT / 2);
		delegate(&acc(2), &operator, BST, 10 * UNIT);
		let bst_issuance = <Balances as frame_support::traits::fungible::Inspect<_>>::total_issuance();
		Restaking::slash_pool(&operator, &BST, Perbill::from_percent(50), &SlashDestination::Burn).unwrap();
		assert_eq!(
			bst_issuance - <Balances as frame_support::traits::fungible::Inspect<_>>::total_issuance(),
			5 * UNIT
		);
	});
}

#[test]
fn a_fully_slashed_pool_takes_new_deposits() {
	build_and_execute(|| {
		let operator = register(1);
		delegate(&acc(1), &operator, STBST, 100 * UNIT);
		let id = undelegate(&acc(1), &operator, STBST, shares(&acc(1), &operator, &STBST) / 2);
		Restaking::slash_pool(&operator, &STBST, Perbill::one(), &SlashDestination::Burn).unwrap();
		assert_eq!(value(&acc(1), &operator, &STBST), 0);
		assert_eq!(withdrawal_value(id), 0);
		// No division by zero: a new delegator starts the pool afresh at one share per unit.
		let minted = delegate(&acc(2), &operator, STBST, 50 * UNIT);
		assert_eq!(minted, 50 * UNIT);
		assert_eq!(value(&acc(2), &operator, &STBST), 50 * UNIT);
		// The old delegator's stale shares are worth nothing and dilute nobody.
		assert_eq!(shares(&acc(1), &operator, &STBST), 0);
		advance(WITHDRAWAL_DELAY);
		assert_ok!(Restaking::complete_withdrawal(RuntimeOrigin::signed(acc(1)), id));
		assert_eq!(balance(&STBST, &acc(1)), INITIAL - 100 * UNIT);
	});
}

#[test]
fn a_withdrawal_queued_after_a_slash_was_requested_is_still_hit() {
	build_and_execute(|| {
		let operator = allocated_operator(1, 100);
		delegate(&acc(1), &operator, STBST, 100 * UNIT);
		// The slash is requested: the operator is frozen.
		Restaking::freeze(&operator);
		// The delegator runs for the exit, and waits out the delay.
		let id = undelegate(&acc(1), &operator, STBST, shares(&acc(1), &operator, &STBST));
		advance(WITHDRAWAL_DELAY);
		assert_noop!(
			Restaking::complete_withdrawal(RuntimeOrigin::signed(acc(1)), id),
			Error::<Test>::OperatorFrozen
		);
		// The slash executes: the queued withdrawal is hit.
		Restaking::slash_pool(&operator, &STBST, Perbill::from_percent(30), &SlashDestination::Burn).unwrap();
		Restaking::unfreeze(&operator);
		assert_ok!(Restaking::complete_withdrawal(RuntimeOrigin::signed(acc(1)), id));
		assert_eq!(balance(&STBST, &acc(1)), INITIAL - 30 * UNIT);
	});
}

#[test]
fn freezes_count_pending_slashes() {
	build_and_execute(|| {
		let operator = register(1);
		Restaking::freeze(&operator);
		Restaking::freeze(&operator);
		Restaking::unfreeze(&operator);
		assert_eq!(Operators::<Test>::get(&operator).unwrap().frozen, 1);
		assert_noop!(Restaking::leave(RuntimeOrigin::signed(operator.clone())), Error::<Test>::OperatorFrozen);
		Restaking::unfreeze(&operator);
		assert_eq!(Operators::<Test>::get(&operator).unwrap().frozen, 0);
	});
}
