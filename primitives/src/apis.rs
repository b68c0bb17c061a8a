//! The runtime APIs of Bastion's pallets. polkadot.js reads them from the metadata; the
//! node's JSON-RPC methods call them.

// `decl_runtime_apis!` repeats the generics' bounds in what it generates.
#![allow(clippy::multiple_bound_locations)]

use crate::{
	avs::*,
	liquid_staking::*,
	restaking::{AvsId, VaultId},
	restaking_api::{OperatorInfo, PositionInfo, VaultInfo, WithdrawalInfo},
	Balance,
};
use alloc::vec::Vec;
use codec::Codec;
use sp_runtime::FixedU128;

sp_api::decl_runtime_apis! {
	/// Liquid staking: the stBST rate, the pool, an account's unlock requests.
	pub trait LiquidStakingApi<AccountId: Codec> {
		/// BST per stBST.
		fn rate() -> FixedU128;
		/// The pool's state and what its next era work will do.
		fn pool_summary() -> PoolSummary;
		/// The unclaimed unlock requests of `who`, with their current value.
		fn unlock_requests(who: AccountId) -> Vec<RequestInfo>;
		/// The stBST `amount` BST would mint now (`None`: the pool can't price it).
		fn shares_for(amount: Balance) -> Option<Balance>;
		/// The BST `shares` stBST are worth now.
		fn value_of(shares: Balance) -> Balance;
	}

	/// The AVS registry: AVSs, their operators and stake, their risk, their reward budgets.
	pub trait AvsApi<AccountId: Codec, BlockNumber: Codec> {
		/// Up to `limit` AVSs (at most 100), from id `start` upwards.
		fn avs_list(start: AvsId, limit: u32) -> Vec<AvsSummary<AccountId, BlockNumber>>;
		/// One AVS.
		fn avs(avs: AvsId) -> Option<AvsSummary<AccountId, BlockNumber>>;
		/// The members of `avs`, with the stake each allocated to it.
		fn operators(avs: AvsId) -> Vec<OperatorStake<AccountId, BlockNumber>>;
		/// The stake `avs` can slash, in BST and per asset, and its concentration.
		fn risk(avs: AvsId) -> Option<AvsRisk<AccountId>>;
		/// The reward budgets of `avs`, with what each has left.
		fn reward_budgets(avs: AvsId) -> Vec<RewardBudgetInfo<AccountId>>;
		/// The AVSs `operator` is a member of.
		fn avs_of_operator(operator: AccountId) -> Vec<AvsId>;
	}

	/// Restaking: operators and their pools, a delegator's positions and withdrawals, vaults
	/// with their NAV and LRT rate.
	pub trait RestakingApi<AccountId: Codec, BlockNumber: Codec> {
		/// An operator, its pools, allocations and leverage.
		fn operator(operator: AccountId) -> Option<OperatorInfo<AccountId, BlockNumber>>;
		/// `who`'s delegations with their value now.
		fn positions(who: AccountId) -> Vec<PositionInfo<AccountId>>;
		/// `who`'s queued withdrawals with their value and unlock block.
		fn withdrawals(who: AccountId) -> Vec<WithdrawalInfo<AccountId, BlockNumber>>;
		/// A vault with its NAV and LRT rate.
		fn vault(vault: VaultId) -> Option<VaultInfo<AccountId>>;
	}

	/// Cross-service slashing: pending slashes, an operator's slash history and the room
	/// left under its correlated-risk cap, and dry runs of a slash.
	pub trait SlashingApi<AccountId: Codec, BlockNumber: Codec> {
		/// Pending slashes (of `operator` only if given), ordered by the block from which
		/// they can be executed and no longer vetoed.
		fn pending_slashes(
			operator: Option<AccountId>,
		) -> Vec<crate::slashing::PendingSlashInfo<AccountId, BlockNumber>>;
		/// The last resolved (executed or vetoed) slashes of `operator`, oldest first, with
		/// every amount taken.
		fn slash_history(operator: AccountId) -> Vec<crate::slashing::SlashRecordInfo<AccountId, BlockNumber>>;
		/// Per pool of `operator`: what slashes took of it in the current cap window, and the
		/// largest fraction a slash executed now could still take.
		fn slash_capacity(operator: AccountId) -> Vec<crate::slashing::SlashCapacity<BlockNumber>>;
		/// A dry run: what a slash of `fraction` of the stake `operator` allocates to `avs`,
		/// executed now, would take from each pool (`None`: unknown AVS, or `fraction` above
		/// its limit per incident).
		fn slash_preview(
			avs: AvsId,
			operator: AccountId,
			fraction: sp_runtime::Perbill,
		) -> Option<Vec<crate::slashing::PoolSlash>>;
	}
}
