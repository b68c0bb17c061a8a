//! `Restaking`: what the AVS registry and cross-slashing use of this pallet.

use crate::{pallet::*, AvsId, RestakeAsset};
use alloc::vec::Vec;
use bastion_primitives::{
	restaking::{PoolView, Restaking, SlashDestination, SlashedAmounts},
	Balance,
};
use sp_runtime::{DispatchError, DispatchResult, Perbill};

impl<T: Config> Restaking<T::AccountId> for Pallet<T> {
	fn is_operator(who: &T::AccountId) -> bool {
		Operators::<T>::contains_key(who)
	}

	fn is_restakable(asset: &RestakeAsset) -> bool {
		RestakableAssets::<T>::contains_key(asset)
	}

	fn operator_of_stash(stash: &T::AccountId) -> Option<T::AccountId> {
		StashOperators::<T>::get(stash)
	}

	fn operator_assets(operator: &T::AccountId) -> Vec<RestakeAsset> {
		OperatorAssets::<T>::get(operator).into_inner()
	}

	fn pool(operator: &T::AccountId, asset: &RestakeAsset) -> Option<PoolView> {
		Pools::<T>::contains_key(operator, asset).then(|| {
			let pool = Pools::<T>::get(operator, asset);
			PoolView { active_assets: pool.active_assets, exiting_assets: pool.exiting_assets }
		})
	}

	fn allocation(operator: &T::AccountId, avs: AvsId, asset: &RestakeAsset) -> Perbill {
		Self::slashable_fraction(operator, avs, asset)
	}

	fn allocated_avss(operator: &T::AccountId) -> Vec<AvsId> {
		let mut avss = Vec::new();
		for (avs, asset) in OperatorAllocations::<T>::get(operator) {
			if !avss.contains(&avs) && !Self::slashable_fraction(operator, avs, &asset).is_zero() {
				avss.push(avs);
			}
		}
		avss
	}

	fn slash_pool(
		operator: &T::AccountId,
		asset: &RestakeAsset,
		fraction: Perbill,
		destination: &SlashDestination<T::AccountId>,
	) -> Result<SlashedAmounts, DispatchError> {
		Self::do_slash_pool(operator, asset, fraction, destination)
	}

	fn freeze(operator: &T::AccountId) {
		Self::do_freeze(operator)
	}

	fn unfreeze(operator: &T::AccountId) {
		Self::do_unfreeze(operator)
	}

	fn credit_rewards(
		operator: &T::AccountId,
		pool_asset: &RestakeAsset,
		reward_asset: &RestakeAsset,
		amount: Balance,
		from: &T::AccountId,
	) -> DispatchResult {
		Self::do_credit_rewards(operator, pool_asset, reward_asset, amount, from)
	}

	fn deallocate_all(operator: &T::AccountId, avs: AvsId) {
		for (a, asset) in OperatorAllocations::<T>::get(operator) {
			if a == avs {
				Self::deallocate(operator, avs, &asset);
			}
		}
	}
}
