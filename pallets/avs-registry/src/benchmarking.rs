//! Benchmarks of every call and of the distribution's steps (frame-benchmarking v2).
//!
//! Each call is measured in its worst case: the longest metadata, `MaxAcceptedAssets`
//! accepted assets, an allow-list, full lists. The distribution is measured step by step
//! (`begin_avs`, `measure_operator`, `pay_operator`, `finish_avs`: what the hook charges per
//! step) with `MaxAcceptedAssets` pools per operator and `MaxRewardBudgets` budgets, and as a
//! whole for one AVS with `n` operators (`distribute_avs`, up to `MaxOperatorsPerAvs`).
//!
//! Every measured block starts from an empty event log (`reset_events`), as a real block does:
//! otherwise the events the setup deposited would be read back and rewritten when the
//! measured code deposits its own, a cost that grows with the setup and is not the call's.

use super::*;
use crate::{AvsConfigParamsOf, DistributionRound, Membership, Phase};
use alloc::{vec, vec::Vec};
use bastion_primitives::{
	restaking::{AvsId, EraClock, RestakeAsset, SlashDestination, VetoPolicy},
	Balance,
};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate as _, Get, Hooks},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::{traits::StaticLookup, Perbill};
use sp_staking::EraIndex;

const SEED: u32 = 0;

/// What the runtime provides for the benchmarks: operators with stake allocated to an AVS,
/// restakable assets, eras, funds in any asset.
pub trait BenchmarkHelper<AccountId> {
	/// The `i`-th restakable asset, whitelisted in restaking if it is not yet. Asset `0` must
	/// be one the registry can value in BST (BST or stBST); all must be distinct.
	fn restakable_asset(i: u32) -> RestakeAsset;
	/// Makes `who` a restaking operator with `stake` of each of `assets` delegated to it.
	fn setup_operator(who: &AccountId, assets: &[RestakeAsset], stake: Balance);
	/// Makes `operator`, a member of `avs`, allocate all of its pools of `assets` to it,
	/// effective at once.
	fn allocate(operator: &AccountId, avs: AvsId, assets: &[RestakeAsset]);
	/// Makes `era` staking's active era.
	fn set_active_era(era: EraIndex);
	/// Gives `who` `amount` of `asset` (creating the asset if needed).
	fn fund(asset: &RestakeAsset, who: &AccountId, amount: Balance);
}

fn big<T: Config>() -> Balance {
	Pallet::<T>::deposit_for(T::MaxMetadataLen::get())
		.unwrap_or(Balance::MAX / 1_000_000)
		.saturating_mul(1_000)
		.max(1_000_000_000_000_000_000)
}

/// An account with enough BST for anything a benchmark does.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	T::Currency::mint_into(&who, big::<T>()).unwrap();
	who
}

/// `MaxAcceptedAssets` distinct restakable assets, the first one priced.
fn assets<T: Config>() -> Vec<RestakeAsset> {
	(0..T::MaxAcceptedAssets::get()).map(T::BenchmarkHelper::restakable_asset).collect()
}

/// A valid configuration with every list full, an allow-list and a minimum stake.
fn params<T: Config>() -> AvsConfigParamsOf<T> {
	let window = T::WithdrawalDelay::get().min(T::DeallocationDelay::get());
	AvsConfigParamsOf::<T> {
		slasher: account("slasher", 0, SEED),
		veto: VetoPolicy::Committee(account("committee", 0, SEED)),
		max_slash_per_incident: Perbill::from_percent(10),
		slash_window: window,
		veto_window: 1u32.into(),
		accepted_assets: assets::<T>(),
		min_operator_stake: 1,
		max_operators: T::MaxOperatorsPerAvs::get(),
		membership: Membership::AllowList,
		destination: SlashDestination::Account(account("insurance", 0, SEED)),
		native_coupling: None,
	}
}

/// Registers an AVS with the longest metadata; returns its id.
fn register<T: Config>(owner: &T::AccountId) -> AvsId {
	let metadata = vec![7u8; T::MaxMetadataLen::get() as usize];
	Pallet::<T>::do_register_avs(owner.clone(), metadata, params::<T>()).unwrap();
	NextAvsId::<T>::get() - 1
}

/// An operator approved for and member of `avs`, with stake in every asset allocated to it.
fn member<T: Config>(avs: AvsId, owner: &T::AccountId, index: u32) -> T::AccountId {
	let operator = funded::<T>("operator", index);
	T::BenchmarkHelper::setup_operator(&operator, &assets::<T>(), big::<T>());
	Pallet::<T>::do_approve_operator(owner.clone(), avs, operator.clone()).unwrap();
	Pallet::<T>::do_opt_in(operator.clone(), avs).unwrap();
	T::BenchmarkHelper::allocate(&operator, avs, &assets::<T>());
	operator
}

/// `MaxRewardBudgets` budgets of `avs`, each paying over `eras` eras from the next era.
fn budgets<T: Config>(avs: AvsId, owner: &T::AccountId, count: u32, eras: u32) {
	let asset = T::BenchmarkHelper::restakable_asset(0);
	let amount = big::<T>() / 1_000;
	T::BenchmarkHelper::fund(&asset, owner, amount.saturating_mul(count.into()).saturating_mul(2));
	for _ in 0..count {
		Pallet::<T>::do_fund_rewards(owner.clone(), avs, asset.clone(), amount, eras).unwrap();
	}
}

/// A round of the next era, which `avs` (the only AVS with budgets) is due in.
fn next_round<T: Config>() -> DistributionRound<T> {
	let era = LastRoundEra::<T>::get().max(T::Eras::active_era()).saturating_add(1);
	T::BenchmarkHelper::set_active_era(era);
	LastRoundEra::<T>::put(era);
	DistributionRound { era, last_avs: None, current: None }
}

fn lookup<T: Config>(who: &T::AccountId) -> AccountIdLookupOf<T> {
	T::Lookup::unlookup(who.clone())
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_avs() {
		let caller = funded::<T>("owner", 0);
		let metadata = vec![7u8; T::MaxMetadataLen::get() as usize];
		let config = params::<T>();

		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), metadata, config);

		assert!(Avs::<T>::contains_key(NextAvsId::<T>::get() - 1));
	}

	#[benchmark]
	fn update_config() {
		let owner = funded::<T>("owner", 0);
		let avs = register::<T>(&owner);
		// A harsher change waits already: the update replaces it.
		let mut first = params::<T>();
		first.max_slash_per_incident = Perbill::from_percent(20);
		Pallet::<T>::do_update_config(owner.clone(), avs, first).unwrap();
		let mut config = params::<T>();
		config.max_slash_per_incident = Perbill::from_percent(30);
		config.native_coupling = Some(Perbill::from_percent(5));
		config.slasher = account("slasher", 1, SEED);
		config.min_operator_stake = 2;

		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), avs, config);

		assert!(PendingConfigs::<T>::contains_key(avs));
		assert_eq!(Avs::<T>::get(avs).unwrap().config.min_operator_stake, 2);
	}

	#[benchmark]
	fn pause_avs() {
		let owner = funded::<T>("owner", 0);
		let avs = register::<T>(&owner);

		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), avs);

		assert!(!<Pallet<T> as bastion_primitives::restaking::AvsDirectory<_, _>>::is_active(avs));
	}

	#[benchmark]
	fn resume_avs() {
		let owner = funded::<T>("owner", 0);
		let avs = register::<T>(&owner);
		Pallet::<T>::do_set_paused(owner.clone(), avs, true).unwrap();

		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), avs);

		assert!(<Pallet<T> as bastion_primitives::restaking::AvsDirectory<_, _>>::is_active(avs));
	}

	#[benchmark]
	fn deregister_avs(
		a: Linear<0, { T::MaxOperatorsPerAvs::get() }>,
		b: Linear<0, { T::MaxRewardBudgets::get() }>,
	) {
		let owner = funded::<T>("owner", 0);
		let avs = register::<T>(&owner);
		for i in 0..a {
			Pallet::<T>::do_approve_operator(owner.clone(), avs, account("approved", i, SEED))
				.unwrap();
		}
		budgets::<T>(avs, &owner, b, 10);
		// A scheduled change to drop too.
		let mut harsher = params::<T>();
		harsher.max_slash_per_incident = Perbill::from_percent(20);
		Pallet::<T>::do_update_config(owner.clone(), avs, harsher).unwrap();

		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), avs);

		assert!(!Avs::<T>::contains_key(avs));
	}

	#[benchmark]
	fn opt_in() {
		let owner = funded::<T>("owner", 0);
		let avs = register::<T>(&owner);
		let operator = funded::<T>("operator", 0);
		T::BenchmarkHelper::setup_operator(&operator, &assets::<T>(), big::<T>());
		Pallet::<T>::do_approve_operator(owner, avs, operator.clone()).unwrap();
		// Its list of AVSs one short of full.
		let others: Vec<AvsId> = (0..T::MaxAvsPerOperator::get().saturating_sub(1))
			.map(|i| AvsId::MAX - i)
			.collect();
		OperatorAvs::<T>::insert(&operator, BoundedVec::truncate_from(others));

		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(RawOrigin::Signed(operator.clone()), avs);

		assert!(Members::<T>::contains_key(avs, &operator));
	}

	#[benchmark]
	fn opt_out() {
		let owner = funded::<T>("owner", 0);
		let avs = register::<T>(&owner);
		let operator = member::<T>(avs, &owner, 0);
		// Its list of AVSs full, this one last.
		let mut list: Vec<AvsId> = (0..T::MaxAvsPerOperator::get().saturating_sub(1))
			.map(|i| AvsId::MAX - i)
			.collect();
		list.push(avs);
		OperatorAvs::<T>::insert(&operator, BoundedVec::truncate_from(list));

		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(RawOrigin::Signed(operator.clone()), avs);

		assert!(!Members::<T>::contains_key(avs, &operator));
	}

	#[benchmark]
	fn approve_operator() {
		let owner = funded::<T>("owner", 0);
		let avs = register::<T>(&owner);
		let operator: T::AccountId = account("operator", 0, SEED);

		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), avs, lookup::<T>(&operator));

		assert!(Approved::<T>::contains_key(avs, &operator));
	}

	#[benchmark]
	fn remove_operator() {
		let owner = funded::<T>("owner", 0);
		let avs = register::<T>(&owner);
		// Approved and a member: both are undone.
		let operator = member::<T>(avs, &owner, 0);

		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), avs, lookup::<T>(&operator));

		assert!(!Members::<T>::contains_key(avs, &operator));
		assert!(!Approved::<T>::contains_key(avs, &operator));
	}

	#[benchmark]
	fn fund_rewards() {
		let owner = funded::<T>("owner", 0);
		let avs = register::<T>(&owner);
		budgets::<T>(avs, &owner, T::MaxRewardBudgets::get().saturating_sub(1), 10);
		let asset = T::BenchmarkHelper::restakable_asset(0);
		let amount = big::<T>() / 1_000;
		T::BenchmarkHelper::fund(&asset, &owner, amount.saturating_mul(2));

		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), avs, asset, amount, 10);

		assert_eq!(Budgets::<T>::get(avs).len() as u32, T::MaxRewardBudgets::get());
	}

	#[benchmark]
	fn on_initialize_idle() {
		LastRoundEra::<T>::put(T::Eras::active_era());

		frame_system::Pallet::<T>::reset_events();
		#[block]
		{
			Pallet::<T>::on_initialize(BlockNumberFor::<T>::from(1u32));
		}

		assert!(Round::<T>::get().is_none());
	}

	#[benchmark]
	fn begin_avs() {
		let owner = funded::<T>("owner", 0);
		let avs = register::<T>(&owner);
		budgets::<T>(avs, &owner, T::MaxRewardBudgets::get(), 10);
		let mut round = next_round::<T>();

		frame_system::Pallet::<T>::reset_events();
		#[block]
		{
			Pallet::<T>::run_steps(&mut round, 1);
		}

		assert_eq!(round.current.map(|c| c.avs), Some(avs));
	}

	#[benchmark]
	fn measure_operator() {
		let owner = funded::<T>("owner", 0);
		let avs = register::<T>(&owner);
		let operator = member::<T>(avs, &owner, 0);
		budgets::<T>(avs, &owner, T::MaxRewardBudgets::get(), 10);
		let mut round = next_round::<T>();
		Pallet::<T>::run_steps(&mut round, 1);

		frame_system::Pallet::<T>::reset_events();
		#[block]
		{
			Pallet::<T>::run_steps(&mut round, 1);
		}

		assert!(Snapshot::<T>::contains_key(avs, &operator));
	}

	#[benchmark]
	fn pay_operator() {
		let owner = funded::<T>("owner", 0);
		let avs = register::<T>(&owner);
		let operator = member::<T>(avs, &owner, 0);
		budgets::<T>(avs, &owner, T::MaxRewardBudgets::get(), 10);
		let mut round = next_round::<T>();
		// Begin, measure the member, see there is no other.
		Pallet::<T>::run_steps(&mut round, 3);
		assert!(matches!(round.current.as_ref().map(|c| &c.phase), Some(Phase::Paying)));

		frame_system::Pallet::<T>::reset_events();
		#[block]
		{
			Pallet::<T>::run_steps(&mut round, 1);
		}

		assert!(!Snapshot::<T>::contains_key(avs, &operator));
		assert!(Budgets::<T>::get(avs).iter().all(|b| b.paid > 0));
	}

	#[benchmark]
	fn finish_avs() {
		let owner = funded::<T>("owner", 0);
		let avs = register::<T>(&owner);
		member::<T>(avs, &owner, 0);
		// Every budget ends in this round: each is closed and its dust refunded.
		budgets::<T>(avs, &owner, T::MaxRewardBudgets::get(), 1);
		let mut round = next_round::<T>();
		Pallet::<T>::run_steps(&mut round, 4);

		frame_system::Pallet::<T>::reset_events();
		#[block]
		{
			Pallet::<T>::run_steps(&mut round, 1);
		}

		assert!(round.current.is_none());
		assert!(Budgets::<T>::get(avs).is_empty());
	}

	#[benchmark]
	fn distribute_avs(n: Linear<1, { T::MaxOperatorsPerAvs::get() }>) {
		let owner = funded::<T>("owner", 0);
		let avs = register::<T>(&owner);
		for i in 0..n {
			member::<T>(avs, &owner, i);
		}
		budgets::<T>(avs, &owner, T::MaxRewardBudgets::get(), 10);
		let mut round = next_round::<T>();

		frame_system::Pallet::<T>::reset_events();
		#[block]
		{
			let (done, _) = Pallet::<T>::run_steps(&mut round, u32::MAX);
			assert!(done);
		}

		assert!(Budgets::<T>::get(avs).iter().all(|b| b.paid > 0));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
