//! The pallet's tests. Each runs on the mock's genesis and ends with `do_try_state`.

mod allocations;
mod assets;
mod delegation;
mod operators;
mod properties;
mod rewards;
mod slashing;
mod vaults;

use crate::{mock::*, Pools, RestakeAsset, WithdrawalId};
use frame_support::assert_ok;

/// Registers operator `n` with a 10% commission.
pub(crate) fn register(n: u8) -> AccountId {
	let operator = op(n);
	assert_ok!(Restaking::register_operator(
		RuntimeOrigin::signed(operator.clone()),
		b"operator".to_vec(),
		sp_runtime::Perbill::from_percent(10)
	));
	operator
}

/// Delegates `amount` of `asset` from `who` to `operator`, returning the shares minted.
pub(crate) fn delegate(who: &AccountId, operator: &AccountId, asset: RestakeAsset, amount: Balance) -> Balance {
	let before = shares(who, operator, &asset);
	assert_ok!(Restaking::delegate(RuntimeOrigin::signed(who.clone()), operator.clone(), asset.clone(), amount));
	shares(who, operator, &asset) - before
}

/// `who`'s shares in `operator`'s `asset` pool.
pub(crate) fn shares(who: &AccountId, operator: &AccountId, asset: &RestakeAsset) -> Balance {
	Restaking::delegation(who, operator, asset).shares
}

/// What `who`'s delegation is worth now.
pub(crate) fn value(who: &AccountId, operator: &AccountId, asset: &RestakeAsset) -> Balance {
	Pools::<Test>::get(operator, asset).active_value(shares(who, operator, asset))
}

/// Undelegates `shares` and returns the withdrawal id.
pub(crate) fn undelegate(who: &AccountId, operator: &AccountId, asset: RestakeAsset, shares: Balance) -> WithdrawalId {
	assert_ok!(Restaking::undelegate(RuntimeOrigin::signed(who.clone()), operator.clone(), asset, shares));
	crate::NextWithdrawalId::<Test>::get() - 1
}

/// What withdrawal `id` would pay now.
pub(crate) fn withdrawal_value(id: WithdrawalId) -> Balance {
	let w = crate::Withdrawals::<Test>::get(id).expect("withdrawal exists");
	let pool = Pools::<Test>::get(&w.operator, &w.asset);
	if w.epoch == pool.exiting_epoch {
		pool.exiting_value(w.shares)
	} else {
		0
	}
}

/// Operator `n` registered, member of AVS A, allocating `percent` of its stBST pool to it
/// (effective once the allocation delay passed).
pub(crate) fn allocated_operator(n: u8, percent: u32) -> AccountId {
	let operator = register(n);
	join(AVS_A, &operator);
	assert_ok!(Restaking::allocate(
		RuntimeOrigin::signed(operator.clone()),
		AVS_A,
		STBST,
		sp_runtime::Perbill::from_percent(percent)
	));
	advance(ALLOCATION_DELAY);
	operator
}
