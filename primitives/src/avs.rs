//! The AVS registry's records as its calls take them and as its runtime API shows them.
//!
//! [`AvsConfig`] is generic over the container of accepted assets: calls take it with a
//! `Vec` (so that too many assets is a typed error, not a decoding failure), the registry
//! stores it with a bounded vector, and the runtime API returns it with a `Vec` again.

use crate::{
	restaking::{AvsId, RestakeAsset, SlashDestination, SlashingTerms, VetoPolicy},
	Balance,
};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::Perbill;

/// Who may join an AVS.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, Copy, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
pub enum Membership {
	/// Any restaking operator meeting the minimum stake.
	Open,
	/// Only operators the AVS owner approved.
	AllowList,
}

/// Whether an AVS takes new operators and allocations.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, Copy, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
pub enum AvsStatus {
	/// Running: operators may join and allocate.
	Active,
	/// Paused by its owner: no one may join or allocate more; slashing terms, rewards and
	/// exits go on.
	Paused,
}

/// An AVS's parameters: its slashing terms and its membership rules.
///
/// `Assets` is `Vec<RestakeAsset>` in calls and the runtime API, a bounded vector in storage.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize), serde(rename_all = "camelCase"))]
pub struct AvsConfig<AccountId, BlockNumber, Assets> {
	/// Who may request slashes of the AVS's operators.
	pub slasher: AccountId,
	/// Who may veto those requests.
	pub veto: VetoPolicy<AccountId>,
	/// The most one incident may slash of an operator's stake allocated to the AVS.
	pub max_slash_per_incident: Perbill,
	/// How old (in blocks) an offence may be when its slash is requested. At most the
	/// restaking withdrawal and deallocation delays, so that no stake escapes a slash it was
	/// exposed to.
	pub slash_window: BlockNumber,
	/// How long (in blocks) a requested slash waits for a veto. Shorter than the slash window.
	pub veto_window: BlockNumber,
	/// The restakable assets the AVS takes as security: not empty, no duplicates.
	pub accepted_assets: Assets,
	/// The least stake, valued in BST, an operator must have delegated (active side of its
	/// pools of accepted assets) to join.
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::amount"))]
	pub min_operator_stake: Balance,
	/// The most operators the AVS takes (at most the chain's `MaxOperatorsPerAvs`).
	pub max_operators: u32,
	/// Open, or by approval of the owner.
	pub membership: Membership,
	/// Where slashed assets go.
	pub destination: SlashDestination<AccountId>,
	/// If set, a native (base-chain) slash of a member's linked validator becomes a pending
	/// slash of this fraction here.
	pub native_coupling: Option<Perbill>,
}

impl<AccountId: Clone, BlockNumber: Clone, Assets> AvsConfig<AccountId, BlockNumber, Assets> {
	/// The slashing terms, as cross-slashing applies them.
	pub fn slashing_terms(&self) -> SlashingTerms<AccountId, BlockNumber> {
		SlashingTerms {
			slasher: self.slasher.clone(),
			veto: self.veto.clone(),
			max_slash_per_incident: self.max_slash_per_incident,
			slash_window: self.slash_window.clone(),
			veto_window: self.veto_window.clone(),
			destination: self.destination.clone(),
			native_coupling: self.native_coupling,
		}
	}

	/// The same parameters with the accepted assets in another container.
	pub fn map_assets<Other>(self, f: impl FnOnce(Assets) -> Other) -> AvsConfig<AccountId, BlockNumber, Other> {
		AvsConfig {
			slasher: self.slasher,
			veto: self.veto,
			max_slash_per_incident: self.max_slash_per_incident,
			slash_window: self.slash_window,
			veto_window: self.veto_window,
			accepted_assets: f(self.accepted_assets),
			min_operator_stake: self.min_operator_stake,
			max_operators: self.max_operators,
			membership: self.membership,
			destination: self.destination,
			native_coupling: self.native_coupling,
		}
	}
}

/// An AVS's parameters as calls take them and the runtime API shows them.
pub type AvsConfigParams<AccountId, BlockNumber> = AvsConfig<AccountId, BlockNumber, Vec<RestakeAsset>>;

/// An AVS at a glance.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize), serde(rename_all = "camelCase"))]
pub struct AvsSummary<AccountId, BlockNumber> {
	/// Its id.
	pub id: AvsId,
	/// Who registered it (and holds its deposit).
	pub owner: AccountId,
	/// Its metadata (a URI or a short description), as registered.
	pub metadata: Vec<u8>,
	/// Active or paused.
	pub status: AvsStatus,
	/// The parameters in force now.
	pub config: AvsConfigParams<AccountId, BlockNumber>,
	/// A harsher change waiting for its delay, and the block it takes effect at.
	pub pending_config: Option<(AvsConfigParams<AccountId, BlockNumber>, BlockNumber)>,
	/// How many operators are members.
	pub operator_count: u32,
	/// The deposit held from the owner.
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::amount"))]
	pub deposit: Balance,
	/// The block it was registered at.
	pub registered_at: BlockNumber,
}

/// An operator's stake in one asset, allocated to an AVS.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize), serde(rename_all = "camelCase"))]
pub struct AssetStake {
	/// The asset.
	pub asset: RestakeAsset,
	/// The amount the AVS can slash (allocation times the pool's active and exiting assets).
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::amount"))]
	pub allocated: Balance,
	/// Its value in BST; `None` for assets the chain can't price (neither BST nor stBST).
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::optional_amount"))]
	pub bst_value: Option<Balance>,
}

/// A member of an AVS and what it allocated to it.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize), serde(rename_all = "camelCase"))]
pub struct OperatorStake<AccountId, BlockNumber> {
	/// The operator.
	pub operator: AccountId,
	/// When it joined.
	pub joined_at: BlockNumber,
	/// Its allocated stake in each accepted asset.
	pub stakes: Vec<AssetStake>,
	/// The sum of the priced stakes, in BST.
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::amount"))]
	pub bst_value: Balance,
}

/// How much security an AVS has and how concentrated it is.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize), serde(rename_all = "camelCase"))]
pub struct AvsRisk<AccountId> {
	/// The AVS.
	pub avs: AvsId,
	/// How many operators are members.
	pub operator_count: u32,
	/// The stake it can slash, over all members, valued in BST (priced assets only).
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::amount"))]
	pub slashable_bst: Balance,
	/// The stake it can slash per accepted asset, in the asset's own unit.
	pub slashable_per_asset: Vec<AssetStake>,
	/// The member with the most stake (in BST), if any has some.
	pub largest_operator: Option<AccountId>,
	/// That member's stake, in BST.
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::amount"))]
	pub largest_bst: Balance,
	/// `largest_bst / slashable_bst`: how much of the AVS's security one operator holds.
	pub concentration: Perbill,
}

/// A reward budget of an AVS.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize), serde(rename_all = "camelCase"))]
pub struct RewardBudgetInfo<AccountId> {
	/// Its id within the AVS.
	pub id: u32,
	/// Who funded it (and gets what is left at its end).
	pub funder: AccountId,
	/// The reward asset.
	pub asset: RestakeAsset,
	/// What was funded.
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::amount"))]
	pub funded: Balance,
	/// What was paid to operators so far.
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::amount"))]
	pub paid: Balance,
	/// What is left: `funded - paid`.
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::amount"))]
	pub left: Balance,
	/// The eras it was funded for.
	pub eras: u32,
	/// The eras it still pays for.
	pub eras_left: u32,
	/// What the next era pays if nothing else changes: `left / eras_left`.
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::amount"))]
	pub next_era_amount: Balance,
}
