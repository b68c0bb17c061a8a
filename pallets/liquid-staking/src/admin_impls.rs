//! What the admin origin sets: targets, the protocol fee, the mint cap, the minting pause.

use crate::{pallet::*, StashIndex};
use alloc::vec::Vec;
use bastion_primitives::{staking::NativeStaking, Balance};
use frame_support::{ensure, pallet_prelude::*};
use sp_runtime::Perbill;

impl<T: Config> Pallet<T> {
	/// Checks a target list: not empty, no duplicates, not more than the stashes can
	/// nominate.
	pub(crate) fn check_targets(targets: &[T::AccountId]) -> DispatchResult {
		ensure!(!targets.is_empty(), Error::<T>::NoTargets);
		let capacity = T::MaxStashes::get().saturating_mul(T::Staking::max_nominations());
		ensure!(targets.len() as u32 <= capacity, Error::<T>::TooManyTargets);
		for (i, target) in targets.iter().enumerate() {
			ensure!(!targets[..i].contains(target), Error::<T>::DuplicateTarget);
		}
		Ok(())
	}

	pub(crate) fn do_set_targets(targets: BoundedVec<T::AccountId, T::MaxTargets>) -> DispatchResult {
		Self::check_targets(&targets)?;
		Targets::<T>::put(&targets);
		for index in 0..T::MaxStashes::get() {
			if StashLedgers::<T>::get(index).active >= T::Staking::minimum_bond() {
				Self::nominate_share(index);
			}
		}
		Self::deposit_event(Event::TargetsSet { targets: targets.into_inner() });
		Ok(())
	}

	/// The targets stash `index` nominates: every `MaxStashes`-th target from its index, or,
	/// with fewer targets than stashes, one of them.
	pub fn share_of_targets(index: StashIndex) -> Vec<T::AccountId> {
		let targets = Targets::<T>::get();
		if targets.is_empty() {
			return Vec::new();
		}
		let stashes = T::MaxStashes::get().max(1) as usize;
		let share: Vec<_> =
			targets.iter().skip(index as usize % stashes).step_by(stashes).cloned().collect();
		if share.is_empty() {
			alloc::vec![targets[index as usize % targets.len()].clone()]
		} else {
			share
		}
	}

	/// Makes stash `index` nominate its share of the targets; a refusal is reported, not
	/// fatal (the stash keeps its nominations).
	pub(crate) fn nominate_share(index: StashIndex) {
		let share = Self::share_of_targets(index);
		if share.is_empty() {
			return;
		}
		let stash = Self::stash_account(index);
		if let Err(error) = T::Staking::nominate(&stash, share) {
			Self::deposit_event(Event::StakingOperationFailed { stash, error });
		}
	}

	pub(crate) fn do_set_protocol_fee(fee: Perbill) -> DispatchResult {
		ensure!(fee <= T::MaxProtocolFee::get(), Error::<T>::ProtocolFeeTooHigh);
		ProtocolFee::<T>::put(fee);
		Self::deposit_event(Event::ProtocolFeeSet { fee });
		Ok(())
	}

	pub(crate) fn do_set_mint_cap(cap: Option<Balance>) -> DispatchResult {
		MintCap::<T>::set(cap);
		Self::deposit_event(Event::MintCapSet { cap });
		Ok(())
	}

	pub(crate) fn do_set_minting_paused(paused: bool) -> DispatchResult {
		MintingPaused::<T>::put(paused);
		Self::deposit_event(if paused { Event::MintingPaused } else { Event::MintingResumed });
		Ok(())
	}

	/// Checks the runtime's constants (run by `integrity_test`).
	pub(crate) fn check_config() {
		let bonding = T::Staking::bonding_duration();
		assert!(T::MaxStashes::get() >= 1, "at least one stash");
		assert!(
			T::MaxOpenSubPools::get() >= bonding.saturating_add(2),
			"MaxOpenSubPools must cover the bonding duration plus two eras"
		);
		assert!(
			crate::MAX_UNLOCKING_ERAS >= bonding.saturating_add(2),
			"a stash unbonds once per era: MAX_UNLOCKING_ERAS must cover the bonding duration"
		);
		assert!(
			T::FastRedeemFee::get() >= T::MaxRateIncreasePerEra::get(),
			"a fast redemption must cost at least one era's largest rate increase"
		);
		assert!(
			T::MaxTargets::get() <= T::MaxStashes::get().saturating_mul(T::Staking::max_nominations()),
			"MaxTargets above what the stashes can nominate"
		);
	}
}
