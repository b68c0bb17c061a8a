//! fund_rewards and the per-era distribution.

use super::*;
use crate::{Budgets, Error, Event, LastRoundEra, Round, Snapshot};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::{DispatchError, Perbill};

const REWARD_TOKEN: RestakeAsset = RestakeAsset::WithId(REWARD);

fn fund(avs: AvsId, asset: RestakeAsset, amount: Balance, eras: u32) {
	assert_ok!(AvsRegistry::fund_rewards(RuntimeOrigin::signed(ALICE), avs, asset, amount, eras));
}

fn budget_left(avs: AvsId) -> Balance {
	Budgets::<Test>::get(avs).iter().map(|b| b.left).sum()
}

/// An AVS with three members: 10 allocates 100 BST, 11 allocates 50 stBST (worth 100 BST at
/// rate 2), 12 allocates half of 400 BST. BST value: 100, 100, 200.
fn three_members() -> AvsId {
	let avs = register();
	set_rate(2, 1);
	make_operator(10, &[(BST, 100 * UNIT)]);
	make_operator(11, &[(st(), 50 * UNIT)]);
	make_operator(12, &[(BST, 400 * UNIT)]);
	for who in [10, 11, 12] {
		assert_ok!(AvsRegistry::opt_in(RuntimeOrigin::signed(who), avs));
	}
	allocate(10, avs, BST, Perbill::one());
	allocate(11, avs, st(), Perbill::one());
	allocate(12, avs, BST, Perbill::from_percent(50));
	avs
}

#[test]
fn fund_rewards_moves_the_budget_in() {
	build_and_execute(|| {
		let avs = register();
		let before = balance(REWARD_TOKEN, ALICE);
		fund(avs, REWARD_TOKEN, 1_000 * UNIT, 10);
		assert_eq!(balance(REWARD_TOKEN, ALICE), before - 1_000 * UNIT);
		assert_eq!(balance(REWARD_TOKEN, AvsRegistry::pallet_account()), 1_000 * UNIT);
		let budget = Budgets::<Test>::get(avs)[0].clone();
		assert_eq!((budget.funded, budget.paid, budget.left), (1_000 * UNIT, 0, 1_000 * UNIT));
		assert_eq!((budget.eras, budget.eras_left, budget.last_paid_era), (10, 10, 0));
		assert!(events().contains(&Event::RewardsFunded {
			avs,
			budget: 0,
			funder: ALICE,
			asset: REWARD_TOKEN,
			amount: 1_000 * UNIT,
			eras: 10
		}));
		// Budget ids go up.
		fund(avs, BST, 10 * UNIT, 1);
		assert_eq!(Budgets::<Test>::get(avs)[1].id, 1);
	});
}

#[test]
fn fund_rewards_refuses_bad_input_and_changes_nothing() {
	build_and_execute(|| {
		let avs = register();
		let call = |who: AccountId, avs: AvsId, asset: RestakeAsset, amount: Balance, eras: u32| {
			AvsRegistry::fund_rewards(RuntimeOrigin::signed(who), avs, asset, amount, eras)
		};
		assert_noop!(call(ALICE, 9, BST, UNIT, 1), Error::<Test>::UnknownAvs);
		assert_noop!(call(BOB, avs, BST, UNIT, 1), Error::<Test>::NotOwner);
		assert_noop!(call(ALICE, avs, BST, UNIT, 0), Error::<Test>::ZeroEras);
		assert_noop!(call(ALICE, avs, BST, 9, 10), Error::<Test>::BudgetTooSmall);
		assert_noop!(call(ALICE, avs, BST, 0, 1), Error::<Test>::BudgetTooSmall);
		assert_noop!(call(ALICE, avs, BST, USER_BALANCE * 2, 1), Error::<Test>::InsufficientFunds);
		// An asset that does not exist.
		assert_noop!(call(ALICE, avs, RestakeAsset::WithId(99), UNIT, 1), Error::<Test>::InsufficientFunds);
		assert_noop!(
			AvsRegistry::fund_rewards(RuntimeOrigin::none(), avs, BST, UNIT, 1),
			DispatchError::BadOrigin
		);
		for _ in 0..3 {
			fund(avs, BST, UNIT, 1);
		}
		assert_noop!(call(ALICE, avs, BST, UNIT, 1), Error::<Test>::TooManyBudgets);
	});
}

#[test]
fn each_era_pays_its_slice_pro_rata_to_bst_value() {
	build_and_execute(|| {
		let avs = three_members();
		fund(avs, BST, 3_000 * UNIT, 3);
		// Funded in era 0: nothing paid before era 1.
		next_block();
		assert_eq!(credited(10, BST), 0);

		next_era();
		assert_eq!(credited_for_pool(10, BST, BST), 250 * UNIT);
		assert_eq!(credited_for_pool(11, st(), BST), 250 * UNIT);
		assert_eq!(credited_for_pool(12, BST, BST), 500 * UNIT);
		assert_eq!(balance(BST, RESTAKING_ACCOUNT), UNIT + 1_000 * UNIT);
		assert_eq!(budget_left(avs), 2_000 * UNIT);
		assert!(events().contains(&Event::RewardsDistributed {
			avs,
			era: 1,
			budget: 0,
			asset: BST,
			slice: 1_000 * UNIT,
			amount: 1_000 * UNIT
		}));
		assert!(events().contains(&Event::DistributionCompleted { era: 1 }));

		next_era();
		next_era();
		assert_eq!(credited(10, BST), 750 * UNIT);
		assert_eq!(credited(11, BST), 750 * UNIT);
		assert_eq!(credited(12, BST), 1_500 * UNIT);
		// All paid: the budget is closed.
		assert!(Budgets::<Test>::get(avs).is_empty());
		assert!(events().contains(&Event::BudgetClosed {
			avs,
			budget: 0,
			funder: ALICE,
			asset: BST,
			refunded: 0
		}));
		next_era();
		assert_eq!(credited(12, BST), 1_500 * UNIT);
	});
}

#[test]
fn an_operator_is_paid_per_pool() {
	build_and_execute(|| {
		let avs = register();
		// stBST at 1.5 BST: 100 stBST is worth 150, plus 50 BST.
		set_rate(3, 2);
		join(10, avs, 100 * UNIT);
		allocate(10, avs, st(), Perbill::one());
		allocate(10, avs, BST, Perbill::from_percent(50));
		fund(avs, REWARD_TOKEN, 800 * UNIT, 1);
		next_era();
		assert_eq!(credited_for_pool(10, st(), REWARD_TOKEN), 600 * UNIT);
		assert_eq!(credited_for_pool(10, BST, REWARD_TOKEN), 200 * UNIT);
		assert_eq!(balance(REWARD_TOKEN, AvsRegistry::pallet_account()), 0);
	});
}

#[test]
fn operators_without_priced_allocated_stake_get_nothing() {
	build_and_execute(|| {
		let avs = register_with(
			ALICE,
			AvsConfigParams {
				accepted_assets: vec![BST, st(), RestakeAsset::WithId(OTHER)],
				..config()
			},
		);
		// 10: a member that allocated nothing.
		join(10, avs, 100 * UNIT);
		// 11: a member that allocated only an unpriced token.
		make_operator(11, &[(RestakeAsset::WithId(OTHER), 1_000 * UNIT)]);
		assert_ok!(AvsRegistry::opt_in(RuntimeOrigin::signed(11), avs));
		allocate(11, avs, RestakeAsset::WithId(OTHER), Perbill::one());
		// 12: allocated to the AVS but not a member (left; its deallocation is pending).
		join(12, avs, 100 * UNIT);
		allocate(12, avs, BST, Perbill::one());
		assert_ok!(AvsRegistry::opt_out(RuntimeOrigin::signed(12), avs));
		// 13: the only one that counts.
		join(13, avs, 100 * UNIT);
		allocate(13, avs, BST, Perbill::from_percent(10));

		fund(avs, BST, 100 * UNIT, 1);
		next_era();
		assert_eq!(credited(10, BST), 0);
		assert_eq!(credited(11, BST), 0);
		assert_eq!(credited(12, BST), 0);
		assert_eq!(credited(13, BST), 100 * UNIT);
	});
}

#[test]
fn eras_without_stake_roll_over_and_the_rest_goes_back_at_the_end() {
	build_and_execute(|| {
		let avs = register();
		join(10, avs, 100 * UNIT);
		fund(avs, BST, 400 * UNIT, 4);
		// Eras 1 and 2: nobody allocated; their slices stay in the budget.
		next_era();
		next_era();
		assert_eq!(budget_left(avs), 400 * UNIT);
		let budget = Budgets::<Test>::get(avs)[0].clone();
		assert_eq!(budget.eras_left, 2);
		// Era 3 pays half of what is left, era 4 the rest.
		allocate(10, avs, BST, Perbill::one());
		next_era();
		assert_eq!(credited(10, BST), 200 * UNIT);
		// Era 4: gone again; the last slice goes back to the funder.
		assert_ok!(AvsRegistry::opt_out(RuntimeOrigin::signed(10), avs));
		let before = balance(BST, ALICE);
		next_era();
		assert_eq!(credited(10, BST), 200 * UNIT);
		assert_eq!(balance(BST, ALICE), before + 200 * UNIT);
		assert!(Budgets::<Test>::get(avs).is_empty());
		assert!(events().contains(&Event::BudgetClosed {
			avs,
			budget: 0,
			funder: ALICE,
			asset: BST,
			refunded: 200 * UNIT
		}));
	});
}

#[test]
fn rounding_dust_stays_in_the_budget_then_returns_to_the_funder() {
	build_and_execute(|| {
		let avs = register();
		for who in [10, 11, 12] {
			join(who, avs, UNIT);
			allocate(who, avs, BST, Perbill::one());
		}
		fund(avs, REWARD_TOKEN, 20, 2);
		let before = balance(REWARD_TOKEN, ALICE);
		// Era 1: slice 10, 3 each, 1 left over.
		next_era();
		assert_eq!(credited(10, REWARD_TOKEN), 3);
		assert_eq!(budget_left(avs), 11);
		// Era 2: slice 11, 3 each, 2 back to the funder.
		next_era();
		for who in [10, 11, 12] {
			assert_eq!(credited(who, REWARD_TOKEN), 6);
		}
		assert_eq!(balance(REWARD_TOKEN, ALICE), before + 2);
		assert_eq!(balance(REWARD_TOKEN, AvsRegistry::pallet_account()), 0);
	});
}

#[test]
fn a_large_avs_is_distributed_over_several_blocks() {
	build_and_execute(|| {
		MaxDistributionsPerBlock::set(2);
		let avs = register();
		for who in 10..18 {
			join(who, avs, 10 * UNIT);
			allocate(who, avs, BST, Perbill::one());
		}
		fund(avs, BST, 800 * UNIT, 1);
		FakeEra::put(1);
		let mut blocks = 0;
		loop {
			next_block();
			blocks += 1;
			AvsRegistry::do_try_state().expect("invariants hold between steps");
			if Round::<Test>::get().is_none() {
				break;
			}
			assert!(blocks < 100);
		}
		// begin + 8 measures + 1 + 8 payments + finish + end = 20 steps, 2 per block.
		assert_eq!(blocks, 10);
		for who in 10..18 {
			assert_eq!(credited(who, BST), 100 * UNIT);
		}
		assert_eq!(Snapshot::<Test>::iter().count(), 0);
		assert_eq!(LastRoundEra::<Test>::get(), 1);
	});
}

#[test]
fn stake_is_measured_when_the_avs_is_visited() {
	build_and_execute(|| {
		MaxDistributionsPerBlock::set(1);
		let avs = register();
		join(10, avs, 100 * UNIT);
		join(11, avs, 100 * UNIT);
		allocate(10, avs, BST, Perbill::one());
		fund(avs, BST, 100 * UNIT, 2);
		FakeEra::put(1);
		next_block(); // begin
		next_block(); // measure the first member
		next_block(); // measure the second
		// Allocating now is too late for this era's round.
		allocate(11, avs, BST, Perbill::one());
		while Round::<Test>::get().is_some() {
			next_block();
		}
		assert_eq!(credited(10, BST), 50 * UNIT);
		assert_eq!(credited(11, BST), 0);
		// It counts from the next era on.
		next_era();
		assert_eq!(credited(10, BST), 75 * UNIT);
		assert_eq!(credited(11, BST), 25 * UNIT);
	});
}

#[test]
fn a_refused_credit_stays_in_the_budget() {
	build_and_execute(|| {
		let avs = register();
		for who in [10, 11] {
			join(who, avs, 100 * UNIT);
			allocate(who, avs, BST, Perbill::one());
		}
		FakeFailCredit::insert(10, ());
		fund(avs, BST, 200 * UNIT, 2);
		next_era();
		assert_eq!(credited(10, BST), 0);
		assert_eq!(credited(11, BST), 50 * UNIT);
		assert_eq!(budget_left(avs), 150 * UNIT);
		assert!(events().iter().any(|e| matches!(
			e,
			Event::RewardCreditFailed { operator: 10, amount, .. } if *amount == 50 * UNIT
		)));
		FakeFailCredit::remove(10);
		next_era();
		assert_eq!(credited(10, BST), 75 * UNIT);
		assert_eq!(credited(11, BST), 125 * UNIT);
		assert!(Budgets::<Test>::get(avs).is_empty());
	});
}

#[test]
fn a_late_round_pays_every_elapsed_era() {
	build_and_execute(|| {
		let avs = register();
		join(10, avs, 100 * UNIT);
		allocate(10, avs, BST, Perbill::one());
		fund(avs, BST, 500 * UNIT, 5);
		// The era jumps from 0 to 2 between two blocks.
		FakeEra::put(2);
		next_block();
		assert_eq!(credited(10, BST), 200 * UNIT);
		assert_eq!(Budgets::<Test>::get(avs)[0].eras_left, 3);
		// A jump beyond the budget's end pays what is left.
		FakeEra::put(10);
		next_block();
		assert_eq!(credited(10, BST), 500 * UNIT);
		assert!(Budgets::<Test>::get(avs).is_empty());
	});
}

#[test]
fn budgets_funded_during_an_era_start_with_the_next() {
	build_and_execute(|| {
		let avs = register();
		join(10, avs, 100 * UNIT);
		allocate(10, avs, BST, Perbill::one());
		next_era();
		fund(avs, BST, 100 * UNIT, 1);
		next_block();
		next_block();
		assert_eq!(credited(10, BST), 0);
		next_era();
		assert_eq!(credited(10, BST), 100 * UNIT);
	});
}

#[test]
fn a_paused_avs_keeps_paying_its_budgets() {
	build_and_execute(|| {
		let avs = register();
		join(10, avs, 100 * UNIT);
		allocate(10, avs, BST, Perbill::one());
		fund(avs, BST, 100 * UNIT, 1);
		assert_ok!(AvsRegistry::pause_avs(RuntimeOrigin::signed(ALICE), avs));
		next_era();
		assert_eq!(credited(10, BST), 100 * UNIT);
	});
}

#[test]
fn several_avss_and_budgets_are_distributed_in_one_round() {
	build_and_execute(|| {
		let first = register();
		let second = register_with(BOB, config());
		let idle = register();
		join(10, first, 100 * UNIT);
		allocate(10, first, BST, Perbill::one());
		join(11, second, 100 * UNIT);
		allocate(11, second, st(), Perbill::one());
		join(12, idle, 100 * UNIT);
		allocate(12, idle, BST, Perbill::one());
		fund(first, BST, 100 * UNIT, 1);
		fund(first, REWARD_TOKEN, 30 * UNIT, 3);
		assert_ok!(AvsRegistry::fund_rewards(RuntimeOrigin::signed(BOB), second, BST, 70 * UNIT, 1));
		next_era();
		assert_eq!(credited(10, BST), 100 * UNIT);
		assert_eq!(credited(10, REWARD_TOKEN), 10 * UNIT);
		assert_eq!(credited_for_pool(11, st(), BST), 70 * UNIT);
		assert_eq!(credited(12, BST), 0);
		assert_eq!(Budgets::<Test>::get(first).len(), 1);
		assert!(Budgets::<Test>::get(second).is_empty());
	});
}

#[test]
fn nothing_happens_without_a_new_era() {
	build_and_execute(|| {
		let avs = register();
		join(10, avs, 100 * UNIT);
		allocate(10, avs, BST, Perbill::one());
		fund(avs, BST, 100 * UNIT, 1);
		run_to_block(20);
		assert_eq!(credited(10, BST), 0);
		assert!(Round::<Test>::get().is_none());
		assert!(!events().iter().any(|e| matches!(e, Event::DistributionStarted { .. })));
	});
}

/// A token whose accounts must hold at least 10, `ALICE` holding 100, the fake restaking
/// account 100.
fn token_with_minimum() -> RestakeAsset {
	use frame_support::traits::fungibles::Mutate;
	let token = RestakeAsset::WithId(5);
	assert_ok!(Assets::force_create(RuntimeOrigin::root(), 5, ALICE, true, 10));
	assert_ok!(<RestakeAssets as Mutate<AccountId>>::mint_into(token.clone(), &ALICE, 100));
	assert_ok!(<RestakeAssets as Mutate<AccountId>>::mint_into(token.clone(), &RESTAKING_ACCOUNT, 100));
	token
}

#[test]
fn payments_never_leave_the_pallet_account_below_a_minimum_balance() {
	build_and_execute(|| {
		let token = token_with_minimum();
		let avs = register();
		for who in [10, 11, 12] {
			join(who, avs, UNIT);
			allocate(who, avs, BST, Perbill::one());
		}
		fund(avs, token.clone(), 89, 1);
		let before = balance(token.clone(), ALICE);
		next_era();
		// 29 each would leave 2 behind, below the minimum, to be swept along with the last
		// payment: the last one is 21, and 10 goes back to the funder.
		let mut paid: Vec<Balance> = [10, 11, 12].iter().map(|who| credited(*who, token.clone())).collect();
		paid.sort();
		assert_eq!(paid, vec![21, 29, 29]);
		assert_eq!(balance(token.clone(), ALICE), before + 10);
		assert_eq!(balance(token.clone(), RESTAKING_ACCOUNT), 100 + 79);
		assert_eq!(balance(token, AvsRegistry::pallet_account()), 0);
	});
}

#[test]
fn a_refused_refund_is_reported_and_kept_apart() {
	build_and_execute(|| {
		use frame_support::traits::{fungibles::Mutate, tokens::Preservation};
		let token = token_with_minimum();
		let avs = register();
		for who in [10, 11, 12] {
			join(who, avs, UNIT);
			allocate(who, avs, BST, Perbill::one());
		}
		// A ends after one era with 2 of dust; B goes on.
		fund(avs, token.clone(), 29, 1);
		fund(avs, token.clone(), 60, 10);
		// The funder empties its account of the token: 2 can't go back to it.
		assert_ok!(<RestakeAssets as Mutate<AccountId>>::transfer(
			token.clone(),
			&ALICE,
			&BOB,
			11,
			Preservation::Expendable
		));
		next_era();
		for who in [10, 11, 12] {
			assert_eq!(credited(who, token.clone()), 9 + 2);
		}
		assert!(events().contains(&Event::RefundFailed { funder: ALICE, asset: token.clone(), amount: 2 }));
		assert!(events().contains(&Event::BudgetClosed {
			avs,
			budget: 0,
			funder: ALICE,
			asset: token.clone(),
			refunded: 0
		}));
		// B's 54 and the 2 nobody could take.
		assert_eq!(budget_left(avs), 54);
		assert_eq!(balance(token, AvsRegistry::pallet_account()), 56);
	});
}
