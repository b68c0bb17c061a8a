//! Benchmarks of every call, and of `slash_pool` and `credit_rewards` (what the AVS
//! registry and cross-slashing call). `slash_pool` runs with `d` delegators in the pool, up
//! to 100,000, to show that its cost does not depend on them.
//!
//! Every measured block starts from an empty event log (`reset_events`), as a real block does:
//! otherwise the events the setup deposited would be read back and rewritten when the
//! measured code deposits its own, a cost that grows with the setup and is not the call's.

use super::*;
use crate::{Allocation, Delegation, Pool};
use alloc::vec;
use bastion_primitives::{
	restaking::{Restaking as _, SlashDestination},
	Balance,
};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate as _, fungibles::Mutate as _, EnsureOrigin, Get},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::{traits::Zero, Perbill};

const SEED: u32 = 0;

/// The asset benchmarks restake: BST, which every runtime has.
fn asset() -> RestakeAsset {
	RestakeAsset::Native
}

fn big() -> Balance {
	1_000_000_000_000_000_000
}

/// An account with plenty of BST.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	T::Currency::mint_into(&who, big()).unwrap();
	who
}

/// BST whitelisted without a cap.
fn whitelist<T: Config>() {
	RestakableAssets::<T>::insert(asset(), AssetInfo { cap: Balance::MAX, total: 0 });
}

/// A registered operator with a delegation in its pool.
fn operator_with_stake<T: Config>(index: u32) -> T::AccountId {
	whitelist::<T>();
	let operator = funded::<T>("operator", index);
	Pallet::<T>::do_register_operator(operator.clone(), vec![0; 32], Perbill::from_percent(10)).unwrap();
	let delegator = funded::<T>("delegator", index);
	Pallet::<T>::do_delegate(delegator, operator.clone(), asset(), big() / 10).unwrap();
	operator
}

/// `n` operators for a vault's weights.
fn vault_weights<T: Config>(n: u32) -> WeightsOf<T> {
	let weight = Perbill::from_rational(1, n.max(1));
	(0..n)
		.map(|i| (operator_with_stake::<T>(100 + i), weight))
		.collect::<alloc::vec::Vec<_>>()
		.try_into()
		.unwrap()
}

/// A vault over `n` operators, with delegated stake at each.
fn busy_vault<T: Config>(n: u32) -> (VaultId, T::AccountId) {
	let curator = funded::<T>("curator", 0);
	Pallet::<T>::do_create_vault(curator.clone(), asset(), vec![b'v'; 16], vec![b'v'; 8], vault_weights::<T>(n))
		.unwrap();
	let id = NextVaultId::<T>::get() - 1;
	Pallet::<T>::do_vault_deposit(curator.clone(), id, big() / 100).unwrap();
	Pallet::<T>::do_rebalance(id).unwrap();
	(id, curator)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_asset() -> Result<(), BenchmarkError> {
		RestakableAssets::<T>::remove(asset());
		let origin = T::AssetAdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, asset(), 1_000);
		assert!(RestakableAssets::<T>::contains_key(asset()));
		Ok(())
	}

	#[benchmark]
	fn set_asset_cap() -> Result<(), BenchmarkError> {
		whitelist::<T>();
		let origin = T::AssetAdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, asset(), 1_000);
		assert_eq!(RestakableAssets::<T>::get(asset()).unwrap().cap, 1_000);
		Ok(())
	}

	#[benchmark]
	fn remove_asset() -> Result<(), BenchmarkError> {
		whitelist::<T>();
		let origin = T::AssetAdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, asset());
		assert!(!RestakableAssets::<T>::contains_key(asset()));
		Ok(())
	}

	#[benchmark]
	fn register_operator(m: Linear<0, { T::MaxMetadataLen::get() }>) {
		let caller = funded::<T>("caller", 0);
		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), vec![7; m as usize], Perbill::from_percent(5));
		assert!(Operators::<T>::contains_key(&caller));
	}

	#[benchmark]
	fn set_commission() {
		let operator = operator_with_stake::<T>(0);
		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(RawOrigin::Signed(operator.clone()), Perbill::from_percent(20));
		assert!(Operators::<T>::get(&operator).unwrap().pending_commission.is_some());
	}

	#[benchmark]
	fn link_validator() {
		let operator = operator_with_stake::<T>(0);
		let (stash, proof) = T::BenchmarkHelper::stash_proof(&operator);
		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(RawOrigin::Signed(operator.clone()), stash.clone(), Some(proof));
		assert_eq!(StashOperators::<T>::get(&stash), Some(operator));
	}

	#[benchmark]
	fn leave(a: Linear<0, { T::MaxAllocations::get() }>) {
		let operator = operator_with_stake::<T>(0);
		let avs = T::BenchmarkHelper::avs_with_member(&operator, &asset());
		// `a` allocations to deallocate (the list is bounded; distinct AVS ids).
		let list: alloc::vec::Vec<_> = (0..a).map(|i| (avs.saturating_add(i), asset())).collect();
		for (avs, asset) in list.iter() {
			Allocations::<T>::insert((&operator, *avs, asset), Allocation { current: Perbill::from_percent(1), pending: None });
		}
		OperatorAllocations::<T>::insert(&operator, BoundedVec::truncate_from(list));
		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(RawOrigin::Signed(operator.clone()));
		assert!(!Operators::<T>::get(&operator).unwrap().is_active());
	}

	#[benchmark]
	fn finish_leaving(a: Linear<0, { T::MaxAllocations::get() }>) {
		let operator = operator_with_stake::<T>(0);
		let list: alloc::vec::Vec<_> = (0..a).map(|i| (i, asset())).collect();
		for (avs, asset) in list.iter() {
			Allocations::<T>::insert((&operator, *avs, asset), Allocation::default());
		}
		OperatorAllocations::<T>::insert(&operator, BoundedVec::truncate_from(list));
		Pallet::<T>::do_leave(operator.clone()).unwrap();
		let delay = T::WithdrawalDelay::get().max(T::DeallocationDelay::get());
		frame_system::Pallet::<T>::set_block_number(frame_system::Pallet::<T>::block_number() + delay);
		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(RawOrigin::Signed(operator.clone()));
		assert!(!Operators::<T>::contains_key(&operator));
	}

	#[benchmark]
	fn delegate() {
		let operator = operator_with_stake::<T>(0);
		let caller = funded::<T>("caller", 0);
		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), operator.clone(), asset(), big() / 100);
		assert!(!Pallet::<T>::delegation(&caller, &operator, &asset()).shares.is_zero());
	}

	#[benchmark]
	fn undelegate() {
		let operator = operator_with_stake::<T>(0);
		let caller = funded::<T>("caller", 0);
		Pallet::<T>::do_delegate(caller.clone(), operator.clone(), asset(), big() / 100).unwrap();
		let shares = Pallet::<T>::delegation(&caller, &operator, &asset()).shares / 2;
		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), operator, asset(), shares);
		assert_eq!(AccountWithdrawals::<T>::get(&caller).len(), 1);
	}

	#[benchmark]
	fn complete_withdrawal() {
		let operator = operator_with_stake::<T>(0);
		let caller = funded::<T>("caller", 0);
		Pallet::<T>::do_delegate(caller.clone(), operator.clone(), asset(), big() / 100).unwrap();
		let shares = Pallet::<T>::delegation(&caller, &operator, &asset()).shares / 2;
		let id = Pallet::<T>::do_undelegate(caller.clone(), caller.clone(), operator, asset(), shares).unwrap();
		frame_system::Pallet::<T>::set_block_number(
			frame_system::Pallet::<T>::block_number() + T::WithdrawalDelay::get(),
		);
		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id);
		assert!(!Withdrawals::<T>::contains_key(id));
	}

	#[benchmark]
	fn allocate(a: Linear<1, { T::MaxAllocations::get() }>) {
		let operator = operator_with_stake::<T>(0);
		let avs = T::BenchmarkHelper::avs_with_member(&operator, &asset());
		// `a` other allocations of the same pool, ended (zero, nothing pending): read for the
		// cap; with `MaxAllocations` of them the list is full and the call prunes them all.
		let others: alloc::vec::Vec<_> = (1..=a).map(|i| (avs.wrapping_add(i), asset())).collect();
		for (other, asset) in others.iter() {
			Allocations::<T>::insert((&operator, *other, asset), Allocation::default());
		}
		OperatorAllocations::<T>::insert(&operator, BoundedVec::truncate_from(others));
		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(RawOrigin::Signed(operator.clone()), avs, asset(), Perbill::from_percent(10));
		assert!(Allocations::<T>::contains_key((&operator, avs, asset())));
	}

	#[benchmark]
	fn create_vault(o: Linear<1, { T::MaxVaultOperators::get() }>) {
		let weights = vault_weights::<T>(o);
		let caller = funded::<T>("curator", 0);
		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), asset(), vec![b'v'; 16], vec![b'v'; 8], weights);
		assert_eq!(NextVaultId::<T>::get(), 1);
	}

	#[benchmark]
	fn vault_deposit(o: Linear<1, { T::MaxVaultOperators::get() }>) {
		let (id, _) = busy_vault::<T>(o);
		let caller = funded::<T>("caller", 0);
		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id, big() / 100);
	}

	#[benchmark]
	fn vault_redeem(o: Linear<1, { T::MaxVaultOperators::get() }>) {
		let (id, curator) = busy_vault::<T>(o);
		let lrt = Vaults::<T>::get(id).unwrap().lrt;
		let held = <T::LrtAssets as frame_support::traits::fungibles::Inspect<_>>::balance(lrt, &curator);
		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(RawOrigin::Signed(curator.clone()), id, held / 2);
		assert_eq!(AccountWithdrawals::<T>::get(&curator).len() as u32, o);
	}

	#[benchmark]
	fn rebalance(o: Linear<1, { T::MaxVaultOperators::get() }>) {
		let (id, curator) = busy_vault::<T>(o);
		Pallet::<T>::do_vault_deposit(curator.clone(), id, big() / 100).unwrap();
		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(RawOrigin::Signed(curator), id);
	}

	#[benchmark]
	fn set_weights(o: Linear<1, { T::MaxVaultOperators::get() }>) {
		let (id, curator) = busy_vault::<T>(o);
		let weights = Vaults::<T>::get(id).unwrap().operators;
		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(RawOrigin::Signed(curator), id, weights);
	}

	#[benchmark]
	fn claim_rewards(r: Linear<1, { T::MaxRewardAssets::get() }>) {
		let operator = operator_with_stake::<T>(0);
		let caller = funded::<T>("caller", 0);
		Pallet::<T>::do_delegate(caller.clone(), operator.clone(), asset(), big() / 100).unwrap();
		let funder = funded::<T>("funder", 0);
		Pallet::<T>::credit_rewards(&operator, &asset(), &asset(), big() / 1000, &funder).unwrap();
		// `r` reward assets on the pool (the others credited nothing to pay).
		let mut assets: alloc::vec::Vec<_> = vec![asset()];
		assets.extend((1..r).map(|i| RestakeAsset::WithId(u32::MAX - i)));
		PoolRewardAssets::<T>::insert(&operator, asset(), BoundedVec::truncate_from(assets));
		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), operator, asset());
	}

	#[benchmark]
	fn claim_vault_rewards(o: Linear<1, { T::MaxVaultOperators::get() }>) {
		let (id, _) = busy_vault::<T>(o);
		let funder = funded::<T>("funder", 0);
		for (operator, _) in Vaults::<T>::get(id).unwrap().operators {
			Pallet::<T>::credit_rewards(&operator, &asset(), &asset(), big() / 1000, &funder).unwrap();
		}
		let caller = funded::<T>("caller", 0);
		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id);
	}

	#[benchmark]
	fn slash_pool(d: Linear<1, 100_000>) {
		let operator = operator_with_stake::<T>(0);
		// `d` delegations in the pool (written directly: only their count matters).
		let shares = 1_000;
		for i in 0..d {
			let delegator: T::AccountId = account("many", i, SEED);
			Delegations::<T>::insert((&delegator, &operator, asset()), Delegation { shares, epoch: 0 });
		}
		Pools::<T>::mutate(&operator, asset(), |pool: &mut Pool| {
			pool.active_shares += shares * d as Balance;
			pool.active_assets += shares * d as Balance;
		});
		T::Assets::mint_into(asset(), &Pallet::<T>::pallet_account(), shares * d as Balance).unwrap();
		RestakableAssets::<T>::mutate(asset(), |info| {
			if let Some(info) = info {
				info.total += shares * d as Balance;
			}
		});
		frame_system::Pallet::<T>::reset_events();
		#[block]
		{
			Pallet::<T>::slash_pool(&operator, &asset(), Perbill::from_percent(10), &SlashDestination::Burn)
				.unwrap();
		}
	}

	#[benchmark]
	fn credit_rewards() {
		let operator = operator_with_stake::<T>(0);
		let funder = funded::<T>("funder", 0);
		frame_system::Pallet::<T>::reset_events();
		#[block]
		{
			Pallet::<T>::credit_rewards(&operator, &asset(), &asset(), big() / 1000, &funder).unwrap();
		}
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
