//! The pallet's tests. Each runs on the mock's genesis and ends with `do_try_state`.

mod admin;
mod attacks;
mod era;
mod holders;
mod properties;
mod slashing;

use crate::{mock::*, Pool, PoolLedger};

/// The pool's ledger.
pub(crate) fn pool() -> PoolLedger {
	Pool::<Test>::get()
}

/// Mints `amount` BST for `who` and returns the stBST received.
pub(crate) fn mint(who: AccountId, amount: Balance) -> Balance {
	let before = stbst(who);
	frame_support::assert_ok!(LiquidStaking::mint(RuntimeOrigin::signed(who), amount));
	stbst(who) - before
}

/// Redeems `shares` for `who` and returns the request id.
pub(crate) fn redeem(who: AccountId, shares: Balance) -> crate::RequestId {
	frame_support::assert_ok!(LiquidStaking::redeem(RuntimeOrigin::signed(who), shares));
	crate::NextRequestId::<Test>::get() - 1
}

/// The latest value of the `EraProcessed` event.
pub(crate) fn last_era_event() -> Option<crate::Event<Test>> {
	events().into_iter().rev().find(|e| matches!(e, crate::Event::EraProcessed { .. }))
}
