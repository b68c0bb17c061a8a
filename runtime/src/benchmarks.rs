//! The pallets benchmarked by the node's `benchmark pallet` command, and the two entry points
//! of the `Benchmark` runtime API.

use crate::*;
use alloc::{string::String, vec::Vec};
use frame_benchmarking::{BenchmarkBatch, BenchmarkConfig, BenchmarkList};
use frame_support::traits::{StorageInfo, StorageInfoTrait, WhitelistedStorageKeys};

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_utility, Utility]
	[pallet_proxy, Proxy]
	[pallet_multisig, Multisig]
	[pallet_sudo, Sudo]
	[pallet_assets, Assets]
	[pallet_staking, Staking]
	[pallet_liquid_staking, LiquidStaking]
	[pallet_restaking, Restaking]
	[pallet_avs_registry, AvsRegistry]
	[pallet_cross_slashing, CrossSlashing]
	[pallet_collective, SecurityCouncil]
);

use frame_benchmarking::baseline::Pallet as BaselineBench;
use frame_system_benchmarking::Pallet as SystemBench;

impl frame_system_benchmarking::Config for Runtime {}
impl frame_benchmarking::baseline::Config for Runtime {}

/// The benchmarks this runtime offers and the storage they touch.
pub fn metadata(extra: bool) -> (Vec<BenchmarkList>, Vec<StorageInfo>) {
	let mut list = Vec::<BenchmarkList>::new();
	list_benchmarks!(list, extra);
	(list, AllPalletsWithSystem::storage_info())
}

/// Runs the benchmarks `config` selects.
pub fn dispatch(config: BenchmarkConfig) -> Result<Vec<BenchmarkBatch>, String> {
	let whitelist = AllPalletsWithSystem::whitelisted_storage_keys();
	let mut batches = Vec::<BenchmarkBatch>::new();
	let params = (&config, &whitelist);
	add_benchmarks!(params, batches);
	Ok(batches)
}

/// What pallet-restaking's benchmarks need of this runtime.
pub struct RestakingHelper;
impl pallet_restaking::BenchmarkHelper<AccountId, Signature> for RestakingHelper {
	fn avs_with_member(operator: &AccountId, asset: &bastion_primitives::restaking::RestakeAsset) -> u32 {
		let owner: AccountId = frame_benchmarking::account("avs-owner", 0, 0);
		let _ = <Balances as frame_support::traits::fungible::Mutate<_>>::mint_into(&owner, 1_000_000 * UNIT);
		let avs = pallet_avs_registry::NextAvsId::<Runtime>::get();
		let config = avs_config(owner.clone(), alloc::vec![asset.clone()]);
		AvsRegistry::register_avs(RuntimeOrigin::signed(owner), alloc::vec![], config)
			.expect("a valid AVS registers");
		AvsRegistry::opt_in(RuntimeOrigin::signed(operator.clone()), avs).expect("the operator joins");
		avs
	}

	fn stash_proof(operator: &AccountId) -> (AccountId, Signature) {
		use codec::Encode;
		use sp_runtime::traits::IdentifyAccount;
		let key_type = sp_core::crypto::KeyTypeId(*b"link");
		let public = sp_io::crypto::sr25519_generate(key_type, None);
		let message = (pallet_restaking::LINK_CONTEXT, operator).encode();
		let signature = sp_io::crypto::sr25519_sign(key_type, &public, &message).expect("the key exists");
		(sp_runtime::MultiSigner::from(public).into_account(), Signature::from(signature))
	}
}

/// An open AVS accepting `assets`, with windows the registry accepts.
fn avs_config(
	owner: AccountId,
	assets: alloc::vec::Vec<bastion_primitives::restaking::RestakeAsset>,
) -> bastion_primitives::avs::AvsConfigParams<AccountId, BlockNumber> {
	use bastion_primitives::{avs::*, restaking::*};
	let window = configs::restaking::WithdrawalDelay::get();
	AvsConfig {
		slasher: owner.clone(),
		veto: VetoPolicy::Council,
		max_slash_per_incident: sp_runtime::Perbill::from_percent(10),
		slash_window: window,
		veto_window: window / 2,
		accepted_assets: assets,
		min_operator_stake: 0,
		max_operators: 128,
		membership: Membership::Open,
		destination: SlashDestination::Burn,
		native_coupling: None,
	}
}

/// What pallet-avs-registry's benchmarks need of this runtime.
pub struct AvsRegistryHelper;
impl pallet_avs_registry::benchmarking::BenchmarkHelper<AccountId> for AvsRegistryHelper {
	fn restakable_asset(i: u32) -> bastion_primitives::restaking::RestakeAsset {
		use bastion_primitives::restaking::RestakeAsset;
		let asset = if i == 0 {
			RestakeAsset::Native
		} else {
			// User-range asset ids, created on demand.
			let id = 1_000 + i;
			if !<Assets as frame_support::traits::fungibles::Inspect<_>>::asset_exists(id) {
				let owner: AccountId = frame_benchmarking::account("asset-owner", 0, 0);
				<Assets as frame_support::traits::fungibles::Create<_>>::create(id, owner, true, 1)
					.expect("a fresh id");
			}
			RestakeAsset::WithId(id)
		};
		// Whitelisted without a cap: the benchmarks restake more than the genesis caps.
		pallet_restaking::RestakableAssets::<Runtime>::mutate(&asset, |info| {
			let total = info.map_or(0, |i| i.total);
			*info = Some(pallet_restaking::AssetInfo { cap: Balance::MAX, total });
		});
		asset
	}

	fn setup_operator(who: &AccountId, assets: &[bastion_primitives::restaking::RestakeAsset], stake: Balance) {
		Self::fund(&bastion_primitives::restaking::RestakeAsset::Native, who, 1_000 * UNIT);
		if !pallet_restaking::Operators::<Runtime>::contains_key(who) {
			Restaking::register_operator(RuntimeOrigin::signed(who.clone()), alloc::vec![], sp_runtime::Perbill::zero())
				.expect("registers");
		}
		let delegator: AccountId = frame_benchmarking::account("delegator", 0, 0);
		for asset in assets {
			Self::fund(asset, &delegator, stake.saturating_mul(2));
			Restaking::delegate(RuntimeOrigin::signed(delegator.clone()), who.clone(), asset.clone(), stake)
				.expect("delegates");
		}
	}

	fn allocate(operator: &AccountId, avs: u32, assets: &[bastion_primitives::restaking::RestakeAsset]) {
		for asset in assets {
			pallet_restaking::Allocations::<Runtime>::insert(
				(operator, avs, asset),
				pallet_restaking::Allocation { current: sp_runtime::Perbill::one(), pending: None },
			);
			pallet_restaking::OperatorAllocations::<Runtime>::mutate(operator, |list| {
				let _ = list.try_push((avs, asset.clone()));
			});
		}
	}

	fn set_active_era(era: sp_staking::EraIndex) {
		<pallet_liquid_staking::adapter::PalletStaking<Runtime> as bastion_primitives::staking::NativeStaking<AccountId>>::set_era(era);
	}

	fn fund(asset: &bastion_primitives::restaking::RestakeAsset, who: &AccountId, amount: Balance) {
		use frame_support::traits::fungibles::Mutate;
		<configs::restaking::RestakableAssets as Mutate<_>>::mint_into(asset.clone(), who, amount)
			.expect("mintable");
	}
}

/// What pallet-cross-slashing's benchmarks need of this runtime.
pub struct CrossSlashingHelper;
impl pallet_cross_slashing::BenchmarkHelper<AccountId, BlockNumber> for CrossSlashingHelper {
	fn avs(index: u32, terms: bastion_primitives::restaking::SlashingTerms<AccountId, BlockNumber>) -> u32 {
		use pallet_avs_registry::benchmarking::BenchmarkHelper as _;
		let owner: AccountId = frame_benchmarking::account("slashing-avs", index, 0);
		AvsRegistryHelper::fund(&bastion_primitives::restaking::RestakeAsset::Native, &owner, 1_000_000 * UNIT);
		let mut config = avs_config(owner.clone(), alloc::vec![AvsRegistryHelper::restakable_asset(0)]);
		config.slasher = terms.slasher;
		config.veto = terms.veto;
		config.max_slash_per_incident = terms.max_slash_per_incident;
		config.slash_window = terms.slash_window;
		config.veto_window = terms.veto_window;
		config.destination = terms.destination;
		config.native_coupling = terms.native_coupling;
		let avs = pallet_avs_registry::NextAvsId::<Runtime>::get();
		AvsRegistry::register_avs(RuntimeOrigin::signed(owner), alloc::vec![], config)
			.expect("a valid AVS registers");
		avs
	}

	fn operator(index: u32, avss: &[u32], assets: u32, delegators: u32) -> AccountId {
		use pallet_avs_registry::benchmarking::BenchmarkHelper as _;
		let operator: AccountId = frame_benchmarking::account("slashing-operator", index, 0);
		let assets: Vec<_> = (0..assets).map(AvsRegistryHelper::restakable_asset).collect();
		AvsRegistryHelper::fund(&bastion_primitives::restaking::RestakeAsset::Native, &operator, 1_000 * UNIT);
		Restaking::register_operator(RuntimeOrigin::signed(operator.clone()), alloc::vec![], sp_runtime::Perbill::zero())
			.expect("registers");
		for d in 0..delegators.max(1) {
			let delegator: AccountId = frame_benchmarking::account("slashing-delegator", d, index);
			for asset in assets.iter() {
				AvsRegistryHelper::fund(asset, &delegator, 2_000 * UNIT);
				Restaking::delegate(RuntimeOrigin::signed(delegator.clone()), operator.clone(), asset.clone(), 1_000 * UNIT)
					.expect("delegates");
			}
		}
		// Restaking lists `MaxAllocations` (AVS, asset) pairs per operator at most: with many
		// AVSs, each is allocated the first pools only.
		let max_pairs =
			<<Runtime as pallet_restaking::Config>::MaxAllocations as frame_support::traits::Get<u32>>::get() as usize;
		let per_avs = (max_pairs / avss.len().max(1)).min(assets.len());
		for avs in avss {
			AvsRegistry::opt_in(RuntimeOrigin::signed(operator.clone()), *avs).expect("joins");
			AvsRegistryHelper::allocate(&operator, *avs, &assets[..per_avs]);
		}
		operator
	}

	fn link_stash(operator: &AccountId) -> AccountId {
		let stash: AccountId = frame_benchmarking::account("slashing-stash", 0, 0);
		pallet_restaking::StashOperators::<Runtime>::insert(&stash, operator);
		pallet_restaking::Operators::<Runtime>::mutate(operator, |info| {
			if let Some(info) = info {
				info.linked_stash = Some(stash.clone());
			}
		});
		stash
	}
}
