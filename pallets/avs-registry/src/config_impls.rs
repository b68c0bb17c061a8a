//! AVS configurations: validation, the split of an update into what applies at once and what
//! waits `ConfigChangeDelay`, and the lazy application of waiting changes.

use crate::{pallet::*, AvsConfigOf, AvsConfigParamsOf, AvsInfo, PendingConfig};
use bastion_primitives::restaking::{AvsId, Restaking};
use frame_support::{ensure, pallet_prelude::*, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// Checks `params` and bounds its assets: the windows against the restaking delays, the
	/// accepted assets (present, distinct, bounded, whitelisted), the operator bounds.
	pub(crate) fn validate_config(params: AvsConfigParamsOf<T>) -> Result<AvsConfigOf<T>, DispatchError> {
		let assets = &params.accepted_assets;
		ensure!(!assets.is_empty(), Error::<T>::NoAcceptedAssets);
		ensure!(
			assets.len() <= T::MaxAcceptedAssets::get() as usize,
			Error::<T>::TooManyAcceptedAssets
		);
		for (i, asset) in assets.iter().enumerate() {
			ensure!(!assets[..i].contains(asset), Error::<T>::DuplicateAsset);
			ensure!(T::Restaking::is_restakable(asset), Error::<T>::AssetNotRestakable);
		}
		if !params.min_operator_stake.is_zero() {
			ensure!(assets.iter().any(Self::is_priced), Error::<T>::UnpricedMinStake);
		}
		Self::check_windows(&params.slash_window, &params.veto_window)?;
		ensure!(
			params.max_operators >= 1 && params.max_operators <= T::MaxOperatorsPerAvs::get(),
			Error::<T>::MaxOperatorsOutOfRange
		);
		// The length was checked: nothing is truncated.
		Ok(params.map_assets(BoundedVec::truncate_from))
	}

	/// `0 < veto_window < slash_window <= min(WithdrawalDelay, DeallocationDelay)`.
	pub(crate) fn check_windows(
		slash_window: &BlockNumberFor<T>,
		veto_window: &BlockNumberFor<T>,
	) -> DispatchResult {
		ensure!(!veto_window.is_zero(), Error::<T>::ZeroVetoWindow);
		ensure!(veto_window < slash_window, Error::<T>::VetoWindowNotBelowSlashWindow);
		ensure!(
			*slash_window <= T::WithdrawalDelay::get(),
			Error::<T>::SlashWindowAboveWithdrawalDelay
		);
		ensure!(
			*slash_window <= T::DeallocationDelay::get(),
			Error::<T>::SlashWindowAboveDeallocationDelay
		);
		Ok(())
	}

	/// What of `new` may apply at once: `new` with every field that would make slashing
	/// harsher kept at its `current` value. Harsher: a higher max slash, a longer slash
	/// window, a shorter veto window, a new or higher native coupling, and any change of
	/// slasher, veto policy or destination (who slashes, who can stop it, who profits: a
	/// delegator can't tell such a change is milder, so it gets time to leave).
	///
	/// If mixing the windows would give an invalid pair, both wait.
	pub(crate) fn mild_part(current: &AvsConfigOf<T>, new: &AvsConfigOf<T>) -> AvsConfigOf<T> {
		let mut mild = new.clone();
		if new.max_slash_per_incident > current.max_slash_per_incident {
			mild.max_slash_per_incident = current.max_slash_per_incident;
		}
		if new.slash_window > current.slash_window {
			mild.slash_window = current.slash_window;
		}
		if new.veto_window < current.veto_window {
			mild.veto_window = current.veto_window;
		}
		// `None < Some(_)`: a new coupling, or a higher one, is harsher.
		if new.native_coupling > current.native_coupling {
			mild.native_coupling = current.native_coupling;
		}
		if new.slasher != current.slasher {
			mild.slasher = current.slasher.clone();
		}
		if new.veto != current.veto {
			mild.veto = current.veto.clone();
		}
		if new.destination != current.destination {
			mild.destination = current.destination.clone();
		}
		if Self::check_windows(&mild.slash_window, &mild.veto_window).is_err() {
			mild.slash_window = current.slash_window;
			mild.veto_window = current.veto_window;
		}
		mild
	}

	/// `avs` as reads should see it: a scheduled configuration whose block has come is in
	/// force, whether or not a write recorded it yet.
	pub fn avs_in_force(avs: AvsId) -> Option<AvsInfo<T>> {
		let mut info = Avs::<T>::get(avs)?;
		if let Some(pending) = PendingConfigs::<T>::get(avs) {
			if pending.effective_at <= frame_system::Pallet::<T>::block_number() {
				info.config = pending.config;
			}
		}
		Some(info)
	}

	/// `avs` for a write: a scheduled configuration whose block has come is recorded first.
	pub(crate) fn load_avs(avs: AvsId) -> Result<AvsInfo<T>, DispatchError> {
		let mut info = Avs::<T>::get(avs).ok_or(Error::<T>::UnknownAvs)?;
		if let Some(pending) = PendingConfigs::<T>::get(avs) {
			if pending.effective_at <= frame_system::Pallet::<T>::block_number() {
				info.config = pending.config;
				PendingConfigs::<T>::remove(avs);
				Avs::<T>::insert(avs, &info);
				Self::deposit_event(Event::ConfigChangeApplied { avs });
			}
		}
		Ok(info)
	}

	/// `avs` for a write by `who`, who must own it.
	pub(crate) fn load_owned(avs: AvsId, who: &T::AccountId) -> Result<AvsInfo<T>, DispatchError> {
		let info = Self::load_avs(avs)?;
		ensure!(info.owner == *who, Error::<T>::NotOwner);
		Ok(info)
	}

	pub(crate) fn do_update_config(
		who: T::AccountId,
		avs: AvsId,
		params: AvsConfigParamsOf<T>,
	) -> DispatchResult {
		let mut info = Self::load_owned(avs, &who)?;
		let new = Self::validate_config(params)?;
		let mild = Self::mild_part(&info.config, &new);
		let harsher = mild != new;
		info.config = mild;
		Avs::<T>::insert(avs, &info);
		Self::deposit_event(Event::ConfigUpdated { avs });

		let pending = PendingConfigs::<T>::get(avs);
		if harsher {
			let effective_at = match pending {
				// The same change again: it keeps its place.
				Some(ref p) if p.config == new => p.effective_at,
				_ => frame_system::Pallet::<T>::block_number()
					.saturating_add(T::ConfigChangeDelay::get()),
			};
			if pending.as_ref().is_some_and(|p| p.config != new) {
				Self::deposit_event(Event::ConfigChangeCancelled { avs });
			}
			PendingConfigs::<T>::insert(avs, PendingConfig { config: new, effective_at });
			Self::deposit_event(Event::ConfigChangeScheduled { avs, effective_at });
		} else if pending.is_some() {
			PendingConfigs::<T>::remove(avs);
			Self::deposit_event(Event::ConfigChangeCancelled { avs });
		}
		Ok(())
	}

	/// The runtime's constants must allow a valid configuration and keep harsher changes
	/// behind the exits.
	pub(crate) fn check_constants() {
		let two: BlockNumberFor<T> = 2u32.into();
		assert!(
			T::WithdrawalDelay::get() >= two && T::DeallocationDelay::get() >= two,
			"the restaking delays must leave room for 0 < veto window < slash window"
		);
		assert!(
			T::ConfigChangeDelay::get() >= T::WithdrawalDelay::get() &&
				T::ConfigChangeDelay::get() >= T::DeallocationDelay::get(),
			"ConfigChangeDelay must be at least the withdrawal and deallocation delays"
		);
		assert!(T::MaxAcceptedAssets::get() > 0, "MaxAcceptedAssets must be positive");
		assert!(T::MaxOperatorsPerAvs::get() > 0, "MaxOperatorsPerAvs must be positive");
		assert!(T::MaxAvsPerOperator::get() > 0, "MaxAvsPerOperator must be positive");
		assert!(T::MaxRewardBudgets::get() > 0, "MaxRewardBudgets must be positive");
		assert!(T::MaxDistributionsPerBlock::get() > 0, "MaxDistributionsPerBlock must be positive");
	}
}
