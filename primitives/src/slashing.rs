//! Cross-service slashing as its events, storage and runtime API show it.
//!
//! A slash is requested by an AVS's slasher (or propagated from a base-chain slash), waits
//! out the AVS's veto window, and is then executed on every pool of the operator it was
//! allocated from, each as one [`PoolSlash`]. [`SlashRecord`] is generic over the container
//! of pool outcomes: a bounded vector in storage, a `Vec` in the runtime API.

use crate::{
	restaking::{AvsId, RestakeAsset, SlashDestination},
	Balance,
};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::Perbill;

/// The id of a slash (requested or propagated); ids are never reused.
pub type SlashId = u64;

/// Where a slash comes from.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
pub enum SlashSource<AccountId> {
	/// Requested by the AVS's slasher with evidence.
	Slasher,
	/// Propagated from pallet-staking's slash of `stash`, a validator stash the operator
	/// linked, at the AVS's native-coupling factor.
	Native {
		/// The slashed stash.
		stash: AccountId,
	},
}

/// How the slash of one pool went.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Copy, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
pub enum PoolSlashStatus {
	/// Slashed; the assets went to the AVS's destination.
	ToDestination,
	/// Slashed; the destination refused the assets (e.g. below its minimum balance), so they
	/// were burnt instead. Delegators lose the same either way.
	Burnt,
	/// Restaking refused the slash even as a burn: nothing was taken and nothing counts
	/// against the cap. Restaking's own error is in the node's log.
	Failed,
}

/// What a slash takes (or took) from one pool of the operator.
///
/// Fractions are of the whole pool (active and exiting sides alike):
/// `requested = slash fraction × allocation`, `applied = requested - capped`.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
#[cfg_attr(feature = "std", derive(serde::Serialize), serde(rename_all = "camelCase"))]
pub struct PoolSlash {
	/// The pool's asset.
	pub asset: RestakeAsset,
	/// The fraction of the pool allocated to the AVS the slash uses (recorded at request).
	pub allocation: Perbill,
	/// The fraction of the pool the slash asked for.
	pub requested: Perbill,
	/// The fraction of the pool taken, after the correlated-risk cap.
	pub applied: Perbill,
	/// The fraction the cap kept from being taken.
	pub capped: Perbill,
	/// Taken from the active side.
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::amount"))]
	pub active: Balance,
	/// Taken from queued withdrawals (the exiting side).
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::amount"))]
	pub exiting: Balance,
	/// Where the assets went.
	pub status: PoolSlashStatus,
}

/// How a slash ended.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
pub enum SlashOutcome<Pools> {
	/// Executed: what it took from each pool.
	Executed {
		/// One entry per pool slashed.
		pools: Pools,
	},
	/// Cancelled by the AVS's veto origin.
	Vetoed,
}

/// A resolved (executed or vetoed) slash of an operator.
///
/// `Pools` is a bounded vector of [`PoolSlash`] in storage and `Vec<PoolSlash>` in the
/// runtime API.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
#[cfg_attr(feature = "std", derive(serde::Serialize), serde(rename_all = "camelCase"))]
pub struct SlashRecord<AccountId, BlockNumber, Pools> {
	/// The slash's id.
	pub id: SlashId,
	/// The AVS it was for.
	pub avs: AvsId,
	/// The fraction of the allocated stake it asked for.
	pub fraction: Perbill,
	/// Requested by the slasher, or propagated from a base-chain slash.
	pub source: SlashSource<AccountId>,
	/// The block of the offence (for propagated slashes: of the base-chain slash).
	pub offence_block: BlockNumber,
	/// When it was requested.
	pub requested_at: BlockNumber,
	/// When it was executed or vetoed.
	pub resolved_at: BlockNumber,
	/// Where the slashed assets were sent.
	pub destination: SlashDestination<AccountId>,
	/// Executed (with every amount) or vetoed.
	pub outcome: SlashOutcome<Pools>,
}

/// A resolved slash, as the runtime API returns it.
pub type SlashRecordInfo<AccountId, BlockNumber> = SlashRecord<AccountId, BlockNumber, Vec<PoolSlash>>;

/// A pending slash, as the runtime API returns it.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize), serde(rename_all = "camelCase"))]
pub struct PendingSlashInfo<AccountId, BlockNumber> {
	/// Its id.
	pub id: SlashId,
	/// The AVS it is for.
	pub avs: AvsId,
	/// The operator it slashes.
	pub operator: AccountId,
	/// The fraction of the allocated stake it asks for.
	pub fraction: Perbill,
	/// Requested by the slasher, or propagated from a base-chain slash.
	pub source: SlashSource<AccountId>,
	/// The block of the offence.
	pub offence_block: BlockNumber,
	/// When it was requested.
	pub requested_at: BlockNumber,
	/// From this block it can be executed (by anyone) and no longer vetoed.
	pub executable_at: BlockNumber,
	/// Whether the chain executes it by itself (false only when the automatic-execution
	/// queue was full at request: then anyone must call `execute_slash`).
	pub auto_execute: bool,
	/// The evidence given with the request.
	pub evidence: Vec<u8>,
	/// The fraction of each pool allocated to the AVS, recorded at request: what the slash
	/// will use whatever is deallocated meanwhile.
	pub allocations: Vec<(RestakeAsset, Perbill)>,
	/// Where the slashed assets will go.
	pub destination: SlashDestination<AccountId>,
}

/// How much more of one pool of an operator may be slashed in the current cap window.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize), serde(rename_all = "camelCase"))]
pub struct SlashCapacity<BlockNumber> {
	/// The pool's asset.
	pub asset: RestakeAsset,
	/// What slashes executed in the last `CapWindow` blocks took of the pool, compounded:
	/// `1 - Π(1 - applied)`.
	pub slashed_in_window: Perbill,
	/// The largest fraction of the pool a slash executed now could still take.
	pub remaining: Perbill,
	/// When the oldest slash counted falls out of the window (capacity grows then).
	pub frees_at: Option<BlockNumber>,
}
