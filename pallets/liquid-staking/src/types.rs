//! The pallet's records: the pool's ledger, the unbonding sub-pools, unlock requests and the
//! mirror of each stash's staking ledger.

use bastion_primitives::Balance;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::ConstU32, BoundedVec};
use scale_info::TypeInfo;
use sp_runtime::{traits::Zero, FixedPointNumber, FixedU128};
use sp_staking::EraIndex;

pub use bastion_primitives::liquid_staking::RequestId;

/// The index of a pool stash, `0..MaxStashes`.
pub type StashIndex = u32;

/// Where the BST owned by stBST holders and by the protocol is, and how much stBST exists.
///
/// Holders own `total_pooled = active_bonded + pending_bond`; the exchange rate is
/// `total_pooled / supply`. What sits elsewhere (deferred gains, sub-pools, surplus unbonding)
/// is not the holders' yet, or not anymore.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen, Default,
)]
pub struct PoolLedger {
	/// Holders' BST bonded (active) in the pool stashes.
	pub active_bonded: Balance,
	/// Holders' BST in the pallet account, not bonded: the fast-redeem liquidity, bonded at
	/// the next era above the liquidity buffer.
	pub pending_bond: Balance,
	/// Gains seen in the stashes' active bonds (staking rewards) not yet added to
	/// `total_pooled` because of the per-era rate cap.
	pub deferred_bonded: Balance,
	/// Gains in the pallet account (fast-redeem fees) not yet added to `total_pooled`.
	pub deferred_liquid: Balance,
	/// stBST in existence, dead shares included. Equals the asset's total issuance.
	pub supply: Balance,
	/// The last era whose era work was done.
	pub last_era: EraIndex,
	/// The exchange rate right after the last era work: between era works the rate may only
	/// fall (slashes) or move by rounding dust.
	pub era_rate: FixedU128,
}

impl PoolLedger {
	/// BST owned by holders.
	pub fn total_pooled(&self) -> Balance {
		self.active_bonded.saturating_add(self.pending_bond)
	}

	/// Gains not yet recognized.
	pub fn deferred(&self) -> Balance {
		self.deferred_bonded.saturating_add(self.deferred_liquid)
	}

	/// BST per stBST.
	pub fn rate(&self) -> FixedU128 {
		FixedU128::checked_from_rational(self.total_pooled(), self.supply).unwrap_or_default()
	}
}

/// The redemptions made in one era, shared pro-rata: each request holds `points`, worth
/// `points * value / points_total` when claimed. Slashes lower `value`, never `points`, so a
/// request gets the lower of its request-time and its claim-time value.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen, Default,
)]
pub struct SubPool {
	/// The sum of the requests' points (their BST value when made).
	pub points: Balance,
	/// Value still bonded: active in the stashes until the next era work, then unbonding.
	pub bonded: Balance,
	/// Value in the pallet account: taken from pending deposits, or withdrawn.
	pub liquid: Balance,
	/// The staking era at which the unbonded value unlocks; `None` until it is unbonded.
	pub unlock_era: Option<EraIndex>,
}

impl SubPool {
	/// What the sub-pool is worth now.
	pub fn value(&self) -> Balance {
		self.bonded.saturating_add(self.liquid)
	}

	/// Whether requests of this sub-pool can be claimed in `active_era`.
	pub fn is_claimable(&self, active_era: EraIndex) -> bool {
		self.bonded.is_zero() && self.unlock_era.is_some_and(|era| era <= active_era)
	}
}

/// A holder's claim on a sub-pool.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct UnlockRequest<AccountId> {
	/// Who may claim it.
	pub owner: AccountId,
	/// The era of the sub-pool it belongs to (the era it was made in).
	pub era: EraIndex,
	/// Its share of the sub-pool.
	pub points: Balance,
}

/// The pallet's mirror of one stash's staking ledger: what it bonded and unbonded, so that a
/// slash (reported as new balances) can be told apart from a reward.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen, Default,
)]
pub struct StashLedger {
	/// The active bond the pallet knows of.
	pub active: Balance,
	/// Unbonding chunks, by the era they unlock at.
	pub unlocking: BoundedVec<(EraIndex, Balance), ConstU32<MAX_UNLOCKING_ERAS>>,
}

impl StashLedger {
	/// The sum of the unbonding chunks.
	pub fn unlocking_total(&self) -> Balance {
		self.unlocking.iter().fold(0, |sum, (_, value)| sum.saturating_add(*value))
	}
}

/// What one era work did.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen, Default,
)]
pub struct EraReport {
	/// Rewards found in the stashes.
	pub rewards: Balance,
	/// Gains added to `total_pooled` (within the rate cap).
	pub recognized: Balance,
	/// stBST minted to the fee recipient.
	pub fee_shares: Balance,
	/// BST withdrawn from matured unbonding.
	pub withdrawn: Balance,
	/// Redemptions met from pending deposits.
	pub netted: Balance,
	/// BST unbonded.
	pub unbonded: Balance,
	/// BST bonded.
	pub bonded: Balance,
}

/// The pallet's accounts are derived from its id: the pallet account itself (pending and
/// withdrawn BST), sub-account `i + 1` for stash `i`, and this one for the dead shares. Four
/// bytes of sub-account data, so they stay distinct in accounts as short as 16 bytes.
pub const DEAD_SHARES_SUB_ACCOUNT: u32 = u32::MAX;

/// At most this many distinct unlock eras are tracked per stash (one unbond per era work, so
/// the bonding duration plus some slack). Runtimes whose bonding duration is longer are
/// refused by the pallet's integrity test.
pub const MAX_UNLOCKING_ERAS: u32 = 64;
