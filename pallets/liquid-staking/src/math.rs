//! Exchange-rate arithmetic. Everything rounds in the pool's favour: shares minted and
//! values paid round down, so no sequence of calls extracts more than it put in.

use crate::{Error, PoolLedger};
use bastion_primitives::Balance;
use sp_arithmetic::{
	helpers_128bit::multiply_by_rational_with_rounding, per_things::Rounding, traits::Zero,
};

/// `a * b / c` rounded down, `None` if `c` is zero or the result overflows.
pub fn mul_div_floor(a: Balance, b: Balance, c: Balance) -> Option<Balance> {
	multiply_by_rational_with_rounding(a, b, c, Rounding::Down)
}

/// The share `weight / weights` of `amount`, rounded down; zero when `weights` is zero.
pub fn pro_rata(amount: Balance, weight: Balance, weights: Balance) -> Balance {
	if weights.is_zero() {
		return 0;
	}
	mul_div_floor(amount, weight, weights).unwrap_or(0)
}

/// Takes `amount` out of `parts` in proportion to their sizes: each loses its pro-rata share
/// rounded down, then the rounding remainder is taken from the parts in order. Never takes
/// more than a part holds; returns what could not be taken (non-zero only if `amount`
/// exceeds the parts' sum).
pub fn distribute(amount: Balance, parts: &mut [&mut Balance]) -> Balance {
	let total = parts.iter().fold(0 as Balance, |sum, part| sum.saturating_add(**part));
	let mut left = amount;
	let shares: alloc::vec::Vec<Balance> =
		parts.iter().map(|part| pro_rata(amount.min(total), **part, total)).collect();
	for (part, share) in parts.iter_mut().zip(shares) {
		**part -= share;
		left -= share;
	}
	for part in parts.iter_mut() {
		let take = left.min(**part);
		**part -= take;
		left -= take;
	}
	left
}

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

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn mul_div_rounds_down_and_survives_large_operands() {
		assert_eq!(mul_div_floor(10, 10, 3), Some(33));
		assert_eq!(mul_div_floor(u128::MAX, u128::MAX, u128::MAX), Some(u128::MAX));
		assert_eq!(mul_div_floor(1, 1, 0), None);
		assert_eq!(mul_div_floor(u128::MAX, 2, 1), None);
	}

	#[test]
	fn distribute_conserves_and_is_proportional() {
		let (mut a, mut b, mut c) = (600, 300, 100);
		assert_eq!(distribute(100, &mut [&mut a, &mut b, &mut c]), 0);
		assert_eq!((a, b, c), (540, 270, 90));
		let (mut a, mut b) = (1, 1);
		assert_eq!(distribute(1, &mut [&mut a, &mut b]), 0);
		assert_eq!(a + b, 1);
		let (mut a, mut b) = (5, 5);
		assert_eq!(distribute(15, &mut [&mut a, &mut b]), 5);
		assert_eq!((a, b), (0, 0));
	}

	#[test]
	fn pro_rata_rounds_down() {
		assert_eq!(pro_rata(100, 1, 3), 33);
		assert_eq!(pro_rata(100, 0, 0), 0);
		assert_eq!(pro_rata(1_000, 5, 10), 500);
	}
}
