//! The exchange rate. Everything rounds in the pool's favour: shares minted and values paid
//! round down, so no sequence of calls extracts more than it put in.

use crate::{Error, PoolLedger};
pub use bastion_primitives::math::{distribute, mul_div_floor, pro_rata};
use bastion_primitives::Balance;
use sp_runtime::traits::Zero;

impl PoolLedger {
	/// The stBST `amount` BST buys now.
	pub fn shares_for<T>(&self, amount: Balance) -> Result<Balance, Error<T>> {
		let total_pooled = self.total_pooled();
		if total_pooled.is_zero() {
			return Err(Error::<T>::PoolDepleted);
		}
		mul_div_floor(amount, self.supply, total_pooled).ok_or(Error::<T>::Overflow)
	}

	/// The BST `shares` stBST are worth now.
	pub fn value_of(&self, shares: Balance) -> Balance {
		mul_div_floor(shares, self.total_pooled(), self.supply).unwrap_or(0)
	}
}
