//! update_config: milder changes at once, harsher ones after `ConfigChangeDelay`, lazily.

use super::*;
use crate::{Error, Event, PendingConfigs};
use bastion_primitives::restaking::{AvsDirectory, SlashDestination, VetoPolicy};
use frame_support::{assert_noop, assert_ok, traits::Hooks};
use sp_runtime::Perbill;

fn update(avs: AvsId, config: AvsConfigParams<AccountId, u64>) {
	assert_ok!(AvsRegistry::update_config(RuntimeOrigin::signed(ALICE), avs, config));
}

fn terms(avs: AvsId) -> bastion_primitives::restaking::SlashingTerms<AccountId, u64> {
	<AvsRegistry as AvsDirectory<AccountId, u64>>::slashing_terms(avs).expect("registered")
}

#[test]
fn milder_changes_apply_at_once() {
	build_and_execute(|| {
		let avs = register();
		let milder = AvsConfigParams {
			max_slash_per_incident: Perbill::from_percent(5),
			slash_window: 40,
			veto_window: 30,
			accepted_assets: vec![st()],
			min_operator_stake: 10 * UNIT,
			max_operators: 3,
			membership: Membership::AllowList,
			native_coupling: None,
			..config()
		};
		update(avs, milder.clone());
		let record = info(avs);
		assert_eq!(record.config.max_slash_per_incident, Perbill::from_percent(5));
		assert_eq!(record.config.slash_window, 40);
		assert_eq!(record.config.veto_window, 30);
		assert_eq!(record.config.accepted_assets.to_vec(), vec![st()]);
		assert_eq!(record.config.min_operator_stake, 10 * UNIT);
		assert_eq!(record.config.max_operators, 3);
		assert_eq!(record.config.membership, Membership::AllowList);
		assert!(PendingConfigs::<Test>::get(avs).is_none());
		assert!(events().contains(&Event::ConfigUpdated { avs }));
		assert!(!events().iter().any(|e| matches!(e, Event::ConfigChangeScheduled { .. })));
	});
}

#[test]
fn harsher_changes_wait_for_the_delay_and_apply_lazily() {
	build_and_execute(|| {
		let avs = register();
		run_to_block(10);
		let harsher = AvsConfigParams {
			max_slash_per_incident: Perbill::from_percent(30),
			slash_window: 70,
			native_coupling: Some(Perbill::from_percent(10)),
			min_operator_stake: 5,
			..config()
		};
		update(avs, harsher.clone());
		let effective_at = 10 + CONFIG_CHANGE_DELAY;
		assert!(events().contains(&Event::ConfigChangeScheduled { avs, effective_at }));
		// The mild part (the minimum stake) is in force; the rest waits.
		assert_eq!(info(avs).config.min_operator_stake, 5);
		assert_eq!(terms(avs).max_slash_per_incident, Perbill::from_percent(10));
		assert_eq!(terms(avs).slash_window, 50);
		assert_eq!(terms(avs).native_coupling, None);

		run_to_block(effective_at - 1);
		assert_eq!(terms(avs).max_slash_per_incident, Perbill::from_percent(10));
		run_to_block(effective_at);
		// Reads see it from its block on, before any write records it.
		assert_eq!(terms(avs).max_slash_per_incident, Perbill::from_percent(30));
		assert_eq!(terms(avs).slash_window, 70);
		assert_eq!(terms(avs).native_coupling, Some(Perbill::from_percent(10)));
		assert!(PendingConfigs::<Test>::get(avs).is_some());
		assert_eq!(AvsRegistry::avs_summary(avs).unwrap().pending_config, None);

		// The next write records it.
		assert_ok!(AvsRegistry::pause_avs(RuntimeOrigin::signed(ALICE), avs));
		assert!(PendingConfigs::<Test>::get(avs).is_none());
		assert_eq!(info(avs).config.max_slash_per_incident, Perbill::from_percent(30));
		assert!(events().contains(&Event::ConfigChangeApplied { avs }));
	});
}

#[test]
fn each_harsher_field_is_scheduled() {
	let cases: Vec<(&str, AvsConfigParams<AccountId, u64>)> = vec![
		("max slash", AvsConfigParams { max_slash_per_incident: Perbill::from_percent(11), ..config() }),
		("slash window", AvsConfigParams { slash_window: 51, ..config() }),
		("veto window", AvsConfigParams { veto_window: 19, ..config() }),
		("new coupling", AvsConfigParams { native_coupling: Some(Perbill::from_percent(1)), ..config() }),
		("slasher", AvsConfigParams { slasher: 51, ..config() }),
		("veto policy", AvsConfigParams { veto: VetoPolicy::Committee(9), ..config() }),
		("destination", AvsConfigParams { destination: SlashDestination::Account(ALICE), ..config() }),
	];
	for (name, harsher) in cases {
		build_and_execute(|| {
			let avs = register();
			update(avs, harsher.clone());
			let pending = PendingConfigs::<Test>::get(avs).unwrap_or_else(|| panic!("{name} scheduled"));
			assert_eq!(pending.config.map_assets(|a| a.into_inner()), harsher, "{name}");
			assert_eq!(
				info(avs).config.map_assets(|a| a.into_inner()),
				config(),
				"{name}: nothing applied at once"
			);
		});
	}
	// A higher coupling is harsher, a lower one is not.
	build_and_execute(|| {
		let avs = register_with(
			ALICE,
			AvsConfigParams { native_coupling: Some(Perbill::from_percent(10)), ..config() },
		);
		update(avs, AvsConfigParams { native_coupling: Some(Perbill::from_percent(20)), ..config() });
		assert!(PendingConfigs::<Test>::get(avs).is_some());
		update(avs, AvsConfigParams { native_coupling: Some(Perbill::from_percent(5)), ..config() });
		assert!(PendingConfigs::<Test>::get(avs).is_none());
		assert_eq!(info(avs).config.native_coupling, Some(Perbill::from_percent(5)));
		update(avs, config());
		assert_eq!(info(avs).config.native_coupling, None);
	});
}

#[test]
fn a_later_update_replaces_or_cancels_the_scheduled_one() {
	build_and_execute(|| {
		let avs = register();
		let harsher = AvsConfigParams { max_slash_per_incident: Perbill::from_percent(20), ..config() };
		update(avs, harsher.clone());
		let first = PendingConfigs::<Test>::get(avs).unwrap().effective_at;

		// The same change again keeps its block.
		run_to_block(30);
		update(avs, harsher.clone());
		assert_eq!(PendingConfigs::<Test>::get(avs).unwrap().effective_at, first);

		// Another harsher change starts over.
		let other = AvsConfigParams { max_slash_per_incident: Perbill::from_percent(15), ..config() };
		update(avs, other);
		assert_eq!(PendingConfigs::<Test>::get(avs).unwrap().effective_at, 30 + CONFIG_CHANGE_DELAY);
		assert!(events().contains(&Event::ConfigChangeCancelled { avs }));

		// Submitting the configuration in force withdraws it.
		update(avs, config());
		assert!(PendingConfigs::<Test>::get(avs).is_none());
		run_to_block(30 + CONFIG_CHANGE_DELAY + 1);
		assert_eq!(terms(avs).max_slash_per_incident, Perbill::from_percent(10));
	});
}

#[test]
fn windows_that_would_not_fit_together_wait_together() {
	build_and_execute(|| {
		let avs = register();
		// A longer slash window (harsher) with a longer veto window (milder): applying the veto
		// window alone would give veto 60 >= slash 50.
		let change = AvsConfigParams { slash_window: 70, veto_window: 60, ..config() };
		update(avs, change);
		assert_eq!(info(avs).config.slash_window, 50);
		assert_eq!(info(avs).config.veto_window, 20);
		let pending = PendingConfigs::<Test>::get(avs).unwrap();
		assert_eq!((pending.config.slash_window, pending.config.veto_window), (70, 60));

		// A shorter slash window alone is milder and applies.
		update(avs, AvsConfigParams { slash_window: 30, ..config() });
		assert_eq!(info(avs).config.slash_window, 30);
		assert!(PendingConfigs::<Test>::get(avs).is_none());
	});
}

#[test]
fn update_refuses_bad_input_and_changes_nothing() {
	build_and_execute(|| {
		let avs = register();
		assert_noop!(
			AvsRegistry::update_config(RuntimeOrigin::signed(BOB), avs, config()),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			AvsRegistry::update_config(RuntimeOrigin::signed(ALICE), 5, config()),
			Error::<Test>::UnknownAvs
		);
		assert_noop!(
			AvsRegistry::update_config(
				RuntimeOrigin::signed(ALICE),
				avs,
				AvsConfigParams { veto_window: 50, ..config() }
			),
			Error::<Test>::VetoWindowNotBelowSlashWindow
		);
		assert_noop!(
			AvsRegistry::update_config(
				RuntimeOrigin::signed(ALICE),
				avs,
				AvsConfigParams { slash_window: 81, ..config() }
			),
			Error::<Test>::SlashWindowAboveDeallocationDelay
		);
		assert_noop!(
			AvsRegistry::update_config(
				RuntimeOrigin::signed(ALICE),
				avs,
				AvsConfigParams { accepted_assets: vec![], ..config() }
			),
			Error::<Test>::NoAcceptedAssets
		);
		assert_noop!(
			AvsRegistry::update_config(
				RuntimeOrigin::signed(ALICE),
				avs,
				AvsConfigParams { max_operators: 100, ..config() }
			),
			Error::<Test>::MaxOperatorsOutOfRange
		);
	});
}

#[test]
fn the_constants_pass_the_integrity_test() {
	new_test_ext().execute_with(|| {
		<AvsRegistry as Hooks<u64>>::integrity_test();
	});
}
