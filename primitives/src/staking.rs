//! What the derivative pallets need of the chain's native staking, and what liquid staking
//! offers the pallets built on it.

use crate::{AssetId, Balance};
use alloc::vec::Vec;
use sp_runtime::DispatchResult;
use sp_staking::EraIndex;

/// The native staking operations a pool of stashes needs: bonding with rewards restaked,
/// unbonding, withdrawing, nominating, and claiming the payouts of validators it nominates.
///
/// Implemented for pallet-staking by the liquid-staking pallet's adapter; the pallet itself
/// only calls this trait.
pub trait NativeStaking<AccountId> {
	/// The era whose validators are producing blocks now.
	fn active_era() -> EraIndex;
	/// The latest planned era; unbonding now unlocks at `current_era() + bonding_duration()`.
	fn current_era() -> EraIndex;
	/// Eras an unbonded amount stays locked (and slashable).
	fn bonding_duration() -> EraIndex;
	/// The least active bond a nominator may keep.
	fn minimum_bond() -> Balance;
	/// The most validators one stash may nominate.
	fn max_nominations() -> u32;

	/// Bonds `value` of `stash`'s free balance, rewards restaked into the bond. Bonds more if
	/// `stash` is already bonded.
	fn bond(stash: &AccountId, value: Balance) -> DispatchResult;
	/// Starts unbonding `value` of `stash`'s active bond. Unbonding all of it stops the stash
	/// nominating first.
	fn unbond(stash: &AccountId, value: Balance) -> DispatchResult;
	/// Moves the matured unbonded chunks of `stash` to its free balance.
	fn withdraw_unbonded(stash: &AccountId) -> DispatchResult;
	/// Makes `stash` nominate `targets`.
	fn nominate(stash: &AccountId, targets: Vec<AccountId>) -> DispatchResult;
	/// The active bond of `stash`, if it is bonded.
	fn active_stake(stash: &AccountId) -> Option<Balance>;
	/// The validators `stash` nominates now.
	fn nominations(stash: &AccountId) -> Vec<AccountId>;

	/// Whether `validator` has rewards of `era` that nobody claimed yet.
	fn has_pending_payout(era: EraIndex, validator: &AccountId) -> bool;
	/// Pays out the next unclaimed page of `validator`'s rewards of `era` to it and its
	/// nominators, on behalf of `caller`.
	fn pay_out(caller: &AccountId, era: EraIndex, validator: &AccountId) -> DispatchResult;

	/// Benchmarks: makes `era` the active and current era.
	#[cfg(feature = "runtime-benchmarks")]
	fn set_era(era: EraIndex);
	/// Benchmarks: a validator whose rewards of `era` are unclaimed, with a full page of
	/// bonded nominators.
	#[cfg(feature = "runtime-benchmarks")]
	fn prepare_payout(era: EraIndex) -> AccountId;
}

/// The liquid staking token as the pallets built on it see it.
pub trait LiquidStakingToken {
	/// The pallet-assets id of stBST.
	fn asset_id() -> AssetId;
	/// What `shares` of stBST are worth in BST now (rounded down).
	fn bst_value(shares: Balance) -> Balance;
}
