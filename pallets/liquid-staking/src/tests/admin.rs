//! The admin calls.

use super::*;
use crate::{Error, Event, MintCap, MintingPaused, ProtocolFee, Targets};
use bastion_primitives::staking::NativeStaking;
use frame_support::{assert_noop, assert_ok, BoundedVec};
use sp_runtime::{DispatchError, Perbill};

type Native = crate::adapter::PalletStaking<Test>;

fn targets(v: Vec<AccountId>) -> BoundedVec<AccountId, frame_support::traits::ConstU32<8>> {
	v.try_into().unwrap()
}

#[test]
fn only_the_admin_sets_anything() {
	build_and_execute(|| {
		let user = RuntimeOrigin::signed(1);
		assert_noop!(LiquidStaking::set_targets(user.clone(), targets(vec![11])), DispatchError::BadOrigin);
		assert_noop!(LiquidStaking::set_protocol_fee(user.clone(), Perbill::zero()), DispatchError::BadOrigin);
		assert_noop!(LiquidStaking::set_mint_cap(user.clone(), None), DispatchError::BadOrigin);
		assert_noop!(LiquidStaking::pause_minting(user.clone()), DispatchError::BadOrigin);
		assert_noop!(LiquidStaking::resume_minting(user), DispatchError::BadOrigin);
	});
}

#[test]
fn targets_are_spread_over_the_stashes() {
	build_and_execute(|| {
		mint(1, 10_000 * UNIT);
		run_to_era(1);
		mint(2, 10_000 * UNIT);
		run_to_era(2); // both stashes bonded
		assert_ok!(LiquidStaking::set_targets(RuntimeOrigin::root(), targets(vec![11, 21, 31])));
		assert_eq!(Native::nominations(&LiquidStaking::stash_account(0)), vec![11, 31]);
		assert_eq!(Native::nominations(&LiquidStaking::stash_account(1)), vec![21]);
		assert_eq!(Targets::<Test>::get().into_inner(), vec![11, 21, 31]);
		assert!(events().contains(&Event::TargetsSet { targets: vec![11, 21, 31] }));
	});
}

#[test]
fn bad_targets_are_refused() {
	build_and_execute(|| {
		assert_noop!(
			LiquidStaking::set_targets(RuntimeOrigin::root(), targets(vec![])),
			Error::<Test>::NoTargets
		);
		assert_noop!(
			LiquidStaking::set_targets(RuntimeOrigin::root(), targets(vec![11, 21, 11])),
			Error::<Test>::DuplicateTarget
		);
	});
}

#[test]
fn the_protocol_fee_is_bounded() {
	build_and_execute(|| {
		assert_noop!(
			LiquidStaking::set_protocol_fee(RuntimeOrigin::root(), Perbill::from_percent(31)),
			Error::<Test>::ProtocolFeeTooHigh
		);
		assert_ok!(LiquidStaking::set_protocol_fee(RuntimeOrigin::root(), Perbill::from_percent(30)));
		assert_eq!(ProtocolFee::<Test>::get(), Perbill::from_percent(30));
	});
}

#[test]
fn cap_and_pause_are_stored() {
	build_and_execute(|| {
		assert_ok!(LiquidStaking::set_mint_cap(RuntimeOrigin::root(), Some(5 * UNIT)));
		assert_eq!(MintCap::<Test>::get(), Some(5 * UNIT));
		assert_ok!(LiquidStaking::set_mint_cap(RuntimeOrigin::root(), None));
		assert_eq!(MintCap::<Test>::get(), None);
		assert_ok!(LiquidStaking::pause_minting(RuntimeOrigin::root()));
		assert!(MintingPaused::<Test>::get());
		assert_ok!(LiquidStaking::resume_minting(RuntimeOrigin::root()));
		assert!(!MintingPaused::<Test>::get());
	});
}
