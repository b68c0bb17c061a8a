//! Operators: registration, commission, validator link, leaving.

use super::*;
use crate::{operator_impls::LINK_CONTEXT, Error, Event, Operators, StashOperators};
use codec::Encode;
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{MultiSignature, Perbill};

#[test]
fn registering_holds_the_deposit() {
	build_and_execute(|| {
		let operator = register(1);
		let held = Balances::balance_on_hold(&crate::HoldReason::OperatorDeposit.into(), &operator);
		assert_eq!(held, 10 * UNIT);
		assert!(events().contains(&Event::OperatorRegistered { operator: operator.clone(), commission: Perbill::from_percent(10) }));
		assert_noop!(
			Restaking::register_operator(RuntimeOrigin::signed(operator), vec![], Perbill::zero()),
			Error::<Test>::AlreadyOperator
		);
		assert_noop!(
			Restaking::register_operator(RuntimeOrigin::signed(op(2)), vec![0; 65], Perbill::zero()),
			Error::<Test>::TooLong
		);
		assert_noop!(
			Restaking::register_operator(RuntimeOrigin::signed(acc(200)), vec![], Perbill::zero()),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn commission_changes_wait_the_delay() {
	build_and_execute(|| {
		let operator = register(1);
		assert_ok!(Restaking::set_commission(RuntimeOrigin::signed(operator.clone()), Perbill::from_percent(50)));
		let now = System::block_number();
		assert_eq!(Operators::<Test>::get(&operator).unwrap().commission_at(now), Perbill::from_percent(10));
		advance(COMMISSION_DELAY);
		let now = System::block_number();
		assert_eq!(Operators::<Test>::get(&operator).unwrap().commission_at(now), Perbill::from_percent(50));
		assert_noop!(
			Restaking::set_commission(RuntimeOrigin::signed(operator), Perbill::from_percent(50)),
			Error::<Test>::NoChange
		);
		assert_noop!(
			Restaking::set_commission(RuntimeOrigin::signed(acc(1)), Perbill::zero()),
			Error::<Test>::NotOperator
		);
	});
}

fn proof(stash: Sr25519Keyring, operator: &AccountId) -> MultiSignature {
	stash.sign(&(LINK_CONTEXT, operator).encode()).into()
}

#[test]
fn linking_a_stash_needs_its_signature() {
	build_and_execute(|| {
		let operator = register(1);
		let stash = Sr25519Keyring::Alice.to_account_id();
		// No proof, a proof by someone else, a proof for another operator: refused.
		assert_noop!(
			Restaking::link_validator(RuntimeOrigin::signed(operator.clone()), stash.clone(), None),
			Error::<Test>::BadStashProof
		);
		assert_noop!(
			Restaking::link_validator(
				RuntimeOrigin::signed(operator.clone()),
				stash.clone(),
				Some(proof(Sr25519Keyring::Bob, &operator))
			),
			Error::<Test>::BadStashProof
		);
		assert_noop!(
			Restaking::link_validator(
				RuntimeOrigin::signed(operator.clone()),
				stash.clone(),
				Some(proof(Sr25519Keyring::Alice, &op(2)))
			),
			Error::<Test>::BadStashProof
		);
		assert_ok!(Restaking::link_validator(
			RuntimeOrigin::signed(operator.clone()),
			stash.clone(),
			Some(proof(Sr25519Keyring::Alice, &operator))
		));
		assert_eq!(StashOperators::<Test>::get(&stash), Some(operator.clone()));
		let other = register(2);
		assert_noop!(
			Restaking::link_validator(
				RuntimeOrigin::signed(other.clone()),
				stash,
				Some(proof(Sr25519Keyring::Alice, &other))
			),
			Error::<Test>::StashAlreadyLinked
		);
		// An operator that is its own stash needs no proof.
		assert_ok!(Restaking::link_validator(RuntimeOrigin::signed(other.clone()), other.clone(), None));
	});
}

#[test]
fn leaving_stops_new_stake_and_releases_the_deposit_after_the_delay() {
	build_and_execute(|| {
		let operator = allocated_operator(1, 50);
		delegate(&acc(1), &operator, STBST, 100 * UNIT);
		assert_ok!(Restaking::leave(RuntimeOrigin::signed(operator.clone())));
		assert_noop!(
			Restaking::delegate(RuntimeOrigin::signed(acc(2)), operator.clone(), STBST, UNIT),
			Error::<Test>::OperatorLeaving
		);
		// Its allocation is still slashable until the deallocation delay is over.
		assert_eq!(Restaking::slashable_fraction(&operator, AVS_A, &STBST), Perbill::from_percent(50));
		assert_noop!(Restaking::finish_leaving(RuntimeOrigin::signed(operator.clone())), Error::<Test>::NotLeftYet);
		advance(DEALLOCATION_DELAY.max(WITHDRAWAL_DELAY));
		assert_eq!(Restaking::slashable_fraction(&operator, AVS_A, &STBST), Perbill::zero());
		assert_ok!(Restaking::finish_leaving(RuntimeOrigin::signed(operator.clone())));
		assert!(Operators::<Test>::get(&operator).is_none());
		// Delegators leave at will.
		let s = shares(&acc(1), &operator, &STBST);
		let id = undelegate(&acc(1), &operator, STBST, s);
		advance(WITHDRAWAL_DELAY);
		assert_ok!(Restaking::complete_withdrawal(RuntimeOrigin::signed(acc(1)), id));
		assert_eq!(balance(&STBST, &acc(1)), INITIAL);
	});
}
