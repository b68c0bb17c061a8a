//! What the restaking pallet shows through its runtime API.

use crate::{
	restaking::{AvsId, RestakeAsset, VaultId, WithdrawalId},
	AssetId, Balance,
};
use alloc::vec::Vec;
use codec::{Decode, Encode};
use scale_info::TypeInfo;
use sp_runtime::{FixedU128, Perbill};

/// An operator.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize), serde(rename_all = "camelCase"))]
pub struct OperatorInfo<AccountId, BlockNumber> {
	/// Its account.
	pub operator: AccountId,
	/// Its metadata.
	pub metadata: Vec<u8>,
	/// The commission in force.
	pub commission: Perbill,
	/// A scheduled commission change and its block.
	pub pending_commission: Option<(Perbill, BlockNumber)>,
	/// `Some(block)` when leaving: gone from that block.
	pub leaving_at: Option<BlockNumber>,
	/// The validator stash it linked.
	pub linked_stash: Option<AccountId>,
	/// Pending slashes freezing it.
	pub frozen: u32,
	/// Its pools.
	pub pools: Vec<PoolInfo<BlockNumber>>,
}

/// An allocation: the AVS, the fraction slashable now, and the fraction it is moving to
/// with the block it takes effect at.
pub type AllocationView<BlockNumber> = (AvsId, Perbill, Option<(Perbill, BlockNumber)>);

/// An operator's pool of one asset.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize), serde(rename_all = "camelCase"))]
pub struct PoolInfo<BlockNumber> {
	/// The asset.
	pub asset: RestakeAsset,
	/// Delegated, not exiting.
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::amount"))]
	pub active_assets: Balance,
	/// Shares of the active side.
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::amount"))]
	pub active_shares: Balance,
	/// Queued for withdrawal, still slashable.
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::amount"))]
	pub exiting_assets: Balance,
	/// Shares of the exiting side.
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::amount"))]
	pub exiting_shares: Balance,
	/// Its allocations: (AVS, fraction slashable now, fraction it is moving to and when).
	pub allocations: Vec<AllocationView<BlockNumber>>,
	/// Allocated in all, at the highest each allocation may reach (1.0 = unique stake).
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::fixed"))]
	pub leverage: FixedU128,
}

/// A delegator's position in one pool.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize), serde(rename_all = "camelCase"))]
pub struct PositionInfo<AccountId> {
	/// The operator.
	pub operator: AccountId,
	/// The asset.
	pub asset: RestakeAsset,
	/// Its shares.
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::amount"))]
	pub shares: Balance,
	/// What they are worth now.
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::amount"))]
	pub value: Balance,
}

/// A queued withdrawal.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize), serde(rename_all = "camelCase"))]
pub struct WithdrawalInfo<AccountId, BlockNumber> {
	/// Its id.
	pub id: WithdrawalId,
	/// The operator of the pool.
	pub operator: AccountId,
	/// The asset.
	pub asset: RestakeAsset,
	/// What it would pay now.
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::amount"))]
	pub value: Balance,
	/// From this block it can be completed.
	pub unlock_at: BlockNumber,
	/// Whether a pending slash of the operator holds it.
	pub frozen: bool,
}

/// A vault and its LRT.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize), serde(rename_all = "camelCase"))]
pub struct VaultInfo<AccountId> {
	/// Its id.
	pub id: VaultId,
	/// Its curator.
	pub curator: AccountId,
	/// The underlying asset.
	pub asset: RestakeAsset,
	/// The LRT's asset id.
	pub lrt: AssetId,
	/// Net asset value, in the underlying asset.
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::amount"))]
	pub nav: Balance,
	/// LRT in existence.
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::amount"))]
	pub supply: Balance,
	/// Underlying per LRT.
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::fixed"))]
	pub lrt_rate: FixedU128,
	/// Not yet delegated.
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::amount"))]
	pub idle: Balance,
	/// Target weights.
	pub operators: Vec<(AccountId, Perbill)>,
}
