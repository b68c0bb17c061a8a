//! The node's JSON-RPC methods beyond Substrate's defaults: accounts' nonces
//! (`system_accountNextIndex`), fee queries (`payment_*`), BABE (`babe_epochAuthorship`),
//! GRANDPA (`grandpa_*`) and Bastion's own (`liquidStaking_*`).

mod liquid_staking;

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
	C::Api: BlockBuilder<Block>,
	P: TransactionPool + 'static,
	SC: SelectChain<Block> + 'static,
	B: sc_client_api::Backend<Block> + Send + Sync + 'static,
	B::State: sc_client_api::StateBackend<sp_runtime::traits::HashingFor<Block>>,
{
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use sc_consensus_babe_rpc::{Babe, BabeApiServer};
	use sc_consensus_grandpa_rpc::{Grandpa, GrandpaApiServer};
	use liquid_staking::{LiquidStaking, LiquidStakingRpcServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let FullDeps { client, pool, babe, grandpa } = deps;
	let mut module = RpcModule::new(());

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(LiquidStaking::new(client.clone()).into_rpc())?;
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
