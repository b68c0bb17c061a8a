//! The whitelist of restakable assets.

use super::*;
use crate::{Error, Event, RestakableAssets};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn governance_adds_caps_and_removes_assets() {
	build_and_execute(|| {
		assert_ok!(Restaking::add_asset(RuntimeOrigin::root(), UNLISTED, 500 * UNIT));
		assert!(events().contains(&Event::AssetAdded { asset: UNLISTED, cap: 500 * UNIT }));
		assert_ok!(Restaking::set_asset_cap(RuntimeOrigin::root(), UNLISTED, 600 * UNIT));
		assert_eq!(RestakableAssets::<Test>::get(UNLISTED).unwrap().cap, 600 * UNIT);
		assert_ok!(Restaking::remove_asset(RuntimeOrigin::root(), UNLISTED));
		assert!(RestakableAssets::<Test>::get(UNLISTED).is_none());
	});
}

#[test]
fn asset_calls_refuse_bad_input() {
	build_and_execute(|| {
		assert_noop!(Restaking::add_asset(RuntimeOrigin::signed(acc(1)), UNLISTED, 1), DispatchError::BadOrigin);
		assert_noop!(Restaking::add_asset(RuntimeOrigin::root(), STBST, 1), Error::<Test>::AssetAlreadyRestakable);
		assert_noop!(Restaking::set_asset_cap(RuntimeOrigin::root(), UNLISTED, 1), Error::<Test>::AssetNotRestakable);
		assert_noop!(Restaking::remove_asset(RuntimeOrigin::root(), UNLISTED), Error::<Test>::AssetNotRestakable);
		let operator = register(1);
		delegate(&acc(1), &operator, STBST, UNIT);
		assert_noop!(Restaking::remove_asset(RuntimeOrigin::root(), STBST), Error::<Test>::AssetInUse);
	});
}

#[test]
fn caps_bound_deposits() {
	build_and_execute(|| {
		let operator = register(1);
		delegate(&acc(1), &operator, CAPPED, CAPPED_CAP - UNIT);
		assert_noop!(
			Restaking::delegate(RuntimeOrigin::signed(acc(2)), operator.clone(), CAPPED, 2 * UNIT),
			Error::<Test>::AssetCapExceeded
		);
		delegate(&acc(2), &operator, CAPPED, UNIT);
		// Lowering the cap below what is restaked only stops new deposits; exits go on.
		assert_ok!(Restaking::set_asset_cap(RuntimeOrigin::root(), CAPPED, 0));
		let s = shares(&acc(2), &operator, &CAPPED);
		let id = undelegate(&acc(2), &operator, CAPPED, s);
		advance(WITHDRAWAL_DELAY);
		assert_ok!(Restaking::complete_withdrawal(RuntimeOrigin::signed(acc(2)), id));
	});
}
