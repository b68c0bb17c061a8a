//! Liquid staking: stBST, staked by the chain itself through pallet-staking.

use crate::{
	configs::{
		timing::BondingDuration,
		tokens::{TreasuryAccount, FIRST_PROTOCOL_ASSET_ID},
	},
	AccountId, Assets, Balances, Runtime, UNIT,
};
use bastion_primitives::AssetId;
use frame_support::{parameter_types, traits::ConstU32, PalletId};
use frame_system::EnsureRoot;
use sp_runtime::Perbill;

parameter_types! {
	pub const LiquidStakingPalletId: PalletId = PalletId(*b"bst/lqst");
	/// stBST: the first protocol asset id.
	pub const StakedAssetId: AssetId = STAKED_ASSET_ID;
	/// Per era (6 h) the rate rises at most 0.1%.
	pub const MaxRateIncreasePerEra: Perbill = Perbill::from_parts(1_000_000);
	/// 0.3%, above one era's largest rate increase.
	pub const FastRedeemFee: Perbill = Perbill::from_parts(3_000_000);
	/// 5% of the pool stays liquid for fast redemptions.
	pub const LiquidityBuffer: Perbill = Perbill::from_percent(5);
	pub const MaxProtocolFee: Perbill = Perbill::from_percent(20);
	/// Unbonding sub-pools open at once: one per era of the bonding duration, plus slack.
	pub MaxOpenSubPools: u32 = BondingDuration::get() + 4;
}

/// The pallet-assets id of stBST.
pub const STAKED_ASSET_ID: AssetId = FIRST_PROTOCOL_ASSET_ID;

impl pallet_liquid_staking::Config for Runtime {
	type Currency = Balances;
	type Assets = Assets;
	type StakedAssetId = StakedAssetId;
	type Staking = pallet_liquid_staking::adapter::PalletStaking<Runtime>;
	type PalletId = LiquidStakingPalletId;
	type MaxStashes = ConstU32<4>;
	type MaxTargets = ConstU32<32>;
	type MinMint = frame_support::traits::ConstU128<{ UNIT / 10 }>;
	type MinRedeem = frame_support::traits::ConstU128<{ UNIT / 10 }>;
	type MaxProtocolFee = MaxProtocolFee;
	type FastRedeemFee = FastRedeemFee;
	type MaxRateIncreasePerEra = MaxRateIncreasePerEra;
	type LiquidityBuffer = LiquidityBuffer;
	type MaxRequestsPerAccount = ConstU32<32>;
	type MaxOpenSubPools = MaxOpenSubPools;
	type MaxPayoutsPerBlock = ConstU32<1>;
	type ProtocolFeeRecipient = TreasuryAccount;
	type AdminOrigin = EnsureRoot<AccountId>;
	type WeightInfo = pallet_liquid_staking::weights::SubstrateWeight<Runtime>;
}
