//! register_avs, pause_avs, resume_avs, deregister_avs: what they do and what they refuse.

use super::*;
use crate::{
	Approved, AvsStatus, Budgets, Error, Event, HoldReason, Metadata, PendingConfigs, Round,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{InspectHold, Mutate},
};
use sp_runtime::{DispatchError, Perbill};

fn held(who: AccountId) -> Balance {
	<Balances as InspectHold<AccountId>>::balance_on_hold(&HoldReason::AvsDeposit.into(), &who)
}

#[test]
fn register_holds_the_deposit_and_records_the_avs() {
	build_and_execute(|| {
		let free = Balances::free_balance(ALICE);
		let metadata = b"https://oracle.example".to_vec();
		let len = metadata.len() as u128;
		assert_ok!(AvsRegistry::register_avs(RuntimeOrigin::signed(ALICE), metadata.clone(), config()));
		let deposit = DEPOSIT_BASE + DEPOSIT_PER_BYTE * len;
		assert_eq!(held(ALICE), deposit);
		assert_eq!(Balances::free_balance(ALICE), free - deposit);
		let record = info(0);
		assert_eq!(record.owner, ALICE);
		assert_eq!(record.status, AvsStatus::Active);
		assert_eq!(record.deposit, deposit);
		assert_eq!(record.config.accepted_assets.to_vec(), vec![BST, st()]);
		assert_eq!(Metadata::<Test>::get(0).to_vec(), metadata);
		assert_eq!(NextAvsId::<Test>::get(), 1);
		assert!(events().contains(&Event::AvsRegistered { avs: 0, owner: ALICE, deposit }));

		// Ids go up; the same owner may have several AVSs.
		assert_eq!(register(), 1);
		assert_eq!(held(ALICE), deposit + DEPOSIT_BASE);
	});
}

#[test]
fn register_refuses_bad_metadata_and_deposits() {
	build_and_execute(|| {
		assert_noop!(
			AvsRegistry::register_avs(RuntimeOrigin::signed(ALICE), vec![0; 65], config()),
			Error::<Test>::MetadataTooLong
		);
		// 64 bytes is the limit, and fine.
		assert_ok!(AvsRegistry::register_avs(RuntimeOrigin::signed(ALICE), vec![0; 64], config()));
		// An account that can't hold the deposit.
		assert_noop!(
			AvsRegistry::register_avs(RuntimeOrigin::signed(500), vec![], config()),
			Error::<Test>::InsufficientDeposit
		);
		// 1_000 BST can't hold 100 BST + 64 bytes? It can; 10 BST can't.
		<Balances as Mutate<AccountId>>::set_balance(&30, 10 * UNIT);
		assert_noop!(
			AvsRegistry::register_avs(RuntimeOrigin::signed(30), vec![], config()),
			Error::<Test>::InsufficientDeposit
		);
		assert_noop!(
			AvsRegistry::register_avs(RuntimeOrigin::none(), vec![], config()),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn register_refuses_invalid_windows() {
	build_and_execute(|| {
		let with = |slash_window: u64, veto_window: u64| {
			AvsRegistry::register_avs(
				RuntimeOrigin::signed(ALICE),
				vec![],
				AvsConfigParams { slash_window, veto_window, ..config() },
			)
		};
		assert_noop!(with(50, 0), Error::<Test>::ZeroVetoWindow);
		assert_noop!(with(50, 50), Error::<Test>::VetoWindowNotBelowSlashWindow);
		assert_noop!(with(50, 60), Error::<Test>::VetoWindowNotBelowSlashWindow);
		assert_noop!(with(0, 0), Error::<Test>::ZeroVetoWindow);
		// The deallocation delay (80) is the shorter one here.
		assert_noop!(with(WITHDRAWAL_DELAY + 1, 20), Error::<Test>::SlashWindowAboveWithdrawalDelay);
		assert_noop!(with(DEALLOCATION_DELAY + 1, 20), Error::<Test>::SlashWindowAboveDeallocationDelay);
		// At the limit: fine.
		assert_ok!(with(DEALLOCATION_DELAY, DEALLOCATION_DELAY - 1));
		assert_ok!(with(2, 1));
	});
}

#[test]
fn register_refuses_invalid_assets_and_bounds() {
	build_and_execute(|| {
		let with = |config: AvsConfigParams<AccountId, u64>| {
			AvsRegistry::register_avs(RuntimeOrigin::signed(ALICE), vec![], config)
		};
		assert_noop!(
			with(AvsConfigParams { accepted_assets: vec![], ..config() }),
			Error::<Test>::NoAcceptedAssets
		);
		assert_noop!(
			with(AvsConfigParams {
				accepted_assets: vec![BST, st(), RestakeAsset::WithId(OTHER), RestakeAsset::WithId(UNLISTED)],
				..config()
			}),
			Error::<Test>::TooManyAcceptedAssets
		);
		assert_noop!(
			with(AvsConfigParams { accepted_assets: vec![st(), BST, st()], ..config() }),
			Error::<Test>::DuplicateAsset
		);
		assert_noop!(
			with(AvsConfigParams { accepted_assets: vec![BST, RestakeAsset::WithId(UNLISTED)], ..config() }),
			Error::<Test>::AssetNotRestakable
		);
		assert_noop!(
			with(AvsConfigParams { accepted_assets: vec![RestakeAsset::WithId(REWARD)], ..config() }),
			Error::<Test>::AssetNotRestakable
		);
		// A minimum stake needs a priced asset...
		assert_noop!(
			with(AvsConfigParams {
				accepted_assets: vec![RestakeAsset::WithId(OTHER)],
				min_operator_stake: 1,
				..config()
			}),
			Error::<Test>::UnpricedMinStake
		);
		// ...but an unpriced asset alone is fine without one.
		assert_ok!(with(AvsConfigParams {
			accepted_assets: vec![RestakeAsset::WithId(OTHER)],
			..config()
		}));
		assert_noop!(
			with(AvsConfigParams { max_operators: 0, ..config() }),
			Error::<Test>::MaxOperatorsOutOfRange
		);
		assert_noop!(
			with(AvsConfigParams { max_operators: 9, ..config() }),
			Error::<Test>::MaxOperatorsOutOfRange
		);
	});
}

#[test]
fn pause_and_resume_by_the_owner_only() {
	build_and_execute(|| {
		let avs = register();
		assert_noop!(AvsRegistry::pause_avs(RuntimeOrigin::signed(BOB), avs), Error::<Test>::NotOwner);
		assert_noop!(AvsRegistry::pause_avs(RuntimeOrigin::signed(ALICE), 9), Error::<Test>::UnknownAvs);
		assert_noop!(AvsRegistry::resume_avs(RuntimeOrigin::signed(ALICE), avs), Error::<Test>::AvsNotPaused);

		assert_ok!(AvsRegistry::pause_avs(RuntimeOrigin::signed(ALICE), avs));
		assert_eq!(info(avs).status, AvsStatus::Paused);
		assert!(events().contains(&Event::AvsPaused { avs }));
		assert_noop!(AvsRegistry::pause_avs(RuntimeOrigin::signed(ALICE), avs), Error::<Test>::AvsPaused);
		assert_noop!(AvsRegistry::resume_avs(RuntimeOrigin::signed(BOB), avs), Error::<Test>::NotOwner);

		assert_ok!(AvsRegistry::resume_avs(RuntimeOrigin::signed(ALICE), avs));
		assert_eq!(info(avs).status, AvsStatus::Active);
		assert!(events().contains(&Event::AvsResumed { avs }));
	});
}

#[test]
fn deregister_releases_the_deposit_refunds_budgets_and_clears_everything() {
	build_and_execute(|| {
		let free = Balances::free_balance(ALICE);
		assert_ok!(AvsRegistry::register_avs(RuntimeOrigin::signed(ALICE), b"meta".to_vec(), config()));
		let avs = 0;
		assert_ok!(AvsRegistry::approve_operator(RuntimeOrigin::signed(ALICE), avs, 10));
		assert_ok!(AvsRegistry::fund_rewards(RuntimeOrigin::signed(ALICE), avs, RestakeAsset::WithId(REWARD), 1_000, 10));
		assert_ok!(AvsRegistry::update_config(
			RuntimeOrigin::signed(ALICE),
			avs,
			AvsConfigParams { max_slash_per_incident: Perbill::from_percent(50), ..config() }
		));
		let reward_before = balance(RestakeAsset::WithId(REWARD), ALICE);

		assert_ok!(AvsRegistry::deregister_avs(RuntimeOrigin::signed(ALICE), avs));
		assert!(Avs::<Test>::get(avs).is_none());
		assert_eq!(held(ALICE), 0);
		assert_eq!(Balances::free_balance(ALICE), free);
		assert_eq!(balance(RestakeAsset::WithId(REWARD), ALICE), reward_before + 1_000);
		assert!(Budgets::<Test>::get(avs).is_empty());
		assert!(!Approved::<Test>::contains_key(avs, 10));
		assert!(PendingConfigs::<Test>::get(avs).is_none());
		assert!(Metadata::<Test>::get(avs).is_empty());
		assert!(events().contains(&Event::BudgetClosed {
			avs,
			budget: 0,
			funder: ALICE,
			asset: RestakeAsset::WithId(REWARD),
			refunded: 1_000
		}));
		assert!(events().contains(&Event::AvsDeregistered { avs, deposit: DEPOSIT_BASE + 4 * DEPOSIT_PER_BYTE }));
		// The id is not reused.
		assert_eq!(register(), 1);
	});
}

#[test]
fn deregister_refuses_while_members_or_slashes_remain() {
	build_and_execute(|| {
		let avs = register();
		join(10, avs, 100 * UNIT);
		assert_noop!(AvsRegistry::deregister_avs(RuntimeOrigin::signed(BOB), avs), Error::<Test>::NotOwner);
		assert_noop!(AvsRegistry::deregister_avs(RuntimeOrigin::signed(ALICE), 7), Error::<Test>::UnknownAvs);
		assert_noop!(AvsRegistry::deregister_avs(RuntimeOrigin::signed(ALICE), avs), Error::<Test>::HasOperators);
		assert_ok!(AvsRegistry::opt_out(RuntimeOrigin::signed(10), avs));

		FakePendingAvs::insert(avs, ());
		assert_noop!(AvsRegistry::deregister_avs(RuntimeOrigin::signed(ALICE), avs), Error::<Test>::SlashPending);
		FakePendingAvs::remove(avs);
		assert_ok!(AvsRegistry::deregister_avs(RuntimeOrigin::signed(ALICE), avs));
	});
}

#[test]
fn deregister_waits_for_the_distribution_of_the_avs() {
	build_and_execute(|| {
		MaxDistributionsPerBlock::set(1);
		let avs = register();
		join(10, avs, 100 * UNIT);
		allocate(10, avs, BST, Perbill::one());
		assert_ok!(AvsRegistry::fund_rewards(RuntimeOrigin::signed(ALICE), avs, BST, 1_000 * UNIT, 10));
		FakeEra::put(1);
		// Round started and the AVS begun; then the member measured.
		next_block();
		next_block();
		assert_eq!(Round::<Test>::get().and_then(|r| r.current).map(|c| c.avs), Some(avs));
		assert_ok!(AvsRegistry::opt_out(RuntimeOrigin::signed(10), avs));
		assert_noop!(
			AvsRegistry::deregister_avs(RuntimeOrigin::signed(ALICE), avs),
			Error::<Test>::DistributionInProgress
		);
		while Round::<Test>::get().is_some() {
			next_block();
		}
		// Measured before it left: paid for the era.
		assert_eq!(credited(10, BST), 100 * UNIT);
		assert_ok!(AvsRegistry::deregister_avs(RuntimeOrigin::signed(ALICE), avs));
	});
}
