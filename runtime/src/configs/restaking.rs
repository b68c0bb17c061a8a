//! Restaking (operators, pools, allocations, LRT vaults) and the AVS registry.

use crate::{
	configs::{
		liquid_staking::STAKED_ASSET_ID,
		timing::{BondingDuration, EraDurationInBlocks},
		tokens::{TreasuryAccount, FIRST_PROTOCOL_ASSET_ID},
	},
	AccountId, Assets, Balances, BlockNumber, CrossSlashing, LiquidStaking, Runtime,
	RuntimeHoldReason, Signature, AvsRegistry, UNIT,
};
use bastion_primitives::{restaking::RestakeAsset, AssetId};
use frame_support::{
	parameter_types,
	traits::{
		fungible::{NativeFromLeft, NativeOrWithId, UnionOf},
		ConstU128, ConstU32,
	},
	PalletId,
};
use frame_system::EnsureRoot;
use sp_runtime::traits::Verify;

/// BST and every pallet-assets token as one `fungibles`, BST as `Native`.
pub type RestakableAssets = UnionOf<Balances, Assets, NativeFromLeft, NativeOrWithId<AssetId>, AccountId>;

/// stBST as a restakable asset.
pub const STAKED_BST: RestakeAsset = NativeOrWithId::WithId(STAKED_ASSET_ID);

/// The first LRT's asset id: right after stBST in the protocol's id range.
pub const FIRST_LRT_ASSET_ID: AssetId = FIRST_PROTOCOL_ASSET_ID + 1;

parameter_types! {
	pub const RestakingPalletId: PalletId = PalletId(*b"bst/rstk");
	/// A withdrawal waits the bonding duration, so restaked stake leaves no faster than
	/// natively bonded stake.
	pub WithdrawalDelay: BlockNumber = BondingDuration::get() * EraDurationInBlocks::get();
	/// A decreased allocation stays slashable as long as a withdrawal.
	pub DeallocationDelay: BlockNumber = WithdrawalDelay::get();
	/// An increase counts after one era.
	pub AllocationDelay: BlockNumber = EraDurationInBlocks::get();
	/// Commission changes wait as long as a withdrawal, so delegators can leave first.
	pub CommissionDelay: BlockNumber = WithdrawalDelay::get();
}

impl pallet_restaking::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Assets = RestakableAssets;
	type LrtAssets = Assets;
	type Avs = AvsRegistry;
	type StashSignature = Signature;
	type StashSigner = <Signature as Verify>::Signer;
	type AssetAdminOrigin = EnsureRoot<AccountId>;
	type TreasuryAccount = TreasuryAccount;
	type PalletId = RestakingPalletId;
	type OperatorDeposit = ConstU128<{ 100 * UNIT }>;
	type VaultDeposit = ConstU128<{ 100 * UNIT }>;
	type VaultDeadDeposit = ConstU128<UNIT>;
	type MinDelegation = ConstU128<{ UNIT / 100 }>;
	type CommissionDelay = CommissionDelay;
	type WithdrawalDelay = WithdrawalDelay;
	type AllocationDelay = AllocationDelay;
	type DeallocationDelay = DeallocationDelay;
	// Unique stake: a pool's allocations sum to at most 100%.
	type MaxRestakeLeverage = ConstU32<100>;
	type MaxMetadataLen = ConstU32<256>;
	type MaxLrtNameLen = ConstU32<32>;
	type MaxAssetsPerOperator = ConstU32<8>;
	// Cross-slashing visits every AVS an operator allocates to when a native slash lands
	// (its `MaxAvsPerOperator` is this bound), so none can be pushed out of reach.
	type MaxAllocations = ConstU32<16>;
	type MaxVaultOperators = ConstU32<16>;
	type MaxRewardAssets = ConstU32<4>;
	type MaxWithdrawalsPerAccount = ConstU32<64>;
	type WeightInfo = pallet_restaking::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::RestakingHelper;
}

parameter_types! {
	pub const AvsRegistryPalletId: PalletId = PalletId(*b"bst/avsr");
	/// A harsher AVS configuration waits a withdrawal delay and a day more (production), so
	/// delegators see it coming and can leave first.
	pub ConfigChangeDelay: BlockNumber = WithdrawalDelay::get() + CONFIG_CHANGE_MARGIN;
}

/// What a harsher AVS configuration waits beyond the withdrawal delay.
#[cfg(not(feature = "fast-runtime"))]
const CONFIG_CHANGE_MARGIN: BlockNumber = crate::DAYS;
#[cfg(feature = "fast-runtime")]
const CONFIG_CHANGE_MARGIN: BlockNumber = 10;

impl pallet_avs_registry::Config for Runtime {
	type Currency = Balances;
	type Assets = RestakableAssets;
	type Restaking = crate::Restaking;
	type Slashing = CrossSlashing;
	type Eras = pallet_liquid_staking::adapter::PalletStaking<Runtime>;
	type StakedValue = LiquidStaking;
	type PalletId = AvsRegistryPalletId;
	type AvsDepositBase = ConstU128<{ 100 * UNIT }>;
	type AvsDepositPerByte = ConstU128<{ UNIT / 100 }>;
	type WithdrawalDelay = WithdrawalDelay;
	type DeallocationDelay = DeallocationDelay;
	type ConfigChangeDelay = ConfigChangeDelay;
	type MaxMetadataLen = ConstU32<256>;
	type MaxAcceptedAssets = ConstU32<4>;
	type MaxOperatorsPerAvs = ConstU32<128>;
	type MaxAvsPerOperator = ConstU32<16>;
	type MaxRewardBudgets = ConstU32<4>;
	type MaxDistributionsPerBlock = ConstU32<16>;
	type WeightInfo = pallet_avs_registry::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::AvsRegistryHelper;
}
