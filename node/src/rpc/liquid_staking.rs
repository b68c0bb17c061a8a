//! `liquidStaking_*`: the stBST rate, the pool, an account's unlock requests. A thin layer
//! over `LiquidStakingApi`; amounts are decimal strings (JSON numbers lose precision
//! above 2^53).

use bastion_primitives::{apis::LiquidStakingApi, AccountId, Balance};
use bastion_runtime::opaque::Block;
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::ErrorObject, ErrorObjectOwned},
};
use serde::Serialize;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::{traits::Block as BlockT, FixedPointNumber};
use std::sync::Arc;

type Hash = <Block as BlockT>::Hash;

/// The pool at a glance.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PoolSummary {
	/// BST per stBST, as a decimal string with 18 decimals.
	pub rate: String,
	pub total_pooled: String,
	pub active_bonded: String,
	pub pending_bond: String,
	pub deferred: String,
	pub supply: String,
	/// Parts per billion.
	pub protocol_fee: u32,
	/// Parts per billion.
	pub fast_redeem_fee: u32,
	pub mint_cap: Option<String>,
	pub minting_paused: bool,
	pub last_era: u32,
	pub waiting_redemptions: String,
	pub bondable: String,
}

/// An unlock request.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UnlockRequest {
	pub id: u64,
	pub era: u32,
	pub claimable_era: Option<u32>,
	pub claimable: bool,
	pub value: String,
}

/// A `FixedU128` as a decimal string.
fn fixed(value: sp_runtime::FixedU128) -> String {
	let inner = value.into_inner();
	let accuracy = sp_runtime::FixedU128::accuracy();
	format!("{}.{:018}", inner / accuracy, inner % accuracy)
}

#[rpc(server)]
pub trait LiquidStakingRpc {
	/// BST per stBST.
	#[method(name = "liquidStaking_rate")]
	fn rate(&self, at: Option<Hash>) -> RpcResult<String>;

	/// The pool's state and what its next era work will do.
	#[method(name = "liquidStaking_poolSummary")]
	fn pool_summary(&self, at: Option<Hash>) -> RpcResult<PoolSummary>;

	/// The unclaimed unlock requests of `who`.
	#[method(name = "liquidStaking_unlockRequests")]
	fn unlock_requests(&self, who: AccountId, at: Option<Hash>) -> RpcResult<Vec<UnlockRequest>>;

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

fn runtime_error(e: impl std::fmt::Display) -> ErrorObjectOwned {
	ErrorObject::owned(1, format!("runtime API call failed: {e}"), None::<()>)
}

fn amount(text: &str) -> RpcResult<Balance> {
	text.parse()
		.map_err(|e| ErrorObject::owned(2, format!("not an amount: {text}: {e}"), None::<()>))
}

impl<C> LiquidStakingRpcServer for LiquidStaking<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: LiquidStakingApi<Block, AccountId>,
{
	fn rate(&self, at: Option<Hash>) -> RpcResult<String> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().rate(at).map(fixed).map_err(runtime_error)
	}

	fn pool_summary(&self, at: Option<Hash>) -> RpcResult<PoolSummary> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let s = self.client.runtime_api().pool_summary(at).map_err(runtime_error)?;
		Ok(PoolSummary {
			rate: fixed(s.rate),
			total_pooled: s.total_pooled.to_string(),
			active_bonded: s.active_bonded.to_string(),
			pending_bond: s.pending_bond.to_string(),
			deferred: s.deferred.to_string(),
			supply: s.supply.to_string(),
			protocol_fee: s.protocol_fee.deconstruct(),
			fast_redeem_fee: s.fast_redeem_fee.deconstruct(),
			mint_cap: s.mint_cap.map(|c| c.to_string()),
			minting_paused: s.minting_paused,
			last_era: s.last_era,
			waiting_redemptions: s.waiting_redemptions.to_string(),
			bondable: s.bondable.to_string(),
		})
	}

	fn unlock_requests(&self, who: AccountId, at: Option<Hash>) -> RpcResult<Vec<UnlockRequest>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let requests = self.client.runtime_api().unlock_requests(at, who).map_err(runtime_error)?;
		Ok(requests
			.into_iter()
			.map(|r| UnlockRequest {
				id: r.id,
				era: r.era,
				claimable_era: r.claimable_era,
				claimable: r.claimable,
				value: r.value.to_string(),
			})
			.collect())
	}

	fn value_of(&self, shares: String, at: Option<Hash>) -> RpcResult<String> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let shares = amount(&shares)?;
		self.client
			.runtime_api()
			.value_of(at, shares)
			.map(|v| v.to_string())
			.map_err(runtime_error)
	}
}
