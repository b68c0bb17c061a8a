//! The pallet's invariants, checked by `try_state` (after every unit test, and by
//! try-runtime).
//!
//! 1. Shares conserve: the ledger's `supply` is stBST's total issuance; requests' points sum
//!    to their sub-pool's points.
//! 2. Backing: the stashes' active bonds (mirror) are owned exactly by holders, deferred gains
//!    and the sub-pools waiting to unbond; their unbonding chunks exactly by the unbonding
//!    sub-pools and surplus; staking holds at least the mirror (the difference: rewards not
//!    yet seen); the pallet account holds at least the liquid BST it accounts.
//! 3. The rate only rose at the last era work: now it is at most `era_rate` plus rounding.
//! 4. Bookkeeping: open sub-pools are the ones with bonded or not yet unbonded value;
//!    every request is listed under its owner.

use crate::{pallet::*, LOG_TARGET};
use bastion_primitives::{staking::NativeStaking, Balance};
use frame_support::{
	ensure,
	traits::{fungible::Inspect as _, fungibles::Inspect as _, Get},
};
use sp_runtime::{
	traits::{Saturating, Zero},
	FixedU128, TryRuntimeError,
};

/// The rate may exceed the last era work's by this much (rounding in the pool's favour).
const RATE_TOLERANCE: FixedU128 = FixedU128::from_inner(1_000_000_000_000); // 1e-6

impl<T: Config> Pallet<T> {
	/// Checks every invariant; the first broken one is the error.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let pool = Pool::<T>::get();

		// 1. Shares.
		ensure!(
			pool.supply == T::Assets::total_issuance(T::StakedAssetId::get()),
			"ledger supply differs from stBST issuance"
		);
		let mut points = alloc::collections::BTreeMap::<_, Balance>::new();
		for (id, request) in Requests::<T>::iter() {
			*points.entry(request.era).or_default() += request.points;
			ensure!(
				AccountRequests::<T>::get(&request.owner).contains(&id),
				"a request is not listed under its owner"
			);
		}
		for (era, sub_pool) in SubPools::<T>::iter() {
			ensure!(
				points.get(&era).copied().unwrap_or(0) == sub_pool.points,
				"a sub-pool's points differ from its requests'"
			);
		}

		// 2. Backing.
		let open = OpenSubPools::<T>::get();
		let (mut waiting, mut unbonding, mut liquid) = (0 as Balance, 0 as Balance, 0 as Balance);
		for (era, sub_pool) in SubPools::<T>::iter() {
			liquid = liquid.saturating_add(sub_pool.liquid);
			match sub_pool.unlock_era {
				None => waiting = waiting.saturating_add(sub_pool.bonded),
				Some(_) => unbonding = unbonding.saturating_add(sub_pool.bonded),
			}
			let should_be_open = sub_pool.unlock_era.is_none() || !sub_pool.bonded.is_zero();
			ensure!(open.contains(&era) == should_be_open, "open sub-pools out of date");
		}
		let surplus = SurplusUnbonding::<T>::iter_values()
			.fold(0 as Balance, |sum, (pooled, deferred)| sum + pooled + deferred);
		let (mut mirror_active, mut mirror_unlocking) = (0 as Balance, 0 as Balance);
		for index in 0..T::MaxStashes::get() {
			let ledger = StashLedgers::<T>::get(index);
			let stash = Self::stash_account(index);
			let staked = T::Staking::active_stake(&stash).unwrap_or(0);
			ensure!(staked >= ledger.active, "a stash's active bond is below the mirror");
			mirror_active = mirror_active.saturating_add(ledger.active);
			mirror_unlocking = mirror_unlocking.saturating_add(ledger.unlocking_total());
		}
		ensure!(
			mirror_active == pool.active_bonded + pool.deferred_bonded + waiting,
			"active stake differs from its owners' accounts"
		);
		ensure!(mirror_unlocking == unbonding + surplus, "unbonding differs from its owners'");
		let ed = T::Currency::minimum_balance();
		let accounted_liquid = pool.pending_bond + pool.deferred_liquid + liquid;
		ensure!(
			T::Currency::balance(&Self::pallet_account()) >= accounted_liquid + ed,
			"the pallet account holds less than its accounted liquid BST"
		);

		// 3. Rate.
		if !pool.supply.is_zero() {
			let ceiling = pool.era_rate.saturating_add(pool.era_rate.saturating_mul(RATE_TOLERANCE));
			if pool.rate() > ceiling {
				log::error!(
					target: LOG_TARGET,
					"rate {:?} above era rate {:?}",
					pool.rate(),
					pool.era_rate
				);
				return Err("the rate rose outside era work".into());
			}
		}
		Ok(())
	}
}
