//! Balance arithmetic shared by the pallets. Results round down; a division by zero or an
//! overflowing result is `None` (or zero where documented), never a panic.

use crate::Balance;
use sp_runtime::{helpers_128bit::multiply_by_rational_with_rounding, Rounding};

/// `a * b / c` rounded down, `None` if `c` is zero or the result overflows.
pub fn mul_div_floor(a: Balance, b: Balance, c: Balance) -> Option<Balance> {
	multiply_by_rational_with_rounding(a, b, c, Rounding::Down)
}

/// The share `weight / weights` of `amount`, rounded down; zero when `weights` is zero.
pub fn pro_rata(amount: Balance, weight: Balance, weights: Balance) -> Balance {
	if weights == 0 {
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
