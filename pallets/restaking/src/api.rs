//! The functions behind `RestakingApi`.

use crate::{pallet::*, OperatorStatus, RestakeAsset, VaultId};
use alloc::vec::Vec;
use bastion_primitives::{
	restaking_api::{OperatorInfo, PoolInfo, PositionInfo, VaultInfo, WithdrawalInfo},
	Balance,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{FixedPointNumber, FixedU128};

impl<T: Config> Pallet<T> {
	/// A pool with its allocations and leverage.
	pub fn pool_info(operator: &T::AccountId, asset: &RestakeAsset) -> PoolInfo<BlockNumberFor<T>> {
		let pool = Pools::<T>::get(operator, asset);
		let allocations = OperatorAllocations::<T>::get(operator)
			.into_iter()
			.filter(|(_, a)| a == asset)
			.filter_map(|(avs, a)| {
				Allocations::<T>::get((operator, avs, &a))
					.map(|allocation| (avs, allocation.at(Self::now()), allocation.pending))
			})
			.collect();
		PoolInfo {
			asset: asset.clone(),
			active_assets: pool.active_assets,
			active_shares: pool.active_shares,
			exiting_assets: pool.exiting_assets,
			exiting_shares: pool.exiting_shares,
			allocations,
			leverage: FixedU128::from_rational(Self::allocated_ppb(operator, asset).into(), 1_000_000_000),
		}
	}

	/// An operator with its pools.
	pub fn operator_info(operator: &T::AccountId) -> Option<OperatorInfo<T::AccountId, BlockNumberFor<T>>> {
		let info = Operators::<T>::get(operator)?;
		Some(OperatorInfo {
			operator: operator.clone(),
			metadata: info.metadata.into_inner(),
			commission: info.commission,
			pending_commission: info.pending_commission,
			leaving_at: match info.status {
				OperatorStatus::Leaving { until } => Some(until),
				OperatorStatus::Active => None,
			},
			linked_stash: info.linked_stash,
			frozen: info.frozen,
			pools: OperatorAssets::<T>::get(operator)
				.iter()
				.map(|asset| Self::pool_info(operator, asset))
				.collect(),
		})
	}

	/// `who`'s delegations with their value now.
	pub fn positions(who: &T::AccountId) -> Vec<PositionInfo<T::AccountId>> {
		Delegations::<T>::iter_prefix((who,))
			.map(|((operator, asset), _)| {
				let shares = Self::delegation(who, &operator, &asset).shares;
				let value = Pools::<T>::get(&operator, &asset).active_value(shares);
				PositionInfo { operator, asset, shares, value }
			})
			.collect()
	}

	/// `who`'s queued withdrawals with their value now.
	pub fn withdrawals(who: &T::AccountId) -> Vec<WithdrawalInfo<T::AccountId, BlockNumberFor<T>>> {
		AccountWithdrawals::<T>::get(who)
			.into_iter()
			.filter_map(|id| {
				let w = Withdrawals::<T>::get(id)?;
				let pool = Pools::<T>::get(&w.operator, &w.asset);
				let value = if w.epoch == pool.exiting_epoch { pool.exiting_value(w.shares) } else { 0 };
				let frozen = Operators::<T>::get(&w.operator).is_some_and(|o| o.frozen > 0);
				Some(WithdrawalInfo {
					id,
					operator: w.operator,
					asset: w.asset,
					value,
					unlock_at: w.unlock_at,
					frozen,
				})
			})
			.collect()
	}

	/// A vault, its NAV and LRT rate.
	pub fn vault_info(id: VaultId) -> Option<VaultInfo<T::AccountId>> {
		let vault = Vaults::<T>::get(id)?;
		let nav: Balance = Self::vault_nav(&vault, id);
		Some(VaultInfo {
			id,
			curator: vault.curator.clone(),
			asset: vault.asset.clone(),
			lrt: vault.lrt,
			nav,
			supply: vault.supply,
			lrt_rate: FixedU128::checked_from_rational(nav, vault.supply).unwrap_or_default(),
			idle: vault.idle,
			operators: vault.operators.into_inner(),
		})
	}
}
