//! What restaking, the AVS registry and cross-service slashing say to each other.
//!
//! - [`Restaking`]: implemented by pallet-restaking; read by the registry (stake allocated
//!   to an AVS) and cross-slashing (what a slash would take), written by them (slash a pool,
//!   freeze an operator, credit rewards, deallocate on opt-out).
//! - [`AvsDirectory`]: implemented by pallet-avs-registry; restaking asks it whether an
//!   operator may allocate to an AVS, cross-slashing reads each AVS's slashing terms.
//! - [`PendingSlashes`]: implemented by pallet-cross-slashing; the registry asks it before
//!   an AVS leaves, restaking before a withdrawal completes (through the freeze).

use crate::{AssetId, Balance};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{DispatchError, DispatchResult, Perbill};
use sp_staking::EraIndex;

pub use frame_support::traits::fungible::NativeOrWithId;

/// An asset that can be restaked: BST itself, or a pallet-assets token (stBST first).
pub type RestakeAsset = NativeOrWithId<AssetId>;

/// The id of an AVS in the registry.
pub type AvsId = u32;

/// The id of an LRT vault.
pub type VaultId = u32;

/// The id of a queued withdrawal.
pub type WithdrawalId = u64;

/// Where slashed assets go.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
pub enum SlashDestination<AccountId> {
	/// Destroyed.
	Burn,
	/// Sent to the chain's treasury account.
	Treasury,
	/// Sent to this account (e.g. the AVS's insurance fund or its harmed users).
	Account(AccountId),
}

/// An operator's pool of one asset, as the other pallets see it.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, Copy, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen, Default,
)]
pub struct PoolView {
	/// Assets delegated and not exiting.
	pub active_assets: Balance,
	/// Assets queued for withdrawal: still slashable until their delay is over.
	pub exiting_assets: Balance,
}

impl PoolView {
	/// Everything at stake in the pool.
	pub fn slashable(&self) -> Balance {
		self.active_assets.saturating_add(self.exiting_assets)
	}
}

/// What a slash took from a pool.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, Copy, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen, Default,
)]
pub struct SlashedAmounts {
	/// Taken from the active side.
	pub active: Balance,
	/// Taken from queued withdrawals.
	pub exiting: Balance,
}

impl SlashedAmounts {
	/// Taken in all.
	pub fn total(&self) -> Balance {
		self.active.saturating_add(self.exiting)
	}
}

/// Operators, their pools and allocations, as the other pallets use them.
pub trait Restaking<AccountId> {
	/// Whether `who` is a registered operator (leaving or not).
	fn is_operator(who: &AccountId) -> bool;
	/// Whether `asset` is on restaking's whitelist (its cap aside): the registry lets an AVS
	/// accept only such assets.
	fn is_restakable(asset: &RestakeAsset) -> bool;
	/// The operator that linked validator stash `stash`.
	fn operator_of_stash(stash: &AccountId) -> Option<AccountId>;
	/// The assets `operator` has pools of.
	fn operator_assets(operator: &AccountId) -> Vec<RestakeAsset>;
	/// `operator`'s pool of `asset`.
	fn pool(operator: &AccountId, asset: &RestakeAsset) -> Option<PoolView>;
	/// The fraction of `operator`'s pool of `asset` slashable by `avs` now: an increase
	/// counts once effective, a decrease only once its delay is over.
	fn allocation(operator: &AccountId, avs: AvsId, asset: &RestakeAsset) -> Perbill;
	/// The AVSs that may slash some pool of `operator` now (an allocation above zero, a
	/// decrease still in its delay included), each once. Cross-slashing propagates native
	/// slashes to these rather than to the AVSs the operator is a member of: leaving an AVS
	/// does not end its claim on the stake before the deallocation delay does.
	fn allocated_avss(operator: &AccountId) -> Vec<AvsId>;
	/// `allocation * (active + exiting)`: the stake `avs` can slash.
	fn allocated_stake(operator: &AccountId, avs: AvsId, asset: &RestakeAsset) -> Balance {
		Self::pool(operator, asset)
			.map(|pool| Self::allocation(operator, avs, asset) * pool.slashable())
			.unwrap_or(0)
	}

	/// Slashes `fraction` of `operator`'s pool of `asset`, active and exiting sides alike, in
	/// O(1); the slashed assets go to `destination`.
	fn slash_pool(
		operator: &AccountId,
		asset: &RestakeAsset,
		fraction: Perbill,
		destination: &SlashDestination<AccountId>,
	) -> Result<SlashedAmounts, DispatchError>;
	/// Stops `operator`'s withdrawals from completing and its allocations from decreasing,
	/// until as many `unfreeze` calls (one per pending slash).
	fn freeze(operator: &AccountId);
	/// Undoes one `freeze`.
	fn unfreeze(operator: &AccountId);
	/// Credits `amount` of `reward_asset`, already in `from`, as rewards of `operator`'s pool
	/// of `pool_asset`: the operator's commission first, the rest to the pool's delegators.
	fn credit_rewards(
		operator: &AccountId,
		pool_asset: &RestakeAsset,
		reward_asset: &RestakeAsset,
		amount: Balance,
		from: &AccountId,
	) -> DispatchResult;
	/// Starts deallocating everything `operator` allocated to `avs` (it left the AVS); the
	/// deallocation delay still applies.
	fn deallocate_all(operator: &AccountId, avs: AvsId);
}

/// How an AVS may be vetoed.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
pub enum VetoPolicy<AccountId> {
	/// The chain's security council.
	Council,
	/// A named committee account (a multisig, or a collective's account).
	Committee(AccountId),
}

/// An AVS's slashing terms, as cross-slashing applies them.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct SlashingTerms<AccountId, BlockNumber> {
	/// Who may request slashes.
	pub slasher: AccountId,
	/// Who may veto them.
	pub veto: VetoPolicy<AccountId>,
	/// The most one incident may slash of an operator's allocated stake.
	pub max_slash_per_incident: Perbill,
	/// How old an offence may be when its slash is requested.
	pub slash_window: BlockNumber,
	/// How long a requested slash waits for a veto.
	pub veto_window: BlockNumber,
	/// Where slashed assets go.
	pub destination: SlashDestination<AccountId>,
	/// If set, a native (base-chain) slash of an operator's linked validator becomes a
	/// pending slash of this fraction here.
	pub native_coupling: Option<Perbill>,
}

/// The AVS registry as restaking and cross-slashing see it.
pub trait AvsDirectory<AccountId, BlockNumber> {
	/// Whether `avs` is registered and not paused.
	fn is_active(avs: AvsId) -> bool;
	/// Whether `avs` takes `asset` as security.
	fn accepts_asset(avs: AvsId, asset: &RestakeAsset) -> bool;
	/// Whether `operator` is a member of `avs`.
	fn is_member(avs: AvsId, operator: &AccountId) -> bool;
	/// The slashing terms of `avs` in force now (registered, paused or not).
	fn slashing_terms(avs: AvsId) -> Option<SlashingTerms<AccountId, BlockNumber>>;
}

/// Cross-slashing's pending slashes, as the registry sees them.
pub trait PendingSlashes<AccountId> {
	/// Whether any slash requested by `avs` is still pending.
	fn avs_has_pending(avs: AvsId) -> bool;
	/// Whether any slash of `operator` is pending.
	fn operator_has_pending(operator: &AccountId) -> bool;
}

/// Staking eras, for pallets that work per era but do not stake.
pub trait EraClock {
	/// Staking's active era.
	fn active_era() -> EraIndex;
}
