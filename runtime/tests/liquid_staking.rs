//! Liquid staking on the real runtime: real pallet-staking rewards raise the stBST rate; an
//! equivocation of a validator the pool nominates lowers it in the block the slash lands.

mod common;

use bastion_runtime::{LiquidStaking, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, System, UNIT};
use common::*;
use frame_support::assert_ok;
use sp_keyring::Sr25519Keyring::{Bob, Dave};
use sp_runtime::FixedU128;

fn mint(who: sp_keyring::Sr25519Keyring, amount: u128) {
	apply_signed(who, RuntimeCall::LiquidStaking(pallet_liquid_staking::Call::mint { amount }))
		.expect("valid")
		.expect("mint dispatches");
}

#[test]
fn staking_rewards_raise_the_rate_without_any_bot() {
	new_ext("development").execute_with(|| {
		mint(Bob, 10_000 * UNIT);
		assert_eq!(LiquidStaking::rate(), FixedU128::from_u32(1));
		// Bonded at era 1, exposed from era 2, paid (by the pallet) in era 3, recognized at
		// the era 4 work.
		run_to_era(5);
		let rate = LiquidStaking::rate();
		assert!(rate > FixedU128::from_u32(1), "rate {rate:?}");
		LiquidStaking::do_try_state().expect("invariants hold");
	});
}

#[test]
fn an_equivocation_of_a_nominated_validator_lowers_the_rate_in_the_same_block() {
	new_ext("local_testnet").execute_with(|| {
		mint(Bob, 100_000 * UNIT);
		start_block();
		assert_ok!(LiquidStaking::set_targets(
			RuntimeOrigin::root(),
			vec![Dave.to_account_id()].try_into().unwrap()
		));
		finish_block();
		// Bonded and nominating Dave at era 1; exposed to Dave from era 2.
		run_to_era(2);
		let stash = LiquidStaking::stash_account(0);
		assert!(pallet_staking::Nominators::<Runtime>::get(&stash).is_some());

		report_babe_equivocation(Dave);
		let mut rate = LiquidStaking::rate();
		let mut slashed_in_block = false;
		for _ in 0..(4 * bastion_runtime::configs::timing::EraDurationInBlocks::get()) {
			next_block();
			let pool_slashed = System::events().iter().any(|r| matches!(
				&r.event,
				RuntimeEvent::Staking(pallet_staking::Event::Slashed { staker, .. }) if *staker == stash
			));
			let now = LiquidStaking::rate();
			if pool_slashed {
				assert!(now < rate, "the rate fell in the slash's block: {rate:?} -> {now:?}");
				assert!(System::events().iter().any(|r| matches!(
					r.event,
					RuntimeEvent::LiquidStaking(pallet_liquid_staking::Event::Slashed { .. })
				)));
				slashed_in_block = true;
				break;
			}
			rate = now;
		}
		assert!(slashed_in_block, "the deferred slash was applied");
		LiquidStaking::do_try_state().expect("invariants hold");
	});
}
