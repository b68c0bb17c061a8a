//! Rewards: commission first, pro-rata by shares, O(1) claims.

use super::*;
use crate::{Error, UnclaimedRewards};
use bastion_primitives::restaking::Restaking as _;
use frame_support::{assert_noop, assert_ok};

/// The account crediting rewards (the AVS registry's, in the runtime).
fn funder() -> AccountId {
	acc(60)
}

#[test]
fn rewards_pay_the_commission_then_delegators_pro_rata() {
	build_and_execute(|| {
		let operator = register(1);
		delegate(&acc(1), &operator, STBST, 300 * UNIT);
		delegate(&acc(2), &operator, STBST, 100 * UNIT);
		let operator_before = balance(&BST, &operator);
		assert_ok!(Restaking::credit_rewards(&operator, &STBST, &BST, 100 * UNIT, &funder()));
		assert_eq!(balance(&BST, &operator) - operator_before, 10 * UNIT);
		for (who, expected) in [(acc(1), 675 * UNIT / 10), (acc(2), 225 * UNIT / 10)] {
			let before = balance(&BST, &who);
			assert_ok!(Restaking::claim_rewards(RuntimeOrigin::signed(who.clone()), operator.clone(), STBST));
			let paid = balance(&BST, &who) - before;
			assert!(paid.abs_diff(expected) <= 1, "{paid} {expected}");
		}
		// Nothing twice.
		let before = balance(&BST, &acc(1));
		assert_ok!(Restaking::claim_rewards(RuntimeOrigin::signed(acc(1)), operator, STBST));
		assert_eq!(balance(&BST, &acc(1)), before);
	});
}

#[test]
fn a_late_delegator_earns_only_what_is_credited_after_it() {
	build_and_execute(|| {
		let operator = register(1);
		delegate(&acc(1), &operator, STBST, 100 * UNIT);
		assert_ok!(Restaking::credit_rewards(&operator, &STBST, &BST, 10 * UNIT, &funder()));
		delegate(&acc(2), &operator, STBST, 100 * UNIT);
		assert_ok!(Restaking::credit_rewards(&operator, &STBST, &BST, 10 * UNIT, &funder()));
		let before = balance(&BST, &acc(2));
		assert_ok!(Restaking::claim_rewards(RuntimeOrigin::signed(acc(2)), operator.clone(), STBST));
		assert!((balance(&BST, &acc(2)) - before).abs_diff(45 * UNIT / 10) <= 1);
		// Undelegating settles what was earned; it stays claimable.
		let s = shares(&acc(1), &operator, &STBST);
		undelegate(&acc(1), &operator, STBST, s);
		assert!(UnclaimedRewards::<Test>::get(acc(1), BST).abs_diff(9 * UNIT + 45 * UNIT / 10) <= 1);
	});
}

#[test]
fn crediting_an_empty_pool_is_refused_and_moves_nothing() {
	build_and_execute(|| {
		let operator = register(1);
		let before = balance(&BST, &funder());
		assert_noop!(
			Restaking::credit_rewards(&operator, &STBST, &BST, 10 * UNIT, &funder()),
			Error::<Test>::NoDelegators
		);
		assert_eq!(balance(&BST, &funder()), before);
	});
}
