//! What the liquid-staking pallet shows through its runtime API.

use crate::Balance;
use codec::{Decode, Encode};
use scale_info::TypeInfo;
use sp_runtime::{FixedU128, Perbill};
use sp_staking::EraIndex;

/// The id of an unlock request.
pub type RequestId = u64;

/// The pool at a glance.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize), serde(rename_all = "camelCase"))]
pub struct PoolSummary {
	/// BST per stBST.
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::fixed"))]
	pub rate: FixedU128,
	/// BST owned by stBST holders: `active_bonded + pending_bond`.
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::amount"))]
	pub total_pooled: Balance,
	/// Of which bonded in the pool stashes.
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::amount"))]
	pub active_bonded: Balance,
	/// Of which in the pallet account, not bonded yet.
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::amount"))]
	pub pending_bond: Balance,
	/// Gains (rewards, fees) found but not recognized yet (per-era rate cap).
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::amount"))]
	pub deferred: Balance,
	/// stBST in existence.
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::amount"))]
	pub supply: Balance,
	/// The protocol's fee on gains.
	pub protocol_fee: Perbill,
	/// The fee of a fast redemption.
	pub fast_redeem_fee: Perbill,
	/// The cap on `total_pooled`, if any.
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::optional_amount"))]
	pub mint_cap: Option<Balance>,
	/// Whether minting is paused.
	pub minting_paused: bool,
	/// The last era whose era work was done.
	pub last_era: EraIndex,
	/// Redemptions waiting for the next era work.
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::amount"))]
	pub waiting_redemptions: Balance,
	/// Pending BST the next era work would bond (above the liquidity buffer).
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::amount"))]
	pub bondable: Balance,
}

/// An unlock request.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize), serde(rename_all = "camelCase"))]
pub struct RequestInfo {
	/// Its id.
	pub id: RequestId,
	/// The era it was made in.
	pub era: EraIndex,
	/// The staking era from which it can be claimed, once the next era work fixed it.
	pub claimable_era: Option<EraIndex>,
	/// Whether it can be claimed now.
	pub claimable: bool,
	/// What it would pay now.
	#[cfg_attr(feature = "std", serde(serialize_with = "crate::json::amount"))]
	pub value: Balance,
}
