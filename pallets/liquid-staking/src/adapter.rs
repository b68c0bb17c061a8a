//! [`NativeStaking`] for pallet-staking: what the runtime (and this pallet's tests) plug in
//! as `Config::Staking`. The pallet's logic never calls pallet-staking directly.

use alloc::vec::Vec;
use bastion_primitives::{staking::NativeStaking, Balance};
use core::marker::PhantomData;
use frame_support::traits::Get;
use frame_system::RawOrigin;
use pallet_staking::{
	ActiveEra, BalanceOf, Bonded, MaxNominationsOf, MinNominatorBond, Nominators,
	RewardDestination, SlashingSpans,
};
use sp_runtime::{traits::StaticLookup, DispatchError, DispatchResult};
use sp_staking::{EraIndex, StakingInterface};

/// pallet-staking as the pool's native staking. Bonds restake their rewards
/// (`RewardDestination::Staked`), which is how the pool finds its rewards in the stashes'
/// active bonds rather than in any account balance.
pub struct PalletStaking<T>(PhantomData<T>);

fn signed<T: frame_system::Config>(who: &T::AccountId) -> T::RuntimeOrigin {
	RawOrigin::Signed(who.clone()).into()
}

impl<T> NativeStaking<T::AccountId> for PalletStaking<T>
where
	T: pallet_staking::Config,
	BalanceOf<T>: From<Balance> + Into<Balance>,
{
	fn active_era() -> EraIndex {
		ActiveEra::<T>::get().map(|era| era.index).unwrap_or(0)
	}

	fn current_era() -> EraIndex {
		<pallet_staking::Pallet<T> as StakingInterface>::current_era()
	}

	fn bonding_duration() -> EraIndex {
		<T as pallet_staking::Config>::BondingDuration::get()
	}

	fn minimum_bond() -> Balance {
		MinNominatorBond::<T>::get().into().max(1)
	}

	fn max_nominations() -> u32 {
		MaxNominationsOf::<T>::get()
	}

	fn bond(stash: &T::AccountId, value: Balance) -> DispatchResult {
		if Bonded::<T>::contains_key(stash) {
			pallet_staking::Pallet::<T>::bond_extra(signed::<T>(stash), value.into())
		} else {
			pallet_staking::Pallet::<T>::bond(
				signed::<T>(stash),
				value.into(),
				RewardDestination::Staked,
			)
		}
	}

	fn unbond(stash: &T::AccountId, value: Balance) -> DispatchResult {
		let active = Self::active_stake(stash).ok_or(DispatchError::Other("not bonded"))?;
		if value >= active && Nominators::<T>::contains_key(stash) {
			// Staking keeps a nominator at its minimum bond: stop nominating to leave.
			pallet_staking::Pallet::<T>::chill(signed::<T>(stash))?;
		}
		pallet_staking::Pallet::<T>::unbond(signed::<T>(stash), value.into())
			.map(|_| ())
			.map_err(|e| e.error)
	}

	fn withdraw_unbonded(stash: &T::AccountId) -> DispatchResult {
		// The current span and the prior ones.
		let spans =
			SlashingSpans::<T>::get(stash).map_or(0, |spans| spans.prior.len() as u32 + 1);
		pallet_staking::Pallet::<T>::withdraw_unbonded(signed::<T>(stash), spans)
			.map(|_| ())
			.map_err(|e| e.error)
	}

	fn nominate(stash: &T::AccountId, targets: Vec<T::AccountId>) -> DispatchResult {
		let targets = targets.into_iter().map(T::Lookup::unlookup).collect();
		pallet_staking::Pallet::<T>::nominate(signed::<T>(stash), targets)
	}

	fn active_stake(stash: &T::AccountId) -> Option<Balance> {
		<pallet_staking::Pallet<T> as StakingInterface>::stake(stash).ok().map(|s| s.active.into())
	}

	fn nominations(stash: &T::AccountId) -> Vec<T::AccountId> {
		Nominators::<T>::get(stash).map(|n| n.targets.into_inner()).unwrap_or_default()
	}

	fn has_pending_payout(era: EraIndex, validator: &T::AccountId) -> bool {
		pallet_staking::Pallet::<T>::api_pending_rewards(era, validator.clone())
	}

	fn pay_out(caller: &T::AccountId, era: EraIndex, validator: &T::AccountId) -> DispatchResult {
		pallet_staking::Pallet::<T>::payout_stakers(signed::<T>(caller), validator.clone(), era)
			.map(|_| ())
			.map_err(|e| e.error)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn set_era(era: EraIndex) {
		Self::set_era_impl(era)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn prepare_payout(era: EraIndex) -> T::AccountId {
		Self::prepare_payout_impl(era)
	}
}

/// Staking's eras, for the pallets that pay or measure per era.
impl<T> bastion_primitives::restaking::EraClock for PalletStaking<T>
where
	T: pallet_staking::Config,
	BalanceOf<T>: From<Balance> + Into<Balance>,
{
	fn active_era() -> EraIndex {
		<Self as NativeStaking<T::AccountId>>::active_era()
	}
}

#[cfg(feature = "runtime-benchmarks")]
mod benchmark_helpers {
	use super::*;
	use pallet_staking::{
		testing_utils::create_stash_controller, ActiveEraInfo, CurrentEra, ErasRewardPoints,
		ErasValidatorReward, EraRewardPoints, ValidatorPrefs,
	};

	impl<T> PalletStaking<T>
	where
		T: pallet_staking::Config,
		BalanceOf<T>: From<Balance> + Into<Balance>,
	{
		pub(super) fn set_era_impl(era: EraIndex) {
			ActiveEra::<T>::put(ActiveEraInfo { index: era, start: None });
			CurrentEra::<T>::put(era);
		}

		pub(super) fn prepare_payout_impl(era: EraIndex) -> T::AccountId {
			let (validator, _) =
				create_stash_controller::<T>(7_000, 1_000_000, RewardDestination::Staked).unwrap();
			pallet_staking::Pallet::<T>::validate(
				signed::<T>(&validator),
				ValidatorPrefs::default(),
			)
			.unwrap();
			let page = <T as pallet_staking::Config>::MaxExposurePageSize::get();
			let nominators: Vec<_> = (0..page)
				.map(|i| {
					let (stash, _) =
						create_stash_controller::<T>(8_000 + i, 100_000, RewardDestination::Staked)
							.unwrap();
					(stash, BalanceOf::<T>::from(1_000u128))
				})
				.collect();
			<pallet_staking::Pallet<T> as StakingInterface>::add_era_stakers(
				&era,
				&validator,
				nominators,
			);
			ErasValidatorReward::<T>::insert(era, BalanceOf::<T>::from(1_000_000_000_000u128));
			let points = EraRewardPoints::<T::AccountId> {
				total: 1,
				individual: [(validator.clone(), 1)].into_iter().collect(),
			};
			ErasRewardPoints::<T>::insert(era, points);
			Self::set_era_impl(era + 1);
			validator
		}
	}
}
