//! The runtime APIs of Bastion's pallets. polkadot.js reads them from the metadata; the
//! node's JSON-RPC methods call them.

use crate::{avs::*, liquid_staking::*, restaking::AvsId, Balance};
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
}
