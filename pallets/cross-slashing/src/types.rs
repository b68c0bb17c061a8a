//! Pending slashes, the cap ledger, and why a propagated slash was skipped.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use scale_info::TypeInfo;
use sp_runtime::Perbill;

pub use bastion_primitives::{
	restaking::{AvsId, RestakeAsset, SlashDestination, VetoPolicy},
	slashing::{PoolSlash, PoolSlashStatus, SlashId, SlashOutcome, SlashRecord, SlashSource},
};

/// A slash waiting for its veto window to end.
///
/// Everything its execution needs is recorded at request: the fraction of each pool
/// allocated to the AVS (so a later deallocation, opt-out or leave can't shrink it), where
/// the assets go and who may veto (so a later change of the AVS's terms, a pause or a
/// deregistration can't wipe it). Execution only talks to restaking.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	TypeInfo,
	MaxEncodedLen,
)]
#[scale_info(skip_type_params(MaxAssets, MaxEvidence))]
pub struct PendingSlash<AccountId, BlockNumber, MaxAssets: Get<u32>, MaxEvidence: Get<u32>>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// The AVS it is for.
	pub avs: AvsId,
	/// The operator it slashes.
	pub operator: AccountId,
	/// The fraction of the stake allocated to the AVS it takes.
	pub fraction: Perbill,
	/// Requested by the AVS's slasher, or propagated from a base-chain slash.
	pub source: SlashSource<AccountId>,
	/// The block of the offence (of the base-chain slash for propagated slashes).
	pub offence_block: BlockNumber,
	/// When it was requested.
	pub requested_at: BlockNumber,
	/// From this block it may be executed and no longer vetoed.
	pub executable_at: BlockNumber,
	/// The fraction of each pool of the operator allocated to the AVS at request (only
	/// non-zero ones).
	pub allocations: BoundedVec<(RestakeAsset, Perbill), MaxAssets>,
	/// Who may veto it: the AVS's policy at request.
	pub veto: VetoPolicy<AccountId>,
	/// Where the slashed assets go: the AVS's destination at request.
	pub destination: SlashDestination<AccountId>,
	/// The evidence given (for propagated slashes: the base-chain slash, encoded).
	pub evidence: BoundedVec<u8, MaxEvidence>,
	/// `blake2_256((avs, evidence))`: requests by slashers are refused when it was used.
	pub evidence_hash: [u8; 32],
	/// Whether it is in the automatic-execution queue.
	pub queued: bool,
}

/// A slash counted by the correlated-risk cap of one pool.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Copy, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub struct CapEntry<BlockNumber> {
	/// When it was executed: it counts until `at + CapWindow`.
	pub at: BlockNumber,
	/// The fraction of the pool it took.
	pub taken: Perbill,
}

/// Why a base-chain slash was not propagated to a coupled AVS.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Copy, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub enum SkipReason {
	/// The operator allocates nothing to the AVS: there is nothing it could slash.
	NotAllocated,
	/// The operator has `MaxPendingPerOperator` pending slashes already.
	TooManyPending,
	/// Slash ids or block numbers would overflow.
	Overflow,
}
