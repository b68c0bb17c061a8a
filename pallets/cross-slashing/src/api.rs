//! The functions behind `SlashingApi`.

use crate::{cap_impls::mul_fraction, pallet::*, AvsId, PendingSlash, PoolSlash, PoolSlashStatus, SlashOutcome};
use alloc::vec::Vec;
use bastion_primitives::{
	restaking::{AvsDirectory, Restaking},
	slashing::{PendingSlashInfo, SlashCapacity, SlashRecordInfo},
};
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{traits::Saturating, Perbill};

impl<T: Config> Pallet<T> {
	/// Pending slashes, of `operator` only if given, ordered by the block they become
	/// executable at (then by id).
	pub fn pending_slashes(operator: Option<T::AccountId>) -> Vec<PendingSlashInfo<T::AccountId, BlockNumberFor<T>>> {
		let mut out: Vec<_> = match operator {
			Some(operator) => OperatorPending::<T>::get(&operator)
				.into_iter()
				.filter_map(|(id, _)| Slashes::<T>::get(id).map(|slash| Self::pending_info(id, slash)))
				.collect(),
			None => Slashes::<T>::iter().map(|(id, slash)| Self::pending_info(id, slash)).collect(),
		};
		out.sort_by(|a, b| (&a.executable_at, a.id).cmp(&(&b.executable_at, b.id)));
		out
	}

	fn pending_info(id: crate::SlashId, slash: PendingSlashOf<T>) -> PendingSlashInfo<T::AccountId, BlockNumberFor<T>> {
		let PendingSlash {
			avs,
			operator,
			fraction,
			source,
			offence_block,
			requested_at,
			executable_at,
			allocations,
			destination,
			evidence,
			queued,
			..
		} = slash;
		PendingSlashInfo {
			id,
			avs,
			operator,
			fraction,
			source,
			offence_block,
			requested_at,
			executable_at,
			auto_execute: queued,
			evidence: evidence.into_inner(),
			allocations: allocations.into_inner(),
			destination,
		}
	}

	/// `operator`'s resolved slashes (the last `MaxHistory`), oldest first.
	pub fn slash_history(operator: &T::AccountId) -> Vec<SlashRecordInfo<T::AccountId, BlockNumberFor<T>>> {
		History::<T>::get(operator)
			.into_iter()
			.map(|record| SlashRecordInfo {
				id: record.id,
				avs: record.avs,
				fraction: record.fraction,
				source: record.source,
				offence_block: record.offence_block,
				requested_at: record.requested_at,
				resolved_at: record.resolved_at,
				destination: record.destination,
				outcome: match record.outcome {
					SlashOutcome::Executed { pools } => SlashOutcome::Executed { pools: pools.into_inner() },
					SlashOutcome::Vetoed => SlashOutcome::Vetoed,
				},
			})
			.collect()
	}

	/// For each pool of `operator`: what slashes took of it in the current cap window and
	/// the largest fraction a slash executed now could still take.
	pub fn slash_capacity(operator: &T::AccountId) -> Vec<SlashCapacity<BlockNumberFor<T>>> {
		let now = Self::now();
		T::Restaking::operator_assets(operator)
			.into_iter()
			.take(T::MaxAssetsPerOperator::get() as usize)
			.map(|asset| {
				let ledger = Self::cap_ledger(operator, &asset, now);
				SlashCapacity {
					slashed_in_window: Self::slashed_in_window(&ledger),
					remaining: Self::room(&ledger),
					frees_at: Self::frees_at(&ledger),
					asset,
				}
			})
			.collect()
	}

	/// A dry run: what a slash of `fraction` of what `operator` allocates to `avs`, executed
	/// now, would take from each pool (the cap applied; amounts as restaking rounds them, up
	/// to its dust rule). `None` when the AVS is unknown or `fraction` is above its
	/// `max_slash_per_incident`.
	pub fn slash_preview(avs: AvsId, operator: &T::AccountId, fraction: Perbill) -> Option<Vec<PoolSlash>> {
		let terms = T::Avs::slashing_terms(avs)?;
		if fraction > terms.max_slash_per_incident {
			return None;
		}
		let now = Self::now();
		Some(
			Self::allocations_of(operator, avs)
				.into_iter()
				.map(|(asset, allocation)| {
					let requested = mul_fraction(fraction, allocation);
					let ledger = Self::cap_ledger(operator, &asset, now);
					let applied = requested.min(Self::room(&ledger));
					let pool = T::Restaking::pool(operator, &asset).unwrap_or_default();
					PoolSlash {
						allocation,
						requested,
						applied,
						capped: requested.saturating_sub(applied),
						active: applied.mul_ceil(pool.active_assets).min(pool.active_assets),
						exiting: applied.mul_ceil(pool.exiting_assets).min(pool.exiting_assets),
						status: PoolSlashStatus::ToDestination,
						asset,
					}
				})
				.collect(),
		)
	}
}
