//! Era work: bonding, rewards, the rate cap, unbonding, withdrawals, payouts.

use super::*;
use crate::{Event, PayoutQueue, StashLedgers, SubPools};
use bastion_primitives::staking::NativeStaking;
use frame_support::assert_ok;
use sp_runtime::{traits::Saturating, FixedU128, Perbill};

type Native = crate::adapter::PalletStaking<Test>;

#[test]
fn the_first_era_bonds_pending_above_the_buffer_and_nominates() {
	build_and_execute(|| {
		mint(1, 1_000 * UNIT);
		run_to_era(1);
		let pool = pool();
		let total = pool.total_pooled();
		let buffer = LiquidityBuffer::get().mul_floor(total);
		assert_eq!(pool.pending_bond, buffer);
		assert_eq!(pool.active_bonded, total - buffer);
		// Into the smaller stash (stash 0 holds the genesis deposit).
		let stash = LiquidStaking::stash_account(1);
		assert_eq!(Native::active_stake(&stash), Some(total - buffer - DEAD_DEPOSIT));
		assert_eq!(StashLedgers::<Test>::get(1).active, total - buffer - DEAD_DEPOSIT);
		assert!(!Native::nominations(&stash).is_empty());
		assert!(matches!(last_era_event(), Some(Event::EraProcessed { era: 1, .. })));
	});
}

#[test]
fn rewards_are_claimed_by_the_pallet_and_raise_the_rate() {
	build_and_execute(|| {
		mint(1, 10_000 * UNIT);
		run_to_era(2); // bonded in era 1, exposed from era 2
		let rate_before = pool().rate();
		run_to_era(4);
		assert!(events().iter().any(|e| matches!(e, Event::PayoutClaimed { .. })));
		let rate_after = pool().rate();
		assert!(rate_after > rate_before, "{rate_before:?} -> {rate_after:?}");
		// Nobody called payout_stakers: the pallet did.
		assert!(PayoutQueue::<Test>::get().len() <= VALIDATORS.len());
	});
}

#[test]
fn the_protocol_fee_is_minted_as_stbst() {
	build_and_execute(|| {
		mint(1, 10_000 * UNIT);
		run_to_era(4);
		let fee_shares = stbst(FEE_RECIPIENT);
		assert!(fee_shares > 0);
		assert_eq!(pool().supply, DEAD_DEPOSIT + 10_000 * UNIT + fee_shares);
	});
}

#[test]
fn rate_increases_are_capped_per_era_and_the_excess_carried() {
	build_and_execute(|| {
		MaxRateIncreasePerEra::set(Perbill::from_parts(1_000)); // 0.0001%
		FastRedeemFee::set(Perbill::from_percent(1));
		mint(1, 10_000 * UNIT);
		run_to_era(2);
		let mut rate = pool().era_rate;
		for era in 3..8 {
			run_to_era(era);
			let new_rate = pool().era_rate;
			let ceiling = rate.saturating_mul(FixedU128::from_rational(1_000_001, 1_000_000)) +
				FixedU128::from_inner(1);
			assert!(new_rate <= ceiling, "era {era}: {rate:?} -> {new_rate:?}");
			rate = new_rate;
		}
		assert!(pool().deferred() > 0, "the excess is carried");
	});
}

#[test]
fn redemptions_are_unbonded_once_per_era_and_withdrawn_when_mature() {
	build_and_execute(|| {
		let shares = mint(1, 1_000 * UNIT);
		run_to_era(2);
		redeem(1, shares / 2);
		redeem(1, shares / 4);
		let sub_pool = SubPools::<Test>::get(2).unwrap();
		assert!(sub_pool.bonded > 0);
		run_to_era(3);
		let sub_pool = SubPools::<Test>::get(2).unwrap();
		assert_eq!(sub_pool.unlock_era, Some(6));
		let chunks: u32 = (0..MaxStashes::get())
			.map(|i| StashLedgers::<Test>::get(i).unlocking.len() as u32)
			.sum();
		assert!(chunks >= 1);
		run_to_era(6);
		let sub_pool = SubPools::<Test>::get(2).unwrap();
		assert_eq!(sub_pool.bonded, 0);
		assert!(sub_pool.is_claimable(6));
	});
}

#[test]
fn redemptions_net_against_pending_deposits() {
	build_and_execute(|| {
		let shares = mint(1, 1_000 * UNIT);
		run_to_era(2);
		redeem(1, shares / 10);
		mint(2, 1_000 * UNIT);
		run_to_era(3);
		match last_era_event() {
			Some(Event::EraProcessed { report, .. }) => {
				assert!(report.netted > 0);
				assert_eq!(report.unbonded, 0);
			},
			other => panic!("{other:?}"),
		}
	});
}

#[test]
fn everyone_can_leave_even_below_the_minimum_bond() {
	build_and_execute(|| {
		let a = mint(1, 5 * UNIT);
		let b = mint(2, 3 * UNIT);
		run_to_era(2);
		let ra = redeem(1, a);
		let rb = redeem(2, b);
		run_to_era(6);
		for (who, id) in [(1, ra), (2, rb)] {
			let before = bst(who);
			assert_ok!(LiquidStaking::claim(
				RuntimeOrigin::signed(who),
				vec![id].try_into().unwrap()
			));
			assert!(bst(who) > before);
		}
	});
}

#[test]
fn era_work_is_done_once_per_era() {
	build_and_execute(|| {
		run_to_era(1);
		let count = || events().iter().filter(|e| matches!(e, Event::EraProcessed { .. })).count();
		assert_eq!(count(), 1);
		next_block();
		next_block();
		assert_eq!(count(), 1);
		run_to_era(2);
		assert_eq!(count(), 2);
	});
}
