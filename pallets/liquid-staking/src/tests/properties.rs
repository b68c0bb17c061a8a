//! Property tests: random sequences of mint, redeem, fast_redeem, claim, era changes,
//! rewards, slashes and donations keep every invariant, and a mint followed at once by a
//! redemption never returns more than was put in.

use super::*;
use crate::{AccountRequests, Requests};
use frame_support::traits::{fungible::Mutate as _, tokens::Preservation};
use proptest::prelude::*;
use sp_runtime::{traits::{One, Saturating}, FixedU128, Perbill};

#[derive(Debug, Clone)]
enum Op {
	Mint { who: AccountId, amount: u128 },
	Redeem { who: AccountId, percent: u8 },
	FastRedeem { who: AccountId, percent: u8 },
	Claim { who: AccountId },
	NextEra,
	SetReward { units: u128 },
	Slash { validator: usize, percent: u8 },
	Donate { amount: u128 },
	/// Mint then fast-redeem at once: must not gain.
	RoundTrip { who: AccountId, amount: u128 },
}

fn op() -> impl Strategy<Value = Op> {
	prop_oneof![
		4 => (1..=5u128, 1..=50_000u128).prop_map(|(who, units)| Op::Mint { who, amount: units * UNIT / 10 }),
		3 => (1..=5u128, 1..=100u8).prop_map(|(who, percent)| Op::Redeem { who, percent }),
		1 => (1..=5u128, 1..=100u8).prop_map(|(who, percent)| Op::FastRedeem { who, percent }),
		2 => (1..=5u128).prop_map(|who| Op::Claim { who }),
		3 => Just(Op::NextEra),
		1 => (0..=5_000u128).prop_map(|units| Op::SetReward { units }),
		1 => (0..3usize, 1..=60u8).prop_map(|(validator, percent)| Op::Slash { validator, percent }),
		1 => (1..=10_000u128).prop_map(|units| Op::Donate { amount: units * UNIT }),
		1 => (6..=7u128, 1..=10_000u128).prop_map(|(who, units)| Op::RoundTrip { who, amount: units * UNIT }),
	]
}

fn apply(op: &Op) -> Result<(), TestCaseError> {
	let origin = |who| RuntimeOrigin::signed(who);
	match op.clone() {
		Op::Mint { who, amount } => {
			let _ = LiquidStaking::mint(origin(who), amount);
		},
		Op::Redeem { who, percent } => {
			let shares = stbst(who) * percent as u128 / 100;
			let _ = LiquidStaking::redeem(origin(who), shares);
		},
		Op::FastRedeem { who, percent } => {
			let shares = stbst(who) * percent as u128 / 100;
			let _ = LiquidStaking::fast_redeem(origin(who), shares, u128::MAX);
		},
		Op::Claim { who } => {
			let ids = AccountRequests::<Test>::get(who);
			for id in ids {
				let _ = LiquidStaking::claim(origin(who), vec![id].try_into().unwrap());
			}
		},
		Op::NextEra => run_to_era(active_era() + 1),
		Op::SetReward { units } => EraReward::set(units * UNIT),
		Op::Slash { validator, percent } =>
			slash(VALIDATORS[validator], Perbill::from_percent(percent as u32)),
		Op::Donate { amount } => {
			let _ = Balances::transfer(&9, &pallet_account(), amount, Preservation::Preserve);
		},
		Op::RoundTrip { who, amount } => {
			let _ = Balances::mint_into(&who, amount * 2);
			let before = bst(who);
			if LiquidStaking::mint(origin(who), amount).is_ok() {
				let shares = stbst(who);
				// Whatever path: the immediate value never exceeds the deposit...
				prop_assert!(LiquidStaking::value_of(shares) <= amount);
				// ...and leaving at once returns less than was put in.
				if LiquidStaking::fast_redeem(origin(who), shares, u128::MAX).is_ok() {
					prop_assert!(bst(who) <= before);
				}
			}
		},
	}
	Ok(())
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

	#[test]
	fn invariants_hold_over_random_sequences(ops in prop::collection::vec(op(), 1..40)) {
		new_test_ext().execute_with(|| -> Result<(), TestCaseError> {
			let mut era_rate = pool().era_rate;
			for op in &ops {
				apply(op)?;
				if let Err(e) = LiquidStaking::do_try_state() {
					return Err(TestCaseError::fail(format!("after {op:?}: {e:?}")));
				}
				// The rate only rises at era work, by at most the cap (plus rounding).
				let pool = pool();
				if pool.era_rate > era_rate {
					let ceiling = era_rate.saturating_mul(FixedU128::one() + FixedU128::from_perbill(MaxRateIncreasePerEra::get()))
						+ FixedU128::from_inner(1_000_000);
					prop_assert!(pool.era_rate <= ceiling, "{era_rate:?} -> {:?} after {op:?}", pool.era_rate);
				}
				era_rate = pool.era_rate;
				prop_assert!(Requests::<Test>::iter().count() <= 5 * 16 + 2 * 16);
			}
			Ok(())
		})?;
	}
}
