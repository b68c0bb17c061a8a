//! The node's JSON-RPC methods beyond Substrate's defaults: accounts' nonces
//! (`system_accountNextIndex`), fee queries (`payment_*`), BABE (`babe_epochAuthorship`),
//! GRANDPA (`grandpa_*`) and Bastion's own, thin layers over the runtime APIs:
//! `liquidStaking_*`, `restaking_*`, `avs_*`, `slashing_*`. Their results are the runtime
//! API types in JSON: camelCase fields, amounts as decimal strings.

mod avs;
mod liquid_staking;
mod restaking;
mod slashing;

use bastion_runtime::{opaque::Block, AccountId, Balance, Nonce};
use jsonrpsee::RpcModule;
use sc_consensus_babe::BabeWorkerHandle;
use sc_consensus_grandpa::{
	FinalityProofProvider, GrandpaJustificationStream, SharedAuthoritySet, SharedVoterState,
};
use sc_rpc::SubscriptionTaskExecutor;
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};
use sp_consensus::SelectChain;
use sp_keystore::KeystorePtr;
use std::sync::Arc;

/// A block hash.
type Hash = <Block as sp_runtime::traits::Block>::Hash;

/// The block `at`, or the best block.
fn at_or_best<C: HeaderBackend<Block>>(client: &C, at: Option<Hash>) -> Hash {
	at.unwrap_or_else(|| client.info().best_hash)
}

/// A failed runtime API call as a JSON-RPC error.
fn runtime_error(e: impl std::fmt::Display) -> jsonrpsee::types::ErrorObjectOwned {
	jsonrpsee::types::ErrorObject::owned(1, format!("runtime API call failed: {e}"), None::<()>)
}

/// What the BABE methods need.
pub struct BabeDeps<SC> {
	pub worker_handle: BabeWorkerHandle<Block>,
	pub keystore: KeystorePtr,
	pub select_chain: SC,
}

/// What the GRANDPA methods need.
pub struct GrandpaDeps<B> {
	pub shared_voter_state: SharedVoterState,
	pub shared_authority_set: SharedAuthoritySet<bastion_runtime::Hash, bastion_runtime::BlockNumber>,
	pub justification_stream: GrandpaJustificationStream<Block>,
	pub subscription_executor: SubscriptionTaskExecutor,
	pub finality_provider: Arc<FinalityProofProvider<B, Block>>,
}

/// Everything the RPC methods need.
pub struct FullDeps<C, P, SC, B> {
	pub client: Arc<C>,
	pub pool: Arc<P>,
	pub babe: BabeDeps<SC>,
	pub grandpa: GrandpaDeps<B>,
}

/// Builds the RPC module with all of the node's methods.
pub fn create_full<C, P, SC, B>(
	deps: FullDeps<C, P, SC, B>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
	C::Api: pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>,
	C::Api: sp_consensus_babe::BabeApi<Block>,
	C::Api: bastion_primitives::apis::LiquidStakingApi<Block, AccountId>,
	C::Api: bastion_primitives::apis::RestakingApi<Block, AccountId, bastion_runtime::BlockNumber>,
	C::Api: bastion_primitives::apis::AvsApi<Block, AccountId, bastion_runtime::BlockNumber>,
	C::Api: bastion_primitives::apis::SlashingApi<Block, AccountId, bastion_runtime::BlockNumber>,
	C::Api: BlockBuilder<Block>,
	P: TransactionPool + 'static,
	SC: SelectChain<Block> + 'static,
	B: sc_client_api::Backend<Block> + Send + Sync + 'static,
	B::State: sc_client_api::StateBackend<sp_runtime::traits::HashingFor<Block>>,
{
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use sc_consensus_babe_rpc::{Babe, BabeApiServer};
	use sc_consensus_grandpa_rpc::{Grandpa, GrandpaApiServer};
	use avs::{Avs, AvsRpcServer};
	use liquid_staking::{LiquidStaking, LiquidStakingRpcServer};
	use restaking::{Restaking, RestakingRpcServer};
	use slashing::{Slashing, SlashingRpcServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let FullDeps { client, pool, babe, grandpa } = deps;
	let mut module = RpcModule::new(());

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(LiquidStaking::new(client.clone()).into_rpc())?;
	module.merge(Restaking::new(client.clone()).into_rpc())?;
	module.merge(Avs::new(client.clone()).into_rpc())?;
	module.merge(Slashing::new(client.clone()).into_rpc())?;
	module.merge(
		Babe::new(client, babe.worker_handle, babe.keystore, babe.select_chain).into_rpc(),
	)?;
	module.merge(
		Grandpa::new(
			grandpa.subscription_executor,
			grandpa.shared_authority_set,
			grandpa.shared_voter_state,
			grandpa.justification_stream,
			grandpa.finality_provider,
		)
		.into_rpc(),
	)?;

	Ok(module)
}
