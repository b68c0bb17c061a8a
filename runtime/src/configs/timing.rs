//! Block, epoch, session and era lengths.
//!
//! Production: 6 s blocks, 1 h epochs (one session per epoch), 6 h eras, a 28-era (7 day)
//! bonding duration and slashes deferred 27 eras so governance can cancel a wrong one.
//! The `fast-runtime` feature keeps 6 s blocks but shortens everything else, so a dev chain
//! or a zombienet network shows a whole staking cycle in minutes.

use crate::{BlockNumber, Moment};
use frame_support::parameter_types;
use sp_staking::{EraIndex, SessionIndex};

pub use bastion_primitives::MILLISECS_PER_BLOCK;

/// BABE slot length; one block per slot at most.
pub const SLOT_DURATION: Moment = MILLISECS_PER_BLOCK;

#[cfg(not(feature = "fast-runtime"))]
mod lengths {
	use super::*;
	pub const EPOCH_DURATION_IN_BLOCKS: BlockNumber = bastion_primitives::HOURS;
	pub const SESSIONS_PER_ERA: SessionIndex = 6;
	pub const BONDING_DURATION: EraIndex = 28;
	pub const SLASH_DEFER_DURATION: EraIndex = 27;
}

#[cfg(feature = "fast-runtime")]
mod lengths {
	use super::*;
	pub const EPOCH_DURATION_IN_BLOCKS: BlockNumber = 10;
	pub const SESSIONS_PER_ERA: SessionIndex = 3;
	pub const BONDING_DURATION: EraIndex = 2;
	pub const SLASH_DEFER_DURATION: EraIndex = 1;
}

pub use lengths::*;

// pallet-staking applies a slash `SLASH_DEFER_DURATION` eras after the offence, and
// cross-slashing then propagates it to the AVSs that may still slash the operator. Restaking's
// deallocation delay is the bonding duration, so an operator that opts out of an AVS after
// the offence stays within that AVS's reach until the slash is applied.
const _: () = assert!(SLASH_DEFER_DURATION < BONDING_DURATION);

parameter_types! {
	/// Slots per BABE epoch (one session per epoch).
	pub const EpochDurationInBlocks: u64 = EPOCH_DURATION_IN_BLOCKS as u64;
	pub const ExpectedBlockTime: Moment = MILLISECS_PER_BLOCK;
	pub const SessionsPerEra: SessionIndex = SESSIONS_PER_ERA;
	pub const BondingDuration: EraIndex = BONDING_DURATION;
	pub const SlashDeferDuration: EraIndex = SLASH_DEFER_DURATION;
	/// Blocks in one era.
	pub const EraDurationInBlocks: BlockNumber = EPOCH_DURATION_IN_BLOCKS * SESSIONS_PER_ERA;
}
