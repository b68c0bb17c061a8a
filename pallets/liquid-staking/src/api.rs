//! The functions behind `LiquidStakingApi`.

use crate::pallet::*;
use alloc::vec::Vec;
use bastion_primitives::{
	liquid_staking::{PoolSummary, RequestInfo},
	staking::NativeStaking,
	Balance,
};
use frame_support::traits::Get;
use sp_runtime::FixedU128;

impl<T: Config> Pallet<T> {
	/// BST per stBST.
	pub fn rate() -> FixedU128 {
		Pool::<T>::get().rate()
	}

	/// The stBST `amount` BST would mint now.
	pub fn shares_for(amount: Balance) -> Option<Balance> {
		Pool::<T>::get().shares_for::<T>(amount).ok()
	}

	/// The BST `shares` stBST are worth now.
	pub fn value_of(shares: Balance) -> Balance {
		Pool::<T>::get().value_of(shares)
	}

	/// The pool's state and what the next era work will do.
	pub fn pool_summary() -> PoolSummary {
		let pool = Pool::<T>::get();
		let waiting_redemptions = OpenSubPools::<T>::get()
			.into_iter()
			.filter_map(SubPools::<T>::get)
			.filter(|s| s.unlock_era.is_none())
			.fold(0 as Balance, |sum, s| sum.saturating_add(s.bonded));
		let buffer = T::LiquidityBuffer::get().mul_floor(pool.total_pooled());
		PoolSummary {
			rate: pool.rate(),
			total_pooled: pool.total_pooled(),
			active_bonded: pool.active_bonded,
			pending_bond: pool.pending_bond,
			deferred: pool.deferred(),
			supply: pool.supply,
			protocol_fee: ProtocolFee::<T>::get(),
			fast_redeem_fee: T::FastRedeemFee::get(),
			mint_cap: MintCap::<T>::get(),
			minting_paused: MintingPaused::<T>::get(),
			last_era: pool.last_era,
			waiting_redemptions,
			bondable: pool.pending_bond.saturating_sub(buffer),
		}
	}

	/// The unclaimed unlock requests of `who`.
	pub fn unlock_requests(who: &T::AccountId) -> Vec<RequestInfo> {
		let active_era = T::Staking::active_era();
		AccountRequests::<T>::get(who)
			.into_iter()
			.filter_map(|id| {
				let request = Requests::<T>::get(id)?;
				let sub_pool = SubPools::<T>::get(request.era)?;
				Some(RequestInfo {
					id,
					era: request.era,
					claimable_era: sub_pool.unlock_era,
					claimable: sub_pool.is_claimable(active_era),
					value: crate::math::pro_rata(sub_pool.value(), request.points, sub_pool.points),
				})
			})
			.collect()
	}
}
