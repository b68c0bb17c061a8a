//! # The Bastion runtime
//!
//! Native nominated proof-of-stake (BABE, GRANDPA, session, staking, offences) and, on the
//! same state, the accounting of staking derivatives: liquid staking, restaking, AVS
//! registration and cross-service slashing.
//!
//! This file is the table of contents: the primitive types, the runtime version, the list of
//! pallets and the extrinsic format. Each pallet's configuration lives in `configs/<area>.rs`,
//! the runtime APIs in `apis.rs` and the genesis presets in `genesis_config_presets.rs`.

#![cfg_attr(not(feature = "std"), no_std)]
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod genesis_config_presets;

use sp_runtime::{generic, impl_opaque_keys, traits::BlakeTwo256};
use sp_version::RuntimeVersion;

pub use bastion_primitives::{
	AccountId, Balance, BlockNumber, Hash, Moment, Nonce, Signature, DAYS, EXISTENTIAL_DEPOSIT,
	HOURS, MILLI_UNIT, MINUTES, UNIT,
};
pub use configs::timing::{
	BondingDuration, EpochDurationInBlocks, SessionsPerEra, SlashDeferDuration,
	MILLISECS_PER_BLOCK, SLOT_DURATION,
};
pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Opaque types: what the node needs to know of blocks without knowing the runtime's types,
/// so it keeps syncing across runtime upgrades that change the extrinsic format.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as sp_runtime::traits::Hash>::Output;
}

impl_opaque_keys! {
	/// The keys a validator registers with `session.set_keys`. The field names are what
	/// zombienet and `author_rotateKeys` users see.
	pub struct SessionKeys {
		pub babe: Babe,
		pub grandpa: Grandpa,
	}
}

#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("bastion"),
	impl_name: alloc::borrow::Cow::Borrowed("bastion-node"),
	authoring_version: 1,
	spec_version: 100,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// The BABE epoch configuration at genesis: one primary slot leader per four slots on
/// average, secondary VRF slots filling the gaps, so every slot has an author.
pub const BABE_GENESIS_EPOCH_CONFIG: sp_consensus_babe::BabeEpochConfiguration =
	sp_consensus_babe::BabeEpochConfiguration {
		c: (1, 4),
		allowed_slots: sp_consensus_babe::AllowedSlots::PrimaryAndSecondaryVRFSlots,
	};

/// The address format: an account id, or an index (unused).
pub type Address = sp_runtime::MultiAddress<AccountId, ()>;
/// Block header type as expected by this runtime.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block type as expected by this runtime.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// A block signed with a justification.
pub type SignedBlock = generic::SignedBlock<Block>;

/// The transaction extensions, checked in this order for every signed extrinsic.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Migrations to run on upgrade, besides the pallets' own.
type Migrations = ();

/// Executive: dispatches calls to the pallets and runs their hooks.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	// --- system -----------------------------------------------------------------------
	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Utility = pallet_utility;
	#[runtime::pallet_index(3)]
	pub type Proxy = pallet_proxy;
	#[runtime::pallet_index(4)]
	pub type Multisig = pallet_multisig;
	#[runtime::pallet_index(5)]
	pub type Sudo = pallet_sudo;

	// --- tokens and fees --------------------------------------------------------------
	#[runtime::pallet_index(10)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(11)]
	pub type TransactionPayment = pallet_transaction_payment;
	#[runtime::pallet_index(12)]
	pub type Assets = pallet_assets;

	// --- consensus and proof-of-stake -------------------------------------------------
	// Order matters for the hooks: Babe decides the epoch before Session rotates,
	// Authorship notes the author before Staking rewards it.
	#[runtime::pallet_index(20)]
	pub type Babe = pallet_babe;
	#[runtime::pallet_index(21)]
	pub type Authorship = pallet_authorship;
	#[runtime::pallet_index(22)]
	pub type Staking = pallet_staking;
	#[runtime::pallet_index(23)]
	pub type Offences = pallet_offences;
	#[runtime::pallet_index(24)]
	pub type Historical = pallet_session::historical;
	#[runtime::pallet_index(25)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(26)]
	pub type Grandpa = pallet_grandpa;

	// --- staking derivatives ----------------------------------------------------------
	// After Session: their era work sees the era staking just started.
	#[runtime::pallet_index(30)]
	pub type LiquidStaking = pallet_liquid_staking;
	#[runtime::pallet_index(31)]
	pub type Restaking = pallet_restaking;
	#[runtime::pallet_index(32)]
	pub type AvsRegistry = pallet_avs_registry;
	#[runtime::pallet_index(33)]
	pub type CrossSlashing = pallet_cross_slashing;

	// --- governance -------------------------------------------------------------------
	#[runtime::pallet_index(40)]
	pub type SecurityCouncil = pallet_collective<Instance1>;
}
