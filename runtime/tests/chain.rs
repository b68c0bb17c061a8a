//! The chain foundation on the real runtime: genesis presets, a signed transfer, eras that
//! advance and pay validators, and an equivocation that slashes.
//!
//! Run with the `fast-runtime` feature (the README's test command does): eras are then 30
//! blocks and slashes are deferred one era, so the tests take seconds.

mod common;

use bastion_runtime::{
	Babe, Balances, Runtime, RuntimeCall, RuntimeEvent, Session, System, UNIT,
};
use common::*;
use frame_support::traits::fungible::Inspect;
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave};
use sp_runtime::Perbill;

#[test]
fn every_genesis_preset_builds() {
	let names = bastion_runtime::genesis_config_presets::preset_names();
	assert_eq!(names.len(), 2);
	for name in names {
		new_ext(&name).execute_with(|| {
			assert!(!Session::validators().is_empty(), "{name}: no validators");
			assert_eq!(Babe::authorities().len(), Session::validators().len());
			assert_eq!(bastion_runtime::Grandpa::grandpa_authorities().len(), Session::validators().len());
			assert_eq!(active_era(), 0);
			assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(Alice.to_account_id()));
		});
	}
}

#[test]
fn presets_have_the_documented_validators() {
	new_ext("development").execute_with(|| {
		assert_eq!(Session::validators(), vec![Alice.to_account_id()]);
	});
	new_ext("local_testnet").execute_with(|| {
		let mut expected: Vec<_> =
			[Alice, Bob, Charlie, Dave].iter().map(|k| k.to_account_id()).collect();
		expected.sort();
		let mut validators = Session::validators();
		validators.sort();
		assert_eq!(validators, expected);
	});
}

#[test]
fn a_signed_transfer_executes_and_pays_a_fee_to_the_author() {
	new_ext("development").execute_with(|| {
		next_block();
		let balance = |k: sp_keyring::Sr25519Keyring| Balances::balance(&k.to_account_id());
		let (bob_before, charlie_before, alice_before) = (balance(Bob), balance(Charlie), balance(Alice));
		let amount = 1_000 * UNIT;

		let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: Charlie.to_account_id().into(),
			value: amount,
		});
		apply_signed(Bob, call).expect("valid").expect("dispatches");

		assert_eq!(balance(Charlie), charlie_before + amount);
		let fee = bob_before - amount - balance(Bob);
		assert!(fee > 0, "a fee is charged");
		assert!(fee < UNIT, "the fee is small: {fee}");
		// Alice, the only validator, authored the block and got the fee.
		assert_eq!(balance(Alice), alice_before + fee);
		assert_eq!(System::account_nonce(Bob.to_account_id()), 1);
	});
}

#[test]
fn a_transfer_signed_by_the_wrong_key_is_refused() {
	new_ext("development").execute_with(|| {
		next_block();
		let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: Bob.to_account_id().into(),
			value: UNIT,
		});
		// From Alice, signed with Bob's key.
		let tx = signed_as(Alice.to_account_id(), Bob, call);
		let alice_before = Balances::balance(&Alice.to_account_id());
		start_block();
		assert!(bastion_runtime::Executive::apply_extrinsic(tx).is_err());
		finish_block();
		assert_eq!(Balances::balance(&Alice.to_account_id()), alice_before);
		assert_eq!(System::account_nonce(Alice.to_account_id()), 0);
	});
}

#[test]
fn eras_advance_and_validators_are_paid() {
	new_ext("local_testnet").execute_with(|| {
		run_to_era(1);
		let era = 0;
		let reward = pallet_staking::ErasValidatorReward::<Runtime>::get(era)
			.expect("era 0 ended with a reward");
		assert!(reward > 0);

		let stash = Alice.to_account_id();
		let points = pallet_staking::ErasRewardPoints::<Runtime>::get(era);
		assert!(points.individual.get(&stash).copied().unwrap_or(0) > 0, "Alice authored blocks");

		let bonded_before = pallet_staking::Ledger::<Runtime>::get(&stash).unwrap().total;
		apply_signed(Bob, RuntimeCall::Staking(pallet_staking::Call::payout_stakers {
			validator_stash: stash.clone(),
			era,
		}))
		.expect("valid")
		.expect("payout dispatches");
		let bonded_after = pallet_staking::Ledger::<Runtime>::get(&stash).unwrap().total;
		assert!(bonded_after > bonded_before, "the reward is restaked (payee: Staked)");

		run_to_era(3);
		assert_eq!(active_era(), 3);
	});
}

#[test]
fn a_babe_equivocation_reported_through_offences_slashes_the_offender() {
	new_ext("local_testnet").execute_with(|| {
		run_to_era(1);
		let stash = Dave.to_account_id();
		let bonded_before = pallet_staking::Ledger::<Runtime>::get(&stash).unwrap().active;

		start_block_avoiding(&[validator_index(Dave)]);
		report_babe_equivocation_in_block(Dave);
		assert!(System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::Offences(pallet_offences::Event::Offence { .. })
		)));
		assert!(System::events().iter().any(|r| matches!(
			&r.event,
			RuntimeEvent::Staking(pallet_staking::Event::SlashReported { validator, .. })
				if *validator == stash
		)));
		finish_block();

		// The slash is deferred `SlashDeferDuration` eras, then applied at an era start.
		let apply_at = active_era() + bastion_runtime::SlashDeferDuration::get() + 1;
		run_to_era(apply_at);

		let bonded_after = pallet_staking::Ledger::<Runtime>::get(&stash).unwrap().active;
		// One offender out of four validators: (3 * 1 / 4)^2 = 56.25% of its exposure.
		let expected = bonded_before - Perbill::from_rational(9u32, 16u32) * bonded_before;
		assert!(
			bonded_after <= expected + UNIT && bonded_after + UNIT >= expected,
			"bonded {bonded_before} -> {bonded_after}, expected about {expected}"
		);
		// The others keep their stake.
		let alice = pallet_staking::Ledger::<Runtime>::get(Alice.to_account_id()).unwrap();
		assert!(alice.active >= bastion_runtime::genesis_config_presets::VALIDATOR_BOND);
	});
}
