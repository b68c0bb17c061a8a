//! Operators: registration, commission, the validator link, leaving.

use crate::{pallet::*, OperatorStatus};
use alloc::vec::Vec;
use codec::Encode;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{traits::Verify, Perbill, Saturating};

/// What a stash signs to let an operator link it: this context, then the operator's account.
pub const LINK_CONTEXT: &[u8] = b"bastion/link-validator";

impl<T: Config> Pallet<T> {
	pub(crate) fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	pub(crate) fn do_register_operator(
		who: T::AccountId,
		metadata: Vec<u8>,
		commission: Perbill,
	) -> DispatchResult {
		ensure!(!Operators::<T>::contains_key(&who), Error::<T>::AlreadyOperator);
		let metadata: BoundedVec<_, _> = metadata.try_into().map_err(|_| Error::<T>::TooLong)?;
		let deposit = T::OperatorDeposit::get();
		T::Currency::hold(&HoldReason::OperatorDeposit.into(), &who, deposit)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		Operators::<T>::insert(
			&who,
			crate::Operator {
				metadata,
				commission,
				pending_commission: None,
				status: OperatorStatus::Active,
				linked_stash: None,
				frozen: 0,
				deposit,
			},
		);
		Self::deposit_event(Event::OperatorRegistered { operator: who, commission });
		Ok(())
	}

	pub(crate) fn do_set_commission(who: T::AccountId, commission: Perbill) -> DispatchResult {
		let now = Self::now();
		let at = now.saturating_add(T::CommissionDelay::get());
		Operators::<T>::try_mutate(&who, |operator| {
			let operator = operator.as_mut().ok_or(Error::<T>::NotOperator)?;
			let current = operator.commission_at(now);
			ensure!(current != commission, Error::<T>::NoChange);
			operator.commission = current;
			operator.pending_commission = Some((commission, at));
			Ok::<_, DispatchError>(())
		})?;
		Self::deposit_event(Event::CommissionScheduled { operator: who, commission, at });
		Ok(())
	}

	pub(crate) fn do_link_validator(
		who: T::AccountId,
		stash: T::AccountId,
		proof: Option<T::StashSignature>,
	) -> DispatchResult {
		ensure!(Operators::<T>::contains_key(&who), Error::<T>::NotOperator);
		ensure!(!StashOperators::<T>::contains_key(&stash), Error::<T>::StashAlreadyLinked);
		if who != stash {
			let message = (LINK_CONTEXT, &who).encode();
			let valid = proof.is_some_and(|signature| signature.verify(&message[..], &stash));
			ensure!(valid, Error::<T>::BadStashProof);
		}
		Operators::<T>::mutate(&who, |operator| {
			if let Some(operator) = operator {
				if let Some(old) = operator.linked_stash.replace(stash.clone()) {
					StashOperators::<T>::remove(old);
				}
			}
		});
		StashOperators::<T>::insert(&stash, &who);
		Self::deposit_event(Event::ValidatorLinked { operator: who, stash });
		Ok(())
	}

	pub(crate) fn do_leave(who: T::AccountId) -> DispatchResult {
		let mut operator = Operators::<T>::get(&who).ok_or(Error::<T>::NotOperator)?;
		ensure!(operator.is_active(), Error::<T>::OperatorLeaving);
		ensure!(operator.frozen == 0, Error::<T>::OperatorFrozen);
		// Gone only once every allocation has stopped being slashable, and every withdrawal
		// queued now has matured.
		let delay = T::WithdrawalDelay::get().max(T::DeallocationDelay::get());
		let until = Self::now().saturating_add(delay);
		operator.status = OperatorStatus::Leaving { until };
		Operators::<T>::insert(&who, operator);
		for (avs, asset) in OperatorAllocations::<T>::get(&who) {
			Self::deallocate(&who, avs, &asset);
		}
		Self::deposit_event(Event::OperatorLeaving { operator: who, until });
		Ok(())
	}

	pub(crate) fn do_finish_leaving(who: T::AccountId) -> DispatchResult {
		let operator = Operators::<T>::get(&who).ok_or(Error::<T>::NotOperator)?;
		let OperatorStatus::Leaving { until } = operator.status else {
			return Err(Error::<T>::NotLeftYet.into());
		};
		ensure!(until <= Self::now(), Error::<T>::NotLeftYet);
		ensure!(operator.frozen == 0, Error::<T>::OperatorFrozen);
		T::Currency::release(
			&HoldReason::OperatorDeposit.into(),
			&who,
			operator.deposit,
			Precision::BestEffort,
		)?;
		if let Some(stash) = operator.linked_stash {
			StashOperators::<T>::remove(stash);
		}
		for (avs, asset) in OperatorAllocations::<T>::take(&who) {
			Allocations::<T>::remove((&who, avs, &asset));
		}
		Operators::<T>::remove(&who);
		Self::deposit_event(Event::OperatorLeft { operator: who });
		Ok(())
	}
}
