//! The pallet's invariants, checked by `try_state` after every unit test (and by
//! try-runtime):
//!
//! 1. Shares conserve: per pool, the delegations of the current epoch hold exactly the
//!    active shares and the withdrawals of the current exiting epoch exactly the exiting
//!    shares; per vault, the ledger's LRT supply is the LRT asset's issuance.
//! 2. Backing: per asset, the whitelist's total is exactly the pools' active and exiting
//!    assets plus the vaults' idle funds, and the pallet account holds at least that (more
//!    only by donations).
//! 3. Allocations: every pool's allocations sum to at most `MaxRestakeLeverage`; each is
//!    listed under its operator.

use crate::pallet::*;
use alloc::collections::BTreeMap;
use bastion_primitives::Balance;
use frame_support::{
	ensure,
	traits::{fungibles::Inspect as _, Get},
};
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Checks every invariant; the first broken one is the error.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		// 1. Shares.
		let mut active: BTreeMap<_, Balance> = BTreeMap::new();
		for ((delegator, operator, asset), delegation) in Delegations::<T>::iter() {
			let _ = delegator;
			if delegation.epoch == Pools::<T>::get(&operator, &asset).epoch {
				*active.entry((operator, asset)).or_default() += delegation.shares;
			}
		}
		let mut exiting: BTreeMap<_, Balance> = BTreeMap::new();
		for (id, withdrawal) in Withdrawals::<T>::iter() {
			ensure!(
				AccountWithdrawals::<T>::get(&withdrawal.owner).contains(&id),
				"a withdrawal is not listed under its owner"
			);
			if withdrawal.epoch == Pools::<T>::get(&withdrawal.operator, &withdrawal.asset).exiting_epoch {
				*exiting.entry((withdrawal.operator, withdrawal.asset)).or_default() += withdrawal.shares;
			}
		}
		let mut totals: BTreeMap<_, Balance> = BTreeMap::new();
		for (operator, asset, pool) in Pools::<T>::iter() {
			let key = (operator.clone(), asset.clone());
			ensure!(
				active.get(&key).copied().unwrap_or(0) == pool.active_shares,
				"a pool's active shares differ from its delegations'"
			);
			ensure!(
				exiting.get(&key).copied().unwrap_or(0) == pool.exiting_shares,
				"a pool's exiting shares differ from its withdrawals'"
			);
			ensure!(
				OperatorAssets::<T>::get(&operator).contains(&asset),
				"a pool is not listed under its operator"
			);
			*totals.entry(asset).or_default() += pool.active_assets + pool.exiting_assets;
		}
		for (_, vault) in Vaults::<T>::iter() {
			ensure!(
				vault.supply == T::LrtAssets::total_issuance(vault.lrt),
				"a vault's supply differs from its LRT issuance"
			);
			*totals.entry(vault.asset.clone()).or_default() += vault.idle;
		}

		// 2. Backing.
		for (asset, info) in RestakableAssets::<T>::iter() {
			let total = totals.remove(&asset).unwrap_or(0);
			ensure!(info.total == total, "an asset's total differs from its pools and vaults");
			ensure!(
				T::Assets::balance(asset, &Self::pallet_account()) >= total,
				"the pallet account holds less than its restaked assets"
			);
		}
		ensure!(
			totals.values().all(|total| *total == 0),
			"assets are restaked that are not whitelisted"
		);

		// 3. Allocations.
		let cap = (T::MaxRestakeLeverage::get() as u64).saturating_mul(10_000_000);
		for (operator, list) in OperatorAllocations::<T>::iter() {
			for (_, asset) in list.iter() {
				ensure!(Self::allocated_ppb(&operator, asset) <= cap, "allocations above the leverage cap");
			}
		}
		for ((operator, avs, asset), _) in Allocations::<T>::iter() {
			ensure!(
				OperatorAllocations::<T>::get(&operator).contains(&(avs, asset)),
				"an allocation is not listed under its operator"
			);
		}
		Ok(())
	}
}
