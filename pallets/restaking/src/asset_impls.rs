//! The whitelist of restakable assets and their caps.

use crate::{pallet::*, AssetInfo, RestakeAsset};
use bastion_primitives::Balance;
use frame_support::{ensure, pallet_prelude::*};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_add_asset(asset: RestakeAsset, cap: Balance) -> DispatchResult {
		ensure!(!RestakableAssets::<T>::contains_key(&asset), Error::<T>::AssetAlreadyRestakable);
		RestakableAssets::<T>::insert(&asset, AssetInfo { cap, total: 0 });
		Self::deposit_event(Event::AssetAdded { asset, cap });
		Ok(())
	}

	pub(crate) fn do_set_asset_cap(asset: RestakeAsset, cap: Balance) -> DispatchResult {
		RestakableAssets::<T>::try_mutate(&asset, |info| {
			let info = info.as_mut().ok_or(Error::<T>::AssetNotRestakable)?;
			info.cap = cap;
			Ok::<_, DispatchError>(())
		})?;
		Self::deposit_event(Event::AssetCapSet { asset, cap });
		Ok(())
	}

	pub(crate) fn do_remove_asset(asset: RestakeAsset) -> DispatchResult {
		let info = RestakableAssets::<T>::get(&asset).ok_or(Error::<T>::AssetNotRestakable)?;
		ensure!(info.total == 0, Error::<T>::AssetInUse);
		RestakableAssets::<T>::remove(&asset);
		Self::deposit_event(Event::AssetRemoved { asset });
		Ok(())
	}

	/// Counts `amount` more of `asset` as restaked, within its cap.
	pub(crate) fn add_to_asset_total(asset: &RestakeAsset, amount: Balance) -> DispatchResult {
		RestakableAssets::<T>::try_mutate(asset, |info| {
			let info = info.as_mut().ok_or(Error::<T>::AssetNotRestakable)?;
			let total = info.total.checked_add(amount).ok_or(Error::<T>::Overflow)?;
			ensure!(total <= info.cap, Error::<T>::AssetCapExceeded);
			info.total = total;
			Ok(())
		})
	}

	/// Counts `amount` less of `asset` as restaked (it left: withdrawn or slashed).
	pub(crate) fn sub_from_asset_total(asset: &RestakeAsset, amount: Balance) {
		RestakableAssets::<T>::mutate(asset, |info| {
			if let Some(info) = info {
				info.total = info.total.saturating_sub(amount);
			}
		});
	}
}
