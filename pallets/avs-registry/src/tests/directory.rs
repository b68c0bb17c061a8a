//! What restaking and cross-slashing read (`AvsDirectory`) and what the runtime API shows.

use super::*;
use crate::AvsStatus;
use bastion_primitives::{
	avs::AssetStake,
	restaking::{AvsDirectory, SlashDestination, SlashingTerms, VetoPolicy},
};
use frame_support::assert_ok;
use sp_runtime::Perbill;

fn directory_is_active(avs: AvsId) -> bool {
	<AvsRegistry as AvsDirectory<AccountId, u64>>::is_active(avs)
}

#[test]
fn the_directory_answers_restaking_and_cross_slashing() {
	build_and_execute(|| {
		let avs = register_with(
			ALICE,
			AvsConfigParams {
				veto: VetoPolicy::Committee(60),
				destination: SlashDestination::Account(61),
				native_coupling: Some(Perbill::from_percent(3)),
				..config()
			},
		);
		assert!(directory_is_active(avs));
		assert!(!directory_is_active(avs + 1));
		assert!(<AvsRegistry as AvsDirectory<AccountId, u64>>::accepts_asset(avs, &BST));
		assert!(<AvsRegistry as AvsDirectory<AccountId, u64>>::accepts_asset(avs, &st()));
		assert!(!<AvsRegistry as AvsDirectory<AccountId, u64>>::accepts_asset(
			avs,
			&RestakeAsset::WithId(OTHER)
		));
		assert!(!<AvsRegistry as AvsDirectory<AccountId, u64>>::accepts_asset(avs + 1, &BST));
		assert_eq!(
			<AvsRegistry as AvsDirectory<AccountId, u64>>::slashing_terms(avs),
			Some(SlashingTerms {
				slasher: SLASHER,
				veto: VetoPolicy::Committee(60),
				max_slash_per_incident: Perbill::from_percent(10),
				slash_window: 50,
				veto_window: 20,
				destination: SlashDestination::Account(61),
				native_coupling: Some(Perbill::from_percent(3)),
			})
		);
		assert_eq!(<AvsRegistry as AvsDirectory<AccountId, u64>>::slashing_terms(avs + 1), None);

		join(10, avs, UNIT);
		assert!(<AvsRegistry as AvsDirectory<AccountId, u64>>::is_member(avs, &10));
		assert!(!<AvsRegistry as AvsDirectory<AccountId, u64>>::is_member(avs, &11));
		let second = register();
		assert_ok!(AvsRegistry::opt_in(RuntimeOrigin::signed(10), second));
		assert_eq!(AvsRegistry::operator_avs(&10), vec![avs, second]);

		// Paused: not active, but its terms still apply.
		assert_ok!(AvsRegistry::pause_avs(RuntimeOrigin::signed(ALICE), avs));
		assert!(!directory_is_active(avs));
		assert!(<AvsRegistry as AvsDirectory<AccountId, u64>>::slashing_terms(avs).is_some());
		assert!(<AvsRegistry as AvsDirectory<AccountId, u64>>::is_member(avs, &10));

		// Accepted assets change at once (milder or not, they only bound what operators may
		// allocate).
		assert_ok!(AvsRegistry::update_config(
			RuntimeOrigin::signed(ALICE),
			avs,
			AvsConfigParams {
				veto: VetoPolicy::Committee(60),
				destination: SlashDestination::Account(61),
				native_coupling: Some(Perbill::from_percent(3)),
				accepted_assets: vec![RestakeAsset::WithId(OTHER)],
				..config()
			}
		));
		assert!(!<AvsRegistry as AvsDirectory<AccountId, u64>>::accepts_asset(avs, &BST));
		assert!(<AvsRegistry as AvsDirectory<AccountId, u64>>::accepts_asset(
			avs,
			&RestakeAsset::WithId(OTHER)
		));
	});
}

#[test]
fn the_api_lists_avss_with_their_state() {
	build_and_execute(|| {
		assert_ok!(AvsRegistry::register_avs(RuntimeOrigin::signed(ALICE), b"first".to_vec(), config()));
		let second = register_with(BOB, config());
		let third = register();
		assert_ok!(AvsRegistry::deregister_avs(RuntimeOrigin::signed(BOB), second));
		assert_ok!(AvsRegistry::pause_avs(RuntimeOrigin::signed(ALICE), third));
		assert_ok!(AvsRegistry::update_config(
			RuntimeOrigin::signed(ALICE),
			third,
			AvsConfigParams { max_slash_per_incident: Perbill::from_percent(40), ..config() }
		));

		let list = AvsRegistry::avs_list(0, 10);
		assert_eq!(list.iter().map(|s| s.id).collect::<Vec<_>>(), vec![0, third]);
		assert_eq!(list[0].metadata, b"first".to_vec());
		assert_eq!(list[0].owner, ALICE);
		assert_eq!(list[0].status, AvsStatus::Active);
		assert_eq!(list[0].config, config());
		assert_eq!(list[0].deposit, DEPOSIT_BASE + 5 * DEPOSIT_PER_BYTE);
		assert_eq!(list[1].status, AvsStatus::Paused);
		let (pending, at) = list[1].pending_config.clone().unwrap();
		assert_eq!(pending.max_slash_per_incident, Perbill::from_percent(40));
		assert_eq!(at, 1 + CONFIG_CHANGE_DELAY);
		// Paging.
		assert_eq!(AvsRegistry::avs_list(1, 10).len(), 1);
		assert_eq!(AvsRegistry::avs_list(0, 1).len(), 1);
		assert!(AvsRegistry::avs_list(3, 10).is_empty());
		assert!(AvsRegistry::avs_summary(second).is_none());
	});
}

#[test]
fn the_api_shows_operators_stake_risk_and_budgets() {
	build_and_execute(|| {
		let avs = register_with(
			ALICE,
			AvsConfigParams { accepted_assets: vec![BST, st(), RestakeAsset::WithId(OTHER)], ..config() },
		);
		set_rate(2, 1);
		// 10: 100 BST + 50 stBST (100 BST) + 30 OTHER (unpriced) = 200 BST.
		make_operator(10, &[(BST, 100 * UNIT), (st(), 50 * UNIT), (RestakeAsset::WithId(OTHER), 30 * UNIT)]);
		// 11: 300 BST, exiting included.
		make_operator(11, &[(BST, 200 * UNIT)]);
		FakePools::mutate(11, BST, |p| p.as_mut().unwrap().exiting_assets = 100 * UNIT);
		for who in [10, 11] {
			assert_ok!(AvsRegistry::opt_in(RuntimeOrigin::signed(who), avs));
			for asset in [BST, st(), RestakeAsset::WithId(OTHER)] {
				allocate(who, avs, asset, Perbill::one());
			}
		}

		let operators = AvsRegistry::operators(avs);
		let ten = operators.iter().find(|o| o.operator == 10).unwrap();
		assert_eq!(ten.bst_value, 200 * UNIT);
		assert_eq!(ten.joined_at, 1);
		assert_eq!(
			ten.stakes,
			vec![
				AssetStake { asset: BST, allocated: 100 * UNIT, bst_value: Some(100 * UNIT) },
				AssetStake { asset: st(), allocated: 50 * UNIT, bst_value: Some(100 * UNIT) },
				AssetStake { asset: RestakeAsset::WithId(OTHER), allocated: 30 * UNIT, bst_value: None },
			]
		);
		let eleven = operators.iter().find(|o| o.operator == 11).unwrap();
		assert_eq!(eleven.bst_value, 300 * UNIT);

		let risk = AvsRegistry::risk(avs).unwrap();
		assert_eq!(risk.operator_count, 2);
		assert_eq!(risk.slashable_bst, 500 * UNIT);
		assert_eq!(risk.largest_operator, Some(11));
		assert_eq!(risk.largest_bst, 300 * UNIT);
		assert_eq!(risk.concentration, Perbill::from_percent(60));
		assert_eq!(
			risk.slashable_per_asset,
			vec![
				AssetStake { asset: BST, allocated: 400 * UNIT, bst_value: Some(400 * UNIT) },
				AssetStake { asset: st(), allocated: 50 * UNIT, bst_value: Some(100 * UNIT) },
				AssetStake { asset: RestakeAsset::WithId(OTHER), allocated: 30 * UNIT, bst_value: None },
			]
		);
		assert!(AvsRegistry::risk(avs + 1).is_none());
		assert!(AvsRegistry::operators(avs + 1).is_empty());

		// An AVS without stake: no concentration.
		let empty = register();
		let risk = AvsRegistry::risk(empty).unwrap();
		assert_eq!((risk.slashable_bst, risk.largest_operator, risk.concentration), (0, None, Perbill::zero()));

		assert_ok!(AvsRegistry::fund_rewards(RuntimeOrigin::signed(ALICE), avs, BST, 100 * UNIT, 4));
		next_era();
		let budgets = AvsRegistry::reward_budgets(avs);
		assert_eq!(budgets.len(), 1);
		assert_eq!(budgets[0].funded, 100 * UNIT);
		assert_eq!(budgets[0].paid, 25 * UNIT);
		assert_eq!(budgets[0].left, 75 * UNIT);
		assert_eq!(budgets[0].eras_left, 3);
		assert_eq!(budgets[0].next_era_amount, 25 * UNIT);
		assert!(AvsRegistry::reward_budgets(empty).is_empty());
	});
}
