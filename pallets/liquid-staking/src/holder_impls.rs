//! What holders do: mint, redeem, claim, fast-redeem.

use crate::{math::pro_rata, pallet::*, RequestId, UnlockRequest};
use alloc::vec::Vec;
use bastion_primitives::{staking::NativeStaking, Balance};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::Mutate as _,
		fungibles::{Create as _, Inspect as _, Mutate as _},
		tokens::{Fortitude, Precision, Preservation},
	},
};
use sp_runtime::traits::{AccountIdConversion, Zero};

impl<T: Config> Pallet<T> {
	/// The account holding pending deposits, withdrawn BST and the fast-redeem liquidity.
	pub fn pallet_account() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// The holder of the dead shares: derived from the pallet id, nobody has its key.
	pub fn dead_shares_account() -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(crate::DEAD_SHARES_SUB_ACCOUNT)
	}

	pub(crate) fn do_mint(who: T::AccountId, amount: Balance) -> DispatchResult {
		ensure!(!MintingPaused::<T>::get(), Error::<T>::MintingIsPaused);
		ensure!(amount >= T::MinMint::get(), Error::<T>::AmountTooSmall);
		let mut pool = Pool::<T>::get();
		let new_total = pool.total_pooled().checked_add(amount).ok_or(Error::<T>::Overflow)?;
		if let Some(cap) = MintCap::<T>::get() {
			ensure!(new_total <= cap, Error::<T>::MintCapExceeded);
		}
		let shares = pool.shares_for::<T>(amount)?;
		ensure!(!shares.is_zero(), Error::<T>::ZeroShares);

		T::Currency::transfer(&who, &Self::pallet_account(), amount, Preservation::Preserve)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		T::Assets::mint_into(T::StakedAssetId::get(), &who, shares)?;

		pool.pending_bond = pool.pending_bond.saturating_add(amount);
		pool.supply = pool.supply.checked_add(shares).ok_or(Error::<T>::Overflow)?;
		Pool::<T>::put(pool);
		Self::deposit_event(Event::Minted { who, amount, shares });
		Ok(())
	}

	pub(crate) fn do_redeem(who: T::AccountId, shares: Balance) -> DispatchResult {
		ensure!(!shares.is_zero(), Error::<T>::ZeroShares);
		let mut pool = Pool::<T>::get();
		let value = pool.value_of(shares);
		ensure!(!value.is_zero(), Error::<T>::ZeroShares);
		ensure!(value >= T::MinRedeem::get(), Error::<T>::AmountTooSmall);

		let era = pool.last_era;
		let request_id = NextRequestId::<T>::get();
		AccountRequests::<T>::try_mutate(&who, |ids| ids.try_push(request_id))
			.map_err(|_| Error::<T>::TooManyRequests)?;
		let mut sub_pool = SubPools::<T>::get(era).unwrap_or_default();
		// Open until the next era work has unbonded it (and, if bonded, until withdrawn).
		OpenSubPools::<T>::try_mutate(|open| {
			if open.contains(&era) {
				Ok(())
			} else {
				open.try_push(era)
			}
		})
		.map_err(|_| Error::<T>::TooManyOpenSubPools)?;

		Self::burn_shares(&who, shares)?;

		// The value leaves the holders: from the bonded part first, so the pending buffer
		// stays for fast redemptions; the bonded part is unbonded by the next era work.
		let from_bonded = value.min(pool.active_bonded);
		let from_pending = value - from_bonded;
		pool.active_bonded -= from_bonded;
		pool.pending_bond = pool.pending_bond.saturating_sub(from_pending);
		pool.supply = pool.supply.saturating_sub(shares);
		sub_pool.points = sub_pool.points.saturating_add(value);
		sub_pool.bonded = sub_pool.bonded.saturating_add(from_bonded);
		sub_pool.liquid = sub_pool.liquid.saturating_add(from_pending);

		SubPools::<T>::insert(era, sub_pool);
		Requests::<T>::insert(request_id, UnlockRequest { owner: who.clone(), era, points: value });
		NextRequestId::<T>::put(request_id.saturating_add(1));
		Pool::<T>::put(pool);
		Self::deposit_event(Event::Redeemed { who, request_id, shares, value, era });
		Ok(())
	}

	pub(crate) fn do_claim(who: T::AccountId, request_ids: Vec<RequestId>) -> DispatchResult {
		ensure!(!request_ids.is_empty(), Error::<T>::NoRequests);
		let active_era = T::Staking::active_era();
		// Check everything first: a failure pays nothing.
		for (i, id) in request_ids.iter().enumerate() {
			ensure!(!request_ids[..i].contains(id), Error::<T>::DuplicateRequest);
		}
		let mut requests = Vec::with_capacity(request_ids.len());
		for id in request_ids.iter() {
			let request = Requests::<T>::get(id).ok_or(Error::<T>::UnknownRequest)?;
			ensure!(request.owner == who, Error::<T>::NotRequestOwner);
			let sub_pool = SubPools::<T>::get(request.era).ok_or(Error::<T>::UnknownRequest)?;
			ensure!(sub_pool.is_claimable(active_era), Error::<T>::NotClaimable);
			requests.push((*id, request));
		}

		for (id, request) in requests {
			let mut sub_pool =
				SubPools::<T>::get(request.era).ok_or(Error::<T>::UnknownRequest)?;
			let amount = pro_rata(sub_pool.liquid, request.points, sub_pool.points);
			sub_pool.points = sub_pool.points.saturating_sub(request.points);
			sub_pool.liquid = sub_pool.liquid.saturating_sub(amount);
			if sub_pool.points.is_zero() {
				// The last request takes the rounding dust back to the holders.
				let mut pool = Pool::<T>::get();
				pool.pending_bond = pool.pending_bond.saturating_add(sub_pool.liquid);
				Pool::<T>::put(pool);
				SubPools::<T>::remove(request.era);
			} else {
				SubPools::<T>::insert(request.era, sub_pool);
			}
			Requests::<T>::remove(id);
			AccountRequests::<T>::mutate_exists(&who, |ids| {
				if let Some(list) = ids {
					list.retain(|r| *r != id);
					if list.is_empty() {
						*ids = None;
					}
				}
			});
			if !amount.is_zero() {
				T::Currency::transfer(
					&Self::pallet_account(),
					&who,
					amount,
					Preservation::Expendable,
				)?;
			}
			Self::deposit_event(Event::Claimed { who: who.clone(), request_id: id, amount });
		}
		Ok(())
	}

	pub(crate) fn do_fast_redeem(
		who: T::AccountId,
		shares: Balance,
		max_fee: Balance,
	) -> DispatchResult {
		ensure!(!shares.is_zero(), Error::<T>::ZeroShares);
		let mut pool = Pool::<T>::get();
		let value = pool.value_of(shares);
		ensure!(!value.is_zero(), Error::<T>::ZeroShares);
		ensure!(value >= T::MinRedeem::get(), Error::<T>::AmountTooSmall);
		// Rounded up: the pool never undercharges.
		let fee = T::FastRedeemFee::get().mul_ceil(value);
		ensure!(fee <= max_fee, Error::<T>::FeeAboveMax);
		ensure!(pool.pending_bond >= value, Error::<T>::InsufficientLiquidity);
		let payout = value.saturating_sub(fee);

		Self::burn_shares(&who, shares)?;
		T::Currency::transfer(&Self::pallet_account(), &who, payout, Preservation::Expendable)?;

		pool.pending_bond -= value;
		// The fee stays in the pool, recognized at the next era within the rate cap.
		pool.deferred_liquid = pool.deferred_liquid.saturating_add(fee);
		pool.supply = pool.supply.saturating_sub(shares);
		Pool::<T>::put(pool);
		Self::deposit_event(Event::FastRedeemed { who, shares, value, fee });
		Ok(())
	}

	/// Burns exactly `shares` of `who`'s stBST.
	fn burn_shares(who: &T::AccountId, shares: Balance) -> DispatchResult {
		T::Assets::burn_from(
			T::StakedAssetId::get(),
			who,
			shares,
			Preservation::Expendable,
			Precision::Exact,
			Fortitude::Polite,
		)
		.map(|_| ())
		.map_err(|_| Error::<T>::InsufficientShares.into())
	}

	/// Forgets a sub-pool that has no bonded value left.
	pub(crate) fn close_sub_pool(era: sp_staking::EraIndex) {
		OpenSubPools::<T>::mutate(|open| open.retain(|e| *e != era));
	}

	/// At genesis: creates stBST if needed, mints `dead_deposit` BST's worth of dead shares
	/// (rate 1), funds the stashes with their existential deposit and, with targets and a
	/// deposit of at least the minimum bond, bonds it from the first stash (staking's genesis
	/// has run: it comes first in the runtime), so the pool earns from the first election.
	pub(crate) fn build_genesis(
		dead_deposit: Balance,
		protocol_fee: sp_runtime::Perbill,
		targets: &[T::AccountId],
	) -> DispatchResult {
		ensure!(protocol_fee <= T::MaxProtocolFee::get(), Error::<T>::ProtocolFeeTooHigh);
		ensure!(!dead_deposit.is_zero(), Error::<T>::AmountTooSmall);
		let ed = <T::Currency as frame_support::traits::fungible::Inspect<_>>::minimum_balance();
		T::Currency::mint_into(&Self::pallet_account(), dead_deposit.saturating_add(ed))?;
		for index in 0..T::MaxStashes::get() {
			T::Currency::mint_into(&Self::stash_account(index), ed)?;
		}
		let asset = T::StakedAssetId::get();
		if !T::Assets::asset_exists(asset) {
			T::Assets::create(asset, Self::pallet_account(), true, 1)?;
		}
		T::Assets::mint_into(asset, &Self::dead_shares_account(), dead_deposit)?;
		let mut pool = crate::PoolLedger {
			pending_bond: dead_deposit,
			supply: dead_deposit,
			last_era: T::Staking::active_era(),
			..Default::default()
		};
		ProtocolFee::<T>::put(protocol_fee);
		if !targets.is_empty() {
			let targets: BoundedVec<_, _> =
				targets.to_vec().try_into().map_err(|_| Error::<T>::TooManyTargets)?;
			Self::check_targets(&targets)?;
			Targets::<T>::put(targets);
			if dead_deposit >= T::Staking::minimum_bond() {
				let stash = Self::stash_account(0);
				T::Currency::transfer(
					&Self::pallet_account(),
					&stash,
					dead_deposit,
					Preservation::Preserve,
				)?;
				T::Staking::bond(&stash, dead_deposit)?;
				StashLedgers::<T>::mutate(0, |ledger| ledger.active = dead_deposit);
				pool.pending_bond = 0;
				pool.active_bonded = dead_deposit;
				Self::nominate_share(0);
			}
		}
		pool.era_rate = pool.rate();
		Pool::<T>::put(pool);
		Ok(())
	}
}

impl<T: Config> bastion_primitives::staking::LiquidStakingToken for Pallet<T> {
	fn asset_id() -> bastion_primitives::AssetId {
		T::StakedAssetId::get()
	}

	fn bst_value(shares: Balance) -> Balance {
		Pool::<T>::get().value_of(shares)
	}
}
