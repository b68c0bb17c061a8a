//! Slashes of the pool stashes, applied in the block pallet-staking applies them.
//!
//! Staking reports a slash with the stash's balances *after* it; the pallet compares them
//! with its mirror of the stash's ledger. Active stake is owned, pro-rata, by the holders
//! (`active_bonded`), the deferred gains (`deferred_bonded`) and the sub-pools waiting to
//! unbond; an unbonding chunk by the sub-pools (and surplus) unlocking at its era.

use crate::{math::distribute, pallet::*, PoolLedger, LOG_TARGET};
use alloc::{collections::BTreeMap, vec::Vec};
use bastion_primitives::{staking::NativeStaking, Balance};
use sp_runtime::traits::Zero;
use sp_staking::{EraIndex, OnStakingUpdate};

impl<T: Config> OnStakingUpdate<T::AccountId, Balance> for Pallet<T> {
	fn on_slash(
		stash: &T::AccountId,
		slashed_active: Balance,
		slashed_unlocking: &BTreeMap<EraIndex, Balance>,
		_slashed_total: Balance,
	) {
		let Some(index) = Self::stash_index(stash) else { return };
		let mut pool = Pool::<T>::get();
		let mut ledger = StashLedgers::<T>::get(index);

		// Staking calls this before it stores the slashed ledger, so the stored active bond
		// still includes rewards the era work has not seen: they are gains, not losses.
		let before = T::Staking::active_stake(stash).unwrap_or(0).max(ledger.active);
		let unseen_rewards = before - ledger.active;
		pool.deferred_bonded = pool.deferred_bonded.saturating_add(unseen_rewards);
		let active_loss = before.saturating_sub(slashed_active);
		ledger.active = slashed_active;

		let mut unlocking_loss: Balance = 0;
		for (era, after) in slashed_unlocking {
			if let Some((_, value)) = ledger.unlocking.iter_mut().find(|(e, _)| e == era) {
				let loss = value.saturating_sub(*after);
				*value = *after;
				unlocking_loss = unlocking_loss.saturating_add(loss);
				Self::apply_unlocking_loss(*era, loss);
			}
		}
		ledger.unlocking.retain(|(_, value)| !value.is_zero());
		StashLedgers::<T>::insert(index, ledger);

		let pooled_before = pool.total_pooled();
		Self::apply_active_loss(&mut pool, active_loss);
		let pooled_loss = pooled_before.saturating_sub(pool.total_pooled());
		let rate = pool.rate();
		Pool::<T>::put(pool);
		Self::deposit_event(Event::Slashed {
			stash: stash.clone(),
			active_loss,
			unlocking_loss,
			pooled_loss,
			rate,
		});
	}
}

impl<T: Config> Pallet<T> {
	/// Shares a loss of active stake among its owners: holders, deferred gains and the
	/// sub-pools waiting to unbond, in proportion to what each has at stake.
	pub(crate) fn apply_active_loss(pool: &mut PoolLedger, loss: Balance) {
		if loss.is_zero() {
			return;
		}
		let mut waiting: Vec<_> = OpenSubPools::<T>::get()
			.into_iter()
			.filter_map(|era| SubPools::<T>::get(era).map(|s| (era, s)))
			.filter(|(_, s)| s.unlock_era.is_none())
			.collect();
		let mut parts: Vec<&mut Balance> = Vec::with_capacity(waiting.len() + 2);
		parts.push(&mut pool.active_bonded);
		parts.push(&mut pool.deferred_bonded);
		for (_, s) in waiting.iter_mut() {
			parts.push(&mut s.bonded);
		}
		let uncovered = distribute(loss, &mut parts);
		if !uncovered.is_zero() {
			log::error!(target: LOG_TARGET, "an active loss of {loss} exceeds the pool's stake");
		}
		for (era, s) in waiting {
			SubPools::<T>::insert(era, s);
		}
	}

	/// Shares a loss of the chunk unlocking at `unlock_era` among the sub-pools and the
	/// surplus unlocking then.
	fn apply_unlocking_loss(unlock_era: EraIndex, loss: Balance) {
		if loss.is_zero() {
			return;
		}
		let mut owners: Vec<_> = OpenSubPools::<T>::get()
			.into_iter()
			.filter_map(|era| SubPools::<T>::get(era).map(|s| (era, s)))
			.filter(|(_, s)| s.unlock_era == Some(unlock_era))
			.collect();
		let mut surplus = SurplusUnbonding::<T>::get(unlock_era).unwrap_or_default();
		let mut parts: Vec<&mut Balance> = Vec::with_capacity(owners.len() + 2);
		for (_, s) in owners.iter_mut() {
			parts.push(&mut s.bonded);
		}
		parts.push(&mut surplus.0);
		parts.push(&mut surplus.1);
		let uncovered = distribute(loss, &mut parts);
		if !uncovered.is_zero() {
			log::error!(target: LOG_TARGET, "an unbonding loss of {loss} exceeds era {unlock_era}");
		}
		for (era, s) in owners {
			SubPools::<T>::insert(era, s);
		}
		if surplus == (0, 0) {
			SurplusUnbonding::<T>::remove(unlock_era);
		} else {
			SurplusUnbonding::<T>::insert(unlock_era, surplus);
		}
	}
}
