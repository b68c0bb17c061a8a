//! Requesting a slash, and what requested and propagated slashes share: recording the
//! allocations, the bounds, the freeze and the queue.

use crate::{pallet::*, AvsId, PendingSlash, RestakeAsset, SlashId, SlashSource};
use alloc::vec::Vec;
use bastion_primitives::restaking::{AvsDirectory, Restaking, SlashingTerms};
use frame_support::{pallet_prelude::*, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{BlakeTwo256, CheckedAdd, CheckedSub, Hash},
	Perbill,
};

impl<T: Config> Pallet<T> {
	/// The current block.
	pub(crate) fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	/// `request_slash`: checks everything, then records the slash. Nothing is written when
	/// a check fails.
	pub(crate) fn do_request_slash(
		who: T::AccountId,
		avs: AvsId,
		operator: T::AccountId,
		fraction: Perbill,
		evidence: Vec<u8>,
		offence_block: BlockNumberFor<T>,
	) -> Result<SlashId, DispatchError> {
		let terms = T::Avs::slashing_terms(avs).ok_or(Error::<T>::UnknownAvs)?;
		ensure!(who == terms.slasher, Error::<T>::NotSlasher);
		ensure!(!fraction.is_zero(), Error::<T>::ZeroFraction);
		ensure!(fraction <= terms.max_slash_per_incident, Error::<T>::FractionAboveLimit);
		let evidence: BoundedVec<u8, T::MaxEvidenceLen> =
			evidence.try_into().map_err(|_| Error::<T>::EvidenceTooLong)?;
		let now = Self::now();
		let age = now.checked_sub(&offence_block).ok_or(Error::<T>::OffenceInFuture)?;
		ensure!(age <= terms.slash_window, Error::<T>::OffenceTooOld);
		let evidence_hash = Self::evidence_hash(avs, &evidence);
		ensure!(!UsedEvidence::<T>::contains_key(evidence_hash), Error::<T>::DuplicateEvidence);
		let allocations = Self::allocations_of(&operator, avs);
		ensure!(!allocations.is_empty(), Error::<T>::NotAllocated);
		Self::ensure_room(&operator, avs, true)?;

		let id = Self::create_pending(
			avs,
			operator,
			fraction,
			SlashSource::Slasher,
			offence_block,
			&terms,
			allocations,
			evidence,
			evidence_hash,
		)?;
		UsedEvidence::<T>::insert(evidence_hash, id);
		Ok(id)
	}

	/// `blake2_256((avs, evidence))`.
	pub(crate) fn evidence_hash(avs: AvsId, evidence: &[u8]) -> [u8; 32] {
		BlakeTwo256::hash_of(&(avs, evidence)).0
	}

	/// The non-zero allocations of `operator`'s pools to `avs` now (restaking keeps a
	/// decrease at the old fraction until its delay is over), visiting at most
	/// `MaxAssetsPerOperator` pools.
	pub(crate) fn allocations_of(operator: &T::AccountId, avs: AvsId) -> AllocationsOf<T> {
		let assets = T::Restaking::operator_assets(operator);
		let bound = T::MaxAssetsPerOperator::get() as usize;
		if assets.len() > bound {
			log::warn!(
				target: crate::LOG_TARGET,
				"operator has {} pools, only the first {bound} are visited: raise MaxAssetsPerOperator",
				assets.len(),
			);
		}
		let allocations: Vec<(RestakeAsset, Perbill)> = assets
			.into_iter()
			.take(bound)
			.filter_map(|asset| {
				let allocation = T::Restaking::allocation(operator, avs, &asset);
				(!allocation.is_zero()).then_some((asset, allocation))
			})
			.collect();
		BoundedVec::truncate_from(allocations)
	}

	/// Whether `operator` may take one more pending slash (from `avs`'s slasher when
	/// `by_slasher`; propagated slashes only count against the operator's bound).
	pub(crate) fn ensure_room(operator: &T::AccountId, avs: AvsId, by_slasher: bool) -> DispatchResult {
		let pending = OperatorPending::<T>::get(operator);
		ensure!(pending.len() < T::MaxPendingPerOperator::get() as usize, Error::<T>::TooManyPending);
		if by_slasher {
			let from_avs = pending.iter().filter(|(_, a)| *a == avs).count();
			ensure!(from_avs < T::MaxPendingPerAvs::get() as usize, Error::<T>::TooManyPendingFromAvs);
		}
		Ok(())
	}

	/// Records a pending slash whose checks passed: takes an id, freezes the operator,
	/// queues it for automatic execution when the queue has room, emits `SlashRequested`.
	/// Fails (writing nothing) only on overflow or when the operator has no room.
	#[allow(clippy::too_many_arguments)]
	pub(crate) fn create_pending(
		avs: AvsId,
		operator: T::AccountId,
		fraction: Perbill,
		source: SlashSource<T::AccountId>,
		offence_block: BlockNumberFor<T>,
		terms: &SlashingTerms<T::AccountId, BlockNumberFor<T>>,
		allocations: AllocationsOf<T>,
		evidence: BoundedVec<u8, T::MaxEvidenceLen>,
		evidence_hash: [u8; 32],
	) -> Result<SlashId, DispatchError> {
		let now = Self::now();
		let id = NextSlashId::<T>::get();
		let next_id = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let executable_at = now.checked_add(&terms.veto_window).ok_or(Error::<T>::Overflow)?;
		let mut pending = OperatorPending::<T>::get(&operator);
		pending.try_push((id, avs)).map_err(|_| Error::<T>::TooManyPending)?;
		let freezes = Freezes::<T>::get(&operator).checked_add(1).ok_or(Error::<T>::Overflow)?;
		let avs_pending = AvsPending::<T>::get(avs).checked_add(1).ok_or(Error::<T>::Overflow)?;

		// Nothing fails from here on.
		let queued = Queue::<T>::mutate(|queue| {
			let key = (executable_at, id);
			let at = queue.partition_point(|entry| *entry < key);
			queue.try_insert(at, key).is_ok()
		});
		if !queued {
			log::warn!(
				target: crate::LOG_TARGET,
				"automatic-execution queue full: slash {id} must be executed by a call",
			);
		}
		NextSlashId::<T>::put(next_id);
		OperatorPending::<T>::insert(&operator, pending);
		Freezes::<T>::insert(&operator, freezes);
		AvsPending::<T>::insert(avs, avs_pending);
		T::Restaking::freeze(&operator);
		Slashes::<T>::insert(
			id,
			PendingSlash {
				avs,
				operator: operator.clone(),
				fraction,
				source: source.clone(),
				offence_block,
				requested_at: now,
				executable_at,
				allocations: allocations.clone(),
				veto: terms.veto.clone(),
				destination: terms.destination.clone(),
				evidence,
				evidence_hash,
				queued,
			},
		);
		Self::deposit_event(Event::SlashRequested {
			id,
			avs,
			operator,
			fraction,
			source,
			offence_block,
			executable_at,
			auto_execute: queued,
			allocations,
			evidence_hash,
		});
		Ok(id)
	}

	/// The error for an id that is not pending: resolved if it was ever given out.
	pub(crate) fn not_pending(id: SlashId) -> Error<T> {
		if id < NextSlashId::<T>::get() {
			Error::<T>::AlreadyResolved
		} else {
			Error::<T>::UnknownSlash
		}
	}
}
