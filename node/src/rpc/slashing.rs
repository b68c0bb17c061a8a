//! `slashing_*`: pending slashes, an operator's history and remaining capacity, dry runs.

use super::{at_or_best, runtime_error, Hash};
use bastion_primitives::{
	apis::SlashingApi,
	restaking::AvsId,
	slashing::{PendingSlashInfo, PoolSlash, SlashCapacity, SlashRecordInfo},
	AccountId, BlockNumber,
};
use bastion_runtime::opaque::Block;
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::Perbill;
use std::sync::Arc;

#[rpc(server)]
pub trait SlashingRpc {
	/// Pending slashes (of `operator` if given), with the block they become executable.
	#[method(name = "slashing_pending")]
	fn pending(
		&self,
		operator: Option<AccountId>,
		at: Option<Hash>,
	) -> RpcResult<Vec<PendingSlashInfo<AccountId, BlockNumber>>>;

	/// An operator's resolved slashes, oldest first, with every amount taken.
	#[method(name = "slashing_history")]
	fn history(&self, operator: AccountId, at: Option<Hash>) -> RpcResult<Vec<SlashRecordInfo<AccountId, BlockNumber>>>;

	/// Per pool of an operator: what was slashed in the cap window and what may still be.
	#[method(name = "slashing_capacity")]
	fn capacity(&self, operator: AccountId, at: Option<Hash>) -> RpcResult<Vec<SlashCapacity<BlockNumber>>>;

	/// A dry run: what a slash of `fraction` (parts per billion) by `avs` of `operator` would
	/// take from each pool now.
	#[method(name = "slashing_preview")]
	fn preview(
		&self,
		avs: AvsId,
		operator: AccountId,
		fraction: u32,
		at: Option<Hash>,
	) -> RpcResult<Option<Vec<PoolSlash>>>;
}

/// The `slashing_*` methods.
pub struct Slashing<C> {
	client: Arc<C>,
}

impl<C> Slashing<C> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

impl<C> SlashingRpcServer for Slashing<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: SlashingApi<Block, AccountId, BlockNumber>,
{
	fn pending(
		&self,
		operator: Option<AccountId>,
		at: Option<Hash>,
	) -> RpcResult<Vec<PendingSlashInfo<AccountId, BlockNumber>>> {
		let at = at_or_best(&*self.client, at);
		self.client.runtime_api().pending_slashes(at, operator).map_err(runtime_error)
	}

	fn history(&self, operator: AccountId, at: Option<Hash>) -> RpcResult<Vec<SlashRecordInfo<AccountId, BlockNumber>>> {
		let at = at_or_best(&*self.client, at);
		self.client.runtime_api().slash_history(at, operator).map_err(runtime_error)
	}

	fn capacity(&self, operator: AccountId, at: Option<Hash>) -> RpcResult<Vec<SlashCapacity<BlockNumber>>> {
		let at = at_or_best(&*self.client, at);
		self.client.runtime_api().slash_capacity(at, operator).map_err(runtime_error)
	}

	fn preview(
		&self,
		avs: AvsId,
		operator: AccountId,
		fraction: u32,
		at: Option<Hash>,
	) -> RpcResult<Option<Vec<PoolSlash>>> {
		let at = at_or_best(&*self.client, at);
		self.client
			.runtime_api()
			.slash_preview(at, avs, operator, Perbill::from_parts(fraction))
			.map_err(runtime_error)
	}
}
