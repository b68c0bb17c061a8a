//! An AVS's life: registration (deposit held), pause and resume, deregistration (budgets
//! refunded, deposit released).

use crate::{pallet::*, AvsConfigParamsOf, AvsInfo, AvsStatus, RewardBudget, WeightInfo};
use alloc::vec::Vec;
use bastion_primitives::{
	restaking::{AvsId, PendingSlashes, RestakeAsset},
	Balance,
};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::{Inspect as _, Mutate as _, MutateHold as _},
		fungibles::{Inspect as _, Mutate as _},
		tokens::{Precision, Preservation},
	},
};
use sp_runtime::traits::{AccountIdConversion, Zero};

impl<T: Config> Pallet<T> {
	/// The account holding the reward budgets.
	pub fn pallet_account() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// Gives the pallet account BST's existential deposit, so that it exists (and can receive
	/// any pallet-assets token) whatever leaves it.
	pub(crate) fn ensure_pallet_account() {
		let account = Self::pallet_account();
		let ed = T::Currency::minimum_balance();
		let balance = T::Currency::balance(&account);
		if balance < ed {
			let _ = T::Currency::mint_into(&account, ed.saturating_sub(balance));
		}
	}

	/// The deposit of an AVS with `len` bytes of metadata.
	pub fn deposit_for(len: u32) -> Option<Balance> {
		T::AvsDepositPerByte::get()
			.checked_mul(len.into())?
			.checked_add(T::AvsDepositBase::get())
	}

	pub(crate) fn do_register_avs(
		who: T::AccountId,
		metadata: Vec<u8>,
		params: AvsConfigParamsOf<T>,
	) -> DispatchResult {
		let metadata: BoundedVec<u8, T::MaxMetadataLen> =
			metadata.try_into().map_err(|_| Error::<T>::MetadataTooLong)?;
		let config = Self::validate_config(params)?;
		let deposit = Self::deposit_for(metadata.len() as u32).ok_or(Error::<T>::Overflow)?;
		let avs = NextAvsId::<T>::get();
		let next = avs.checked_add(1).ok_or(Error::<T>::Overflow)?;

		T::Currency::hold(&HoldReason::AvsDeposit.into(), &who, deposit)
			.map_err(|_| Error::<T>::InsufficientDeposit)?;

		Avs::<T>::insert(
			avs,
			AvsInfo {
				owner: who.clone(),
				status: AvsStatus::Active,
				config,
				deposit,
				operator_count: 0,
				approval_count: 0,
				registered_at: frame_system::Pallet::<T>::block_number(),
				next_budget_id: 0,
			},
		);
		if !metadata.is_empty() {
			Metadata::<T>::insert(avs, metadata);
		}
		NextAvsId::<T>::put(next);
		Self::deposit_event(Event::AvsRegistered { avs, owner: who, deposit });
		Ok(())
	}

	pub(crate) fn do_set_paused(who: T::AccountId, avs: AvsId, pause: bool) -> DispatchResult {
		let mut info = Self::load_owned(avs, &who)?;
		if pause {
			ensure!(info.status == AvsStatus::Active, Error::<T>::AvsPaused);
			info.status = AvsStatus::Paused;
			Self::deposit_event(Event::AvsPaused { avs });
		} else {
			ensure!(info.status == AvsStatus::Paused, Error::<T>::AvsNotPaused);
			info.status = AvsStatus::Active;
			Self::deposit_event(Event::AvsResumed { avs });
		}
		Avs::<T>::insert(avs, info);
		Ok(())
	}

	pub(crate) fn do_deregister_avs(who: T::AccountId, avs: AvsId) -> DispatchResultWithPostInfo {
		let info = Self::load_owned(avs, &who)?;
		ensure!(info.operator_count.is_zero(), Error::<T>::HasOperators);
		ensure!(!T::Slashing::avs_has_pending(avs), Error::<T>::SlashPending);
		ensure!(
			Round::<T>::get().and_then(|round| round.current).is_none_or(|c| c.avs != avs),
			Error::<T>::DistributionInProgress
		);

		let budgets = Budgets::<T>::take(avs);
		let budget_count = budgets.len() as u32;
		for budget in budgets {
			Self::close_budget(avs, budget);
		}
		let approvals = info.approval_count;
		let _ = Approved::<T>::clear_prefix(avs, T::MaxOperatorsPerAvs::get(), None);
		PendingConfigs::<T>::remove(avs);
		Metadata::<T>::remove(avs);
		Avs::<T>::remove(avs);
		T::Currency::release(
			&HoldReason::AvsDeposit.into(),
			&info.owner,
			info.deposit,
			Precision::BestEffort,
		)?;
		Self::deposit_event(Event::AvsDeregistered { avs, deposit: info.deposit });
		Ok(Some(T::WeightInfo::deregister_avs(approvals, budget_count)).into())
	}

	/// Closes `budget` of `avs`: what is left goes back to its funder.
	pub(crate) fn close_budget(avs: AvsId, budget: RewardBudget<T::AccountId>) {
		let refunded = Self::refund(&budget.funder, &budget.asset, budget.left);
		Self::deposit_event(Event::BudgetClosed {
			avs,
			budget: budget.id,
			funder: budget.funder,
			asset: budget.asset,
			refunded,
		});
	}

	/// Sends `amount` of `asset` from the pallet account back to `funder`; returns what was
	/// sent. A refused transfer (e.g. below the asset's minimum balance) leaves the amount in
	/// the pallet account and is reported.
	pub(crate) fn refund(funder: &T::AccountId, asset: &RestakeAsset, amount: Balance) -> Balance {
		if amount.is_zero() {
			return 0;
		}
		// The pallet account keeps the asset's minimum balance (BST's existential deposit
		// always) unless the refund takes all of it: emptying it below the minimum would take
		// other budgets' funds along as dust.
		let account = Self::pallet_account();
		let preservation = if amount >= T::Assets::balance(asset.clone(), &account) {
			Preservation::Expendable
		} else {
			Preservation::Preserve
		};
		match T::Assets::transfer(asset.clone(), &account, funder, amount, preservation) {
			Ok(_) => amount,
			Err(error) => {
				log::warn!(
					target: crate::LOG_TARGET,
					"refund of {amount} {asset:?} to {funder:?} refused: {error:?}"
				);
				Self::deposit_event(Event::RefundFailed {
					funder: funder.clone(),
					asset: asset.clone(),
					amount,
				});
				0
			},
		}
	}
}
