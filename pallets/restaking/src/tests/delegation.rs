//! Delegation, queued withdrawals, completion.

use super::*;
use crate::{Error, Event, Withdrawals};
use bastion_primitives::restaking::Restaking as _;
use frame_support::{assert_noop, assert_ok};

#[test]
fn delegate_mints_shares_and_moves_the_asset_in() {
	build_and_execute(|| {
		let operator = register(1);
		let minted = delegate(&acc(1), &operator, STBST, 100 * UNIT);
		assert_eq!(minted, 100 * UNIT);
		assert_eq!(balance(&STBST, &acc(1)), INITIAL - 100 * UNIT);
		assert_eq!(balance(&STBST, &Restaking::pallet_account()), 100 * UNIT);
		let pool = Pools::<Test>::get(&operator, STBST);
		assert_eq!((pool.active_shares, pool.active_assets), (100 * UNIT, 100 * UNIT));
		// BST restakes the same way.
		delegate(&acc(1), &operator, BST, 5 * UNIT);
		assert_eq!(Restaking::operator_assets(&operator), vec![STBST, BST]);
	});
}

#[test]
fn delegate_refuses_bad_input() {
	build_and_execute(|| {
		let operator = register(1);
		let origin = || RuntimeOrigin::signed(acc(1));
		assert_noop!(Restaking::delegate(origin(), operator.clone(), STBST, 0), Error::<Test>::AmountTooSmall);
		assert_noop!(Restaking::delegate(origin(), operator.clone(), UNLISTED, UNIT), Error::<Test>::AssetNotRestakable);
		assert_noop!(Restaking::delegate(origin(), acc(2), STBST, UNIT), Error::<Test>::NotOperator);
		assert_noop!(
			Restaking::delegate(origin(), operator.clone(), STBST, INITIAL * 2),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn undelegating_queues_a_withdrawal_completed_after_the_delay() {
	build_and_execute(|| {
		let operator = register(1);
		let minted = delegate(&acc(1), &operator, STBST, 100 * UNIT);
		let id = undelegate(&acc(1), &operator, STBST, minted / 4);
		assert_eq!(withdrawal_value(id), 25 * UNIT);
		let pool = Pools::<Test>::get(&operator, STBST);
		assert_eq!((pool.active_assets, pool.exiting_assets), (75 * UNIT, 25 * UNIT));
		assert_noop!(
			Restaking::complete_withdrawal(RuntimeOrigin::signed(acc(1)), id),
			Error::<Test>::WithdrawalLocked
		);
		advance(WITHDRAWAL_DELAY);
		assert_noop!(
			Restaking::complete_withdrawal(RuntimeOrigin::signed(acc(2)), id),
			Error::<Test>::NotWithdrawalOwner
		);
		assert_noop!(
			Restaking::complete_withdrawal(RuntimeOrigin::signed(acc(1)), id + 7),
			Error::<Test>::UnknownWithdrawal
		);
		assert_ok!(Restaking::complete_withdrawal(RuntimeOrigin::signed(acc(1)), id));
		assert_eq!(balance(&STBST, &acc(1)), INITIAL - 75 * UNIT);
		assert!(Withdrawals::<Test>::get(id).is_none());
		assert!(events().contains(&Event::WithdrawalCompleted { id, owner: acc(1), amount: 25 * UNIT }));
	});
}

#[test]
fn undelegate_refuses_bad_input() {
	build_and_execute(|| {
		let operator = register(1);
		let minted = delegate(&acc(1), &operator, STBST, 100 * UNIT);
		let origin = || RuntimeOrigin::signed(acc(1));
		assert_noop!(Restaking::undelegate(origin(), operator.clone(), STBST, 0), Error::<Test>::ZeroShares);
		assert_noop!(
			Restaking::undelegate(origin(), operator.clone(), STBST, minted + 1),
			Error::<Test>::InsufficientShares
		);
		assert_noop!(
			Restaking::undelegate(RuntimeOrigin::signed(acc(2)), operator.clone(), STBST, 1),
			Error::<Test>::InsufficientShares
		);
		for _ in 0..16 {
			undelegate(&acc(1), &operator, STBST, UNIT);
		}
		assert_noop!(
			Restaking::undelegate(origin(), operator, STBST, UNIT),
			Error::<Test>::TooManyWithdrawals
		);
	});
}

#[test]
fn a_frozen_operator_holds_withdrawals_until_unfrozen() {
	build_and_execute(|| {
		let operator = register(1);
		let minted = delegate(&acc(1), &operator, STBST, 100 * UNIT);
		let id = undelegate(&acc(1), &operator, STBST, minted);
		advance(WITHDRAWAL_DELAY);
		Restaking::freeze(&operator);
		assert_noop!(
			Restaking::complete_withdrawal(RuntimeOrigin::signed(acc(1)), id),
			Error::<Test>::OperatorFrozen
		);
		Restaking::unfreeze(&operator);
		assert_ok!(Restaking::complete_withdrawal(RuntimeOrigin::signed(acc(1)), id));
	});
}

#[test]
fn exits_never_depend_on_an_avs() {
	build_and_execute(|| {
		let operator = allocated_operator(1, 100);
		let minted = delegate(&acc(1), &operator, STBST, 100 * UNIT);
		// The AVS is paused, or disappears from the directory: the exit goes on.
		set_avs_active(AVS_A, false);
		AVSS.with(|a| a.borrow_mut().clear());
		let id = undelegate(&acc(1), &operator, STBST, minted);
		advance(WITHDRAWAL_DELAY);
		assert_ok!(Restaking::complete_withdrawal(RuntimeOrigin::signed(acc(1)), id));
		assert_eq!(balance(&STBST, &acc(1)), INITIAL);
	});
}

#[test]
fn rounding_over_many_tiny_positions_favours_the_pool() {
	build_and_execute(|| {
		let operator = register(1);
		delegate(&acc(1), &operator, STBST, 1_000 * UNIT + 7);
		// A partial slash makes shares worth a non-round amount.
		assert_ok!(Restaking::slash_pool(
			&operator,
			&STBST,
			sp_runtime::Perbill::from_parts(333_333_333),
			&bastion_primitives::restaking::SlashDestination::Burn
		));
		let tiny = UNIT / 1_000 + 3;
		let mut put_in = 0;
		for n in 2..=60u8 {
			delegate(&acc(n), &operator, STBST, tiny);
			put_in += tiny;
		}
		let worth: Balance = (2..=60u8).map(|n| value(&acc(n), &operator, &STBST)).sum();
		assert!(worth <= put_in, "positions are worth {worth}, {put_in} was put in");
		assert!(put_in - worth <= 60, "dust {} above one unit per position", put_in - worth);
	});
}

/// The first delegator of a pool tries to inflate its share price so the next delegator's
/// shares round to nothing: a donation to the pallet account changes no pool's accounting,
/// and assets per share can only fall, so the victim gets one share per unit.
#[test]
fn first_depositor_inflation_on_a_pool_fails() {
	build_and_execute(|| {
		use frame_support::traits::{fungibles::Mutate, tokens::Preservation};
		let operator = register(1);
		let attacker = delegate(&acc(1), &operator, STBST, UNIT / 1_000);
		assert_ok!(<RestakableFungibles as Mutate<_>>::transfer(
			STBST,
			&acc(1),
			&Restaking::pallet_account(),
			100_000 * UNIT,
			Preservation::Preserve
		));
		let victim = delegate(&acc(2), &operator, STBST, 1_000 * UNIT);
		assert_eq!(victim, 1_000 * UNIT);
		assert_eq!(value(&acc(2), &operator, &STBST), 1_000 * UNIT);
		assert_eq!(value(&acc(1), &operator, &STBST), attacker);
	});
}
