//! `restaking_*`: operators, a delegator's positions and withdrawals, vaults.

use super::{at_or_best, runtime_error, Hash};
use bastion_primitives::{
	apis::RestakingApi,
	restaking::VaultId,
	restaking_api::{OperatorInfo, PositionInfo, VaultInfo, WithdrawalInfo},
	AccountId, BlockNumber,
};
use bastion_runtime::opaque::Block;
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use std::sync::Arc;

#[rpc(server)]
pub trait RestakingRpc {
	/// An operator, its pools, allocations and leverage.
	#[method(name = "restaking_operator")]
	fn operator(
		&self,
		operator: AccountId,
		at: Option<Hash>,
	) -> RpcResult<Option<OperatorInfo<AccountId, BlockNumber>>>;

	/// `who`'s delegations with their value now.
	#[method(name = "restaking_positions")]
	fn positions(&self, who: AccountId, at: Option<Hash>) -> RpcResult<Vec<PositionInfo<AccountId>>>;

	/// `who`'s queued withdrawals, their value and unlock block.
	#[method(name = "restaking_withdrawals")]
	fn withdrawals(
		&self,
		who: AccountId,
		at: Option<Hash>,
	) -> RpcResult<Vec<WithdrawalInfo<AccountId, BlockNumber>>>;

	/// A vault, its NAV and LRT rate.
	#[method(name = "restaking_vault")]
	fn vault(&self, vault: VaultId, at: Option<Hash>) -> RpcResult<Option<VaultInfo<AccountId>>>;
}

/// The `restaking_*` methods.
pub struct Restaking<C> {
	client: Arc<C>,
}

impl<C> Restaking<C> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

impl<C> RestakingRpcServer for Restaking<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: RestakingApi<Block, AccountId, BlockNumber>,
{
	fn operator(
		&self,
		operator: AccountId,
		at: Option<Hash>,
	) -> RpcResult<Option<OperatorInfo<AccountId, BlockNumber>>> {
		let at = at_or_best(&*self.client, at);
		self.client.runtime_api().operator(at, operator).map_err(runtime_error)
	}

	fn positions(&self, who: AccountId, at: Option<Hash>) -> RpcResult<Vec<PositionInfo<AccountId>>> {
		let at = at_or_best(&*self.client, at);
		self.client.runtime_api().positions(at, who).map_err(runtime_error)
	}

	fn withdrawals(
		&self,
		who: AccountId,
		at: Option<Hash>,
	) -> RpcResult<Vec<WithdrawalInfo<AccountId, BlockNumber>>> {
		let at = at_or_best(&*self.client, at);
		self.client.runtime_api().withdrawals(at, who).map_err(runtime_error)
	}

	fn vault(&self, vault: VaultId, at: Option<Hash>) -> RpcResult<Option<VaultInfo<AccountId>>> {
		let at = at_or_best(&*self.client, at);
		self.client.runtime_api().vault(at, vault).map_err(runtime_error)
	}
}
