//! Delegation: shares of an operator's pool, queued withdrawals, their completion.

use crate::{pallet::*, Delegation, Pool, RestakeAsset, Withdrawal, WithdrawalId};
use bastion_primitives::{math::mul_div_floor, Balance};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{fungibles::Mutate as _, tokens::Preservation},
};
use sp_runtime::{
	traits::{AccountIdConversion, Zero},
	Saturating,
};

impl Pool {
	/// Active shares `amount` buys now (the first delegation of an epoch: one per unit).
	pub fn shares_for(&self, amount: Balance) -> Option<Balance> {
		if self.active_shares.is_zero() || self.active_assets.is_zero() {
			Some(amount)
		} else {
			mul_div_floor(amount, self.active_shares, self.active_assets)
		}
	}

	/// What `shares` of the active side are worth now.
	pub fn active_value(&self, shares: Balance) -> Balance {
		mul_div_floor(shares, self.active_assets, self.active_shares).unwrap_or(0)
	}

	/// Exiting shares `value` buys now.
	pub fn exiting_shares_for(&self, value: Balance) -> Option<Balance> {
		if self.exiting_shares.is_zero() || self.exiting_assets.is_zero() {
			Some(value)
		} else {
			mul_div_floor(value, self.exiting_shares, self.exiting_assets)
		}
	}

	/// What `shares` of the exiting side are worth now.
	pub fn exiting_value(&self, shares: Balance) -> Balance {
		mul_div_floor(shares, self.exiting_assets, self.exiting_shares).unwrap_or(0)
	}
}

impl<T: Config> Pallet<T> {
	/// The account holding every restaked asset and vaults' idle funds.
	pub fn pallet_account() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// A delegation as it stands: shares of an older epoch (the pool was emptied by a slash
	/// since) are worth nothing.
	pub fn delegation(delegator: &T::AccountId, operator: &T::AccountId, asset: &RestakeAsset) -> Delegation {
		let pool = Pools::<T>::get(operator, asset);
		match Delegations::<T>::get((delegator, operator, asset)) {
			Some(delegation) if delegation.epoch == pool.epoch => delegation,
			_ => Delegation { shares: 0, epoch: pool.epoch },
		}
	}

	pub(crate) fn do_delegate(
		who: T::AccountId,
		operator: T::AccountId,
		asset: RestakeAsset,
		amount: Balance,
	) -> DispatchResult {
		ensure!(amount >= T::MinDelegation::get(), Error::<T>::AmountTooSmall);
		Self::add_to_asset_total(&asset, amount)?;
		T::Assets::transfer(asset.clone(), &who, &Self::pallet_account(), amount, Preservation::Preserve)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		Self::delegate_held(&who, &operator, &asset, amount)
	}

	/// Delegates `amount` of `asset`, already in the pallet account and counted in the
	/// asset's total, for `delegator`.
	pub(crate) fn delegate_held(
		delegator: &T::AccountId,
		operator: &T::AccountId,
		asset: &RestakeAsset,
		amount: Balance,
	) -> DispatchResult {
		ensure!(amount >= T::MinDelegation::get(), Error::<T>::AmountTooSmall);
		let info = Operators::<T>::get(operator).ok_or(Error::<T>::NotOperator)?;
		ensure!(info.is_active(), Error::<T>::OperatorLeaving);
		OperatorAssets::<T>::try_mutate(operator, |assets| {
			if assets.contains(asset) {
				Ok(())
			} else {
				assets.try_push(asset.clone()).map_err(|_| Error::<T>::TooManyAssets)
			}
		})?;

		Self::settle_rewards(delegator, operator, asset);
		let mut pool = Pools::<T>::get(operator, asset);
		let shares = pool.shares_for(amount).ok_or(Error::<T>::Overflow)?;
		ensure!(!shares.is_zero(), Error::<T>::ZeroShares);
		let mut delegation = Self::delegation(delegator, operator, asset);
		delegation.shares = delegation.shares.checked_add(shares).ok_or(Error::<T>::Overflow)?;
		pool.active_shares = pool.active_shares.checked_add(shares).ok_or(Error::<T>::Overflow)?;
		pool.active_assets = pool.active_assets.checked_add(amount).ok_or(Error::<T>::Overflow)?;
		Pools::<T>::insert(operator, asset, pool);
		Delegations::<T>::insert((delegator, operator, asset), delegation);
		Self::reset_reward_debts(delegator, operator, asset);
		Self::deposit_event(Event::Delegated {
			delegator: delegator.clone(),
			operator: operator.clone(),
			asset: asset.clone(),
			amount,
			shares,
		});
		Ok(())
	}

	/// Moves `shares` of `delegator`'s delegation to the exiting side as a withdrawal paid to
	/// `owner` (the delegator itself, or a vault's redeemer).
	pub(crate) fn do_undelegate(
		delegator: T::AccountId,
		owner: T::AccountId,
		operator: T::AccountId,
		asset: RestakeAsset,
		shares: Balance,
	) -> Result<WithdrawalId, DispatchError> {
		ensure!(!shares.is_zero(), Error::<T>::ZeroShares);
		let mut delegation = Self::delegation(&delegator, &operator, &asset);
		ensure!(delegation.shares >= shares, Error::<T>::InsufficientShares);
		Self::settle_rewards(&delegator, &operator, &asset);

		let mut pool = Pools::<T>::get(&operator, &asset);
		let value = pool.active_value(shares);
		ensure!(!value.is_zero(), Error::<T>::ZeroShares);
		let exiting = pool.exiting_shares_for(value).ok_or(Error::<T>::Overflow)?;
		ensure!(!exiting.is_zero(), Error::<T>::ZeroShares);
		pool.active_shares -= shares;
		pool.active_assets = pool.active_assets.saturating_sub(value);
		pool.exiting_shares = pool.exiting_shares.checked_add(exiting).ok_or(Error::<T>::Overflow)?;
		pool.exiting_assets = pool.exiting_assets.checked_add(value).ok_or(Error::<T>::Overflow)?;
		delegation.shares -= shares;

		let id = NextWithdrawalId::<T>::get();
		AccountWithdrawals::<T>::try_mutate(&owner, |ids| ids.try_push(id))
			.map_err(|_| Error::<T>::TooManyWithdrawals)?;
		let unlock_at = Self::now().saturating_add(T::WithdrawalDelay::get());
		Withdrawals::<T>::insert(
			id,
			Withdrawal {
				owner: owner.clone(),
				operator: operator.clone(),
				asset: asset.clone(),
				shares: exiting,
				epoch: pool.exiting_epoch,
				unlock_at,
			},
		);
		NextWithdrawalId::<T>::put(id.saturating_add(1));
		let epoch = pool.epoch;
		Pools::<T>::insert(&operator, &asset, pool);
		if delegation.shares.is_zero() {
			Delegations::<T>::remove((&delegator, &operator, &asset));
			RewardDebts::<T>::remove((&delegator, &operator, &asset));
		} else {
			Delegations::<T>::insert((&delegator, &operator, &asset), Delegation { epoch, ..delegation });
			Self::reset_reward_debts(&delegator, &operator, &asset);
		}
		Self::deposit_event(Event::WithdrawalQueued {
			id,
			delegator,
			owner,
			operator,
			asset,
			shares,
			value,
			unlock_at,
		});
		Ok(id)
	}

	pub(crate) fn do_complete_withdrawal(who: T::AccountId, id: WithdrawalId) -> DispatchResult {
		let withdrawal = Withdrawals::<T>::get(id).ok_or(Error::<T>::UnknownWithdrawal)?;
		ensure!(withdrawal.owner == who, Error::<T>::NotWithdrawalOwner);
		ensure!(withdrawal.unlock_at <= Self::now(), Error::<T>::WithdrawalLocked);
		let frozen = Operators::<T>::get(&withdrawal.operator).is_some_and(|o| o.frozen > 0);
		ensure!(!frozen, Error::<T>::OperatorFrozen);

		let mut pool = Pools::<T>::get(&withdrawal.operator, &withdrawal.asset);
		// A withdrawal of an older exiting epoch was slashed to nothing.
		let amount = if withdrawal.epoch == pool.exiting_epoch {
			let amount = pool.exiting_value(withdrawal.shares);
			pool.exiting_shares = pool.exiting_shares.saturating_sub(withdrawal.shares);
			pool.exiting_assets = pool.exiting_assets.saturating_sub(amount);
			if pool.exiting_shares.is_zero() && !pool.exiting_assets.is_zero() {
				// Rounding dust of the last withdrawal goes with it.
				let dust = core::mem::take(&mut pool.exiting_assets);
				Pools::<T>::insert(&withdrawal.operator, &withdrawal.asset, pool);
				amount.saturating_add(dust)
			} else {
				Pools::<T>::insert(&withdrawal.operator, &withdrawal.asset, pool);
				amount
			}
		} else {
			0
		};
		Withdrawals::<T>::remove(id);
		AccountWithdrawals::<T>::mutate_exists(&who, |ids| {
			if let Some(list) = ids {
				list.retain(|w| *w != id);
				if list.is_empty() {
					*ids = None;
				}
			}
		});
		if !amount.is_zero() {
			Self::sub_from_asset_total(&withdrawal.asset, amount);
			T::Assets::transfer(
				withdrawal.asset,
				&Self::pallet_account(),
				&who,
				amount,
				Preservation::Expendable,
			)?;
		}
		Self::deposit_event(Event::WithdrawalCompleted { id, owner: who, amount });
		Ok(())
	}
}
