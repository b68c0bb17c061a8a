//! Valuing stake in BST.
//!
//! BST counts 1:1 and stBST at its exchange rate (`StakedValue`). Other restakable assets
//! (pallet-assets tokens) are not valued at all: the chain has no price for them, and a price
//! from a pool or an oracle would let whoever moves it steer rewards and pass minimum-stake
//! checks. Such stake is still slashable, and the runtime API shows it in its own unit; it
//! simply earns no share of rewards and counts for nothing in minimum stakes and BST totals.

use crate::pallet::*;
use alloc::vec::Vec;
use bastion_primitives::{
	avs::AssetStake,
	restaking::{AvsId, RestakeAsset, Restaking},
	staking::LiquidStakingToken,
	Balance,
};

impl<T: Config> Pallet<T> {
	/// Whether the chain can value `asset` in BST.
	pub fn is_priced(asset: &RestakeAsset) -> bool {
		match asset {
			RestakeAsset::Native => true,
			RestakeAsset::WithId(id) => *id == T::StakedValue::asset_id(),
		}
	}

	/// What `amount` of `asset` is worth in BST; `None` for assets without a price.
	pub fn bst_value(asset: &RestakeAsset, amount: Balance) -> Option<Balance> {
		match asset {
			RestakeAsset::Native => Some(amount),
			RestakeAsset::WithId(id) if *id == T::StakedValue::asset_id() =>
				Some(T::StakedValue::bst_value(amount)),
			RestakeAsset::WithId(_) => None,
		}
	}

	/// The BST value of the active side of `operator`'s pools of `assets`: what opt-in
	/// compares with the minimum stake (nothing is allocated before joining).
	pub(crate) fn delegated_value(operator: &T::AccountId, assets: &[RestakeAsset]) -> Balance {
		assets.iter().fold(0, |sum: Balance, asset| {
			let active = T::Restaking::pool(operator, asset).map(|p| p.active_assets).unwrap_or(0);
			sum.saturating_add(Self::bst_value(asset, active).unwrap_or(0))
		})
	}

	/// The stake `operator` allocated to `avs` in each of `assets`, with its BST value.
	pub fn allocated_stakes(
		operator: &T::AccountId,
		avs: AvsId,
		assets: &[RestakeAsset],
	) -> Vec<AssetStake> {
		assets
			.iter()
			.map(|asset| {
				let allocated = T::Restaking::allocated_stake(operator, avs, asset);
				AssetStake {
					asset: asset.clone(),
					allocated,
					bst_value: Self::bst_value(asset, allocated),
				}
			})
			.collect()
	}
}
