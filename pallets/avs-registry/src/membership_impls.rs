//! Who belongs to an AVS: opt-in and opt-out by operators, approval and removal by the owner.

use crate::{pallet::*, AvsInfo, AvsStatus, MemberInfo, Membership};
use bastion_primitives::restaking::{AvsId, Restaking};
use frame_support::{ensure, pallet_prelude::*};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_opt_in(who: T::AccountId, avs: AvsId) -> DispatchResult {
		let mut info = Self::load_avs(avs)?;
		ensure!(info.status == AvsStatus::Active, Error::<T>::AvsPaused);
		ensure!(T::Restaking::is_operator(&who), Error::<T>::NotOperator);
		ensure!(!Members::<T>::contains_key(avs, &who), Error::<T>::AlreadyMember);
		if info.config.membership == Membership::AllowList {
			ensure!(Approved::<T>::contains_key(avs, &who), Error::<T>::NotApproved);
		}
		let seats = info.config.max_operators.min(T::MaxOperatorsPerAvs::get());
		ensure!(info.operator_count < seats, Error::<T>::TooManyOperators);
		ensure!(
			Self::delegated_value(&who, &info.config.accepted_assets) >=
				info.config.min_operator_stake,
			Error::<T>::InsufficientStake
		);

		OperatorAvs::<T>::try_mutate(&who, |list| list.try_push(avs))
			.map_err(|_| Error::<T>::TooManyAvsForOperator)?;
		Members::<T>::insert(
			avs,
			&who,
			MemberInfo { joined_at: frame_system::Pallet::<T>::block_number() },
		);
		info.operator_count = info.operator_count.checked_add(1).ok_or(Error::<T>::Overflow)?;
		Avs::<T>::insert(avs, info);
		Self::deposit_event(Event::OperatorOptedIn { avs, operator: who });
		Ok(())
	}

	pub(crate) fn do_opt_out(who: T::AccountId, avs: AvsId) -> DispatchResult {
		let mut info = Self::load_avs(avs)?;
		Self::remove_member(avs, &mut info, &who)?;
		Avs::<T>::insert(avs, info);
		Self::deposit_event(Event::OperatorOptedOut { avs, operator: who });
		Ok(())
	}

	pub(crate) fn do_approve_operator(
		who: T::AccountId,
		avs: AvsId,
		operator: T::AccountId,
	) -> DispatchResult {
		let mut info = Self::load_owned(avs, &who)?;
		ensure!(!Approved::<T>::contains_key(avs, &operator), Error::<T>::AlreadyApproved);
		ensure!(
			info.approval_count < T::MaxOperatorsPerAvs::get(),
			Error::<T>::TooManyApprovals
		);
		Approved::<T>::insert(avs, &operator, ());
		info.approval_count = info.approval_count.saturating_add(1);
		Avs::<T>::insert(avs, info);
		Self::deposit_event(Event::OperatorApproved { avs, operator });
		Ok(())
	}

	pub(crate) fn do_remove_operator(
		who: T::AccountId,
		avs: AvsId,
		operator: T::AccountId,
	) -> DispatchResult {
		let mut info = Self::load_owned(avs, &who)?;
		let approved = Approved::<T>::contains_key(avs, &operator);
		let member = Members::<T>::contains_key(avs, &operator);
		ensure!(approved || member, Error::<T>::NotMemberOrApproved);
		if approved {
			Approved::<T>::remove(avs, &operator);
			info.approval_count = info.approval_count.saturating_sub(1);
			Self::deposit_event(Event::ApprovalRevoked { avs, operator: operator.clone() });
		}
		if member {
			Self::remove_member(avs, &mut info, &operator)?;
			Self::deposit_event(Event::OperatorRemoved { avs, operator });
		}
		Avs::<T>::insert(avs, info);
		Ok(())
	}

	/// Ends `operator`'s membership of `avs` and starts deallocating its stake from it.
	fn remove_member(avs: AvsId, info: &mut AvsInfo<T>, operator: &T::AccountId) -> DispatchResult {
		ensure!(Members::<T>::take(avs, operator).is_some(), Error::<T>::NotMember);
		OperatorAvs::<T>::mutate_exists(operator, |list| {
			if let Some(avs_list) = list {
				avs_list.retain(|a| *a != avs);
				if avs_list.is_empty() {
					*list = None;
				}
			}
		});
		info.operator_count = info.operator_count.saturating_sub(1);
		T::Restaking::deallocate_all(operator, avs);
		Ok(())
	}
}
