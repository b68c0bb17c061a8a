//! Era work: once per staking era, bounded by the number of stashes; and the payouts the
//! pallet claims itself, a few per block.

use crate::{
	math::distribute, pallet::*, EraReport, PoolLedger, StashIndex, WeightInfo, LOG_TARGET,
};
use alloc::{collections::BTreeMap, vec::Vec};
use bastion_primitives::{staking::NativeStaking, Balance};
use frame_support::{
	pallet_prelude::*,
	storage::{with_transaction, TransactionOutcome},
	traits::{fungible::Mutate as _, fungibles::Mutate as _, tokens::Preservation},
};
use sp_runtime::traits::{AccountIdConversion, Zero};
use sp_staking::EraIndex;

/// A staking operation on a stash failed inside a storage transaction (rolled back); no
/// stash when the transaction itself could not start.
struct StashFailure<AccountId>(Option<AccountId>, DispatchError);

impl<AccountId> From<DispatchError> for StashFailure<AccountId> {
	fn from(error: DispatchError) -> Self {
		StashFailure(None, error)
	}
}

impl<T: Config> Pallet<T> {
	/// The account of pool stash `index`: sub-account `index + 1` of the pallet id.
	pub fn stash_account(index: StashIndex) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(index.saturating_add(1))
	}

	/// The index of `who` if it is a pool stash.
	pub fn stash_index(who: &T::AccountId) -> Option<StashIndex> {
		(0..T::MaxStashes::get()).find(|index| Self::stash_account(*index) == *who)
	}

	fn report_failure(StashFailure(stash, error): StashFailure<T::AccountId>) {
		let stash = stash.unwrap_or_else(Self::pallet_account);
		log::warn!(target: LOG_TARGET, "era work: staking refused for {stash:?}: {error:?}");
		Self::deposit_event(Event::StakingOperationFailed { stash, error });
	}

	/// The hook of every block: the era work when a new era began, payouts otherwise.
	pub(crate) fn on_block() -> Weight {
		let active_era = T::Staking::active_era();
		if active_era > Pool::<T>::get().last_era {
			Self::do_era_work(active_era);
			T::WeightInfo::era_work()
		} else {
			let claimed = Self::claim_queued_payouts(T::MaxPayoutsPerBlock::get());
			T::WeightInfo::on_initialize_idle()
				.saturating_add(T::WeightInfo::claim_payout().saturating_mul(claimed.into()))
		}
	}

	/// Does the work of `era`: rewards, recognition, withdrawals, unbonding, bonding, payouts.
	pub(crate) fn do_era_work(era: EraIndex) {
		let mut pool = Pool::<T>::get();
		let mut report = EraReport { rewards: Self::collect_rewards(&mut pool), ..Default::default() };

		Self::recognize_gains(&mut pool, &mut report);
		report.withdrawn = Self::withdraw_matured(&mut pool, era);
		Self::unbond_redemptions(&mut pool, &mut report);
		report.bonded = Self::bond_pending(&mut pool);
		Self::queue_payouts(era);

		pool.last_era = era;
		pool.era_rate = pool.rate();
		let rate = pool.era_rate;
		Pool::<T>::put(pool);
		Self::deposit_event(Event::EraProcessed { era, report, rate });
	}

	/// Growth of a stash's active bond beyond the pallet's mirror is a reward (the stashes
	/// restake theirs); it joins the deferred gains. A shrink staking did not report is taken
	/// as a slash.
	fn collect_rewards(pool: &mut PoolLedger) -> Balance {
		let mut rewards: Balance = 0;
		for index in 0..T::MaxStashes::get() {
			let actual = T::Staking::active_stake(&Self::stash_account(index)).unwrap_or(0);
			let mut ledger = StashLedgers::<T>::get(index);
			if actual > ledger.active {
				let reward = actual - ledger.active;
				rewards = rewards.saturating_add(reward);
				pool.deferred_bonded = pool.deferred_bonded.saturating_add(reward);
			} else if actual < ledger.active {
				log::warn!(target: LOG_TARGET, "stash {index} lost stake without a slash report");
				Self::apply_active_loss(pool, ledger.active - actual);
			}
			ledger.active = actual;
			StashLedgers::<T>::insert(index, ledger);
		}
		rewards
	}

	/// Adds deferred gains to `total_pooled`, at most `MaxRateIncreasePerEra` of it, and
	/// mints the protocol fee on them as stBST.
	fn recognize_gains(pool: &mut PoolLedger, report: &mut EraReport) {
		let cap = T::MaxRateIncreasePerEra::get().mul_floor(pool.total_pooled());
		let recognized = pool.deferred().min(cap);
		if recognized.is_zero() {
			return;
		}
		let from_liquid = recognized.min(pool.deferred_liquid);
		let from_bonded = recognized - from_liquid;
		pool.deferred_liquid -= from_liquid;
		pool.deferred_bonded -= from_bonded;
		pool.pending_bond = pool.pending_bond.saturating_add(from_liquid);
		pool.active_bonded = pool.active_bonded.saturating_add(from_bonded);
		report.recognized = recognized;

		// The fee recipient gets stBST worth `fee` at the rate after recognition:
		// shares = fee * supply / (total_pooled - fee).
		let fee = ProtocolFee::<T>::get().mul_floor(recognized);
		let base = pool.total_pooled().saturating_sub(fee);
		let shares = crate::math::mul_div_floor(fee, pool.supply, base).unwrap_or(0);
		if shares.is_zero() {
			return;
		}
		match T::Assets::mint_into(T::StakedAssetId::get(), &T::ProtocolFeeRecipient::get(), shares)
		{
			Ok(_) => {
				pool.supply = pool.supply.saturating_add(shares);
				report.fee_shares = shares;
			},
			Err(error) => log::warn!(target: LOG_TARGET, "protocol fee not minted: {error:?}"),
		}
	}

	/// Withdraws matured unbonding chunks to the pallet account and releases them: the
	/// sub-pools that unlock now become claimable, surplus goes back to holders. All or
	/// nothing: a failure leaves everything for the next era.
	fn withdraw_matured(pool: &mut PoolLedger, era: EraIndex) -> Balance {
		let mut matured: BTreeMap<EraIndex, Balance> = BTreeMap::new();
		let result = with_transaction(|| {
			let mut withdrawn: Balance = 0;
			for index in 0..T::MaxStashes::get() {
				let mut ledger = StashLedgers::<T>::get(index);
				let amount = ledger
					.unlocking
					.iter()
					.filter(|(unlock, _)| *unlock <= era)
					.fold(0 as Balance, |sum, (_, value)| sum.saturating_add(*value));
				if amount.is_zero() {
					continue;
				}
				let stash = Self::stash_account(index);
				let step = T::Staking::withdraw_unbonded(&stash).and_then(|_| {
					T::Currency::transfer(
						&stash,
						&Self::pallet_account(),
						amount,
						Preservation::Preserve,
					)
					.map(|_| ())
				});
				if let Err(error) = step {
					return TransactionOutcome::Rollback(Err(StashFailure(Some(stash), error)));
				}
				for (unlock, value) in ledger.unlocking.iter().filter(|(unlock, _)| *unlock <= era) {
					*matured.entry(*unlock).or_default() += *value;
				}
				ledger.unlocking.retain(|(unlock, _)| *unlock > era);
				StashLedgers::<T>::insert(index, ledger);
				withdrawn = withdrawn.saturating_add(amount);
			}
			TransactionOutcome::Commit(Ok(withdrawn))
		});
		let withdrawn = match result {
			Ok(withdrawn) => withdrawn,
			Err(failure) => {
				Self::report_failure(failure);
				return 0;
			},
		};

		for unlock in matured.keys() {
			if let Some((pooled, deferred)) = SurplusUnbonding::<T>::take(unlock) {
				pool.pending_bond = pool.pending_bond.saturating_add(pooled);
				pool.deferred_liquid = pool.deferred_liquid.saturating_add(deferred);
			}
		}
		for sub_era in OpenSubPools::<T>::get() {
			let Some(mut sub_pool) = SubPools::<T>::get(sub_era) else {
				Self::close_sub_pool(sub_era);
				continue;
			};
			let Some(unlock) = sub_pool.unlock_era else { continue };
			// Withdrawn now, or nothing left to withdraw (slashed to zero).
			if unlock <= era && (matured.contains_key(&unlock) || sub_pool.bonded.is_zero()) {
				sub_pool.liquid = sub_pool.liquid.saturating_add(sub_pool.bonded);
				sub_pool.bonded = 0;
				SubPools::<T>::insert(sub_era, sub_pool);
				Self::close_sub_pool(sub_era);
			}
		}
		withdrawn
	}

	/// Meets the redemptions waiting to unbond: first from pending deposits above the
	/// liquidity buffer (the holders take over the redeemers' bonded stake), the rest
	/// unbonded from the stashes.
	fn unbond_redemptions(pool: &mut PoolLedger, report: &mut EraReport) {
		let waiting: Vec<EraIndex> = OpenSubPools::<T>::get()
			.into_iter()
			.filter(|era| SubPools::<T>::get(era).is_some_and(|s| s.unlock_era.is_none()))
			.collect();
		if waiting.is_empty() {
			return;
		}
		let mut sub_pools: Vec<_> =
			waiting.iter().filter_map(|era| SubPools::<T>::get(era).map(|s| (*era, s))).collect();
		let need: Balance = sub_pools.iter().fold(0, |sum, (_, s)| sum.saturating_add(s.bonded));

		// Netting.
		let buffer = T::LiquidityBuffer::get().mul_floor(pool.total_pooled());
		let netted = need.min(pool.pending_bond.saturating_sub(buffer));
		if !netted.is_zero() {
			let mut parts: Vec<&mut Balance> = Vec::new();
			let mut moved: Vec<Balance> = Vec::new();
			for (_, s) in sub_pools.iter_mut() {
				moved.push(s.bonded);
				parts.push(&mut s.bonded);
			}
			distribute(netted, &mut parts);
			for ((_, s), before) in sub_pools.iter_mut().zip(moved) {
				s.liquid = s.liquid.saturating_add(before - s.bonded);
			}
			pool.pending_bond -= netted;
			pool.active_bonded = pool.active_bonded.saturating_add(netted);
			report.netted = netted;
		}

		// Unbonding the rest.
		let to_unbond = need - netted;
		let unlock_era = T::Staking::current_era().saturating_add(T::Staking::bonding_duration());
		let surplus = if to_unbond.is_zero() {
			Some(0)
		} else {
			Self::unbond_from_stashes(to_unbond, unlock_era)
		};
		let Some(surplus) = surplus else {
			// Nothing was unbonded: the sub-pools wait for the next era (netting stays).
			for (era, s) in sub_pools {
				SubPools::<T>::insert(era, s);
			}
			return;
		};
		report.unbonded = to_unbond.saturating_add(surplus);
		if !surplus.is_zero() {
			// A stash was fully unbonded to stay above staking's minimum bond: the holders'
			// stake beyond the redemptions unbonds with it and comes back when withdrawn.
			let from_pooled = surplus.min(pool.active_bonded);
			let from_deferred = (surplus - from_pooled).min(pool.deferred_bonded);
			pool.active_bonded -= from_pooled;
			pool.deferred_bonded -= from_deferred;
			SurplusUnbonding::<T>::mutate(unlock_era, |entry| {
				let (pooled, deferred) = entry.get_or_insert((0, 0));
				*pooled = pooled.saturating_add(from_pooled);
				*deferred = deferred.saturating_add(from_deferred);
			});
		}
		for (era, mut s) in sub_pools {
			s.unlock_era = Some(unlock_era);
			let closed = s.bonded.is_zero();
			SubPools::<T>::insert(era, s);
			if closed {
				Self::close_sub_pool(era);
			}
		}
	}

	/// Unbonds `need` from the stashes, never leaving a stash below staking's minimum bond
	/// unless it is emptied. Returns the surplus unbonded beyond `need`, or `None` (nothing
	/// changed) if staking refused.
	fn unbond_from_stashes(need: Balance, unlock_era: EraIndex) -> Option<Balance> {
		let min_bond = T::Staking::minimum_bond();
		let mut actives: Vec<(StashIndex, Balance)> = (0..T::MaxStashes::get())
			.map(|index| (index, StashLedgers::<T>::get(index).active))
			.filter(|(_, active)| !active.is_zero())
			.collect();
		let mut plan: BTreeMap<StashIndex, Balance> = BTreeMap::new();
		let mut left = need;
		// Largest first, down to the minimum bond.
		actives.sort_by_key(|(_, active)| core::cmp::Reverse(*active));
		for (index, active) in actives.iter() {
			let take = left.min(active.saturating_sub(min_bond));
			if !take.is_zero() {
				plan.insert(*index, take);
				left -= take;
			}
		}
		// Then whole stashes, smallest remainder first.
		let mut surplus: Balance = 0;
		if !left.is_zero() {
			let mut remainders: Vec<(StashIndex, Balance)> = actives
				.iter()
				.map(|(index, active)| (*index, active - plan.get(index).copied().unwrap_or(0)))
				.filter(|(_, rest)| !rest.is_zero())
				.collect();
			remainders.sort_by_key(|(_, rest)| *rest);
			for (index, rest) in remainders {
				if left.is_zero() {
					break;
				}
				*plan.entry(index).or_default() += rest;
				surplus = surplus.saturating_add(rest.saturating_sub(left));
				left = left.saturating_sub(rest);
			}
		}
		if !left.is_zero() {
			log::error!(target: LOG_TARGET, "the stashes hold less than the redemptions");
			return None;
		}

		let result = with_transaction(|| {
			for (index, amount) in plan.iter() {
				let stash = Self::stash_account(*index);
				if let Err(error) = T::Staking::unbond(&stash, *amount) {
					return TransactionOutcome::Rollback(Err(StashFailure(Some(stash), error)));
				}
				let mut ledger = StashLedgers::<T>::get(index);
				ledger.active = ledger.active.saturating_sub(*amount);
				let pushed = match ledger.unlocking.iter_mut().find(|(era, _)| *era == unlock_era) {
					Some((_, value)) => {
						*value = value.saturating_add(*amount);
						true
					},
					None => ledger.unlocking.try_push((unlock_era, *amount)).is_ok(),
				};
				if !pushed {
					let error = DispatchError::Other("too many unlocking eras");
					return TransactionOutcome::Rollback(Err(StashFailure(Some(stash), error)));
				}
				StashLedgers::<T>::insert(index, ledger);
			}
			TransactionOutcome::Commit(Ok(()))
		});
		match result {
			Ok(()) => Some(surplus),
			Err(failure) => {
				Self::report_failure(failure);
				None
			},
		}
	}

	/// Bonds pending deposits above the liquidity buffer into the smallest stash that can
	/// take them, which then nominates its share of the targets if it does not yet.
	fn bond_pending(pool: &mut PoolLedger) -> Balance {
		let buffer = T::LiquidityBuffer::get().mul_floor(pool.total_pooled());
		let amount = pool.pending_bond.saturating_sub(buffer);
		let min_bond = T::Staking::minimum_bond();
		if amount.is_zero() {
			return 0;
		}
		let index = (0..T::MaxStashes::get())
			.map(|index| (index, StashLedgers::<T>::get(index).active))
			.filter(|(_, active)| amount >= min_bond || *active >= min_bond)
			.min_by_key(|(_, active)| *active)
			.map(|(index, _)| index);
		let Some(index) = index else { return 0 };
		let stash = Self::stash_account(index);

		let result = with_transaction(|| {
			let step = T::Currency::transfer(
				&Self::pallet_account(),
				&stash,
				amount,
				Preservation::Preserve,
			)
			.map(|_| ())
			.and_then(|_| T::Staking::bond(&stash, amount));
			match step {
				Ok(()) => TransactionOutcome::Commit(Ok(())),
				Err(error) => TransactionOutcome::Rollback(Err(error)),
			}
		});
		if let Err(error) = result {
			Self::deposit_event(Event::StakingOperationFailed { stash, error });
			return 0;
		}
		StashLedgers::<T>::mutate(index, |ledger| {
			ledger.active = ledger.active.saturating_add(amount)
		});
		pool.pending_bond -= amount;
		pool.active_bonded = pool.active_bonded.saturating_add(amount);
		if T::Staking::nominations(&stash).is_empty() {
			Self::nominate_share(index);
		}
		amount
	}

	/// Queues the payouts of the era that just ended for every validator the pool nominates.
	fn queue_payouts(era: EraIndex) {
		let Some(ended) = era.checked_sub(1) else { return };
		let queue: Vec<_> = Targets::<T>::get().into_iter().map(|v| (ended, v)).collect();
		// At most `MaxTargets`: what is left of older eras is dropped (anyone may still
		// claim it through staking).
		PayoutQueue::<T>::put(BoundedVec::truncate_from(queue));
	}

	/// Claims up to `max` queued payouts; a validator with more pages goes back in the
	/// queue. Returns how many were attempted.
	pub(crate) fn claim_queued_payouts(max: u32) -> u32 {
		let mut queue = PayoutQueue::<T>::get();
		if queue.is_empty() {
			return 0;
		}
		let mut attempted = 0;
		while attempted < max && !queue.is_empty() {
			let (era, validator) = queue.remove(0);
			attempted += 1;
			if !T::Staking::has_pending_payout(era, &validator) {
				continue;
			}
			match T::Staking::pay_out(&Self::pallet_account(), era, &validator) {
				Ok(()) => {
					Self::deposit_event(Event::PayoutClaimed { era, validator: validator.clone() });
					if T::Staking::has_pending_payout(era, &validator) {
						let _ = queue.try_push((era, validator));
					}
				},
				Err(error) => log::debug!(
					target: LOG_TARGET,
					"payout of {era} not claimed: {error:?}"
				),
			}
		}
		PayoutQueue::<T>::put(queue);
		attempted
	}
}
