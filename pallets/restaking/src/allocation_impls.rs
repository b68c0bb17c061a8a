//! Allocations of pools to AVSs, with their delays and the leverage cap.

use crate::{pallet::*, Allocation, AvsId, RestakeAsset};
use bastion_primitives::restaking::AvsDirectory;
use frame_support::{ensure, pallet_prelude::*, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{Perbill, Saturating};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_allocate(
		who: T::AccountId,
		avs: AvsId,
		asset: RestakeAsset,
		fraction: Perbill,
	) -> DispatchResult {
		let operator = Operators::<T>::get(&who).ok_or(Error::<T>::NotOperator)?;
		ensure!(operator.is_active(), Error::<T>::OperatorLeaving);
		ensure!(T::Avs::is_member(avs, &who), Error::<T>::NotAvsMember);
		ensure!(
			T::Avs::is_active(avs) && T::Avs::accepts_asset(avs, &asset),
			Error::<T>::AvsRefused
		);
		ensure!(RestakableAssets::<T>::contains_key(&asset), Error::<T>::AssetNotRestakable);

		let now = Self::now();
		let allocation = Allocations::<T>::get((&who, avs, &asset)).unwrap_or_default().settled(now);
		let unchanged = match allocation.pending {
			Some((next, _)) => next == fraction,
			None => allocation.current == fraction,
		};
		ensure!(!unchanged, Error::<T>::NoChange);
		let decrease = fraction < allocation.current;
		ensure!(!decrease || operator.frozen == 0, Error::<T>::OperatorFrozen);

		// The cap counts every allocation of the pool at the highest it may reach.
		let others: u64 = OperatorAllocations::<T>::get(&who)
			.iter()
			.filter(|(a, s)| *s == asset && *a != avs)
			.filter_map(|(a, s)| Allocations::<T>::get((&who, *a, s)))
			.map(|other| other.ceiling(now).deconstruct() as u64)
			.sum();
		let ceiling = allocation.current.max(fraction).deconstruct() as u64;
		let cap = (T::MaxRestakeLeverage::get() as u64).saturating_mul(10_000_000);
		ensure!(others.saturating_add(ceiling) <= cap, Error::<T>::LeverageExceeded);

		OperatorAllocations::<T>::try_mutate(&who, |list| {
			if list.iter().any(|(a, s)| *a == avs && *s == asset) {
				return Ok(());
			}
			if list.is_full() {
				Self::prune_ended_allocations(&who, list, now);
			}
			list.try_push((avs, asset.clone())).map_err(|_| Error::<T>::TooManyAllocations)
		})?;
		let delay = if decrease { T::DeallocationDelay::get() } else { T::AllocationDelay::get() };
		let effective_at = now.saturating_add(delay);
		let updated = Allocation { current: allocation.current, pending: Some((fraction, effective_at)) };
		Allocations::<T>::insert((&who, avs, &asset), updated);
		Self::deposit_event(Event::AllocationSet {
			operator: who,
			avs,
			asset,
			fraction,
			effective_at,
		});
		Ok(())
	}

	/// Drops from `list`, and from `Allocations`, `operator`'s allocations that ended: zero
	/// now and no change pending. No AVS can slash them any more, and without this an
	/// operator that went through `MaxAllocations` (AVS, asset) pairs could never allocate
	/// to a new one.
	fn prune_ended_allocations(
		operator: &T::AccountId,
		list: &mut BoundedVec<(AvsId, RestakeAsset), T::MaxAllocations>,
		now: BlockNumberFor<T>,
	) {
		list.retain(|(avs, asset)| {
			let key = (operator, *avs, asset);
			let ended = Allocations::<T>::get(key).is_none_or(|allocation| allocation.ceiling(now).is_zero());
			if ended {
				Allocations::<T>::remove(key);
			}
			!ended
		});
	}

	/// Starts deallocating `operator`'s `asset` from `avs` (it leaves, or left the AVS); the
	/// old fraction stays slashable for `DeallocationDelay`.
	pub(crate) fn deallocate(operator: &T::AccountId, avs: AvsId, asset: &RestakeAsset) {
		let now = Self::now();
		let Some(allocation) = Allocations::<T>::get((operator, avs, asset)) else { return };
		let allocation = allocation.settled(now);
		if allocation.current.is_zero() && allocation.pending.is_none() {
			return;
		}
		let effective_at = now.saturating_add(T::DeallocationDelay::get());
		Allocations::<T>::insert(
			(operator, avs, asset),
			Allocation { current: allocation.current, pending: Some((Perbill::zero(), effective_at)) },
		);
		Self::deposit_event(Event::AllocationSet {
			operator: operator.clone(),
			avs,
			asset: asset.clone(),
			fraction: Perbill::zero(),
			effective_at,
		});
	}

	/// The fraction of `operator`'s `asset` pool `avs` may slash now.
	pub fn slashable_fraction(operator: &T::AccountId, avs: AvsId, asset: &RestakeAsset) -> Perbill {
		Allocations::<T>::get((operator, avs, asset))
			.map(|allocation| allocation.at(Self::now()))
			.unwrap_or_default()
	}

	/// Every allocation of `operator`'s `asset` pool at its ceiling, summed, in parts per
	/// billion (above one billion: leveraged).
	pub fn allocated_ppb(operator: &T::AccountId, asset: &RestakeAsset) -> u64 {
		OperatorAllocations::<T>::get(operator)
			.iter()
			.filter(|(_, s)| s == asset)
			.filter_map(|(avs, s)| Allocations::<T>::get((operator, *avs, s)))
			.map(|allocation| allocation.ceiling(Self::now()).deconstruct() as u64)
			.sum()
	}
}
