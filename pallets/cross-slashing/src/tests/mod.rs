//! The pallet's tests. Each runs on the mock's genesis and ends with `do_try_state` and the
//! check that restaking's freeze counts match the pallet's.

mod api;
mod caps;
mod escape;
mod execute;
mod native;
mod properties;
mod request;
mod veto;

use crate::{mock::*, Event, PoolSlash, SlashId};
use bastion_primitives::restaking::AvsId;
use frame_support::assert_ok;
use sp_runtime::Perbill;

/// Delegator accounts.
pub(crate) const ALICE: AccountId = 1;
pub(crate) const BOB: AccountId = 2;
pub(crate) const CAROL: AccountId = 3;

/// The slasher of `avs`.
pub(crate) fn slasher(avs: AvsId) -> AccountId {
	FakeRegistry::slashing_terms_of(avs).slasher
}

impl FakeRegistry {
	/// `avs`'s terms (it must exist).
	pub(crate) fn slashing_terms_of(
		avs: AvsId,
	) -> bastion_primitives::restaking::SlashingTerms<AccountId, BlockNumber> {
		<FakeRegistry as bastion_primitives::restaking::AvsDirectory<_, _>>::slashing_terms(avs).expect("known AVS")
	}
}

/// Operator `n`, registered, with Alice's 600 and Bob's 400 stBST and Carol's 1,000 BST
/// delegated, a member of each AVS in `allocations` with the given percent of both pools
/// allocated (in effect now).
pub(crate) fn operator_with_stake(n: u8, allocations: &[(AvsId, u32)]) -> AccountId {
	let operator = op(n);
	FakeRestaking::register(operator);
	FakeRestaking::delegate(ALICE, operator, STBST, 600 * UNIT);
	FakeRestaking::delegate(BOB, operator, STBST, 400 * UNIT);
	FakeRestaking::delegate(CAROL, operator, BST, 1_000 * UNIT);
	for (avs, percent) in allocations {
		FakeRegistry::join(*avs, operator);
		FakeRestaking::set_allocation(operator, *avs, STBST, Perbill::from_percent(*percent));
		FakeRestaking::set_allocation(operator, *avs, BST, Perbill::from_percent(*percent));
	}
	operator
}

/// Evidence number `tag`.
pub(crate) fn evidence(tag: u32) -> Vec<u8> {
	let mut e = b"evidence-".to_vec();
	e.extend(tag.to_le_bytes());
	e
}

/// `avs`'s slasher requests `percent` of `operator` for an offence now, with evidence `tag`;
/// returns the slash id.
pub(crate) fn request(avs: AvsId, operator: AccountId, percent: u32, tag: u32) -> SlashId {
	let id = crate::NextSlashId::<Test>::get();
	assert_ok!(CrossSlashing::request_slash(
		RuntimeOrigin::signed(slasher(avs)),
		avs,
		operator,
		Perbill::from_percent(percent),
		evidence(tag),
		System::block_number(),
	));
	id
}

/// The pools listed by the `SlashExecuted` event of slash `id`.
pub(crate) fn executed(id: SlashId) -> Option<Vec<PoolSlash>> {
	events().into_iter().find_map(|e| match e {
		Event::SlashExecuted { id: i, pools, .. } if i == id => Some(pools.into_inner()),
		_ => None,
	})
}

/// The pool slash of `asset` in `pools`.
pub(crate) fn of(pools: &[PoolSlash], asset: &bastion_primitives::restaking::RestakeAsset) -> PoolSlash {
	pools.iter().find(|p| p.asset == *asset).cloned().expect("the asset was slashed")
}

/// The fake pool of `operator` in `asset`.
pub(crate) fn pool(operator: AccountId, asset: &bastion_primitives::restaking::RestakeAsset) -> FakePool {
	Pools::get(operator, asset)
}
