//! `liquidStaking_*`: the stBST rate, the pool, an account's unlock requests.

use super::{at_or_best, runtime_error, Hash};
use bastion_primitives::{
	apis::LiquidStakingApi,
	liquid_staking::{PoolSummary, RequestInfo},
	AccountId, Balance,
};
use bastion_runtime::opaque::Block;
use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObject};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use std::sync::Arc;

#[rpc(server)]
pub trait LiquidStakingRpc {
	/// BST per stBST, a decimal string.
	#[method(name = "liquidStaking_rate")]
	fn rate(&self, at: Option<Hash>) -> RpcResult<String>;

	/// The pool's state and what its next era work will do.
	#[method(name = "liquidStaking_poolSummary")]
	fn pool_summary(&self, at: Option<Hash>) -> RpcResult<PoolSummary>;

	/// The unclaimed unlock requests of `who`.
	#[method(name = "liquidStaking_unlockRequests")]
	fn unlock_requests(&self, who: AccountId, at: Option<Hash>) -> RpcResult<Vec<RequestInfo>>;

	/// The BST `shares` stBST (a decimal string) are worth.
	#[method(name = "liquidStaking_valueOf")]
	fn value_of(&self, shares: String, at: Option<Hash>) -> RpcResult<String>;
}

/// The `liquidStaking_*` methods.
pub struct LiquidStaking<C> {
	client: Arc<C>,
}

impl<C> LiquidStaking<C> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

impl<C> LiquidStakingRpcServer for LiquidStaking<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: LiquidStakingApi<Block, AccountId>,
{
	fn rate(&self, at: Option<Hash>) -> RpcResult<String> {
		let at = at_or_best(&*self.client, at);
		let rate = self.client.runtime_api().rate(at).map_err(runtime_error)?;
		Ok(bastion_primitives::json::fixed_to_string(rate))
	}

	fn pool_summary(&self, at: Option<Hash>) -> RpcResult<PoolSummary> {
		let at = at_or_best(&*self.client, at);
		self.client.runtime_api().pool_summary(at).map_err(runtime_error)
	}

	fn unlock_requests(&self, who: AccountId, at: Option<Hash>) -> RpcResult<Vec<RequestInfo>> {
		let at = at_or_best(&*self.client, at);
		self.client.runtime_api().unlock_requests(at, who).map_err(runtime_error)
	}

	fn value_of(&self, shares: String, at: Option<Hash>) -> RpcResult<String> {
		let at = at_or_best(&*self.client, at);
		let shares: Balance = shares
			.parse()
			.map_err(|e| ErrorObject::owned(2, format!("not an amount: {shares}: {e}"), None::<()>))?;
		self.client
			.runtime_api()
			.value_of(at, shares)
			.map(|v| v.to_string())
			.map_err(runtime_error)
	}
}
