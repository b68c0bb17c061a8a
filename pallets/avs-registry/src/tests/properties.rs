//! Property tests: random sequences of register / approve / opt-in / opt-out / allocate /
//! fund / pause / deregister / era and block steps keep every invariant, and:
//!
//! - a failed call changes nothing (same storage root);
//! - rewards conserve, per asset: funded = credited + refunded + left in budgets, and the
//!   pallet account holds exactly what the budgets have left (plus its existential deposit);
//! - no operator receives rewards in a round for a pool it had no priced stake allocated
//!   from, to an AVS it was a member of, when the era began.

use super::*;
use crate::{Budgets, Event, Members, Round};
use alloc::collections::{BTreeMap, BTreeSet};
use bastion_primitives::restaking::{AvsDirectory, Restaking};
use proptest::prelude::*;
use sp_runtime::{DispatchResult, Perbill};

extern crate alloc;

const OPERATORS: core::ops::RangeInclusive<AccountId> = 10..=15;
const OWNERS: [AccountId; 3] = [1, 2, 3];

fn asset(index: u8) -> RestakeAsset {
	match index % 4 {
		0 => BST,
		1 => st(),
		2 => RestakeAsset::WithId(OTHER),
		_ => RestakeAsset::WithId(REWARD),
	}
}

#[derive(Debug, Clone)]
enum Op {
	Register { owner: usize, allow_list: bool, max_operators: u32, with_other: bool },
	Approve { avs: u32, operator: AccountId },
	Remove { avs: u32, operator: AccountId },
	OptIn { avs: u32, operator: AccountId },
	OptOut { avs: u32, operator: AccountId },
	Allocate { avs: u32, operator: AccountId, asset: u8, percent: u32 },
	SetStake { operator: AccountId, asset: u8, units: u128 },
	Fund { avs: u32, asset: u8, amount: u128, eras: u32, by_owner: bool },
	Pause { avs: u32 },
	Resume { avs: u32 },
	Deregister { avs: u32 },
	SetRate { num: u128, den: u128 },
	FailCredit { operator: AccountId, fail: bool },
	Block,
	NextEra,
}

fn op() -> impl Strategy<Value = Op> {
	prop_oneof![
		2 => (0..3usize, any::<bool>(), 1..=8u32, any::<bool>()).prop_map(
			|(owner, allow_list, max_operators, with_other)| Op::Register { owner, allow_list, max_operators, with_other }
		),
		1 => (0..4u32, OPERATORS).prop_map(|(avs, operator)| Op::Approve { avs, operator }),
		1 => (0..4u32, OPERATORS).prop_map(|(avs, operator)| Op::Remove { avs, operator }),
		6 => (0..4u32, OPERATORS).prop_map(|(avs, operator)| Op::OptIn { avs, operator }),
		2 => (0..4u32, OPERATORS).prop_map(|(avs, operator)| Op::OptOut { avs, operator }),
		8 => (0..4u32, OPERATORS, 0..3u8, 0..=100u32)
			.prop_map(|(avs, operator, asset, percent)| Op::Allocate { avs, operator, asset, percent }),
		1 => (OPERATORS, 0..3u8, 0..=1_000u128).prop_map(|(operator, asset, units)| Op::SetStake { operator, asset, units }),
		3 => (0..4u32, 0..4u8, 1..=1_000_000u128, 1..=6u32, prop::bool::weighted(0.9)).prop_map(
			|(avs, asset, amount, eras, by_owner)| Op::Fund { avs, asset, amount, eras, by_owner }
		),
		1 => (0..4u32).prop_map(|avs| Op::Pause { avs }),
		1 => (0..4u32).prop_map(|avs| Op::Resume { avs }),
		1 => (0..4u32).prop_map(|avs| Op::Deregister { avs }),
		1 => (1..=5u128, 1..=5u128).prop_map(|(num, den)| Op::SetRate { num, den }),
		1 => (OPERATORS, any::<bool>()).prop_map(|(operator, fail)| Op::FailCredit { operator, fail }),
		3 => Just(Op::Block),
		4 => Just(Op::NextEra),
	]
}

/// What the test knows of the money: funded per asset, refunded per asset (from events).
#[derive(Default)]
struct Ledger {
	funded: BTreeMap<RestakeAsset, u128>,
	refunded: BTreeMap<RestakeAsset, u128>,
	orphaned: BTreeMap<RestakeAsset, u128>,
	events_seen: usize,
}

impl Ledger {
	fn read_events(&mut self) {
		let all = events();
		for event in &all[self.events_seen..] {
			match event {
				Event::BudgetClosed { asset, refunded, .. } =>
					*self.refunded.entry(asset.clone()).or_default() += refunded,
				Event::RefundFailed { asset, amount, .. } =>
					*self.orphaned.entry(asset.clone()).or_default() += amount,
				_ => {},
			}
		}
		self.events_seen = all.len();
	}
}

fn all_credited() -> BTreeMap<RestakeAsset, u128> {
	let mut sums = BTreeMap::new();
	for (_, (_, reward), amount) in FakeCredited::iter() {
		*sums.entry(reward).or_default() += amount;
	}
	sums
}

fn avs_id(index: u32) -> Option<AvsId> {
	let next = crate::NextAvsId::<Test>::get();
	(next > 0).then(|| index % next)
}

fn owner_of(avs: AvsId) -> AccountId {
	crate::Avs::<Test>::get(avs).map(|info| info.owner).unwrap_or(ALICE)
}

/// The (operator, pool asset) pairs that may be paid in a round starting now.
fn eligible() -> BTreeSet<(AccountId, RestakeAsset)> {
	let mut set = BTreeSet::new();
	for (avs, operator, _) in Members::<Test>::iter() {
		let Some(info) = AvsRegistry::avs_in_force(avs) else { continue };
		if Budgets::<Test>::get(avs).is_empty() {
			continue;
		}
		for asset in info.config.accepted_assets.iter() {
			let stake = FakeRestaking::allocated_stake(&operator, avs, asset);
			if AvsRegistry::bst_value(asset, stake).unwrap_or(0) > 0 {
				set.insert((operator, asset.clone()));
			}
		}
	}
	set
}

fn run_round_out() {
	let mut guard = 0;
	while Round::<Test>::get().is_some() {
		next_block();
		guard += 1;
		assert!(guard < 10_000, "a round never ends");
	}
}

/// Applies `op`; returns the result of the call it made, if any.
fn apply(op: &Op, ledger: &mut Ledger) -> Result<Option<DispatchResult>, TestCaseError> {
	let signed = RuntimeOrigin::signed;
	let call: Option<DispatchResult> = match op.clone() {
		Op::Register { owner, allow_list, max_operators, with_other } => {
			let mut accepted = vec![BST, st()];
			if with_other {
				accepted.push(RestakeAsset::WithId(OTHER));
			}
			Some(AvsRegistry::register_avs(
				signed(OWNERS[owner]),
				vec![],
				AvsConfigParams {
					accepted_assets: accepted,
					max_operators,
					membership: if allow_list { Membership::AllowList } else { Membership::Open },
					..config()
				},
			))
		},
		Op::Approve { avs, operator } => avs_id(avs)
			.map(|avs| AvsRegistry::approve_operator(signed(owner_of(avs)), avs, operator)),
		Op::Remove { avs, operator } => avs_id(avs)
			.map(|avs| AvsRegistry::remove_operator(signed(owner_of(avs)), avs, operator)),
		Op::OptIn { avs, operator } =>
			avs_id(avs).map(|avs| AvsRegistry::opt_in(signed(operator), avs)),
		Op::OptOut { avs, operator } =>
			avs_id(avs).map(|avs| AvsRegistry::opt_out(signed(operator), avs)),
		Op::Allocate { avs, operator, asset: index, percent } => {
			if let Some(avs) = avs_id(avs) {
				// Restaking lets members allocate accepted assets only.
				if <AvsRegistry as AvsDirectory<AccountId, u64>>::is_member(avs, &operator) &&
					<AvsRegistry as AvsDirectory<AccountId, u64>>::accepts_asset(avs, &asset(index))
				{
					allocate(operator, avs, asset(index), Perbill::from_percent(percent));
				}
			}
			None
		},
		Op::SetStake { operator, asset: index, units } => {
			FakePools::insert(
				operator,
				asset(index),
				bastion_primitives::restaking::PoolView { active_assets: units * UNIT, exiting_assets: 0 },
			);
			None
		},
		Op::Fund { avs, asset: index, amount, eras, by_owner } => avs_id(avs).map(|avs| {
			let who = if by_owner { owner_of(avs) } else { 9 };
			let result = AvsRegistry::fund_rewards(signed(who), avs, asset(index), amount, eras);
			if result.is_ok() {
				*ledger.funded.entry(asset(index)).or_default() += amount;
			}
			result
		}),
		Op::Pause { avs } => avs_id(avs).map(|avs| AvsRegistry::pause_avs(signed(owner_of(avs)), avs)),
		Op::Resume { avs } => avs_id(avs).map(|avs| AvsRegistry::resume_avs(signed(owner_of(avs)), avs)),
		Op::Deregister { avs } => avs_id(avs)
			.map(|avs| AvsRegistry::deregister_avs(signed(owner_of(avs)), avs).map(|_| ()).map_err(|e| e.error)),
		Op::SetRate { num, den } => {
			set_rate(num, den);
			None
		},
		Op::FailCredit { operator, fail } => {
			if fail {
				FakeFailCredit::insert(operator, ());
			} else {
				FakeFailCredit::remove(operator);
			}
			None
		},
		Op::Block => {
			next_block();
			None
		},
		Op::NextEra => {
			run_round_out();
			let may_be_paid = eligible();
			let before: BTreeMap<_, _> = FakeCredited::iter().map(|(o, k, v)| ((o, k), v)).collect();
			next_era();
			for (operator, (pool, reward), amount) in FakeCredited::iter() {
				let was = before.get(&(operator, (pool.clone(), reward.clone()))).copied().unwrap_or(0);
				if amount > was {
					prop_assert!(
						may_be_paid.contains(&(operator, pool.clone())),
						"operator {operator} paid {} for pool {pool:?} it had no stake allocated from",
						amount - was
					);
				}
			}
			None
		},
	};
	ledger.read_events();
	Ok(call)
}

/// A call that fails must leave the state as it was.
fn apply_checked(op: &Op, ledger: &mut Ledger) -> Result<(), TestCaseError> {
	let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
	if let Some(Err(error)) = apply(op, ledger)? {
		prop_assert_eq!(
			sp_io::storage::root(sp_runtime::StateVersion::V1),
			root,
			"{:?} failed with {:?} but changed the state",
			op,
			error
		);
	}
	Ok(())
}

fn check_money(ledger: &Ledger) -> Result<(), TestCaseError> {
	let credited = all_credited();
	let mut left = BTreeMap::<RestakeAsset, u128>::new();
	for (_, budgets) in Budgets::<Test>::iter() {
		for budget in budgets {
			*left.entry(budget.asset).or_default() += budget.left;
		}
	}
	let account = AvsRegistry::pallet_account();
	for index in 0..4 {
		let asset = asset(index);
		let get = |map: &BTreeMap<RestakeAsset, u128>| map.get(&asset).copied().unwrap_or(0);
		prop_assert_eq!(
			get(&ledger.funded),
			get(&credited) + get(&ledger.refunded) + get(&ledger.orphaned) + get(&left),
			"{:?}: funded != credited + refunded + left",
			asset
		);
		let existential = if asset == BST { 1 } else { 0 };
		prop_assert_eq!(
			balance(asset.clone(), account),
			get(&left) + get(&ledger.orphaned) + existential,
			"{:?}: the pallet account holds other than the budgets' left",
			asset
		);
	}
	Ok(())
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

	#[test]
	fn random_sequences_keep_the_invariants(
		ops in prop::collection::vec(op(), 1..80),
		steps in prop_oneof![Just(1u32), Just(2), Just(3), Just(1_000)],
	) {
		new_test_ext().execute_with(|| -> Result<(), TestCaseError> {
			MaxDistributionsPerBlock::set(steps);
			for operator in OPERATORS {
				make_operator(operator, &[(BST, 100 * UNIT), (st(), 100 * UNIT), (RestakeAsset::WithId(OTHER), 100 * UNIT)]);
			}
			let mut ledger = Ledger::default();
			// At least one AVS, open, taking BST, stBST and an unpriced token.
			let first = Op::Register { owner: 0, allow_list: false, max_operators: 8, with_other: true };
			for op in core::iter::once(&first).chain(ops.iter()) {
				apply_checked(op, &mut ledger)?;
				if let Err(e) = AvsRegistry::do_try_state() {
					return Err(TestCaseError::fail(format!("after {op:?}: {e:?}")));
				}
				check_money(&ledger)?;
			}
			// Let every budget run out: everything funded is credited or refunded.
			for _ in 0..8 {
				apply_checked(&Op::NextEra, &mut ledger)?;
			}
			AvsRegistry::do_try_state().map_err(|e| TestCaseError::fail(format!("at the end: {e:?}")))?;
			check_money(&ledger)?;
			prop_assert!(Budgets::<Test>::iter().next().is_none(), "budgets left after their eras");
			Ok(())
		})?;
	}
}
