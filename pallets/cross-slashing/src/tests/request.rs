//! `request_slash`: what it records, and every input it refuses.

use super::*;
use crate::{AvsPending, Error, Freezes, OperatorPending, Queue, SlashSource, Slashes, UsedEvidence};
use bastion_primitives::restaking::{PendingSlashes, SlashDestination, VetoPolicy};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn a_request_records_the_allocations_freezes_and_queues() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_A, 50)]);
		FakeRestaking::set_allocation(operator, AVS_A, BST, Perbill::from_percent(20));
		let id = request(AVS_A, operator, 10, 1);

		let slash = Slashes::<Test>::get(id).unwrap();
		assert_eq!(slash.operator, operator);
		assert_eq!(slash.fraction, Perbill::from_percent(10));
		assert_eq!(
			slash.allocations.into_inner(),
			vec![(STBST, Perbill::from_percent(50)), (BST, Perbill::from_percent(20))]
		);
		assert_eq!(slash.executable_at, 1 + VETO_WINDOW);
		assert_eq!(slash.destination, SlashDestination::Account(FUND_A));
		assert_eq!(slash.veto, VetoPolicy::Committee(COMMITTEE_A));
		assert_eq!(slash.source, SlashSource::Slasher);
		assert!(slash.queued);
		assert_eq!(Queue::<Test>::get().into_inner(), vec![(1 + VETO_WINDOW, id)]);
		assert_eq!(OperatorPending::<Test>::get(operator).into_inner(), vec![(id, AVS_A)]);
		assert_eq!(AvsPending::<Test>::get(AVS_A), 1);
		assert_eq!(Freezes::<Test>::get(operator), 1);
		assert_eq!(FakeRestaking::frozen(operator), 1);
		assert_eq!(UsedEvidence::<Test>::get(CrossSlashing::evidence_hash(AVS_A, &evidence(1))), Some(id));
		assert!(CrossSlashing::avs_has_pending(AVS_A));
		assert!(!CrossSlashing::avs_has_pending(AVS_B));
		assert!(CrossSlashing::operator_has_pending(&operator));
		assert!(!CrossSlashing::operator_has_pending(&op(2)));
		assert!(matches!(
			events().last(),
			Some(Event::SlashRequested { id: 0, avs: AVS_A, auto_execute: true, executable_at: 11, .. })
		));
		// Nothing is slashed yet.
		assert_eq!(pool(operator, &STBST).active_assets, 1_000 * UNIT);
	});
}

#[test]
fn only_the_slasher_may_request() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_A, 50)]);
		for who in [SLASHER_B, COMMITTEE_A, operator, ALICE] {
			assert_noop!(
				CrossSlashing::request_slash(
					RuntimeOrigin::signed(who),
					AVS_A,
					operator,
					Perbill::from_percent(10),
					evidence(1),
					1
				),
				Error::<Test>::NotSlasher
			);
		}
		assert_noop!(
			CrossSlashing::request_slash(
				RuntimeOrigin::none(),
				AVS_A,
				operator,
				Perbill::from_percent(10),
				evidence(1),
				1
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			CrossSlashing::request_slash(
				RuntimeOrigin::root(),
				AVS_A,
				operator,
				Perbill::from_percent(10),
				evidence(1),
				1
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn an_unknown_avs_is_refused() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_A, 50)]);
		assert_noop!(
			CrossSlashing::request_slash(
				RuntimeOrigin::signed(SLASHER_A),
				99,
				operator,
				Perbill::from_percent(10),
				evidence(1),
				1
			),
			Error::<Test>::UnknownAvs
		);
	});
}

#[test]
fn the_fraction_must_be_positive_and_within_the_avs_limit() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_B, 50)]);
		let signed = RuntimeOrigin::signed(SLASHER_B);
		assert_noop!(
			CrossSlashing::request_slash(signed.clone(), AVS_B, operator, Perbill::zero(), evidence(1), 1),
			Error::<Test>::ZeroFraction
		);
		assert_noop!(
			CrossSlashing::request_slash(
				signed.clone(),
				AVS_B,
				operator,
				Perbill::from_parts(300_000_001),
				evidence(1),
				1
			),
			Error::<Test>::FractionAboveLimit
		);
		// Exactly the limit is fine.
		assert_ok!(CrossSlashing::request_slash(signed, AVS_B, operator, Perbill::from_percent(30), evidence(1), 1));
	});
}

#[test]
fn the_evidence_is_bounded() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_A, 50)]);
		assert_noop!(
			CrossSlashing::request_slash(
				RuntimeOrigin::signed(SLASHER_A),
				AVS_A,
				operator,
				Perbill::from_percent(10),
				vec![0; 129],
				1
			),
			Error::<Test>::EvidenceTooLong
		);
		assert_ok!(CrossSlashing::request_slash(
			RuntimeOrigin::signed(SLASHER_A),
			AVS_A,
			operator,
			Perbill::from_percent(10),
			vec![0; 128],
			1
		));
	});
}

#[test]
fn the_offence_must_be_within_the_slash_window_and_not_in_the_future() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_A, 50)]);
		advance(99);
		let now = System::block_number();
		assert_eq!(now, 100);
		let req = |tag, offence| {
			CrossSlashing::request_slash(
				RuntimeOrigin::signed(SLASHER_A),
				AVS_A,
				operator,
				Perbill::from_percent(10),
				evidence(tag),
				offence,
			)
		};
		assert_noop!(req(1, now + 1), Error::<Test>::OffenceInFuture);
		assert_noop!(req(1, now - SLASH_WINDOW - 1), Error::<Test>::OffenceTooOld);
		assert_noop!(req(1, 0), Error::<Test>::OffenceTooOld);
		// The window's ends are in it.
		assert_ok!(req(1, now - SLASH_WINDOW));
		assert_ok!(req(2, now));
	});
}

#[test]
fn the_operator_must_be_allocated_to_the_avs() {
	build_and_execute(|| {
		// Allocated to B only.
		let operator = operator_with_stake(1, &[(AVS_B, 50)]);
		let req = |operator, tag| {
			CrossSlashing::request_slash(
				RuntimeOrigin::signed(SLASHER_A),
				AVS_A,
				operator,
				Perbill::from_percent(10),
				evidence(tag),
				1,
			)
		};
		assert_noop!(req(operator, 1), Error::<Test>::NotAllocated);
		// A member with nothing allocated, and an account that is no operator.
		FakeRegistry::join(AVS_A, operator);
		assert_noop!(req(operator, 1), Error::<Test>::NotAllocated);
		assert_noop!(req(op(9), 1), Error::<Test>::NotAllocated);
		// An allocation increase counts only once in effect.
		assert_ok!(FakeRestaking::allocate(operator, AVS_A, STBST, Perbill::from_percent(40)));
		assert_noop!(req(operator, 1), Error::<Test>::NotAllocated);
		advance(ALLOCATION_DELAY);
		assert_ok!(req(operator, 1));
	});
}

#[test]
fn a_deallocation_in_its_delay_still_counts() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_A, 50)]);
		let offence = System::block_number();
		assert_ok!(FakeRestaking::allocate(operator, AVS_A, STBST, Perbill::zero()));
		assert_ok!(FakeRestaking::allocate(operator, AVS_A, BST, Perbill::zero()));
		advance(SLASH_WINDOW);
		let id = crate::NextSlashId::<Test>::get();
		assert_ok!(CrossSlashing::request_slash(
			RuntimeOrigin::signed(SLASHER_A),
			AVS_A,
			operator,
			Perbill::from_percent(10),
			evidence(1),
			offence
		));
		assert_eq!(Slashes::<Test>::get(id).unwrap().allocations.len(), 2);
	});
}

#[test]
fn the_same_evidence_slashes_once() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_A, 50), (AVS_C, 50)]);
		let id = request(AVS_A, operator, 10, 7);
		let again = || {
			CrossSlashing::request_slash(
				RuntimeOrigin::signed(SLASHER_A),
				AVS_A,
				operator,
				Perbill::from_percent(20),
				evidence(7),
				1,
			)
		};
		assert_noop!(again(), Error::<Test>::DuplicateEvidence);
		// Still used once the slash is vetoed (or executed).
		assert_ok!(CrossSlashing::veto_slash(RuntimeOrigin::signed(COMMITTEE_A), id));
		assert_noop!(again(), Error::<Test>::DuplicateEvidence);
		// The same bytes are another AVS's own evidence.
		request(AVS_C, operator, 10, 7);
	});
}

#[test]
fn pending_slashes_are_bounded_per_operator_and_per_avs() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_A, 30), (AVS_B, 30), (AVS_C, 30)]);
		for tag in 0..3 {
			request(AVS_A, operator, 1, tag);
		}
		assert_noop!(
			CrossSlashing::request_slash(
				RuntimeOrigin::signed(SLASHER_A),
				AVS_A,
				operator,
				Perbill::from_percent(1),
				evidence(3),
				1
			),
			Error::<Test>::TooManyPendingFromAvs
		);
		// The other AVSs are not crowded out by A.
		for tag in 0..3 {
			request(AVS_B, operator, 1, tag);
		}
		for tag in 0..2 {
			request(AVS_C, operator, 1, tag);
		}
		assert_noop!(
			CrossSlashing::request_slash(
				RuntimeOrigin::signed(SLASHER_C),
				AVS_C,
				operator,
				Perbill::from_percent(1),
				evidence(9),
				1
			),
			Error::<Test>::TooManyPending
		);
		assert_eq!(Freezes::<Test>::get(operator), 8);
		assert_eq!(FakeRestaking::frozen(operator), 8);
	});
}

#[test]
fn a_request_against_a_paused_avs_is_taken() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_A, 50)]);
		FakeRegistry::pause(AVS_A);
		request(AVS_A, operator, 10, 1);
	});
}
