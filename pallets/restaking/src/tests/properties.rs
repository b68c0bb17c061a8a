//! Property tests over random delegate / undelegate / complete / allocate / slash / vault
//! sequences: invariants hold; a slash of fraction f takes f (±1 unit) of every position of
//! the slashed operator and nothing of anyone else's; nothing queued escapes a pending slash.

use super::*;
use crate::{AccountWithdrawals, Delegations, Withdrawals};
use bastion_primitives::restaking::{Restaking as _, SlashDestination};
use proptest::prelude::*;
use sp_runtime::Perbill;

#[derive(Debug, Clone)]
enum Op {
	Delegate { who: u8, operator: u8, units: u128 },
	Undelegate { who: u8, operator: u8, percent: u8 },
	Complete { who: u8 },
	Allocate { operator: u8, percent: u32 },
	Slash { operator: u8, percent: u32 },
	Freeze { operator: u8 },
	Unfreeze { operator: u8 },
	Advance { blocks: u64 },
	VaultDeposit { who: u8, units: u128 },
	VaultRedeem { who: u8, percent: u8 },
	Rebalance,
	Reward { operator: u8, units: u128 },
}

fn op_strategy() -> impl Strategy<Value = Op> {
	prop_oneof![
		4 => (1..=6u8, 1..=3u8, 1..=1_000u128).prop_map(|(who, operator, units)| Op::Delegate { who, operator, units }),
		3 => (1..=6u8, 1..=3u8, 1..=100u8).prop_map(|(who, operator, percent)| Op::Undelegate { who, operator, percent }),
		2 => (1..=6u8).prop_map(|who| Op::Complete { who }),
		1 => (1..=3u8, 0..=100u32).prop_map(|(operator, percent)| Op::Allocate { operator, percent }),
		2 => (1..=3u8, 1..=100u32).prop_map(|(operator, percent)| Op::Slash { operator, percent }),
		1 => (1..=3u8).prop_map(|operator| Op::Freeze { operator }),
		1 => (1..=3u8).prop_map(|operator| Op::Unfreeze { operator }),
		2 => (1..=25u64).prop_map(|blocks| Op::Advance { blocks }),
		2 => (1..=6u8, 1..=500u128).prop_map(|(who, units)| Op::VaultDeposit { who, units }),
		1 => (1..=6u8, 1..=100u8).prop_map(|(who, percent)| Op::VaultRedeem { who, percent }),
		1 => Just(Op::Rebalance),
		1 => (1..=3u8, 1..=100u128).prop_map(|(operator, units)| Op::Reward { operator, units }),
	]
}

/// Every position of `operator` (delegations, vault positions included, and withdrawals)
/// with its value now.
fn positions(operator: &AccountId) -> Vec<(String, Balance)> {
	let mut out: Vec<(String, Balance)> = Delegations::<Test>::iter()
		.filter(|((_, o, a), _)| o == operator && *a == STBST)
		.map(|((d, _, _), _)| (format!("d{d:?}"), value(&d, operator, &STBST)))
		.collect();
	out.extend(
		Withdrawals::<Test>::iter()
			.filter(|(_, w)| w.operator == *operator)
			.map(|(id, _)| (format!("w{id}"), withdrawal_value(id))),
	);
	out.sort();
	out
}

fn apply(op: &Op) -> Result<(), TestCaseError> {
	let signed = |n: u8| RuntimeOrigin::signed(acc(n));
	match op.clone() {
		Op::Delegate { who, operator, units } => {
			let _ = Restaking::delegate(signed(who), self::op(operator), STBST, units * UNIT / 10);
		},
		Op::Undelegate { who, operator, percent } => {
			let s = shares(&acc(who), &self::op(operator), &STBST) * percent as u128 / 100;
			let _ = Restaking::undelegate(signed(who), self::op(operator), STBST, s);
		},
		Op::Complete { who } => {
			for id in AccountWithdrawals::<Test>::get(acc(who)) {
				let w = Withdrawals::<Test>::get(id).unwrap();
				let frozen = crate::Operators::<Test>::get(&w.operator).is_some_and(|o| o.frozen > 0);
				let result = Restaking::complete_withdrawal(signed(who), id);
				// No escape: nothing completes while its operator has a pending slash.
				if frozen {
					prop_assert!(result.is_err());
				}
			}
		},
		Op::Allocate { operator, percent } => {
			let _ = Restaking::allocate(
				RuntimeOrigin::signed(self::op(operator)),
				AVS_A,
				STBST,
				Perbill::from_percent(percent),
			);
		},
		Op::Slash { operator, percent } => {
			let slashed = self::op(operator);
			let others: Vec<_> = (1..=3u8).filter(|o| *o != operator).map(|o| positions(&self::op(o))).collect();
			let before = positions(&slashed);
			let fraction = Perbill::from_percent(percent);
			Restaking::slash_pool(&slashed, &STBST, fraction, &SlashDestination::Burn).unwrap();
			let after = positions(&slashed);
			prop_assert_eq!(before.len(), after.len());
			for ((key, b), (_, a)) in before.iter().zip(after.iter()) {
				let expected = *b - fraction.mul_ceil(*b).min(*b);
				// ±1 unit of rounding per position (or the whole side, once worth nothing).
				prop_assert!(a.abs_diff(expected) <= 2 || *a == 0, "{key}: {b} -> {a}, expected {expected}");
			}
			let others_after: Vec<_> = (1..=3u8).filter(|o| *o != operator).map(|o| positions(&self::op(o))).collect();
			prop_assert_eq!(others, others_after, "nobody else is touched");
		},
		Op::Freeze { operator } => Restaking::freeze(&self::op(operator)),
		Op::Unfreeze { operator } => Restaking::unfreeze(&self::op(operator)),
		Op::Advance { blocks } => advance(blocks),
		Op::VaultDeposit { who, units } => {
			let _ = Restaking::vault_deposit(signed(who), 0, units * UNIT / 10);
		},
		Op::VaultRedeem { who, percent } => {
			let lrt = <Assets as frame_support::traits::fungibles::Inspect<_>>::balance(FIRST_LRT, &acc(who));
			let _ = Restaking::vault_redeem(signed(who), 0, lrt * percent as u128 / 100);
		},
		Op::Rebalance => {
			let _ = Restaking::rebalance(signed(1), 0);
		},
		Op::Reward { operator, units } => {
			let _ = Restaking::credit_rewards(&self::op(operator), &STBST, &BST, units * UNIT, &acc(60));
		},
	}
	Ok(())
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

	#[test]
	fn invariants_and_slashing_properties_hold(ops in prop::collection::vec(op_strategy(), 1..50)) {
		new_test_ext().execute_with(|| -> Result<(), TestCaseError> {
			for n in 1..=3u8 {
				register(n);
				join(AVS_A, &self::op(n));
			}
			let weights: frame_support::BoundedVec<_, _> =
				vec![(self::op(1), Perbill::from_percent(50)), (self::op(2), Perbill::from_percent(50))]
					.try_into()
					.unwrap();
			frame_support::assert_ok!(Restaking::create_vault(
				RuntimeOrigin::signed(acc(50)),
				STBST,
				b"v".to_vec(),
				b"v".to_vec(),
				weights
			));
			for op in &ops {
				apply(op)?;
				if let Err(e) = Restaking::do_try_state() {
					return Err(TestCaseError::fail(format!("after {op:?}: {e:?}")));
				}
			}
			Ok(())
		})?;
	}
}
