//! A runtime with pallet-balances, pallet-assets and the registry, and storage-backed fakes of
//! restaking, cross-slashing, the era clock and stBST.
//!
//! - [`FakeRestaking`]: operators, pools and allocations are set by the tests; credited
//!   rewards are moved to [`RESTAKING_ACCOUNT`] and recorded per (operator, pool asset,
//!   reward asset); `deallocate_all` calls are counted and leave the allocation in place (as
//!   restaking's deallocation delay does).
//! - [`FakeSlashing`]: pending slashes per AVS, set by the tests.
//! - [`FakeEras`]: the active era, set by the tests.
//! - [`FakeLst`]: stBST is asset [`STBST`], worth `num / den` BST (settable).
//!
//! The fakes keep their state in storage (through `storage_alias`), so transactional
//! rollbacks and `assert_noop!` see them like any pallet's.

use crate::{self as pallet_avs_registry, AvsConfigParams, Membership};
use bastion_primitives::{
	restaking::{
		AvsId, EraClock, PendingSlashes, PoolView, RestakeAsset, Restaking, SlashDestination,
		SlashedAmounts, VetoPolicy,
	},
	staking::LiquidStakingToken,
};
use frame_support::{
	derive_impl, parameter_types, storage_alias,
	traits::{
		fungible::{NativeFromLeft, NativeOrWithId, UnionOf},
		fungibles::{self, Inspect as _},
		tokens::Preservation,
		AsEnsureOriginWithArg, ConstU128, ConstU32, ConstU64, Hooks,
	},
	pallet_prelude::ValueQuery, Blake2_128Concat, PalletId, Twox64Concat,
};
use frame_system::{EnsureRoot, EnsureSigned};
use sp_runtime::{
	BuildStorage, DispatchError, DispatchResult, Perbill,
};
use sp_staking::EraIndex;

pub type AccountId = u64;
pub type Balance = u128;
pub type AssetId = u32;

/// One BST (12 decimals, as on chain).
pub const UNIT: Balance = 1_000_000_000_000;
/// stBST.
pub const STBST: AssetId = 1;
/// A reward token (not restakable).
pub const REWARD: AssetId = 2;
/// A restakable token the chain has no price for.
pub const OTHER: AssetId = 3;
/// A token restaking does not take.
pub const UNLISTED: AssetId = 4;
/// AVS owners.
pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
/// A slasher account.
pub const SLASHER: AccountId = 50;
/// Where the fake restaking keeps credited rewards.
pub const RESTAKING_ACCOUNT: AccountId = 7777;
/// What every user account (1..=9) holds at genesis, in BST and in each token.
pub const USER_BALANCE: Balance = 1_000_000 * UNIT;
/// Mock delays, in blocks.
pub const WITHDRAWAL_DELAY: u64 = 100;
pub const DEALLOCATION_DELAY: u64 = 80;
pub const CONFIG_CHANGE_DELAY: u64 = 120;
/// Deposits.
pub const DEPOSIT_BASE: Balance = 100 * UNIT;
pub const DEPOSIT_PER_BYTE: Balance = UNIT;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Assets: pallet_assets,
		AvsRegistry: pallet_avs_registry,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = ConstU128<1>;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
	type MaxFreezes = ConstU32<4>;
}

#[derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
impl pallet_assets::Config for Test {
	type Balance = Balance;
	type AssetId = AssetId;
	type AssetIdParameter = AssetId;
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type AssetDeposit = ConstU128<1>;
	type AssetAccountDeposit = ConstU128<1>;
	type MetadataDepositBase = ConstU128<1>;
	type MetadataDepositPerByte = ConstU128<1>;
	type ApprovalDeposit = ConstU128<1>;
	type Freezer = ();
	type Holder = ();
}

/// BST and every pallet-assets token, as the runtime will have it.
pub type RestakeAssets =
	UnionOf<Balances, Assets, NativeFromLeft, NativeOrWithId<AssetId>, AccountId>;

#[storage_alias]
pub type FakeOperators = StorageMap<FakeRestaking, Blake2_128Concat, AccountId, ()>;
#[storage_alias]
pub type FakeRestakable = StorageMap<FakeRestaking, Blake2_128Concat, RestakeAsset, ()>;
#[storage_alias]
pub type FakePools =
	StorageDoubleMap<FakeRestaking, Blake2_128Concat, AccountId, Blake2_128Concat, RestakeAsset, PoolView>;
#[storage_alias]
pub type FakeAllocations = StorageDoubleMap<
	FakeRestaking,
	Blake2_128Concat,
	(AccountId, AvsId),
	Blake2_128Concat,
	RestakeAsset,
	Perbill,
	ValueQuery,
>;
#[storage_alias]
pub type FakeCredited = StorageDoubleMap<
	FakeRestaking,
	Blake2_128Concat,
	AccountId,
	Blake2_128Concat,
	(RestakeAsset, RestakeAsset),
	Balance,
	ValueQuery,
>;
#[storage_alias]
pub type FakeDeallocations =
	StorageMap<FakeRestaking, Blake2_128Concat, (AccountId, AvsId), u32, ValueQuery>;
#[storage_alias]
pub type FakeFailCredit = StorageMap<FakeRestaking, Blake2_128Concat, AccountId, ()>;
#[storage_alias]
pub type FakePendingAvs = StorageMap<FakeSlashing, Twox64Concat, AvsId, ()>;
#[storage_alias]
pub type FakeEra = StorageValue<FakeEras, EraIndex, ValueQuery>;
#[storage_alias]
pub type FakeRate = StorageValue<FakeLst, (Balance, Balance)>;

/// Restaking, as far as the registry uses it.
pub struct FakeRestaking;
impl Restaking<AccountId> for FakeRestaking {
	fn is_operator(who: &AccountId) -> bool {
		FakeOperators::contains_key(who)
	}
	fn is_restakable(asset: &RestakeAsset) -> bool {
		FakeRestakable::contains_key(asset)
	}
	fn operator_of_stash(_stash: &AccountId) -> Option<AccountId> {
		None
	}
	fn operator_assets(operator: &AccountId) -> Vec<RestakeAsset> {
		FakePools::iter_key_prefix(operator).collect()
	}
	fn pool(operator: &AccountId, asset: &RestakeAsset) -> Option<PoolView> {
		FakePools::get(operator, asset)
	}
	fn allocation(operator: &AccountId, avs: AvsId, asset: &RestakeAsset) -> Perbill {
		FakeAllocations::get((operator, avs), asset)
	}
	fn allocated_avss(operator: &AccountId) -> Vec<AvsId> {
		let mut avss: Vec<AvsId> = FakeAllocations::iter()
			.filter(|((o, _), _, fraction)| o == operator && !fraction.is_zero())
			.map(|((_, avs), _, _)| avs)
			.collect();
		avss.sort();
		avss.dedup();
		avss
	}
	fn slash_pool(
		_operator: &AccountId,
		_asset: &RestakeAsset,
		_fraction: Perbill,
		_destination: &SlashDestination<AccountId>,
	) -> Result<SlashedAmounts, DispatchError> {
		Err(DispatchError::Other("the registry never slashes"))
	}
	fn freeze(_operator: &AccountId) {}
	fn unfreeze(_operator: &AccountId) {}
	fn credit_rewards(
		operator: &AccountId,
		pool_asset: &RestakeAsset,
		reward_asset: &RestakeAsset,
		amount: Balance,
		from: &AccountId,
	) -> DispatchResult {
		if !FakeOperators::contains_key(operator) {
			return Err(DispatchError::Other("not an operator"));
		}
		if FakeFailCredit::contains_key(operator) {
			return Err(DispatchError::Other("credit refused"));
		}
		let preservation = match reward_asset {
			RestakeAsset::Native => Preservation::Preserve,
			RestakeAsset::WithId(_) => Preservation::Expendable,
		};
		<RestakeAssets as fungibles::Mutate<AccountId>>::transfer(
			reward_asset.clone(),
			from,
			&RESTAKING_ACCOUNT,
			amount,
			preservation,
		)?;
		FakeCredited::mutate(operator, (pool_asset.clone(), reward_asset.clone()), |c| *c += amount);
		Ok(())
	}
	fn deallocate_all(operator: &AccountId, avs: AvsId) {
		FakeDeallocations::mutate((operator, avs), |n| *n += 1);
	}
}

/// Cross-slashing's pending slashes.
pub struct FakeSlashing;
impl PendingSlashes<AccountId> for FakeSlashing {
	fn avs_has_pending(avs: AvsId) -> bool {
		FakePendingAvs::contains_key(avs)
	}
	fn operator_has_pending(_operator: &AccountId) -> bool {
		false
	}
}

/// The era clock.
pub struct FakeEras;
impl EraClock for FakeEras {
	fn active_era() -> EraIndex {
		FakeEra::get()
	}
}

/// stBST at a settable rate.
pub struct FakeLst;
impl LiquidStakingToken for FakeLst {
	fn asset_id() -> AssetId {
		STBST
	}
	fn bst_value(shares: Balance) -> Balance {
		let (num, den) = FakeRate::get().unwrap_or((1, 1));
		bastion_primitives::math::mul_div_floor(shares, num, den).unwrap_or(0)
	}
}

parameter_types! {
	pub const AvsPalletId: PalletId = PalletId(*b"bst/avsr");
	pub static MaxDistributionsPerBlock: u32 = 1_000;
}

impl crate::Config for Test {
	type Currency = Balances;
	type Assets = RestakeAssets;
	type Restaking = FakeRestaking;
	type Slashing = FakeSlashing;
	type Eras = FakeEras;
	type StakedValue = FakeLst;
	type PalletId = AvsPalletId;
	type AvsDepositBase = ConstU128<DEPOSIT_BASE>;
	type AvsDepositPerByte = ConstU128<DEPOSIT_PER_BYTE>;
	type WithdrawalDelay = ConstU64<WITHDRAWAL_DELAY>;
	type DeallocationDelay = ConstU64<DEALLOCATION_DELAY>;
	type ConfigChangeDelay = ConstU64<CONFIG_CHANGE_DELAY>;
	type MaxMetadataLen = ConstU32<64>;
	type MaxAcceptedAssets = ConstU32<3>;
	type MaxOperatorsPerAvs = ConstU32<8>;
	type MaxAvsPerOperator = ConstU32<3>;
	type MaxRewardBudgets = ConstU32<3>;
	type MaxDistributionsPerBlock = MaxDistributionsPerBlock;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// Sets up the fakes for the benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::benchmarking::BenchmarkHelper<AccountId> for MockBenchmarkHelper {
	fn restakable_asset(i: u32) -> RestakeAsset {
		let asset = match i {
			0 => RestakeAsset::WithId(STBST),
			1 => RestakeAsset::Native,
			n => RestakeAsset::WithId(100 + n),
		};
		FakeRestakable::insert(&asset, ());
		asset
	}
	fn setup_operator(who: &AccountId, assets: &[RestakeAsset], stake: Balance) {
		FakeOperators::insert(who, ());
		for asset in assets {
			FakePools::insert(who, asset, PoolView { active_assets: stake, exiting_assets: 0 });
		}
	}
	fn allocate(operator: &AccountId, avs: AvsId, assets: &[RestakeAsset]) {
		for asset in assets {
			FakeAllocations::insert((operator, avs), asset, Perbill::one());
		}
	}
	fn set_active_era(era: EraIndex) {
		FakeEra::put(era);
	}
	fn fund(asset: &RestakeAsset, who: &AccountId, amount: Balance) {
		if let RestakeAsset::WithId(id) = asset {
			if !Assets::asset_exists(*id) {
				Assets::force_create(RuntimeOrigin::root(), *id, ALICE, true, 1).unwrap();
			}
		}
		<RestakeAssets as fungibles::Mutate<AccountId>>::mint_into(asset.clone(), who, amount)
			.unwrap();
	}
}

/// Genesis: users 1..=9 hold BST and every token; the fakes know BST, stBST and `OTHER` as
/// restakable; era 0; stBST at 1 BST.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut balances: Vec<(AccountId, Balance)> = (1..=9).map(|who| (who, USER_BALANCE)).collect();
	balances.extend((10..=40).map(|who| (who, 1_000 * UNIT)));
	balances.push((RESTAKING_ACCOUNT, UNIT));
	pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
	let tokens = [STBST, REWARD, OTHER, UNLISTED];
	pallet_assets::GenesisConfig::<Test> {
		assets: tokens.iter().map(|id| (*id, ALICE, true, 1)).collect(),
		accounts: tokens
			.iter()
			.flat_map(|id| (1..=9).map(move |who| (*id, who, USER_BALANCE)))
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_avs_registry::GenesisConfig::<Test>::default()
		.assimilate_storage(&mut storage)
		.unwrap();

	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		for asset in [RestakeAsset::Native, RestakeAsset::WithId(STBST), RestakeAsset::WithId(OTHER)] {
			FakeRestakable::insert(asset, ());
		}
	});
	ext
}

/// Runs `test` on a fresh genesis, then checks every invariant.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		AvsRegistry::do_try_state().expect("invariants hold after the test");
	});
}

/// Builds blocks up to `n`, running the registry's hook in each.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		AvsRegistry::on_initialize(next);
	}
}

/// Builds one block.
pub fn next_block() {
	run_to_block(System::block_number() + 1);
}

/// Starts the next era and builds blocks until its distribution round is over.
pub fn next_era() {
	FakeEra::mutate(|era| *era += 1);
	next_block();
	while crate::Round::<Test>::get().is_some() {
		next_block();
	}
}

/// A valid configuration: slasher `SLASHER`, council veto, 10% max slash, slash window 50,
/// veto window 20, BST and stBST accepted, no minimum stake, 8 operators, open, burn.
pub fn config() -> AvsConfigParams<AccountId, u64> {
	AvsConfigParams {
		slasher: SLASHER,
		veto: VetoPolicy::Council,
		max_slash_per_incident: Perbill::from_percent(10),
		slash_window: 50,
		veto_window: 20,
		accepted_assets: vec![RestakeAsset::Native, RestakeAsset::WithId(STBST)],
		min_operator_stake: 0,
		max_operators: 8,
		membership: Membership::Open,
		destination: SlashDestination::Burn,
		native_coupling: None,
	}
}

/// Makes `who` a restaking operator with `active` of each asset delegated.
pub fn make_operator(who: AccountId, pools: &[(RestakeAsset, Balance)]) {
	FakeOperators::insert(who, ());
	for (asset, active) in pools {
		FakePools::insert(who, asset, PoolView { active_assets: *active, exiting_assets: 0 });
	}
}

/// Makes `operator` allocate `fraction` of its pool of `asset` to `avs`.
pub fn allocate(operator: AccountId, avs: AvsId, asset: RestakeAsset, fraction: Perbill) {
	FakeAllocations::insert((operator, avs), asset, fraction);
}

/// Sets stBST's value to `num / den` BST.
pub fn set_rate(num: Balance, den: Balance) {
	FakeRate::put((num, den));
}

/// Everything credited to `operator` in `reward` (over its pools).
pub fn credited(operator: AccountId, reward: RestakeAsset) -> Balance {
	FakeCredited::iter_prefix(operator)
		.filter(|((_, r), _)| *r == reward)
		.map(|(_, amount)| amount)
		.sum()
}

/// What `operator` was credited in `reward` for its pool of `pool`.
pub fn credited_for_pool(operator: AccountId, pool: RestakeAsset, reward: RestakeAsset) -> Balance {
	FakeCredited::get(operator, (pool, reward))
}

/// `who`'s balance of `asset`.
pub fn balance(asset: RestakeAsset, who: AccountId) -> Balance {
	RestakeAssets::balance(asset, &who)
}

/// The registry's events in this test, newest last.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::AvsRegistry(e) => Some(e),
			_ => None,
		})
		.collect()
}
