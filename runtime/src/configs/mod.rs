//! The configuration of every pallet, one file per area.
//!
//! - [`timing`] — block, epoch, session, era and bonding lengths (`fast-runtime` aware).
//! - [`system`] — frame-system, timestamp, utility, proxy, multisig, sudo.
//! - [`tokens`] — balances (BST), transaction fees, assets (stBST, LRTs, reward tokens).
//! - [`consensus`] — BABE, GRANDPA, authorship, session and its history, offences.
//! - [`staking`] — nominated proof-of-stake and its election.
//! - [`liquid_staking`] — stBST.
//! - [`restaking`] — operators, pools, allocations, LRT vaults; the AVS registry.
//! - [`slashing`] — cross-service slashing and the security council.

pub mod consensus;
pub mod liquid_staking;
pub mod restaking;
pub mod slashing;
pub mod staking;
pub mod system;
pub mod timing;
pub mod tokens;
