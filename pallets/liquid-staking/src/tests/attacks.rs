//! Named attacks on the exchange rate, and why each fails.

use super::*;
use frame_support::{
	assert_ok,
	traits::{fungible::Mutate as _, tokens::Preservation},
};
use sp_runtime::{traits::Saturating, FixedU128, Perbill};

/// The first depositor tries to inflate the rate with a donation so the next depositor's
/// shares round to nothing. Dead shares and ledger accounting make the donation a gift.
#[test]
fn first_depositor_inflation_fails() {
	build_and_execute(|| {
		let attacker_shares = mint(1, UNIT / 100);
		// Donations to every account the pallet uses.
		for target in
			[pallet_account(), LiquidStaking::stash_account(0), LiquidStaking::dead_shares_account()]
		{
			assert_ok!(Balances::transfer(&1, &target, 100_000 * UNIT, Preservation::Preserve));
		}
		assert_eq!(pool().rate(), FixedU128::from_u32(1));
		let victim_shares = mint(2, 1_000 * UNIT);
		assert_eq!(victim_shares, 1_000 * UNIT);
		assert_eq!(LiquidStaking::value_of(victim_shares), 1_000 * UNIT);
		assert!(LiquidStaking::value_of(attacker_shares) <= UNIT / 100);
	});
}

/// A donation to any pallet account changes nobody's value and breaks no invariant.
#[test]
fn donations_change_no_value() {
	build_and_execute(|| {
		let shares = mint(1, 1_000 * UNIT);
		run_to_era(2);
		let rate = pool().rate();
		assert_ok!(Balances::transfer(&3, &pallet_account(), 5_000 * UNIT, Preservation::Preserve));
		assert_ok!(Balances::transfer(
			&3,
			&LiquidStaking::stash_account(0),
			5_000 * UNIT,
			Preservation::Preserve
		));
		// stBST donated to the dead shares does not move the rate either.
		assert_ok!(<Assets as frame_support::traits::fungibles::Mutate<_>>::transfer(
			STBST,
			&1,
			&LiquidStaking::dead_shares_account(),
			shares / 2,
			Preservation::Expendable
		));
		assert_eq!(pool().rate(), rate);
		// Nor does the next era count it as a reward: only what staking paid, within the cap.
		run_to_era(3);
		let rate_after = pool().rate();
		let cap = FixedU128::from_rational(105, 100);
		assert!(rate_after <= rate.saturating_mul(cap));
		LiquidStaking::do_try_state().unwrap();
	});
}

/// A holder who sees an offence coming redeems before the (deferred) slash is applied: the
/// redemption is still slashable while it unbonds.
#[test]
fn redeeming_just_before_a_slash_does_not_escape_it() {
	build_and_execute(|| {
		SlashDeferDuration::set(1);
		let shares = mint(1, 10_000 * UNIT);
		run_to_era(2);
		// The offence is reported now; the slash is applied two eras later.
		slash(11, Perbill::from_percent(50));
		slash(21, Perbill::from_percent(50));
		slash(31, Perbill::from_percent(50));
		let value_at_request = LiquidStaking::value_of(shares);
		let id = redeem(1, shares);
		run_to_era(6);
		let before = bst(1);
		assert_ok!(LiquidStaking::claim(RuntimeOrigin::signed(1), vec![id].try_into().unwrap()));
		let paid = bst(1) - before;
		assert!(paid < value_at_request * 9 / 10, "paid {paid} of {value_at_request}");
	});
}

/// Entering just before an era's rewards are recognized and leaving at once does not pay:
/// the fast-redeem fee is at least the largest rate increase of an era.
#[test]
fn reward_sniping_around_an_era_change_loses_money() {
	build_and_execute(|| {
		mint(1, 100_000 * UNIT);
		run_to_era(3);
		// Just before the next era work.
		while active_era() < 4 {
			let next = System::block_number() + 1;
			let era_starts = Session::current_index() % SESSIONS_PER_ERA == SESSIONS_PER_ERA - 1 &&
				next.is_multiple_of(SESSION_LENGTH);
			if era_starts {
				break;
			}
			next_block();
		}
		let deposit = 5_000 * UNIT;
		let before = bst(2);
		let shares = mint(2, deposit);
		run_to_era(4);
		assert!(pool().rate() > FixedU128::from_u32(1));
		let value = LiquidStaking::value_of(shares);
		let fee = FastRedeemFee::get().mul_ceil(value);
		assert_ok!(LiquidStaking::fast_redeem(RuntimeOrigin::signed(2), shares, fee));
		assert!(bst(2) < before, "the sniper lost {}", before - bst(2));
	});
}

/// Ten thousand minimum mints: the dust stays in the pool, never with a holder.
#[test]
fn rounding_dust_over_ten_thousand_small_mints_favours_the_pool() {
	build_and_execute(|| {
		mint(1, 1_000 * UNIT);
		run_to_era(5); // a rate above one, so rounding happens
		let rate = pool().rate();
		assert!(rate > FixedU128::from_u32(1));
		let amount = UNIT / 100 + 7;
		let mut shares_total = 0;
		for i in 0..10_000u128 {
			let who = 1_000 + i;
			assert_ok!(Balances::mint_into(&who, UNIT));
			shares_total += mint(who, amount);
		}
		let deposited = amount * 10_000;
		let value = LiquidStaking::value_of(shares_total);
		assert!(value <= deposited, "holders can't have more than they put in");
		assert!(deposited - value <= 10_000 * 2, "dust {} above 2 planck per mint", deposited - value);
		assert!(pool().rate() >= rate);
	});
}
