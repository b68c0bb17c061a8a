//! The runtime APIs of Bastion's pallets. polkadot.js reads them from the metadata; the
//! node's JSON-RPC methods call them.

use crate::{liquid_staking::*, Balance};
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
}
