//! Vetoing and executing slashes, by call and by the hook.

use crate::{
	cap_impls::mul_fraction, pallet::*, PoolSlash, PoolSlashStatus, RestakeAsset, SlashDestination, SlashId,
	SlashOutcome, SlashRecord, VetoPolicy, WeightInfo,
};
use alloc::vec::Vec;
use bastion_primitives::restaking::{Restaking, SlashedAmounts};
use frame_support::{
	pallet_prelude::*,
	storage::{with_transaction, TransactionOutcome},
	BoundedVec,
};
use frame_system::pallet_prelude::*;
use sp_runtime::{traits::Saturating, Perbill};

impl<T: Config> Pallet<T> {
	/// `veto_slash`: checks the origin against the policy recorded at request.
	pub(crate) fn do_veto_slash(origin: OriginFor<T>, id: SlashId) -> DispatchResult {
		let slash = Slashes::<T>::get(id).ok_or_else(|| Self::not_pending(id))?;
		match &slash.veto {
			VetoPolicy::Council => {
				T::CouncilOrigin::ensure_origin(origin).map_err(|_| Error::<T>::NotVetoOrigin)?;
			}
			VetoPolicy::Committee(committee) => {
				let who = ensure_signed(origin).map_err(|_| Error::<T>::NotVetoOrigin)?;
				ensure!(who == *committee, Error::<T>::NotVetoOrigin);
			}
		}
		let now = Self::now();
		ensure!(now < slash.executable_at, Error::<T>::VetoWindowOver);

		Slashes::<T>::remove(id);
		if slash.queued {
			Self::dequeue(slash.executable_at, id);
		}
		Self::release(id, &slash);
		Self::remember(
			&slash.operator,
			SlashRecord {
				id,
				avs: slash.avs,
				fraction: slash.fraction,
				source: slash.source,
				offence_block: slash.offence_block,
				requested_at: slash.requested_at,
				resolved_at: now,
				destination: slash.destination,
				outcome: SlashOutcome::Vetoed,
			},
		);
		Self::deposit_event(Event::SlashVetoed { id, avs: slash.avs, operator: slash.operator });
		Ok(())
	}

	/// `execute_slash`: returns the number of pools visited (for the weight).
	pub(crate) fn do_execute_slash(id: SlashId) -> Result<u32, DispatchError> {
		let slash = Slashes::<T>::get(id).ok_or_else(|| Self::not_pending(id))?;
		let now = Self::now();
		ensure!(now >= slash.executable_at, Error::<T>::NotExecutableYet);
		if slash.queued {
			Self::dequeue(slash.executable_at, id);
		}
		Ok(Self::apply(id, slash, now))
	}

	/// The hook: pops the due slashes at the head of the queue (at most
	/// `MaxExecutionsPerBlock`) and executes them.
	pub(crate) fn execute_due(now: BlockNumberFor<T>) -> Weight {
		let mut queue = Queue::<T>::get();
		let max = T::MaxExecutionsPerBlock::get() as usize;
		let due = queue.iter().take(max).take_while(|(at, _)| *at <= now).count();
		if due == 0 {
			return T::WeightInfo::on_initialize(0);
		}
		let ids: Vec<SlashId> = queue.drain(..due).map(|(_, id)| id).collect();
		Queue::<T>::put(queue);
		for id in ids.iter() {
			match Slashes::<T>::get(id) {
				Some(slash) if slash.executable_at <= now => {
					Self::apply(*id, slash, now);
				}
				Some(mut slash) => {
					// Not due after all (can't happen: the queue is keyed by `executable_at`).
					log::error!(target: crate::LOG_TARGET, "queued slash {id} is not due; left to calls");
					slash.queued = false;
					Slashes::<T>::insert(id, slash);
				}
				None => log::error!(target: crate::LOG_TARGET, "queued slash {id} is not pending"),
			}
		}
		T::WeightInfo::on_initialize(due as u32)
	}

	/// Removes `(at, id)` from the queue.
	fn dequeue(at: BlockNumberFor<T>, id: SlashId) {
		Queue::<T>::mutate(|queue| {
			if let Ok(index) = queue.binary_search(&(at, id)) {
				queue.remove(index);
			}
		});
	}

	/// Executes `slash` (taken out of the queue already): slashes each recorded pool within
	/// the cap, releases the operator, records and reports every amount. Infallible: a pool
	/// restaking refuses to slash is reported `Failed` and the rest goes on, so a slash can
	/// never be stuck pending (and the operator frozen) for good.
	fn apply(id: SlashId, slash: PendingSlashOf<T>, now: BlockNumberFor<T>) -> u32 {
		Slashes::<T>::remove(id);
		let operator = &slash.operator;
		let mut pools: Vec<PoolSlash> = Vec::with_capacity(slash.allocations.len());
		for (asset, allocation) in slash.allocations.iter() {
			let requested = mul_fraction(slash.fraction, *allocation);
			let mut ledger = Self::cap_ledger(operator, asset, now);
			let applied = requested.min(Self::room(&ledger));
			let capped = requested.saturating_sub(applied);
			let (amounts, status) = if applied.is_zero() {
				(SlashedAmounts::default(), PoolSlashStatus::ToDestination)
			} else {
				Self::slash_pool(operator, asset, applied, &slash.destination)
			};
			if !applied.is_zero() && status != PoolSlashStatus::Failed {
				Self::record_in_ledger(&mut ledger, now, applied);
			}
			Self::put_cap_ledger(operator, asset, ledger);
			pools.push(PoolSlash {
				asset: asset.clone(),
				allocation: *allocation,
				requested,
				applied,
				capped,
				active: amounts.active,
				exiting: amounts.exiting,
				status,
			});
		}
		let visited = pools.len() as u32;
		// As many pools as recorded allocations: within the same bound.
		let pools: PoolSlashesOf<T> = BoundedVec::truncate_from(pools);

		Self::release(id, &slash);
		Self::remember(
			operator,
			SlashRecord {
				id,
				avs: slash.avs,
				fraction: slash.fraction,
				source: slash.source.clone(),
				offence_block: slash.offence_block,
				requested_at: slash.requested_at,
				resolved_at: now,
				destination: slash.destination.clone(),
				outcome: SlashOutcome::Executed { pools: pools.clone() },
			},
		);
		Self::deposit_event(Event::SlashExecuted {
			id,
			avs: slash.avs,
			operator: slash.operator,
			fraction: slash.fraction,
			destination: slash.destination,
			pools,
		});
		visited
	}

	/// Slashes `fraction` of one pool to `destination`; if restaking refuses, burns it
	/// instead; if that is refused too, reports `Failed`. Each attempt is a storage
	/// transaction: a refused attempt leaves nothing behind.
	fn slash_pool(
		operator: &T::AccountId,
		asset: &RestakeAsset,
		fraction: Perbill,
		destination: &SlashDestination<T::AccountId>,
	) -> (SlashedAmounts, PoolSlashStatus) {
		let attempt = |to: &SlashDestination<T::AccountId>| {
			with_transaction(|| match T::Restaking::slash_pool(operator, asset, fraction, to) {
				Ok(amounts) => TransactionOutcome::Commit(Ok(amounts)),
				Err(e) => TransactionOutcome::Rollback(Err(e)),
			})
		};
		match attempt(destination) {
			Ok(amounts) => return (amounts, PoolSlashStatus::ToDestination),
			Err(e) => log::warn!(
				target: crate::LOG_TARGET,
				"slashing {asset:?} of {operator:?} to {destination:?} failed ({e:?}); burning instead",
			),
		}
		if *destination != SlashDestination::Burn {
			match attempt(&SlashDestination::Burn) {
				Ok(amounts) => return (amounts, PoolSlashStatus::Burnt),
				Err(e) => log::error!(
					target: crate::LOG_TARGET,
					"burning {asset:?} of {operator:?} failed too ({e:?}): pool not slashed",
				),
			}
		}
		(SlashedAmounts::default(), PoolSlashStatus::Failed)
	}

	/// Drops the bookkeeping of pending slash `id` (already out of `Slashes` and the queue)
	/// and its freeze.
	fn release(id: SlashId, slash: &PendingSlashOf<T>) {
		OperatorPending::<T>::mutate_exists(&slash.operator, |pending| {
			if let Some(list) = pending {
				list.retain(|(i, _)| *i != id);
				if list.is_empty() {
					*pending = None;
				}
			}
		});
		AvsPending::<T>::mutate_exists(slash.avs, |count| {
			let left = count.unwrap_or(0).saturating_sub(1);
			*count = (left > 0).then_some(left);
		});
		Freezes::<T>::mutate_exists(&slash.operator, |count| {
			let left = count.unwrap_or(0).saturating_sub(1);
			*count = (left > 0).then_some(left);
		});
		T::Restaking::unfreeze(&slash.operator);
	}

	/// Appends `record` to `operator`'s history, dropping the oldest when full.
	fn remember(operator: &T::AccountId, record: SlashRecordOf<T>) {
		History::<T>::mutate(operator, |history| {
			if history.is_full() && !history.is_empty() {
				history.remove(0);
			}
			if history.try_push(record).is_err() {
				log::error!(target: crate::LOG_TARGET, "history has no room: is MaxHistory zero?");
			}
		});
	}
}
