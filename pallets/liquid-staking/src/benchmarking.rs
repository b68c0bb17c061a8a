//! Benchmarks of every call and of the hooks' work (frame-benchmarking v2).
//!
//! `era_work` is the era work with every stash busy: rewards found, matured chunks
//! withdrawn, redemptions unbonded, deposits bonded. `era_work_holders` runs the same work
//! with `h` holders in the pool, to show that its cost does not depend on them.
//!
//! Every measured block starts from an empty event log (`reset_events`), as a real block does:
//! otherwise the events the setup deposited would be read back and rewritten when the
//! measured code deposits its own, a cost that grows with the setup and is not the call's.

use super::*;
use crate::{SubPool, UnlockRequest};
use alloc::vec::Vec;
use bastion_primitives::{staking::NativeStaking, Balance};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate as _, fungibles::Inspect as _, EnsureOrigin, Get, Hooks},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::{traits::Zero, Perbill};

const SEED: u32 = 0;

/// Enough BST for anything a benchmark does.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	T::Currency::mint_into(&who, big::<T>().saturating_mul(4)).unwrap();
	who
}

fn big<T: Config>() -> Balance {
	T::MinMint::get().max(T::Staking::minimum_bond()).saturating_mul(1_000_000)
}

/// A pool with every stash bonded (a deposit per stash, one era work each).
fn bonded_pool<T: Config>() {
	let depositor = funded::<T>("depositor", 0);
	for _ in 0..T::MaxStashes::get() {
		Pallet::<T>::do_mint(depositor.clone(), big::<T>() / 4).unwrap();
		let era = Pool::<T>::get().last_era + 1;
		T::Staking::set_era(era);
		Pallet::<T>::do_era_work(era);
	}
}

/// `n` targets.
fn targets<T: Config>(n: u32) -> BoundedVec<T::AccountId, T::MaxTargets> {
	(0..n).map(|i| account("target", i, SEED)).collect::<Vec<_>>().try_into().unwrap()
}

/// Puts the pool one era before its busiest era work: rewards in every stash, a matured
/// chunk in every stash, redemptions waiting, deposits pending.
fn busiest_era_ahead<T: Config>() -> sp_staking::EraIndex {
	bonded_pool::<T>();
	let holder = funded::<T>("holder", 0);
	Pallet::<T>::do_mint(holder.clone(), big::<T>() / 10).unwrap();
	// Redemptions unbonded from every stash, maturing at `unlock`.
	let shares = T::Assets::balance(T::StakedAssetId::get(), &holder);
	Pallet::<T>::do_redeem(holder.clone(), shares / 2).unwrap();
	let era = Pool::<T>::get().last_era + 1;
	T::Staking::set_era(era);
	Pallet::<T>::do_era_work(era);
	let unlock = era + T::Staking::bonding_duration();
	// New redemptions waiting, new deposits pending.
	Pallet::<T>::do_redeem(holder.clone(), shares / 4).unwrap();
	Pallet::<T>::do_mint(holder, big::<T>() / 10).unwrap();
	// Rewards: every stash's bond grows beyond the pallet's mirror.
	for index in 0..T::MaxStashes::get() {
		let stash = Pallet::<T>::stash_account(index);
		let reward = T::Staking::minimum_bond();
		T::Currency::mint_into(&stash, reward).unwrap();
		T::Staking::bond(&stash, reward).unwrap();
	}
	T::Staking::set_era(unlock);
	unlock
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn mint() {
		bonded_pool::<T>();
		let caller = funded::<T>("caller", 0);
		let amount = T::MinMint::get().saturating_mul(10);

		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), amount);

		assert!(!T::Assets::balance(T::StakedAssetId::get(), &caller).is_zero());
	}

	#[benchmark]
	fn redeem() {
		bonded_pool::<T>();
		let caller = funded::<T>("caller", 0);
		Pallet::<T>::do_mint(caller.clone(), big::<T>() / 10).unwrap();
		// The caller's request list almost full.
		let existing = T::MaxRequestsPerAccount::get().saturating_sub(1);
		let mut ids = BoundedVec::<_, _>::default();
		for id in 0..existing {
			ids.try_push(u64::MAX - id as u64).unwrap();
		}
		AccountRequests::<T>::insert(&caller, ids);
		let shares = T::Assets::balance(T::StakedAssetId::get(), &caller) / 2;

		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), shares);

		assert_eq!(AccountRequests::<T>::get(&caller).len() as u32, existing + 1);
	}

	#[benchmark]
	fn claim(n: Linear<1, { T::MaxRequestsPerAccount::get() }>) {
		let caller = funded::<T>("caller", 0);
		let value = T::MinRedeem::get().max(1_000);
		// `n` claimable requests in `n` sub-pools, paid from the pallet account.
		let mut ids = BoundedVec::<_, T::MaxRequestsPerAccount>::default();
		for i in 0..n {
			let era = i;
			SubPools::<T>::insert(
				era,
				SubPool { points: value, bonded: 0, liquid: value, unlock_era: Some(0) },
			);
			Requests::<T>::insert(i as u64, UnlockRequest { owner: caller.clone(), era, points: value });
			ids.try_push(i as u64).unwrap();
		}
		AccountRequests::<T>::insert(&caller, ids.clone());
		T::Currency::mint_into(&Pallet::<T>::pallet_account(), value.saturating_mul(n.into()))
			.unwrap();

		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), ids);

		assert!(AccountRequests::<T>::get(&caller).is_empty());
	}

	#[benchmark]
	fn fast_redeem() {
		let caller = funded::<T>("caller", 0);
		Pallet::<T>::do_mint(caller.clone(), big::<T>() / 10).unwrap();
		let shares = T::Assets::balance(T::StakedAssetId::get(), &caller) / 2;

		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), shares, Balance::MAX);

		assert!(!Pool::<T>::get().deferred_liquid.is_zero());
	}

	#[benchmark]
	fn set_targets(n: Linear<1, { T::MaxTargets::get() }>) -> Result<(), BenchmarkError> {
		bonded_pool::<T>();
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let targets = targets::<T>(n);

		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, targets);

		assert_eq!(Targets::<T>::get().len() as u32, n);
		Ok(())
	}

	#[benchmark]
	fn set_protocol_fee() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Perbill::from_percent(1));
		assert_eq!(ProtocolFee::<T>::get(), Perbill::from_percent(1));
		Ok(())
	}

	#[benchmark]
	fn set_mint_cap() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Some(1_000));
		assert_eq!(MintCap::<T>::get(), Some(1_000));
		Ok(())
	}

	#[benchmark]
	fn pause_minting() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin);
		assert!(MintingPaused::<T>::get());
		Ok(())
	}

	#[benchmark]
	fn resume_minting() -> Result<(), BenchmarkError> {
		MintingPaused::<T>::put(true);
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin);
		assert!(!MintingPaused::<T>::get());
		Ok(())
	}

	#[benchmark]
	fn era_work() {
		let era = busiest_era_ahead::<T>();

		frame_system::Pallet::<T>::reset_events();
		#[block]
		{
			Pallet::<T>::on_initialize(1u32.into());
		}

		assert_eq!(Pool::<T>::get().last_era, era);
	}

	#[benchmark]
	fn era_work_holders(h: Linear<1, 10_000>) {
		for i in 0..h {
			let holder = funded::<T>("many", i);
			Pallet::<T>::do_mint(holder, T::MinMint::get()).unwrap();
		}
		let era = busiest_era_ahead::<T>();

		frame_system::Pallet::<T>::reset_events();
		#[block]
		{
			Pallet::<T>::on_initialize(1u32.into());
		}

		assert_eq!(Pool::<T>::get().last_era, era);
	}

	#[benchmark]
	fn on_initialize_idle() {
		bonded_pool::<T>();
		frame_system::Pallet::<T>::reset_events();
		#[block]
		{
			Pallet::<T>::on_initialize(1u32.into());
		}
	}

	#[benchmark]
	fn claim_payout() {
		let era = Pool::<T>::get().last_era + 1;
		let validator = T::Staking::prepare_payout(era);
		// The era work of era + 1 is done: only the payout remains.
		Pool::<T>::mutate(|pool| pool.last_era = era + 1);
		PayoutQueue::<T>::put(BoundedVec::truncate_from(alloc::vec![(era, validator.clone())]));

		frame_system::Pallet::<T>::reset_events();
		#[block]
		{
			Pallet::<T>::claim_queued_payouts(1);
		}

		assert!(!T::Staking::has_pending_payout(era, &validator));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
