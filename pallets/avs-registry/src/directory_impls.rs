//! The registry as restaking and cross-slashing see it.

use crate::{pallet::*, AvsStatus};
use bastion_primitives::restaking::{AvsDirectory, AvsId, RestakeAsset, SlashingTerms};
use frame_system::pallet_prelude::BlockNumberFor;

impl<T: Config> AvsDirectory<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
	fn is_active(avs: AvsId) -> bool {
		Avs::<T>::get(avs).is_some_and(|info| info.status == AvsStatus::Active)
	}

	fn accepts_asset(avs: AvsId, asset: &RestakeAsset) -> bool {
		Self::avs_in_force(avs).is_some_and(|info| info.config.accepted_assets.contains(asset))
	}

	fn is_member(avs: AvsId, operator: &T::AccountId) -> bool {
		Members::<T>::contains_key(avs, operator)
	}

	fn slashing_terms(avs: AvsId) -> Option<SlashingTerms<T::AccountId, BlockNumberFor<T>>> {
		Self::avs_in_force(avs).map(|info| info.config.slashing_terms())
	}
}
