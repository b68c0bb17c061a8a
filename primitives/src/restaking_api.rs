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

/// An operator's pool of one asset.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct PoolInfo<BlockNumber> {
	/// The asset.
	pub asset: RestakeAsset,
	/// Delegated, not exiting.
	pub active_assets: Balance,
	/// Shares of the active side.
	pub active_shares: Balance,
	/// Queued for withdrawal, still slashable.
	pub exiting_assets: Balance,
	/// Shares of the exiting side.
	pub exiting_shares: Balance,
	/// Its allocations: (AVS, fraction slashable now, fraction it is moving to and when).
	pub allocations: Vec<(AvsId, Perbill, Option<(Perbill, BlockNumber)>)>,
	/// Allocated in all, at the highest each allocation may reach (1.0 = unique stake).
	pub leverage: FixedU128,
}

/// A delegator's position in one pool.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct PositionInfo<AccountId> {
	/// The operator.
	pub operator: AccountId,
	/// The asset.
	pub asset: RestakeAsset,
	/// Its shares.
	pub shares: Balance,
	/// What they are worth now.
	pub value: Balance,
}

/// A queued withdrawal.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct WithdrawalInfo<AccountId, BlockNumber> {
	/// Its id.
	pub id: WithdrawalId,
	/// The operator of the pool.
	pub operator: AccountId,
	/// The asset.
	pub asset: RestakeAsset,
	/// What it would pay now.
	pub value: Balance,
	/// From this block it can be completed.
	pub unlock_at: BlockNumber,
	/// Whether a pending slash of the operator holds it.
	pub frozen: bool,
}

/// A vault and its LRT.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
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
	pub nav: Balance,
	/// LRT in existence.
	pub supply: Balance,
	/// Underlying per LRT.
	pub lrt_rate: FixedU128,
	/// Not yet delegated.
	pub idle: Balance,
	/// Target weights.
	pub operators: Vec<(AccountId, Perbill)>,
}
