//! The correlated-risk cap: per (operator, asset), the slashes executed in the last
//! `CapWindow` blocks take at most `MaxOperatorSlashPerWindow` of the pool, compounded.
//!
//! A delegation present through the window keeps `Π(1 - taken)` of its value; the cap keeps
//! that at or above `1 - MaxOperatorSlashPerWindow`. The window slides: a slash counts for
//! `CapWindow` blocks from its execution, so no span of `CapWindow` blocks, wherever it
//! starts, loses more than the cap (a fixed window would allow twice the cap across its
//! boundary). All rounding is towards a stricter cap.

use crate::{pallet::*, CapEntry, RestakeAsset};
use frame_support::{pallet_prelude::*, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{traits::Saturating, Perbill};

/// Parts per billion of one.
const ONE: u64 = 1_000_000_000;

/// The share of a pool left after taking `taken` of it, from `retained`, in parts per
/// billion (rounded down: counts a little more loss).
fn retain(retained: u64, taken: Perbill) -> u64 {
	let left = ONE.saturating_sub(taken.deconstruct() as u64);
	// Both factors are at most 10^9: the product fits in a u64.
	retained.saturating_mul(left) / ONE
}

/// The product of `a` and `b`, rounded down.
pub(crate) fn mul_fraction(a: Perbill, b: Perbill) -> Perbill {
	Perbill::from_parts(((a.deconstruct() as u64).saturating_mul(b.deconstruct() as u64) / ONE) as u32)
}

/// A cap ledger of one pool of this runtime.
pub(crate) type LedgerOf<T> = BoundedVec<CapEntry<BlockNumberFor<T>>, <T as Config>::MaxHistory>;

impl<T: Config> Pallet<T> {
	/// The slashes of `operator`'s `asset` pool still in the window at `now`.
	pub(crate) fn cap_ledger(operator: &T::AccountId, asset: &RestakeAsset, now: BlockNumberFor<T>) -> LedgerOf<T> {
		let mut ledger = CapLedger::<T>::get(operator, asset);
		let window = T::CapWindow::get();
		ledger.retain(|entry| now.saturating_sub(entry.at) < window);
		ledger
	}

	/// What the slashes in `ledger` took of the pool, compounded.
	pub(crate) fn slashed_in_window(ledger: &LedgerOf<T>) -> Perbill {
		let retained = ledger.iter().fold(ONE, |r, entry| retain(r, entry.taken));
		Perbill::from_parts(ONE.saturating_sub(retained) as u32)
	}

	/// The largest fraction of the pool a slash may take now: `g` with
	/// `retained × (1 - g) >= 1 - cap`, rounded down.
	pub(crate) fn room(ledger: &LedgerOf<T>) -> Perbill {
		let retained = ledger.iter().fold(ONE, |r, entry| retain(r, entry.taken));
		let floor = ONE.saturating_sub(T::MaxOperatorSlashPerWindow::get().deconstruct() as u64);
		if retained <= floor {
			return Perbill::zero();
		}
		// retained > floor >= 0, and (retained - floor) * ONE fits in a u64 (at most 10^18).
		Perbill::from_parts(((retained - floor).saturating_mul(ONE) / retained) as u32)
	}

	/// Counts a slash taking `taken` at `now` in `ledger`. When the ledger is full, its two
	/// oldest entries are merged into one counted until the younger one leaves the window:
	/// the merged slash counts longer than the older one would have, never shorter.
	pub(crate) fn record_in_ledger(ledger: &mut LedgerOf<T>, now: BlockNumberFor<T>, taken: Perbill) {
		let mut entry = CapEntry { at: now, taken };
		if ledger.len() >= T::MaxHistory::get() as usize && !ledger.is_empty() {
			let oldest = ledger.remove(0);
			let merge_into = ledger.get_mut(0).unwrap_or(&mut entry);
			let retained = retain(retain(ONE, oldest.taken), merge_into.taken);
			merge_into.taken = Perbill::from_parts(ONE.saturating_sub(retained) as u32);
		}
		if ledger.try_push(entry).is_err() {
			// Only with `MaxHistory` = 0, which `integrity_test` rules out.
			log::error!(target: crate::LOG_TARGET, "cap ledger has no room: is MaxHistory zero?");
		}
	}

	/// Stores `ledger` for `operator`'s `asset` pool (removes it when empty).
	pub(crate) fn put_cap_ledger(operator: &T::AccountId, asset: &RestakeAsset, ledger: LedgerOf<T>) {
		if ledger.is_empty() {
			CapLedger::<T>::remove(operator, asset);
		} else {
			CapLedger::<T>::insert(operator, asset, ledger);
		}
	}

	/// When the oldest slash in `ledger` leaves the window.
	pub(crate) fn frees_at(ledger: &LedgerOf<T>) -> Option<BlockNumberFor<T>> {
		ledger.first().map(|entry| entry.at.saturating_add(T::CapWindow::get()))
	}
}

#[cfg(test)]
mod unit {
	use super::*;

	#[test]
	fn compounded_retention_rounds_towards_loss() {
		assert_eq!(retain(ONE, Perbill::from_percent(30)), 700_000_000);
		assert_eq!(retain(700_000_000, Perbill::from_percent(30)), 490_000_000);
		assert_eq!(retain(ONE, Perbill::one()), 0);
		assert_eq!(retain(ONE, Perbill::zero()), ONE);
		assert_eq!(mul_fraction(Perbill::from_percent(10), Perbill::from_percent(50)), Perbill::from_percent(5));
		assert_eq!(mul_fraction(Perbill::one(), Perbill::one()), Perbill::one());
	}
}
