//! Slashes of the pool's stashes: applied in the same block, shared pro-rata.

use super::*;
use crate::{Event, SubPools};
use frame_support::assert_ok;
use sp_runtime::Perbill;

#[test]
fn a_slash_lowers_the_rate_in_the_same_block() {
	build_and_execute(|| {
		mint(1, 10_000 * UNIT);
		run_to_era(2);
		let rate = pool().rate();
		slash(11, Perbill::from_percent(10));
		let after = pool().rate();
		assert!(after < rate, "{rate:?} -> {after:?}");
		assert!(events().iter().any(|e| matches!(e, Event::Slashed { .. })));
	});
}

#[test]
fn unbonding_requests_share_a_slash_pro_rata() {
	build_and_execute(|| {
		let a = mint(1, 1_000 * UNIT);
		let b = mint(2, 3_000 * UNIT);
		run_to_era(2);
		let ra = redeem(1, a);
		let rb = redeem(2, b);
		run_to_era(3); // unbonding
		let value_before = SubPools::<Test>::get(2).unwrap().value();
		slash(11, Perbill::from_percent(50));
		slash(21, Perbill::from_percent(50));
		slash(31, Perbill::from_percent(50));
		let value_after = SubPools::<Test>::get(2).unwrap().value();
		assert!(value_after < value_before);
		run_to_era(6);
		let (a0, b0) = (bst(1), bst(2));
		assert_ok!(LiquidStaking::claim(RuntimeOrigin::signed(1), vec![ra].try_into().unwrap()));
		assert_ok!(LiquidStaking::claim(RuntimeOrigin::signed(2), vec![rb].try_into().unwrap()));
		let (paid_a, paid_b) = (bst(1) - a0, bst(2) - b0);
		// Pro-rata: b redeemed three times a's value.
		assert!(paid_b.abs_diff(3 * paid_a) <= 3, "{paid_a} {paid_b}");
		assert!(paid_a < 1_000 * UNIT + 1_000 * UNIT / 100);
	});
}

#[test]
fn a_slash_of_a_validator_the_pool_does_not_back_changes_nothing() {
	build_and_execute(|| {
		mint(1, 10_000 * UNIT);
		run_to_era(2);
		// Stop nominating 31, then slash it in a later era.
		assert_ok!(LiquidStaking::set_targets(
			RuntimeOrigin::root(),
			vec![11, 21].try_into().unwrap()
		));
		run_to_era(4);
		let rate = pool().rate();
		slash(31, Perbill::from_percent(50));
		assert_eq!(pool().rate(), rate);
	});
}
