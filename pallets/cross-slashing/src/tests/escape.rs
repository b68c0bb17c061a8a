//! No escape, and no wiping: the bugs Tangle's slashing had. A pending slash survives
//! whatever another AVS, the operator, the registry or a delegator does, and stake exposed
//! at the offence is hit.

use super::*;
use crate::{Freezes, Slashes};
use bastion_primitives::restaking::SlashDestination;
use frame_support::{assert_ok, traits::Hooks};

#[test]
fn another_avs_vetoing_its_slash_does_not_cancel_this_one() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_A, 50), (AVS_B, 50)]);
		let a = request(AVS_A, operator, 10, 1);
		let b = request(AVS_B, operator, 10, 1);
		assert_ok!(CrossSlashing::veto_slash(RuntimeOrigin::root(), b));
		// One freeze per slash: the operator is still frozen for A's.
		assert_eq!(FakeRestaking::frozen(operator), 1);
		assert!(Slashes::<Test>::contains_key(a));
		advance(VETO_WINDOW);
		assert_eq!(of(&executed(a).unwrap(), &STBST).active, 50 * UNIT);
		assert!(executed(b).is_none());
	});
}

#[test]
fn another_avs_executing_its_slash_does_not_cancel_this_one() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_A, 50), (AVS_B, 50)]);
		let b = request(AVS_B, operator, 10, 1);
		advance(5);
		let a = request(AVS_A, operator, 10, 1);
		advance(VETO_WINDOW - 5);
		assert!(executed(b).is_some());
		assert!(Slashes::<Test>::contains_key(a));
		assert_eq!(Freezes::<Test>::get(operator), 1);
		assert_eq!(FakeRestaking::frozen(operator), 1);
		advance(5);
		assert!(executed(a).is_some());
		assert_eq!(FakeRestaking::frozen(operator), 0);
	});
}

#[test]
fn another_avs_opting_the_operator_out_does_not_cancel_this_one() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_A, 50), (AVS_B, 50)]);
		let a = request(AVS_A, operator, 10, 1);
		// B removes the operator (and so does A itself): restaking deallocates.
		FakeRegistry::opt_out(AVS_B, operator);
		FakeRegistry::opt_out(AVS_A, operator);
		// Even once the deallocation is over, the slash uses the allocation at request.
		System::set_block_number(1 + DEALLOCATION_DELAY);
		assert_eq!(
			<FakeRestaking as bastion_primitives::restaking::Restaking<_>>::allocation(&operator, AVS_A, &STBST),
			Perbill::zero()
		);
		CrossSlashing::on_initialize(1 + DEALLOCATION_DELAY);
		let stbst = of(&executed(a).unwrap(), &STBST);
		assert_eq!(stbst.allocation, Perbill::from_percent(50));
		assert_eq!(stbst.active, 50 * UNIT);
	});
}

#[test]
fn opting_out_between_the_offence_and_the_request_does_not_escape() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_A, 50)]);
		let offence = System::block_number();
		FakeRegistry::opt_out(AVS_A, operator);
		advance(SLASH_WINDOW);
		// No longer a member, but still allocated (the deallocation delay is not over).
		let id = crate::NextSlashId::<Test>::get();
		assert_ok!(CrossSlashing::request_slash(
			RuntimeOrigin::signed(SLASHER_A),
			AVS_A,
			operator,
			Perbill::from_percent(10),
			evidence(1),
			offence
		));
		advance(VETO_WINDOW);
		assert_eq!(of(&executed(id).unwrap(), &STBST).active, 50 * UNIT);
	});
}

#[test]
fn leaving_does_not_escape_a_pending_slash() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_A, 50)]);
		let id = request(AVS_A, operator, 10, 1);
		// Restaking refuses to let a frozen operator leave or deallocate.
		assert!(FakeRestaking::leave(operator).is_err());
		assert!(FakeRestaking::allocate(operator, AVS_A, STBST, Perbill::zero()).is_err());
		advance(VETO_WINDOW);
		assert_eq!(of(&executed(id).unwrap(), &STBST).active, 50 * UNIT);
		assert_ok!(FakeRestaking::leave(operator));
	});
}

#[test]
fn leaving_right_after_the_offence_does_not_escape() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_A, 50)]);
		let offence = System::block_number();
		assert_ok!(FakeRestaking::leave(operator));
		advance(SLASH_WINDOW - 1);
		let id = crate::NextSlashId::<Test>::get();
		assert_ok!(CrossSlashing::request_slash(
			RuntimeOrigin::signed(SLASHER_A),
			AVS_A,
			operator,
			Perbill::from_percent(10),
			evidence(1),
			offence
		));
		advance(VETO_WINDOW);
		assert_eq!(of(&executed(id).unwrap(), &STBST).active, 50 * UNIT);
	});
}

#[test]
fn pausing_changing_or_deregistering_the_avs_does_not_escape() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_A, 50)]);
		let id = request(AVS_A, operator, 10, 1);
		FakeRegistry::pause(AVS_A);
		FakeRegistry::mutate_terms(AVS_A, |t| t.destination = SlashDestination::Account(666));
		FakeRegistry::deregister(AVS_A);
		advance(VETO_WINDOW);
		let stbst = of(&executed(id).unwrap(), &STBST);
		assert_eq!(stbst.active, 50 * UNIT);
		// To the destination in force at request.
		assert_eq!(Received::get((SlashDestination::Account(FUND_A), STBST)), 50 * UNIT);
		assert_eq!(Received::get((SlashDestination::Account(666), STBST)), 0);
	});
}

#[test]
fn a_delegator_undelegating_after_the_offence_is_still_hit() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_A, 100)]);
		let offence = System::block_number();
		// Alice runs for the exit right after the offence, before the request.
		let early = FakeRestaking::undelegate(ALICE, operator, STBST, 600 * UNIT).unwrap();
		advance(5);
		let id = crate::NextSlashId::<Test>::get();
		assert_ok!(CrossSlashing::request_slash(
			RuntimeOrigin::signed(SLASHER_A),
			AVS_A,
			operator,
			Perbill::from_percent(20),
			evidence(1),
			offence
		));
		// Bob runs after the request.
		let late = FakeRestaking::undelegate(BOB, operator, STBST, 400 * UNIT).unwrap();
		// Nothing completes while the slash is pending.
		advance(VETO_WINDOW - 1);
		assert!(FakeRestaking::complete_withdrawal(early).is_err());
		advance(1);
		let stbst = of(&executed(id).unwrap(), &STBST);
		assert_eq!((stbst.active, stbst.exiting), (0, 200 * UNIT));
		assert_eq!(FakeRestaking::withdrawal_value(early), 480 * UNIT);
		assert_eq!(FakeRestaking::withdrawal_value(late), 320 * UNIT);
	});
}

#[test]
fn a_withdrawal_unlocking_while_a_slash_is_pending_waits_and_is_hit() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_A, 100)]);
		let withdrawal = FakeRestaking::undelegate(ALICE, operator, STBST, 600 * UNIT).unwrap();
		// The offence happens just before the withdrawal unlocks; the request comes after
		// the unlock, before Alice completes it (had she completed it first, she would have
		// left: her exit began before the offence, which invariant 6 allows).
		run_to_block(WITHDRAWAL_DELAY - 1);
		let offence = System::block_number();
		MaxPending::set(0); // no automatic execution: the slash stays pending for long
		run_to_block(WITHDRAWAL_DELAY + 2);
		let id = crate::NextSlashId::<Test>::get();
		assert_ok!(CrossSlashing::request_slash(
			RuntimeOrigin::signed(SLASHER_A),
			AVS_A,
			operator,
			Perbill::from_percent(10),
			evidence(1),
			offence
		));
		// Unlocked, but frozen: the exit waits for the slash.
		assert!(FakeRestaking::complete_withdrawal(withdrawal).is_err());
		run_to_block(WITHDRAWAL_DELAY + 2 + 3 * VETO_WINDOW);
		assert!(FakeRestaking::complete_withdrawal(withdrawal).is_err());
		assert_ok!(CrossSlashing::execute_slash(RuntimeOrigin::signed(ALICE), id));
		assert_eq!(FakeRestaking::complete_withdrawal(withdrawal), Ok(540 * UNIT));
	});
}
