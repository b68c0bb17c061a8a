//! Base-chain propagation: pallet-staking's slash of a validator stash an operator linked
//! becomes a pending slash of the operator at every AVS coupled to native offences.

use crate::{pallet::*, SkipReason, SlashSource, WeightInfo};
use bastion_primitives::restaking::{AvsDirectory, Restaking};
use codec::Encode;
use frame_support::{dispatch::DispatchClass, pallet_prelude::*, BoundedVec};
use sp_staking::{EraIndex, OnStakingUpdate};

/// What the evidence of a propagated slash starts with.
pub const NATIVE_EVIDENCE_CONTEXT: &[u8] = b"bastion/native-slash";

impl<T: Config, Balance: Encode> OnStakingUpdate<T::AccountId, Balance> for Pallet<T> {
	/// Propagates the slash of `stash` (see [`Pallet::propagate_native_slash`]). Never fails
	/// nor panics; its weight (bounded by `MaxAvsPerOperator` AVSs) is registered with
	/// frame-system as mandatory weight of the block.
	fn on_slash(
		stash: &T::AccountId,
		_slashed_active: Balance,
		_slashed_unlocking: &alloc::collections::BTreeMap<EraIndex, Balance>,
		slashed_total: Balance,
	) {
		let weight = Self::propagate_native_slash(stash, &slashed_total);
		frame_system::Pallet::<T>::register_extra_weight_unchecked(weight, DispatchClass::Mandatory);
	}
}

impl<T: Config> Pallet<T> {
	/// For the operator that linked `stash` (if any), each of the first `MaxAvsPerOperator`
	/// AVSs that may slash it now ([`Restaking::allocated_avss`]) with
	/// `native_coupling = Some(factor)` gets a pending slash of the operator at
	/// `min(factor, max_slash_per_incident)`, executable after that AVS's veto window. The
	/// AVSs are found by allocation, not membership: an operator that opts out while
	/// pallet-staking defers its slash is still slashable until its deallocation delay ends,
	/// so it is still reached. The evidence is
	/// `(NATIVE_EVIDENCE_CONTEXT, stash, block, slashed_total)`, encoded. An AVS none of the
	/// first `MaxAssetsPerOperator` pools is allocated to, or an operator with
	/// `MaxPendingPerOperator` pending slashes, is skipped with `NativeSlashSkipped`.
	/// Returns its weight: for a linked stash, `on_native_slash(MaxAvsPerOperator)` however
	/// many AVSs are visited, as finding them reads the operator's whole list of allocations
	/// (benchmarked full).
	pub fn propagate_native_slash(stash: &T::AccountId, slashed_total: &impl Encode) -> Weight {
		let Some(operator) = T::Restaking::operator_of_stash(stash) else {
			return T::WeightInfo::on_native_slash(0);
		};
		let avss = T::Restaking::allocated_avss(&operator);
		let bound = T::MaxAvsPerOperator::get() as usize;
		if avss.len() > bound {
			Self::deposit_event(Event::NativeSlashAvsLimit {
				stash: stash.clone(),
				operator: operator.clone(),
				unvisited: (avss.len() - bound) as u32,
			});
		}
		let now = Self::now();
		let evidence: BoundedVec<u8, T::MaxEvidenceLen> =
			BoundedVec::truncate_from((NATIVE_EVIDENCE_CONTEXT, stash, now, slashed_total).encode());
		for avs in avss.into_iter().take(bound) {
			let Some(terms) = T::Avs::slashing_terms(avs) else { continue };
			let Some(factor) = terms.native_coupling else { continue };
			let fraction = factor.min(terms.max_slash_per_incident);
			if fraction.is_zero() {
				continue;
			}
			let skip = |reason| {
				Self::deposit_event(Event::NativeSlashSkipped {
					stash: stash.clone(),
					operator: operator.clone(),
					avs,
					reason,
				})
			};
			let allocations = Self::allocations_of(&operator, avs);
			if allocations.is_empty() {
				skip(SkipReason::NotAllocated);
				continue;
			}
			if Self::ensure_room(&operator, avs, false).is_err() {
				skip(SkipReason::TooManyPending);
				continue;
			}
			let evidence_hash = Self::evidence_hash(avs, &evidence);
			if let Err(e) = Self::create_pending(
				avs,
				operator.clone(),
				fraction,
				SlashSource::Native { stash: stash.clone() },
				now,
				&terms,
				allocations,
				evidence.clone(),
				evidence_hash,
			) {
				log::error!(target: crate::LOG_TARGET, "native slash of {stash:?} not propagated to {avs}: {e:?}");
				skip(if e == Error::<T>::TooManyPending.into() {
					SkipReason::TooManyPending
				} else {
					SkipReason::Overflow
				});
			}
		}
		T::WeightInfo::on_native_slash(T::MaxAvsPerOperator::get())
	}
}
