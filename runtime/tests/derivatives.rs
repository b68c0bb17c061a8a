//! Restaking, the AVS registry and cross-service slashing on the real runtime: rewards paid
//! to delegators with the operator's commission first, and a slash that reaches every
//! position and every price of the slashed operator in the block it executes.

mod common;

use bastion_primitives::{
	avs::{AvsConfig, Membership},
	restaking::{RestakeAsset, SlashDestination, VetoPolicy},
	Balance,
};
use bastion_runtime::{
	configs::restaking::{AllocationDelay, WithdrawalDelay, STAKED_BST},
	AccountId, AvsRegistry, CrossSlashing, LiquidStaking, Restaking, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, System, UNIT,
};
use common::*;
use frame_support::{assert_ok, traits::fungibles::Inspect};
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave, Eve, Ferdie};
use sp_runtime::{FixedU128, Perbill};

/// The veto window of the test AVSs, in blocks.
const VETO: u32 = 10;

fn who(k: Sr25519Keyring) -> AccountId {
	k.to_account_id()
}

fn signed(k: Sr25519Keyring, call: RuntimeCall) {
	let name = format!("{call:?}");
	apply_signed(k, call)
		.unwrap_or_else(|e| panic!("{name}: invalid: {e:?}"))
		.unwrap_or_else(|e| panic!("{name}: failed: {e:?}"));
}

/// Runs `f` as root inside a block.
fn as_root(f: impl FnOnce() -> sp_runtime::DispatchResult) {
	start_block();
	assert_ok!(f());
	finish_block();
}

/// `k` mints `amount` of stBST worth and returns the stBST received.
fn mint_stbst(k: Sr25519Keyring, amount: Balance) -> Balance {
	let before = stbst(&who(k));
	signed(k, RuntimeCall::LiquidStaking(pallet_liquid_staking::Call::mint { amount }));
	stbst(&who(k)) - before
}

fn stbst(a: &AccountId) -> Balance {
	bastion_runtime::configs::restaking::RestakableAssets::balance(STAKED_BST, a)
}

/// Registers an AVS owned (and slashed) by `owner`, vetoed by the council, taking stBST.
fn register_avs(owner: Sr25519Keyring, max_slash: u32, coupling: Option<Perbill>) -> u32 {
	let id = pallet_avs_registry::NextAvsId::<Runtime>::get();
	let config = AvsConfig {
		slasher: who(owner),
		veto: VetoPolicy::Council,
		max_slash_per_incident: Perbill::from_percent(max_slash),
		slash_window: WithdrawalDelay::get(),
		veto_window: VETO,
		accepted_assets: vec![STAKED_BST],
		min_operator_stake: 0,
		max_operators: 16,
		membership: Membership::Open,
		destination: SlashDestination::Burn,
		native_coupling: coupling,
	};
	signed(owner, RuntimeCall::AvsRegistry(pallet_avs_registry::Call::register_avs { metadata: b"avs".to_vec(), config }));
	id
}

/// `operator` registers with a 10% commission.
fn register_operator(operator: Sr25519Keyring) {
	signed(
		operator,
		RuntimeCall::Restaking(pallet_restaking::Call::register_operator {
			metadata: b"operator".to_vec(),
			commission: Perbill::from_percent(10),
		}),
	);
}

/// `operator` joins `avs` and allocates all of its stBST pool to it, in effect after the
/// allocation delay.
fn join_and_allocate(operator: Sr25519Keyring, avs: u32) {
	signed(operator, RuntimeCall::AvsRegistry(pallet_avs_registry::Call::opt_in { avs }));
	signed(
		operator,
		RuntimeCall::Restaking(pallet_restaking::Call::allocate { avs, asset: STAKED_BST, fraction: Perbill::one() }),
	);
}

fn delegate(delegator: Sr25519Keyring, operator: Sr25519Keyring, amount: Balance) {
	signed(
		delegator,
		RuntimeCall::Restaking(pallet_restaking::Call::delegate { operator: who(operator), asset: STAKED_BST, amount }),
	);
}

fn value_of_delegation(delegator: &AccountId, operator: Sr25519Keyring) -> Balance {
	Restaking::positions(delegator)
		.into_iter()
		.find(|p| p.operator == who(operator) && p.asset == STAKED_BST)
		.map_or(0, |p| p.value)
}

fn request_slash(avs_owner: Sr25519Keyring, avs: u32, operator: Sr25519Keyring, percent: u32, evidence: &[u8]) -> u64 {
	let id = pallet_cross_slashing::NextSlashId::<Runtime>::get();
	signed(
		avs_owner,
		RuntimeCall::CrossSlashing(pallet_cross_slashing::Call::request_slash {
			avs,
			operator: who(operator),
			fraction: Perbill::from_percent(percent),
			evidence: evidence.to_vec(),
			offence_block: System::block_number(),
		}),
	);
	id
}

/// Builds blocks until slash `id` is executed; returns whether it was executed in that block
/// (events of that block are still readable).
fn run_until_executed(id: u64) {
	for _ in 0..(VETO + 5) {
		next_block();
		let executed = System::events().iter().any(|r| {
			matches!(&r.event, RuntimeEvent::CrossSlashing(pallet_cross_slashing::Event::SlashExecuted { id: i, .. }) if *i == id)
		});
		if executed {
			return;
		}
	}
	panic!("slash {id} was not executed");
}

/// A restaking setup on the development chain: Eve and Ferdie operate, AVS 0 (Alice's)
/// takes stBST; Bob delegates to Eve, Charlie to Ferdie, and Charlie curates a vault over
/// Eve. Everything is allocated and in effect.
fn setup() -> u32 {
	for k in [Bob, Charlie, Dave] {
		mint_stbst(k, 100_000 * UNIT);
	}
	register_operator(Eve);
	register_operator(Ferdie);
	let avs = register_avs(Alice, 20, None);
	delegate(Bob, Eve, 10_000 * UNIT);
	delegate(Charlie, Ferdie, 10_000 * UNIT);
	join_and_allocate(Eve, avs);
	join_and_allocate(Ferdie, avs);
	let weights = vec![(who(Eve), Perbill::one())].try_into().unwrap();
	signed(
		Charlie,
		RuntimeCall::Restaking(pallet_restaking::Call::create_vault {
			asset: STAKED_BST,
			name: b"Restaked stBST".to_vec(),
			symbol: b"rstBST".to_vec(),
			operators: weights,
		}),
	);
	signed(Charlie, RuntimeCall::Restaking(pallet_restaking::Call::vault_deposit { vault: 0, amount: 5_000 * UNIT }));
	signed(Dave, RuntimeCall::Restaking(pallet_restaking::Call::rebalance { vault: 0 }));
	run_to_block(System::block_number() + AllocationDelay::get() + 1);
	avs
}

#[test]
fn an_avs_slash_reaches_every_position_of_the_operator_and_no_other_in_one_block() {
	new_ext("development").execute_with(|| {
		let avs = setup();
		// Bob queues a withdrawal of half his delegation.
		let shares = Restaking::delegation(&who(Bob), &who(Eve), &STAKED_BST).shares;
		signed(Bob, RuntimeCall::Restaking(pallet_restaking::Call::undelegate { operator: who(Eve), asset: STAKED_BST, shares: shares / 2 }));
		let withdrawal = Restaking::withdrawals(&who(Bob))[0].clone();

		let vault = Restaking::vault_info(0).unwrap();
		let bob = value_of_delegation(&who(Bob), Eve);
		let charlie_at_ferdie = value_of_delegation(&who(Charlie), Ferdie);
		let id = request_slash(Alice, avs, Eve, 10, b"double signing on the oracle");
		run_until_executed(id);

		// In the block it executed: 10% off everything at Eve, nothing at Ferdie.
		let close = |after: Balance, before: Balance| after.abs_diff(before - before / 10) <= 2;
		assert!(close(value_of_delegation(&who(Bob), Eve), bob));
		assert!(close(Restaking::withdrawals(&who(Bob))[0].value, withdrawal.value));
		let vault_after = Restaking::vault_info(0).unwrap();
		assert!(close(vault_after.nav, vault.nav));
		assert!(vault_after.lrt_rate < vault.lrt_rate, "the LRT rate fell in the slash's block");
		assert_eq!(value_of_delegation(&who(Charlie), Ferdie), charlie_at_ferdie);
		assert!(CrossSlashing::pending_slashes(None).is_empty());
		for check in [Restaking::do_try_state(), LiquidStaking::do_try_state()] {
			check.expect("invariants hold");
		}
	});
}

#[test]
fn a_vetoed_slash_changes_nothing_and_unfreezes_the_operator() {
	new_ext("development").execute_with(|| {
		let avs = setup();
		let bob = value_of_delegation(&who(Bob), Eve);
		let id = request_slash(Alice, avs, Eve, 10, b"a false alarm");
		assert_eq!(pallet_restaking::Operators::<Runtime>::get(who(Eve)).unwrap().frozen, 1);
		// The council's origin (root here: sudo stands in for the council on dev).
		as_root(|| CrossSlashing::veto_slash(RuntimeOrigin::root(), id));
		run_to_block(System::block_number() + VETO + 2);
		assert_eq!(value_of_delegation(&who(Bob), Eve), bob);
		assert_eq!(pallet_restaking::Operators::<Runtime>::get(who(Eve)).unwrap().frozen, 0);
	});
}

#[test]
fn three_avs_slashing_one_operator_in_a_window_take_no_more_than_the_cap() {
	new_ext("development").execute_with(|| {
		let first = setup();
		// Eve spreads her pool over three AVSs, a third each (unique stake: at most 100% in
		// all). The decrease on the first waits its delay before the others can be allocated.
		signed(Eve, RuntimeCall::Restaking(pallet_restaking::Call::allocate { avs: first, asset: STAKED_BST, fraction: Perbill::from_percent(34) }));
		run_to_block(System::block_number() + bastion_runtime::configs::restaking::DeallocationDelay::get() + 1);
		let avss: Vec<u32> = vec![first, register_avs(Bob, 100, None), register_avs(Charlie, 100, None)];
		for avs in &avss[1..] {
			signed(Eve, RuntimeCall::AvsRegistry(pallet_avs_registry::Call::opt_in { avs: *avs }));
			signed(Eve, RuntimeCall::Restaking(pallet_restaking::Call::allocate { avs: *avs, asset: STAKED_BST, fraction: Perbill::from_percent(33) }));
		}
		run_to_block(System::block_number() + AllocationDelay::get() + 1);
		let pool_before = Restaking::pool_info(&who(Eve), &STAKED_BST);
		let total_before = pool_before.active_assets + pool_before.exiting_assets;
		// Each at its limit: 20% (Alice's AVS), 100%, 100% of what was allocated to it.
		let requests = [(Alice, 20), (Bob, 100), (Charlie, 100)];
		let ids: Vec<u64> = avss
			.iter()
			.zip(requests)
			.map(|(avs, (owner, percent))| request_slash(owner, *avs, Eve, percent, b"incident"))
			.collect();
		for id in ids {
			run_until_executed(id);
		}
		let pool = Restaking::pool_info(&who(Eve), &STAKED_BST);
		let lost = total_before - (pool.active_assets + pool.exiting_assets);
		// 6.8%, then 33% twice: 58% without the cap; the cap is 50%.
		assert!(lost <= total_before / 2 + 1, "lost {lost} of {total_before}");
		assert!(lost >= total_before * 49 / 100, "the cap is reached: {lost} of {total_before}");
	});
}

#[test]
fn a_delegator_who_leaves_after_the_offence_is_still_hit() {
	new_ext("development").execute_with(|| {
		let avs = setup();
		let id = request_slash(Alice, avs, Eve, 10, b"offence");
		// Bob sees it and runs.
		let shares = Restaking::delegation(&who(Bob), &who(Eve), &STAKED_BST).shares;
		signed(Bob, RuntimeCall::Restaking(pallet_restaking::Call::undelegate { operator: who(Eve), asset: STAKED_BST, shares }));
		let queued = Restaking::withdrawals(&who(Bob))[0].clone();
		run_until_executed(id);
		let after = Restaking::withdrawals(&who(Bob))[0].value;
		assert!(after.abs_diff(queued.value - queued.value / 10) <= 2, "{} -> {after}", queued.value);
		// And it completes only once the delay is over.
		run_to_block(queued.unlock_at);
		signed(Bob, RuntimeCall::Restaking(pallet_restaking::Call::complete_withdrawal { id: queued.id }));
	});
}

#[test]
fn rewards_reach_delegators_after_the_operators_commission() {
	new_ext("development").execute_with(|| {
		let avs = setup();
		let eve_before = bastion_runtime::Balances::free_balance(who(Eve));
		signed(
			Alice,
			RuntimeCall::AvsRegistry(pallet_avs_registry::Call::fund_rewards {
				avs,
				asset: RestakeAsset::Native,
				amount: 1_000 * UNIT,
				eras: 2,
			}),
		);
		run_to_era(active_era() + 2);
		let eve_after = bastion_runtime::Balances::free_balance(who(Eve));
		assert!(eve_after > eve_before, "Eve was paid her commission");
		let bob_before = bastion_runtime::Balances::free_balance(who(Bob));
		signed(Bob, RuntimeCall::Restaking(pallet_restaking::Call::claim_rewards { operator: who(Eve), asset: STAKED_BST }));
		let bob_after = bastion_runtime::Balances::free_balance(who(Bob));
		assert!(bob_after > bob_before, "Bob was paid his share");
		let budgets = AvsRegistry::reward_budgets(avs);
		assert!(budgets.iter().all(|b| b.paid + b.left == b.funded));
		AvsRegistry::do_try_state().expect("invariants hold");
	});
}

#[test]
fn a_validator_operator_that_equivocates_is_slashed_natively_and_by_its_coupled_avs() {
	equivocate_and_expect_the_coupled_slash(false);
}

#[test]
fn opting_out_while_staking_defers_the_slash_does_not_escape_the_coupled_avs() {
	equivocate_and_expect_the_coupled_slash(true);
}

/// Dave, validator and operator allocated to an AVS coupled at 5%, equivocates; when
/// `opt_out`, he leaves that AVS right after the report, while pallet-staking defers the
/// slash. In the block the slash is applied, the stBST rate falls and the AVS has a pending
/// slash of Dave.
fn equivocate_and_expect_the_coupled_slash(opt_out: bool) {
	new_ext("local_testnet").execute_with(|| {
		// Dave validates and operates: he links his own stash.
		for k in [Bob, Charlie] {
			mint_stbst(k, 100_000 * UNIT);
		}
		register_operator(Dave);
		signed(Dave, RuntimeCall::Restaking(pallet_restaking::Call::link_validator { stash: who(Dave), proof: None }));
		let coupled = register_avs(Alice, 20, Some(Perbill::from_percent(5)));
		delegate(Bob, Dave, 10_000 * UNIT);
		join_and_allocate(Dave, coupled);
		// The liquid staking pool nominates Dave.
		as_root(|| LiquidStaking::set_targets(RuntimeOrigin::root(), vec![who(Dave)].try_into().unwrap()));
		run_to_era(2);

		report_babe_equivocation(Dave);
		if opt_out {
			signed(Dave, RuntimeCall::AvsRegistry(pallet_avs_registry::Call::opt_out { avs: coupled }));
			assert!(!pallet_avs_registry::Members::<Runtime>::contains_key(coupled, who(Dave)));
		}
		let mut rate = LiquidStaking::rate();
		for _ in 0..(4 * bastion_runtime::configs::timing::EraDurationInBlocks::get()) {
			next_block();
			let now = LiquidStaking::rate();
			if now < rate {
				// The block pallet-staking applied the slash: the stBST rate fell, and the
				// coupled AVS has a pending slash of Dave, through the veto path.
				let pending = CrossSlashing::pending_slashes(Some(who(Dave)));
				assert_eq!(pending.len(), 1);
				assert_eq!(pending[0].avs, coupled);
				assert_eq!(pending[0].fraction, Perbill::from_percent(5));
				assert!(now < FixedU128::from_u32(1) || now < rate);
				return;
			}
			rate = now;
		}
		panic!("the native slash never lowered the stBST rate");
	});
}
