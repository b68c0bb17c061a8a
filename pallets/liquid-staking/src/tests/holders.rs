//! mint, redeem, claim, fast_redeem: what they do and what they refuse.

use super::*;
use crate::{Error, Event, Requests, SubPools};
use frame_support::{assert_noop, assert_ok, BoundedVec};
use sp_runtime::FixedU128;

#[test]
fn genesis_has_dead_shares_at_rate_one() {
	build_and_execute(|| {
		let pool = pool();
		assert_eq!(pool.supply, DEAD_DEPOSIT);
		// Bonded from the first stash, nominating from genesis.
		assert_eq!(pool.active_bonded, DEAD_DEPOSIT);
		assert_eq!(pool.pending_bond, 0);
		assert!(!pallet_staking::Nominators::<Test>::get(LiquidStaking::stash_account(0))
			.unwrap()
			.targets
			.is_empty());
		assert_eq!(pool.rate(), FixedU128::from_u32(1));
		assert_eq!(stbst(LiquidStaking::dead_shares_account()), DEAD_DEPOSIT);
	});
}

#[test]
fn mint_takes_bst_and_gives_stbst_at_the_rate() {
	build_and_execute(|| {
		let before = bst(1);
		let shares = mint(1, 100 * UNIT);
		assert_eq!(shares, 100 * UNIT);
		assert_eq!(bst(1), before - 100 * UNIT);
		assert_eq!(pool().pending_bond, 100 * UNIT);
		assert_eq!(pool().supply, DEAD_DEPOSIT + 100 * UNIT);
		assert!(events().contains(&Event::Minted { who: 1, amount: 100 * UNIT, shares }));
	});
}

#[test]
fn mint_refuses_bad_input_and_changes_nothing() {
	build_and_execute(|| {
		assert_noop!(
			LiquidStaking::mint(RuntimeOrigin::signed(1), 0),
			Error::<Test>::AmountTooSmall
		);
		assert_noop!(
			LiquidStaking::mint(RuntimeOrigin::signed(1), UNIT / 100 - 1),
			Error::<Test>::AmountTooSmall
		);
		assert_noop!(
			LiquidStaking::mint(RuntimeOrigin::signed(1), USER_BALANCE * 2),
			Error::<Test>::InsufficientBalance
		);
		// An account with nothing.
		assert_noop!(
			LiquidStaking::mint(RuntimeOrigin::signed(500), UNIT),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(LiquidStaking::mint(RuntimeOrigin::none(), UNIT), sp_runtime::DispatchError::BadOrigin);
	});
}

#[test]
fn minting_paused_or_capped_is_refused_but_redeem_goes_on() {
	build_and_execute(|| {
		let shares = mint(1, 100 * UNIT);
		assert_ok!(LiquidStaking::pause_minting(RuntimeOrigin::root()));
		assert_noop!(
			LiquidStaking::mint(RuntimeOrigin::signed(2), UNIT),
			Error::<Test>::MintingIsPaused
		);
		assert_ok!(LiquidStaking::redeem(RuntimeOrigin::signed(1), shares / 2));
		assert_ok!(LiquidStaking::resume_minting(RuntimeOrigin::root()));

		let total = pool().total_pooled();
		assert_ok!(LiquidStaking::set_mint_cap(RuntimeOrigin::root(), Some(total + 10 * UNIT)));
		assert_noop!(
			LiquidStaking::mint(RuntimeOrigin::signed(2), 11 * UNIT),
			Error::<Test>::MintCapExceeded
		);
		mint(2, 10 * UNIT);
	});
}

#[test]
fn redeem_burns_and_opens_a_request_in_this_eras_sub_pool() {
	build_and_execute(|| {
		let shares = mint(1, 100 * UNIT);
		let id = redeem(1, shares);
		assert_eq!(stbst(1), 0);
		let request = Requests::<Test>::get(id).unwrap();
		assert_eq!((request.owner, request.era, request.points), (1, 0, 100 * UNIT));
		let sub_pool = SubPools::<Test>::get(0).unwrap();
		assert_eq!(sub_pool.value(), 100 * UNIT);
		assert_eq!(sub_pool.unlock_era, None);
		assert_eq!(pool().total_pooled(), DEAD_DEPOSIT);
		assert_eq!(pool().rate(), FixedU128::from_u32(1));
	});
}

#[test]
fn redeem_refuses_bad_input_and_changes_nothing() {
	build_and_execute(|| {
		let shares = mint(1, 100 * UNIT);
		assert_noop!(LiquidStaking::redeem(RuntimeOrigin::signed(1), 0), Error::<Test>::ZeroShares);
		assert_noop!(
			LiquidStaking::redeem(RuntimeOrigin::signed(1), UNIT / 1000),
			Error::<Test>::AmountTooSmall
		);
		assert_noop!(
			LiquidStaking::redeem(RuntimeOrigin::signed(1), shares + 1),
			Error::<Test>::InsufficientShares
		);
		assert_noop!(
			LiquidStaking::redeem(RuntimeOrigin::signed(2), UNIT),
			Error::<Test>::InsufficientShares
		);
	});
}

#[test]
fn too_many_requests_are_refused() {
	build_and_execute(|| {
		mint(1, 1_000 * UNIT);
		for _ in 0..16 {
			redeem(1, UNIT);
		}
		assert_noop!(
			LiquidStaking::redeem(RuntimeOrigin::signed(1), UNIT),
			Error::<Test>::TooManyRequests
		);
	});
}

#[test]
fn a_request_is_claimed_after_the_bonding_duration() {
	build_and_execute(|| {
		run_to_era(1);
		let shares = mint(1, 100 * UNIT);
		run_to_era(2); // bonded
		let id = redeem(1, shares);
		let ids: BoundedVec<_, _> = vec![id].try_into().unwrap();
		assert_noop!(
			LiquidStaking::claim(RuntimeOrigin::signed(1), ids.clone()),
			Error::<Test>::NotClaimable
		);
		run_to_era(3); // unbonded: unlocks at era 3 + bonding (3)
		let unlock = SubPools::<Test>::get(2).unwrap().unlock_era.unwrap();
		assert_eq!(unlock, 6);
		run_to_era(5);
		assert_noop!(
			LiquidStaking::claim(RuntimeOrigin::signed(1), ids.clone()),
			Error::<Test>::NotClaimable
		);
		run_to_era(6);
		let before = bst(1);
		assert_ok!(LiquidStaking::claim(RuntimeOrigin::signed(1), ids));
		let paid = bst(1) - before;
		// The rate rose between mint and redeem (rewards): at least what was put in.
		assert!(paid >= 100 * UNIT, "paid {paid}");
		assert!(Requests::<Test>::get(id).is_none());
		assert!(SubPools::<Test>::get(2).is_none());
	});
}

#[test]
fn claim_refuses_bad_input_and_changes_nothing() {
	build_and_execute(|| {
		let shares = mint(1, 100 * UNIT);
		let id = redeem(1, shares / 2);
		let ids = |v: Vec<u64>| -> BoundedVec<u64, _> { v.try_into().unwrap() };
		assert_noop!(
			LiquidStaking::claim(RuntimeOrigin::signed(1), ids(vec![])),
			Error::<Test>::NoRequests
		);
		assert_noop!(
			LiquidStaking::claim(RuntimeOrigin::signed(1), ids(vec![77])),
			Error::<Test>::UnknownRequest
		);
		assert_noop!(
			LiquidStaking::claim(RuntimeOrigin::signed(2), ids(vec![id])),
			Error::<Test>::NotRequestOwner
		);
		assert_noop!(
			LiquidStaking::claim(RuntimeOrigin::signed(1), ids(vec![id, id])),
			Error::<Test>::DuplicateRequest
		);
		assert_noop!(
			LiquidStaking::claim(RuntimeOrigin::signed(1), ids(vec![id])),
			Error::<Test>::NotClaimable
		);
	});
}

#[test]
fn fast_redeem_pays_at_once_less_the_fee_which_stays_in_the_pool() {
	build_and_execute(|| {
		let shares = mint(1, 100 * UNIT);
		let before = bst(1);
		let fee = FastRedeemFee::get().mul_ceil(10 * UNIT);
		assert_ok!(LiquidStaking::fast_redeem(RuntimeOrigin::signed(1), 10 * UNIT, fee));
		assert_eq!(bst(1) - before, 10 * UNIT - fee);
		assert_eq!(stbst(1), shares - 10 * UNIT);
		assert_eq!(pool().deferred_liquid, fee);
		// Recognized at the next era: the rate rises for those who stayed.
		run_to_era(1);
		assert!(pool().rate() > FixedU128::from_u32(1));
	});
}

#[test]
fn fast_redeem_refuses_bad_input_and_changes_nothing() {
	build_and_execute(|| {
		let shares = mint(1, 100 * UNIT);
		let fee = FastRedeemFee::get().mul_ceil(10 * UNIT);
		assert_noop!(
			LiquidStaking::fast_redeem(RuntimeOrigin::signed(1), 10 * UNIT, fee - 1),
			Error::<Test>::FeeAboveMax
		);
		assert_noop!(
			LiquidStaking::fast_redeem(RuntimeOrigin::signed(1), 0, 0),
			Error::<Test>::ZeroShares
		);
		assert_noop!(
			LiquidStaking::fast_redeem(RuntimeOrigin::signed(2), 10 * UNIT, fee),
			Error::<Test>::InsufficientShares
		);
		// Bonded: the buffer no longer holds it all.
		run_to_era(1);
		let buffer = pool().pending_bond;
		assert!(buffer < shares);
		assert_noop!(
			LiquidStaking::fast_redeem(RuntimeOrigin::signed(1), shares, shares),
			Error::<Test>::InsufficientLiquidity
		);
	});
}
