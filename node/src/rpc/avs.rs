//! `avs_*`: AVSs, their operators and stake, their risk, their reward budgets.

use super::{at_or_best, runtime_error, Hash};
use bastion_primitives::{
	apis::AvsApi,
	avs::{AvsRisk, AvsSummary, OperatorStake, RewardBudgetInfo},
	restaking::AvsId,
	AccountId, BlockNumber,
};
use bastion_runtime::opaque::Block;
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use std::sync::Arc;

#[rpc(server)]
pub trait AvsRpc {
	/// Up to `limit` AVSs (at most 100) from id `start`.
	#[method(name = "avs_list")]
	fn list(&self, start: AvsId, limit: u32, at: Option<Hash>) -> RpcResult<Vec<AvsSummary<AccountId, BlockNumber>>>;

	/// One AVS with its configuration and status.
	#[method(name = "avs_get")]
	fn get(&self, avs: AvsId, at: Option<Hash>) -> RpcResult<Option<AvsSummary<AccountId, BlockNumber>>>;

	/// The members of an AVS with the stake each allocated to it.
	#[method(name = "avs_operators")]
	fn operators(&self, avs: AvsId, at: Option<Hash>) -> RpcResult<Vec<OperatorStake<AccountId, BlockNumber>>>;

	/// The stake an AVS can slash (in BST) and its concentration.
	#[method(name = "avs_risk")]
	fn risk(&self, avs: AvsId, at: Option<Hash>) -> RpcResult<Option<AvsRisk<AccountId>>>;

	/// An AVS's reward budgets with what each has left.
	#[method(name = "avs_rewardBudgets")]
	fn reward_budgets(&self, avs: AvsId, at: Option<Hash>) -> RpcResult<Vec<RewardBudgetInfo<AccountId>>>;
}

/// The `avs_*` methods.
pub struct Avs<C> {
	client: Arc<C>,
}

impl<C> Avs<C> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

impl<C> AvsRpcServer for Avs<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: AvsApi<Block, AccountId, BlockNumber>,
{
	fn list(&self, start: AvsId, limit: u32, at: Option<Hash>) -> RpcResult<Vec<AvsSummary<AccountId, BlockNumber>>> {
		let at = at_or_best(&*self.client, at);
		self.client.runtime_api().avs_list(at, start, limit).map_err(runtime_error)
	}

	fn get(&self, avs: AvsId, at: Option<Hash>) -> RpcResult<Option<AvsSummary<AccountId, BlockNumber>>> {
		let at = at_or_best(&*self.client, at);
		self.client.runtime_api().avs(at, avs).map_err(runtime_error)
	}

	fn operators(&self, avs: AvsId, at: Option<Hash>) -> RpcResult<Vec<OperatorStake<AccountId, BlockNumber>>> {
		let at = at_or_best(&*self.client, at);
		self.client.runtime_api().operators(at, avs).map_err(runtime_error)
	}

	fn risk(&self, avs: AvsId, at: Option<Hash>) -> RpcResult<Option<AvsRisk<AccountId>>> {
		let at = at_or_best(&*self.client, at);
		self.client.runtime_api().risk(at, avs).map_err(runtime_error)
	}

	fn reward_budgets(&self, avs: AvsId, at: Option<Hash>) -> RpcResult<Vec<RewardBudgetInfo<AccountId>>> {
		let at = at_or_best(&*self.client, at);
		self.client.runtime_api().reward_budgets(at, avs).map_err(runtime_error)
	}
}
