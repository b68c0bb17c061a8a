//! Rewards: a reward-per-share accumulator per pool and reward asset. Crediting is O(1);
//! settling a delegation is O(reward assets of its pool), bounded by `MaxRewardAssets`.
//! Settling never moves funds (so it can't fail and block an exit); claiming pays.

use crate::{pallet::*, RestakeAsset};
use bastion_primitives::{math::mul_div_floor, Balance};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{fungibles::Mutate as _, tokens::Preservation},
};
use sp_runtime::traits::{AccountIdConversion, Zero};

/// The scale of `RewardPerShare`.
pub const REWARD_PRECISION: Balance = 1_000_000_000_000_000_000;

/// The sub-account holding credited rewards until they are paid.
const REWARD_SUB_ACCOUNT: &[u8; 7] = b"rewards";

impl<T: Config> Pallet<T> {
	/// The account holding rewards credited and not yet paid.
	pub fn reward_account() -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(REWARD_SUB_ACCOUNT)
	}

	/// Credits `amount` of `reward_asset` from `from` to `operator`'s `asset` pool: the
	/// operator's commission to it at once, the rest to the accumulator.
	pub(crate) fn do_credit_rewards(
		operator: &T::AccountId,
		asset: &RestakeAsset,
		reward_asset: &RestakeAsset,
		amount: Balance,
		from: &T::AccountId,
	) -> DispatchResult {
		let info = Operators::<T>::get(operator).ok_or(Error::<T>::NotOperator)?;
		let pool = Pools::<T>::get(operator, asset);
		ensure!(!pool.active_shares.is_zero(), Error::<T>::NoDelegators);
		let commission = info.commission_at(Self::now()).mul_floor(amount);
		let rest = amount.saturating_sub(commission);
		let increment = mul_div_floor(rest, REWARD_PRECISION, pool.active_shares)
			.ok_or(Error::<T>::Overflow)?;
		let key = (operator, asset, reward_asset);
		let accumulated = RewardPerShare::<T>::get(key)
			.checked_add(increment)
			.ok_or(Error::<T>::Overflow)?;
		PoolRewardAssets::<T>::try_mutate(operator, asset, |assets| {
			if assets.contains(reward_asset) {
				Ok(())
			} else {
				assets.try_push(reward_asset.clone()).map_err(|_| Error::<T>::TooManyRewardAssets)
			}
		})?;
		if !commission.is_zero() {
			T::Assets::transfer(reward_asset.clone(), from, operator, commission, Preservation::Expendable)?;
		}
		T::Assets::transfer(reward_asset.clone(), from, &Self::reward_account(), rest, Preservation::Expendable)?;
		RewardPerShare::<T>::insert(key, accumulated);
		Self::deposit_event(Event::RewardsCredited {
			operator: operator.clone(),
			asset: asset.clone(),
			reward_asset: reward_asset.clone(),
			amount,
			commission,
		});
		Ok(())
	}

	/// What `shares` are owed of an accumulator.
	fn owed(shares: Balance, accumulated: Balance) -> Balance {
		mul_div_floor(shares, accumulated, REWARD_PRECISION).unwrap_or(Balance::MAX)
	}

	/// Moves what `who`'s delegation earned since its last settlement to its unclaimed
	/// rewards, and records the new debts. A delegation of an older epoch (its pool was
	/// emptied by a slash) earned nothing since.
	pub(crate) fn settle_rewards(who: &T::AccountId, operator: &T::AccountId, asset: &RestakeAsset) {
		let shares = Self::delegation(who, operator, asset).shares;
		let debts = RewardDebts::<T>::get((who, operator, asset));
		for reward_asset in PoolRewardAssets::<T>::get(operator, asset) {
			let owed = Self::owed(shares, RewardPerShare::<T>::get((operator, asset, &reward_asset)));
			let debt = debts.iter().find(|(a, _)| *a == reward_asset).map_or(0, |(_, d)| *d);
			let earned = owed.saturating_sub(debt);
			if !earned.is_zero() {
				UnclaimedRewards::<T>::mutate(who, &reward_asset, |unclaimed| {
					*unclaimed = unclaimed.saturating_add(earned)
				});
			}
		}
		Self::reset_reward_debts(who, operator, asset);
	}

	/// Records `who`'s delegation as paid up to the accumulators now.
	pub(crate) fn reset_reward_debts(who: &T::AccountId, operator: &T::AccountId, asset: &RestakeAsset) {
		let shares = Self::delegation(who, operator, asset).shares;
		let debts: alloc::vec::Vec<_> = PoolRewardAssets::<T>::get(operator, asset)
			.into_iter()
			.map(|reward_asset| {
				let owed = Self::owed(shares, RewardPerShare::<T>::get((operator, asset, &reward_asset)));
				(reward_asset, owed)
			})
			.collect();
		if debts.is_empty() || shares.is_zero() {
			RewardDebts::<T>::remove((who, operator, asset));
		} else {
			RewardDebts::<T>::insert((who, operator, asset), BoundedVec::truncate_from(debts));
		}
	}

	/// Pays `who`'s unclaimed `reward_asset`, returning the amount.
	pub(crate) fn pay_unclaimed(
		who: &T::AccountId,
		to: &T::AccountId,
		reward_asset: &RestakeAsset,
	) -> Result<Balance, DispatchError> {
		let amount = UnclaimedRewards::<T>::take(who, reward_asset);
		if !amount.is_zero() {
			T::Assets::transfer(reward_asset.clone(), &Self::reward_account(), to, amount, Preservation::Expendable)
				.map_err(|_| Error::<T>::InsufficientBalance)?;
		}
		Ok(amount)
	}

	pub(crate) fn do_claim_rewards(
		who: T::AccountId,
		operator: T::AccountId,
		asset: RestakeAsset,
	) -> DispatchResult {
		Self::settle_rewards(&who, &operator, &asset);
		for reward_asset in PoolRewardAssets::<T>::get(&operator, &asset) {
			let amount = Self::pay_unclaimed(&who, &who, &reward_asset)?;
			if !amount.is_zero() {
				Self::deposit_event(Event::RewardsPaid {
					who: who.clone(),
					operator: operator.clone(),
					asset: asset.clone(),
					reward_asset,
					amount,
				});
			}
		}
		Ok(())
	}
}
