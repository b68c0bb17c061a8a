//! `veto_slash`: by the AVS's veto origin only, before the window ends.

use super::*;
use crate::{Error, Freezes, History, Queue, SlashOutcome, Slashes};
use frame_support::{assert_noop, assert_ok};

#[test]
fn the_committee_vetoes_and_the_operator_is_released() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_A, 50)]);
		let id = request(AVS_A, operator, 10, 1);
		advance(VETO_WINDOW - 1);
		assert_ok!(CrossSlashing::veto_slash(RuntimeOrigin::signed(COMMITTEE_A), id));

		assert!(!Slashes::<Test>::contains_key(id));
		assert!(Queue::<Test>::get().is_empty());
		assert_eq!(Freezes::<Test>::get(operator), 0);
		assert_eq!(FakeRestaking::frozen(operator), 0);
		let history = History::<Test>::get(operator);
		assert_eq!(history.len(), 1);
		assert_eq!(history[0].outcome, SlashOutcome::Vetoed);
		assert_eq!(history[0].resolved_at, VETO_WINDOW);
		assert!(matches!(events().last(), Some(Event::SlashVetoed { id: 0, avs: AVS_A, .. })));
		// Nothing happens when the window ends.
		advance(5);
		assert_eq!(pool(operator, &STBST).active_assets, 1_000 * UNIT);
		assert!(executed(id).is_none());
	});
}

#[test]
fn the_council_vetoes_the_slashes_of_council_vetoed_avss() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_B, 50)]);
		let id = request(AVS_B, operator, 10, 1);
		assert_ok!(CrossSlashing::veto_slash(RuntimeOrigin::root(), id));
		assert_eq!(FakeRestaking::frozen(operator), 0);
	});
}

#[test]
fn a_veto_by_a_wrong_origin_is_refused() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_A, 50), (AVS_B, 50)]);
		let a = request(AVS_A, operator, 10, 1);
		let b = request(AVS_B, operator, 10, 1);
		// A is vetoed by its committee only: not the council, not A's slasher, not another
		// AVS's committee, not the operator.
		for origin in [
			RuntimeOrigin::root(),
			RuntimeOrigin::none(),
			RuntimeOrigin::signed(SLASHER_A),
			RuntimeOrigin::signed(COMMITTEE_C),
			RuntimeOrigin::signed(operator),
		] {
			assert_noop!(CrossSlashing::veto_slash(origin, a), Error::<Test>::NotVetoOrigin);
		}
		// B is vetoed by the council only.
		for origin in [RuntimeOrigin::signed(COMMITTEE_A), RuntimeOrigin::signed(SLASHER_B), RuntimeOrigin::none()] {
			assert_noop!(CrossSlashing::veto_slash(origin, b), Error::<Test>::NotVetoOrigin);
		}
	});
}

#[test]
fn the_veto_policy_in_force_at_request_applies() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_A, 50)]);
		let id = request(AVS_A, operator, 10, 1);
		// The AVS hands its veto to another account afterwards: too late for this slash.
		FakeRegistry::mutate_terms(AVS_A, |t| t.veto = bastion_primitives::restaking::VetoPolicy::Committee(999));
		assert_noop!(CrossSlashing::veto_slash(RuntimeOrigin::signed(999), id), Error::<Test>::NotVetoOrigin);
		assert_ok!(CrossSlashing::veto_slash(RuntimeOrigin::signed(COMMITTEE_A), id));
	});
}

#[test]
fn no_veto_once_the_window_is_over() {
	build_and_execute(|| {
		MaxExecutionsPerBlock::set(1);
		let operator = operator_with_stake(1, &[(AVS_A, 50)]);
		let first = request(AVS_A, operator, 10, 1);
		let second = request(AVS_A, operator, 10, 2);
		advance(VETO_WINDOW);
		// The hook executed the first; the second is due but waits for the next block.
		assert!(executed(first).is_some());
		assert!(Slashes::<Test>::contains_key(second));
		assert_noop!(
			CrossSlashing::veto_slash(RuntimeOrigin::signed(COMMITTEE_A), second),
			Error::<Test>::VetoWindowOver
		);
	});
}

#[test]
fn vetoing_twice_or_an_unknown_slash_is_refused() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_A, 50)]);
		let id = request(AVS_A, operator, 10, 1);
		assert_ok!(CrossSlashing::veto_slash(RuntimeOrigin::signed(COMMITTEE_A), id));
		assert_noop!(CrossSlashing::veto_slash(RuntimeOrigin::signed(COMMITTEE_A), id), Error::<Test>::AlreadyResolved);
		assert_noop!(CrossSlashing::veto_slash(RuntimeOrigin::signed(COMMITTEE_A), 42), Error::<Test>::UnknownSlash);
		// An executed slash can't be vetoed either.
		let id = request(AVS_A, operator, 10, 2);
		advance(VETO_WINDOW);
		assert!(executed(id).is_some());
		assert_noop!(CrossSlashing::veto_slash(RuntimeOrigin::signed(COMMITTEE_A), id), Error::<Test>::AlreadyResolved);
	});
}
