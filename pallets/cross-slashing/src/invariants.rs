//! The pallet's invariants, checked by `try_state` after every unit test (and by
//! try-runtime):
//!
//! 1. Pending slashes ↔ freezes: each pending slash is listed once under its operator (with
//!    its AVS); each operator's list is not empty, has no duplicates, and its length is
//!    the number of restaking freezes held for it; each AVS's count is its number of
//!    pending slashes; no zero entries are stored.
//! 2. The queue is strictly sorted by `(executable_at, id)` and bounded; it holds exactly
//!    the pending slashes marked `queued`, at their `executable_at`.
//! 3. Each pending slash has an id below `NextSlashId`, at least one allocation, and
//!    `requested_at <= executable_at`; a slash requested by a slasher has its evidence hash
//!    in `UsedEvidence`, pointing to it; every used evidence points to an id given out.
//! 4. Histories are bounded (by type), ordered by resolution block, with ids given out.
//! 5. Cap ledgers are sorted by block, not empty, and only count non-zero fractions.

use crate::{pallet::*, SlashSource};
use alloc::collections::{BTreeMap, BTreeSet};
use frame_support::ensure;
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Checks every invariant; the first broken one is the error.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let next_id = NextSlashId::<T>::get();

		// 3. (and counts for 1 and 2).
		let mut per_operator: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		let mut per_avs: BTreeMap<crate::AvsId, u32> = BTreeMap::new();
		let mut queued = BTreeSet::new();
		let mut pending_count = 0u32;
		for (id, slash) in Slashes::<T>::iter() {
			pending_count += 1;
			ensure!(id < next_id, "a pending slash has an id not given out");
			ensure!(!slash.allocations.is_empty(), "a pending slash records no allocation");
			ensure!(slash.requested_at <= slash.executable_at, "a slash is executable before its request");
			ensure!(
				OperatorPending::<T>::get(&slash.operator).iter().filter(|entry| **entry == (id, slash.avs)).count()
					== 1,
				"a pending slash is not listed once under its operator"
			);
			if slash.source == SlashSource::Slasher {
				ensure!(
					UsedEvidence::<T>::get(slash.evidence_hash) == Some(id),
					"a requested slash's evidence is not recorded as used by it"
				);
			}
			if slash.queued {
				queued.insert((slash.executable_at, id));
			}
			*per_operator.entry(slash.operator.clone()).or_default() += 1;
			*per_avs.entry(slash.avs).or_default() += 1;
		}

		// 1.
		let mut listed = 0u32;
		for (operator, list) in OperatorPending::<T>::iter() {
			ensure!(!list.is_empty(), "an empty pending list is stored");
			let ids: BTreeSet<_> = list.iter().map(|(id, _)| *id).collect();
			ensure!(ids.len() == list.len(), "an operator's pending list has duplicates");
			ensure!(
				per_operator.get(&operator).copied().unwrap_or(0) == list.len() as u32,
				"an operator's pending list differs from its pending slashes"
			);
			ensure!(
				Freezes::<T>::get(&operator) == list.len() as u32,
				"an operator's freezes differ from its pending slashes"
			);
			listed += list.len() as u32;
		}
		ensure!(listed == pending_count, "pending lists and pending slashes differ in number");
		for (operator, freezes) in Freezes::<T>::iter() {
			ensure!(freezes > 0, "a zero freeze count is stored");
			ensure!(
				OperatorPending::<T>::get(&operator).len() as u32 == freezes,
				"freezes are held without pending slashes"
			);
		}
		for (avs, count) in AvsPending::<T>::iter() {
			ensure!(count > 0, "a zero AVS count is stored");
			ensure!(per_avs.get(&avs).copied().unwrap_or(0) == count, "an AVS's pending count is wrong");
		}
		ensure!(per_avs.keys().all(AvsPending::<T>::contains_key), "an AVS with pending slashes has no count");

		// 2.
		let queue = Queue::<T>::get();
		ensure!(queue.windows(2).all(|w| w[0] < w[1]), "the queue is not strictly sorted");
		ensure!(queue.len() == queued.len(), "the queue differs from the queued slashes");
		ensure!(queue.iter().all(|entry| queued.contains(entry)), "the queue differs from the queued slashes");

		// 3. Used evidence.
		for (_, id) in UsedEvidence::<T>::iter() {
			ensure!(id < next_id, "used evidence points to an id not given out");
		}

		// 4.
		for (_, history) in History::<T>::iter() {
			ensure!(
				history.windows(2).all(|w| w[0].resolved_at <= w[1].resolved_at),
				"a history is not in resolution order"
			);
			ensure!(history.iter().all(|r| r.id < next_id), "a history has an id not given out");
			ensure!(history.iter().all(|r| Slashes::<T>::get(r.id).is_none()), "a resolved slash is still pending");
		}

		// 5.
		for (_, _, ledger) in CapLedger::<T>::iter() {
			ensure!(!ledger.is_empty(), "an empty cap ledger is stored");
			ensure!(ledger.windows(2).all(|w| w[0].at <= w[1].at), "a cap ledger is not in block order");
			ensure!(ledger.iter().all(|e| !e.taken.is_zero()), "a cap ledger counts a zero slash");
		}
		Ok(())
	}
}
