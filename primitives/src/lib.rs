//! # Bastion primitives
//!
//! The types every part of Bastion agrees on (accounts, balances, block numbers, the token's
//! denomination) and, as the derivative pallets arrive, the traits through which they talk to
//! each other. Pallets depend on this crate, never on each other.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod apis;
#[cfg(feature = "std")]
pub mod json;
pub mod avs;
pub mod liquid_staking;
pub mod math;
pub mod restaking;
pub mod restaking_api;
pub mod slashing;
pub mod staking;

use sp_runtime::{
	traits::{IdentifyAccount, Verify},
	MultiSignature,
};

/// The signature scheme of transactions: sr25519, ed25519 or ecdsa.
pub type Signature = MultiSignature;
/// An account on chain: the public key of the signature scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// An amount of BST or of any pallet-assets token, in its smallest unit.
pub type Balance = u128;
/// The number of transactions an account has sent.
pub type Nonce = u32;
/// A block hash.
pub type Hash = sp_core::H256;
/// A block number.
pub type BlockNumber = u32;
/// Milliseconds since the Unix epoch.
pub type Moment = u64;
/// An asset id in pallet-assets (stBST, LRTs, reward tokens).
pub type AssetId = u32;

/// One BST: 12 decimals.
pub const UNIT: Balance = 1_000_000_000_000;
/// A thousandth of a BST.
pub const MILLI_UNIT: Balance = UNIT / 1_000;
/// A millionth of a BST.
pub const MICRO_UNIT: Balance = UNIT / 1_000_000;
/// The least balance an account must hold to exist.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

/// Block time the chain targets: 6 seconds.
pub const MILLISECS_PER_BLOCK: Moment = 6_000;
/// Blocks per minute at the target block time.
pub const MINUTES: BlockNumber = 60_000 / (MILLISECS_PER_BLOCK as BlockNumber);
/// Blocks per hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks per day.
pub const DAYS: BlockNumber = HOURS * 24;
