//! Operators, pools, delegations, withdrawals, allocations and vaults.

use bastion_primitives::{AssetId, Balance};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::Get, BoundedVec};
use scale_info::TypeInfo;
use sp_runtime::Perbill;

pub use bastion_primitives::restaking::{AvsId, RestakeAsset, VaultId, WithdrawalId};

/// Where an operator stands.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, Copy, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub enum OperatorStatus<BlockNumber> {
	/// Takes delegations and allocates.
	Active,
	/// Takes no new delegation or allocation; its allocations are being withdrawn; it is gone
	/// (and its deposit back) from `until`.
	Leaving { until: BlockNumber },
}

/// A registered operator.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(MaxMetadata))]
pub struct Operator<AccountId, BlockNumber, MaxMetadata: Get<u32>> {
	/// Free-form description (name, website, keys), bounded.
	pub metadata: BoundedVec<u8, MaxMetadata>,
	/// Its share of the rewards credited to its pools, taken first.
	pub commission: Perbill,
	/// A commission change and the block it takes effect at.
	pub pending_commission: Option<(Perbill, BlockNumber)>,
	/// Active or leaving.
	pub status: OperatorStatus<BlockNumber>,
	/// The validator stash it runs, through which base-chain slashes find it.
	pub linked_stash: Option<AccountId>,
	/// Pending slashes: while non-zero, withdrawals from its pools do not complete and its
	/// allocations do not decrease.
	pub frozen: u32,
	/// BST held while it is registered.
	pub deposit: Balance,
}

impl<AccountId, BlockNumber: PartialOrd + Copy, MaxMetadata: Get<u32>>
	Operator<AccountId, BlockNumber, MaxMetadata>
{
	/// The commission in force at `now`.
	pub fn commission_at(&self, now: BlockNumber) -> Perbill {
		match self.pending_commission {
			Some((next, at)) if at <= now => next,
			_ => self.commission,
		}
	}

	/// Whether it takes delegations and allocations.
	pub fn is_active(&self) -> bool {
		matches!(self.status, OperatorStatus::Active)
	}
}

/// An operator's pool of one asset: delegators hold shares of the active side; queued
/// withdrawals hold shares of the exiting side. A slash takes the same fraction of both
/// sides' assets, whatever the number of holders.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen, Default,
)]
pub struct Pool {
	/// Shares held by delegations of the current `epoch`.
	pub active_shares: Balance,
	/// Assets those shares are worth.
	pub active_assets: Balance,
	/// Shares held by withdrawals of the current `exiting_epoch`.
	pub exiting_shares: Balance,
	/// Assets those shares are worth.
	pub exiting_assets: Balance,
	/// Bumped when a slash empties the active side: older delegations are worth nothing and
	/// the next delegation starts the pool afresh (no division by zero).
	pub epoch: u32,
	/// The same for the exiting side.
	pub exiting_epoch: u32,
}

/// A delegator's shares in a pool.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen, Default,
)]
pub struct Delegation {
	/// Shares of the pool's active side.
	pub shares: Balance,
	/// The pool epoch they belong to.
	pub epoch: u32,
}

/// A queued withdrawal: shares of a pool's exiting side, paid at their value when completed.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Withdrawal<AccountId, BlockNumber> {
	/// Who is paid.
	pub owner: AccountId,
	/// The operator of the pool.
	pub operator: AccountId,
	/// The pool's asset.
	pub asset: RestakeAsset,
	/// Shares of the exiting side.
	pub shares: Balance,
	/// The exiting epoch they belong to.
	pub epoch: u32,
	/// From this block it can be completed (if the operator is not frozen).
	pub unlock_at: BlockNumber,
}

/// A restakable asset.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, Copy, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen, Default,
)]
pub struct AssetInfo {
	/// The most that may be restaked (active and exiting) at once.
	pub cap: Balance,
	/// What is restaked now, in all pools and vaults' idle funds.
	pub total: Balance,
}

/// An operator's allocation of a pool to an AVS.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, Copy, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen, Default,
)]
pub struct Allocation<BlockNumber> {
	/// The fraction slashable now.
	pub current: Perbill,
	/// The requested fraction and the block it takes effect at (after `AllocationDelay` for
	/// an increase, `DeallocationDelay` for a decrease).
	pub pending: Option<(Perbill, BlockNumber)>,
}

impl<BlockNumber: PartialOrd + Copy> Allocation<BlockNumber> {
	/// The fraction slashable at `now`.
	pub fn at(&self, now: BlockNumber) -> Perbill {
		match self.pending {
			Some((next, at)) if at <= now => next,
			_ => self.current,
		}
	}

	/// The largest fraction it is or may become at `now` (what counts against the leverage
	/// cap): a matured change is simply in force.
	pub fn ceiling(&self, now: BlockNumber) -> Perbill {
		match self.pending {
			Some((next, at)) if at <= now => next,
			Some((next, _)) => next.max(self.current),
			None => self.current,
		}
	}

	/// The same allocation with a matured change applied.
	pub fn settled(mut self, now: BlockNumber) -> Self {
		self.current = self.at(now);
		if self.pending.is_some_and(|(_, at)| at <= now) {
			self.pending = None;
		}
		self
	}
}

/// An LRT vault: one underlying asset spread over operators by weight; LRT is its share.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(MaxOperators))]
pub struct Vault<AccountId, MaxOperators: Get<u32>> {
	/// Who sets the weights.
	pub curator: AccountId,
	/// The underlying asset.
	pub asset: RestakeAsset,
	/// The LRT's pallet-assets id.
	pub lrt: AssetId,
	/// Target weights over operators; they sum to at most 100%.
	pub operators: BoundedVec<(AccountId, Perbill), MaxOperators>,
	/// Deposits not delegated yet.
	pub idle: Balance,
	/// LRT in existence (dead shares included).
	pub supply: Balance,
}
