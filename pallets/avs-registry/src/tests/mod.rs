//! The pallet's tests. Each runs on the mock's genesis and ends with `do_try_state`.

mod config;
mod directory;
mod lifecycle;
mod membership;
mod properties;
mod rewards;

use crate::{mock::*, Avs, AvsConfigParams, AvsInfo, Membership, NextAvsId};
use bastion_primitives::restaking::{AvsId, RestakeAsset};
use frame_support::assert_ok;

/// BST as a restake asset.
pub(crate) const BST: RestakeAsset = RestakeAsset::Native;

/// stBST as a restake asset.
pub(crate) fn st() -> RestakeAsset {
	RestakeAsset::WithId(STBST)
}

/// Registers an AVS owned by `owner` with `config` and no metadata; returns its id.
pub(crate) fn register_with(owner: AccountId, config: AvsConfigParams<AccountId, u64>) -> AvsId {
	assert_ok!(AvsRegistry::register_avs(RuntimeOrigin::signed(owner), vec![], config));
	NextAvsId::<Test>::get() - 1
}

/// Registers an AVS owned by `ALICE` with the mock's default configuration.
pub(crate) fn register() -> AvsId {
	register_with(ALICE, config())
}

/// The stored record of `avs`.
pub(crate) fn info(avs: AvsId) -> AvsInfo<Test> {
	Avs::<Test>::get(avs).expect("the AVS exists")
}

/// Makes `who` an operator with `stake` of BST and of stBST delegated, and a member of `avs`.
pub(crate) fn join(who: AccountId, avs: AvsId, stake: Balance) {
	make_operator(who, &[(BST, stake), (st(), stake)]);
	assert_ok!(AvsRegistry::opt_in(RuntimeOrigin::signed(who), avs));
}
