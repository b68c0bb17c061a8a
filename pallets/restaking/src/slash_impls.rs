//! Slashing a pool (O(1) in its delegators, withdrawals and vaults) and freezing operators.

use crate::{pallet::*, RestakeAsset};
use bastion_primitives::{
	restaking::{SlashDestination, SlashedAmounts},
	Balance,
};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungibles::Mutate as _,
		tokens::{Fortitude, Precision, Preservation},
	},
};
use sp_runtime::{
	traits::{AccountIdConversion, Zero},
	Perbill,
};

/// A pool side is wiped when a share is worth less than `1 / WIPE_BELOW_PRICE_INVERSE`.
pub const WIPE_BELOW_PRICE_INVERSE: Balance = 1_000_000_000;

impl<T: Config> Pallet<T> {
	/// Where burnt tokens (other than BST) are locked away: derived from the pallet id,
	/// nobody has its key and the pallet never spends from it.
	pub fn burn_account() -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(b"burnt")
	}

	/// Takes `fraction` of both sides of `operator`'s `asset` pool and sends it to
	/// `destination`. A side whose shares are left worth less than a billionth of their
	/// starting price (one asset per share) is taken whole and starts afresh (new epoch), so
	/// share prices never divide by dust and new deposits still mint sensible shares.
	pub(crate) fn do_slash_pool(
		operator: &T::AccountId,
		asset: &RestakeAsset,
		fraction: Perbill,
		destination: &SlashDestination<T::AccountId>,
	) -> Result<SlashedAmounts, DispatchError> {
		let mut pool = Pools::<T>::get(operator, asset);
		let take = |assets: Balance, shares: Balance| -> Balance {
			let taken = fraction.mul_ceil(assets).min(assets);
			if (assets - taken) < shares / WIPE_BELOW_PRICE_INVERSE {
				assets
			} else {
				taken
			}
		};
		let slashed = SlashedAmounts {
			active: take(pool.active_assets, pool.active_shares),
			exiting: take(pool.exiting_assets, pool.exiting_shares),
		};
		if slashed.total().is_zero() {
			return Ok(slashed);
		}
		pool.active_assets -= slashed.active;
		pool.exiting_assets -= slashed.exiting;
		if pool.active_assets.is_zero() && !pool.active_shares.is_zero() {
			pool.active_shares = 0;
			pool.epoch = pool.epoch.wrapping_add(1);
		}
		if pool.exiting_assets.is_zero() && !pool.exiting_shares.is_zero() {
			pool.exiting_shares = 0;
			pool.exiting_epoch = pool.exiting_epoch.wrapping_add(1);
		}

		let from = Self::pallet_account();
		let total = slashed.total();
		match (destination, asset) {
			// BST is destroyed.
			(SlashDestination::Burn, RestakeAsset::Native) => {
				T::Assets::burn_from(
					asset.clone(),
					&from,
					total,
					Preservation::Expendable,
					Precision::Exact,
					Fortitude::Force,
				)?;
			},
			// A token is locked away for good instead: its issuance may be accounted by
			// another pallet (stBST's is its supply; burning it would hand its backing to the
			// other holders in one jump).
			(SlashDestination::Burn, RestakeAsset::WithId(_)) => {
				T::Assets::transfer(asset.clone(), &from, &Self::burn_account(), total, Preservation::Expendable)?;
			},
			(SlashDestination::Treasury, _) => {
				T::Assets::transfer(asset.clone(), &from, &T::TreasuryAccount::get(), total, Preservation::Expendable)?;
			},
			(SlashDestination::Account(to), _) => {
				T::Assets::transfer(asset.clone(), &from, to, total, Preservation::Expendable)?;
			},
		}
		Pools::<T>::insert(operator, asset, pool);
		Self::sub_from_asset_total(asset, total);
		Self::deposit_event(Event::PoolSlashed {
			operator: operator.clone(),
			asset: asset.clone(),
			fraction,
			active: slashed.active,
			exiting: slashed.exiting,
			destination: destination.clone(),
		});
		Ok(slashed)
	}

	pub(crate) fn do_freeze(operator: &T::AccountId) {
		Operators::<T>::mutate(operator, |info| {
			if let Some(info) = info {
				info.frozen = info.frozen.saturating_add(1);
				Self::deposit_event(Event::OperatorFrozen {
					operator: operator.clone(),
					pending: info.frozen,
				});
			}
		});
	}

	pub(crate) fn do_unfreeze(operator: &T::AccountId) {
		Operators::<T>::mutate(operator, |info| {
			if let Some(info) = info {
				info.frozen = info.frozen.saturating_sub(1);
				Self::deposit_event(Event::OperatorUnfrozen {
					operator: operator.clone(),
					pending: info.frozen,
				});
			}
		});
	}
}
