//! Property tests over random sequences of requests, vetoes, executions, propagated native
//! slashes, delegations, undelegations, completions, allocation changes, opt-outs and
//! advancing blocks. After every step the invariants hold (`do_try_state`, restaking's
//! freezes equal the pallet's), and:
//!
//! - DESIGN invariant 5: an execution takes, from each pool of the slashed operator it
//!   recorded, `applied` of the active side and of the exiting side (restaking's rounding),
//!   and changes no other pool; `requested = fraction × recorded allocation` and
//!   `applied + capped = requested`; over every `CapWindow` blocks ending at an execution,
//!   the compounded fraction taken of a pool is at most `MaxOperatorSlashPerWindow`.
//! - DESIGN invariant 6: a request for an offence at block `b` within the slash window is
//!   never refused as `NotAllocated` while stake was allocated at `b` (exits begun after
//!   `b` don't count), and records at least that allocation; no withdrawal of a frozen
//!   operator completes; every slash accepted is in the end either vetoed or executed on
//!   exactly the pools it recorded, whatever was deallocated, opted out or undelegated.

use super::*;
use crate::{cap_impls::mul_fraction, Error, Freezes, Slashes};
use bastion_primitives::{
	restaking::{RestakeAsset, VetoPolicy},
	slashing::PoolSlashStatus,
};
use proptest::prelude::*;
use sp_runtime::DispatchError;
use sp_staking::OnStakingUpdate;
use std::collections::BTreeMap;

const OPERATORS: [u8; 3] = [1, 2, 3];
const AVSS: [u32; 3] = [AVS_A, AVS_B, AVS_C];
const ASSETS: [RestakeAsset; 2] = [STBST, BST];
const DELEGATORS: [AccountId; 4] = [1, 2, 3, 4];

#[derive(Debug, Clone)]
enum Op {
	Request { avs: u32, operator: u8, percent: u32, back: u64 },
	Veto { pick: usize },
	WrongVeto { pick: usize },
	Execute { pick: usize },
	Native { operator: u8 },
	Delegate { who: AccountId, operator: u8, bst: bool, units: u128 },
	Undelegate { who: AccountId, operator: u8, bst: bool, percent: u128 },
	Complete { pick: usize },
	Allocate { operator: u8, avs: u32, bst: bool, percent: u32 },
	OptOut { operator: u8, avs: u32 },
	Advance { blocks: u64 },
}

fn op_strategy() -> impl Strategy<Value = Op> {
	prop_oneof![
		6 => (0..3usize, 1..=3u8, 1..=60u32, 0..=60u64)
			.prop_map(|(a, operator, percent, back)| Op::Request { avs: AVSS[a], operator, percent, back }),
		2 => any::<usize>().prop_map(|pick| Op::Veto { pick }),
		1 => any::<usize>().prop_map(|pick| Op::WrongVeto { pick }),
		3 => any::<usize>().prop_map(|pick| Op::Execute { pick }),
		1 => (1..=3u8).prop_map(|operator| Op::Native { operator }),
		2 => (1..=4u64, 1..=3u8, any::<bool>(), 1..=500u128)
			.prop_map(|(who, operator, bst, units)| Op::Delegate { who, operator, bst, units }),
		3 => (1..=4u64, 1..=3u8, any::<bool>(), 1..=100u128)
			.prop_map(|(who, operator, bst, percent)| Op::Undelegate { who, operator, bst, percent }),
		2 => any::<usize>().prop_map(|pick| Op::Complete { pick }),
		2 => (1..=3u8, 0..3usize, any::<bool>(), 0..=40u32)
			.prop_map(|(operator, a, bst, percent)| Op::Allocate { operator, avs: AVSS[a], bst, percent }),
		1 => (1..=3u8, 0..3usize).prop_map(|(operator, a)| Op::OptOut { operator, avs: AVSS[a] }),
		4 => (1..=30u64).prop_map(|blocks| Op::Advance { blocks }),
	]
}

fn asset(bst: bool) -> RestakeAsset {
	if bst {
		BST
	} else {
		STBST
	}
}

type PoolsSnapshot = BTreeMap<(AccountId, RestakeAsset), FakePool>;
type AllocSnapshot = BTreeMap<(AccountId, u32, RestakeAsset), FakeAllocation>;

fn pools() -> PoolsSnapshot {
	OPERATORS.iter().flat_map(|n| ASSETS.iter().map(move |a| ((op(*n), a.clone()), Pools::get(op(*n), a)))).collect()
}

fn allocations() -> AllocSnapshot {
	let mut out = BTreeMap::new();
	for n in OPERATORS {
		for avs in AVSS {
			for a in ASSETS {
				out.insert((op(n), avs, a.clone()), Allocations::get((op(n), avs, a)));
			}
		}
	}
	out
}

/// An accepted slash: its AVS, operator, fraction and recorded allocations.
type Accepted = (u32, AccountId, Perbill, Vec<(RestakeAsset, Perbill)>);

/// What the model remembers across steps.
#[derive(Default)]
struct Model {
	/// The allocation records at the start of each block (after the hook).
	allocations_at: BTreeMap<BlockNumber, AllocSnapshot>,
	/// Accepted slashes.
	accepted: BTreeMap<crate::SlashId, Accepted>,
	/// Per pool, the executions: (block, applied).
	taken: BTreeMap<(AccountId, RestakeAsset), Vec<(BlockNumber, Perbill)>>,
	/// Slashes seen executed or vetoed.
	resolved: std::collections::BTreeSet<crate::SlashId>,
	/// The next evidence tag.
	tag: u32,
}

impl Model {
	/// Records the slashes created since the last look.
	fn note_created(&mut self) {
		for (id, slash) in Slashes::<Test>::iter() {
			self.accepted
				.entry(id)
				.or_insert_with(|| (slash.avs, slash.operator, slash.fraction, slash.allocations.clone().into_inner()));
		}
	}

	/// Checks the executions among the events since the last look against `before` (the
	/// pools before them) and the pools now.
	fn check_executions(&mut self, before: PoolsSnapshot) -> Result<(), TestCaseError> {
		// Events are taken and cleared at each look (the runs are long).
		let new = events();
		System::reset_events();
		let mut model = before;
		let now = System::block_number();
		for event in new.iter() {
			if let crate::Event::SlashVetoed { id, .. } = event {
				self.resolved.insert(*id);
			}
			let crate::Event::SlashExecuted { id, operator, fraction, pools, .. } = event else { continue };
			self.resolved.insert(*id);
			let (_, o, f, recorded) = self.accepted.get(id).cloned().expect("executed slashes were accepted");
			prop_assert_eq!(o, *operator);
			prop_assert_eq!(f, *fraction);
			prop_assert_eq!(
				pools.iter().map(|p| (p.asset.clone(), p.allocation)).collect::<Vec<_>>(),
				recorded,
				"a slash executes on exactly the pools and allocations it recorded"
			);
			for p in pools.iter() {
				prop_assert_eq!(p.requested, mul_fraction(*fraction, p.allocation));
				prop_assert_eq!(p.applied.deconstruct() + p.capped.deconstruct(), p.requested.deconstruct());
				let key = (*operator, p.asset.clone());
				let pool = model.get_mut(&key).expect("the mock's pools");
				let (active, exiting) = if p.applied.is_zero() || p.status == PoolSlashStatus::Failed {
					(0, 0)
				} else {
					(
						p.applied.mul_ceil(pool.active_assets).min(pool.active_assets),
						p.applied.mul_ceil(pool.exiting_assets).min(pool.exiting_assets),
					)
				};
				prop_assert_eq!((p.active, p.exiting), (active, exiting), "the same fraction of both sides");
				pool.active_assets -= active;
				pool.exiting_assets -= exiting;
				if !p.applied.is_zero() && p.status != PoolSlashStatus::Failed {
					let taken = self.taken.entry(key).or_default();
					taken.push((now, p.applied));
					// The cap over the window ending now.
					let retained: f64 = taken
						.iter()
						.filter(|(at, _)| now - at < CAP_WINDOW)
						.map(|(_, f)| 1.0 - f.deconstruct() as f64 / 1e9)
						.product();
					prop_assert!(retained >= 0.5 - 1e-7, "a pool lost {} in one window", 1.0 - retained);
				}
			}
		}
		prop_assert_eq!(model, pools(), "an execution touches the slashed operator's pools only");
		Ok(())
	}
}

fn pending_ids() -> Vec<crate::SlashId> {
	let mut ids: Vec<_> = Slashes::<Test>::iter_keys().collect();
	ids.sort();
	ids
}

fn step(model: &mut Model, op: &Op) -> Result<(), TestCaseError> {
	let now = System::block_number();
	let before = pools();
	match op.clone() {
		Op::Request { avs, operator, percent, back } => {
			let operator = self::op(operator);
			let offence = now.saturating_sub(back).max(1);
			model.tag += 1;
			let result = CrossSlashing::request_slash(
				RuntimeOrigin::signed(slasher(avs)),
				avs,
				operator,
				Perbill::from_percent(percent),
				evidence(model.tag),
				offence,
			);
			// What was allocated at the offence, less what exits begun before it have
			// released since: changes made after the offence must not lower it.
			let exposed: Vec<(RestakeAsset, Perbill)> = ASSETS
				.iter()
				.map(|a| {
					let record = model.allocations_at[&offence][&(operator, avs, a.clone())];
					(a.clone(), fake_at(&record, offence).min(fake_at(&record, now)))
				})
				.collect();
			let in_window = now - offence <= SLASH_WINDOW;
			match result {
				Ok(()) => {
					model.note_created();
					let id = crate::NextSlashId::<Test>::get() - 1;
					let recorded = &model.accepted[&id].3;
					for (a, exposed) in exposed {
						let got = recorded.iter().find(|(r, _)| *r == a).map_or(Perbill::zero(), |(_, p)| *p);
						prop_assert!(got >= exposed, "stake exposed at the offence escaped: {got:?} < {exposed:?}");
					}
				}
				Err(e) if e == Error::<Test>::NotAllocated.into() => {
					prop_assert!(
						!in_window || exposed.iter().all(|(_, p)| p.is_zero()),
						"refused as not allocated while {exposed:?} was exposed at the offence"
					);
				}
				Err(e) => {
					let allowed: [DispatchError; 4] = [
						Error::<Test>::OffenceTooOld.into(),
						Error::<Test>::FractionAboveLimit.into(),
						Error::<Test>::TooManyPending.into(),
						Error::<Test>::TooManyPendingFromAvs.into(),
					];
					prop_assert!(allowed.contains(&e), "unexpected error {e:?}");
					if e == Error::<Test>::OffenceTooOld.into() {
						prop_assert!(!in_window);
					}
				}
			}
		}
		Op::Veto { pick } => {
			let ids = pending_ids();
			if let Some(id) = ids.get(pick % ids.len().max(1)).copied() {
				let slash = Slashes::<Test>::get(id).unwrap();
				let origin = match slash.veto {
					VetoPolicy::Council => RuntimeOrigin::root(),
					VetoPolicy::Committee(c) => RuntimeOrigin::signed(c),
				};
				let result = CrossSlashing::veto_slash(origin, id);
				if now < slash.executable_at {
					prop_assert!(result.is_ok());
				} else {
					prop_assert_eq!(result, Err(Error::<Test>::VetoWindowOver.into()));
				}
			}
		}
		Op::WrongVeto { pick } => {
			let ids = pending_ids();
			if let Some(id) = ids.get(pick % ids.len().max(1)).copied() {
				let slash = Slashes::<Test>::get(id).unwrap();
				let result = CrossSlashing::veto_slash(RuntimeOrigin::signed(slash.operator), id);
				prop_assert_eq!(result, Err(Error::<Test>::NotVetoOrigin.into()));
				prop_assert!(Slashes::<Test>::contains_key(id));
			}
		}
		Op::Execute { pick } => {
			let ids = pending_ids();
			if let Some(id) = ids.get(pick % ids.len().max(1)).copied() {
				let slash = Slashes::<Test>::get(id).unwrap();
				let result = CrossSlashing::execute_slash(RuntimeOrigin::signed(99), id);
				if now < slash.executable_at {
					prop_assert_eq!(result.map_err(|e| e.error), Err(Error::<Test>::NotExecutableYet.into()));
				} else {
					prop_assert!(result.is_ok());
				}
			}
		}
		Op::Native { operator } => {
			<CrossSlashing as OnStakingUpdate<AccountId, Balance>>::on_slash(
				&stash(operator),
				0,
				&BTreeMap::new(),
				UNIT,
			);
			model.note_created();
		}
		Op::Delegate { who, operator, bst, units } => {
			FakeRestaking::delegate(who, self::op(operator), asset(bst), units * UNIT);
		}
		Op::Undelegate { who, operator, bst, percent } => {
			let a = asset(bst);
			let shares = Delegations::get((who, self::op(operator), a.clone())) * percent / 100;
			let _ = FakeRestaking::undelegate(who, self::op(operator), a, shares);
		}
		Op::Complete { pick } => {
			let ids: Vec<u64> = Withdrawals::iter_keys().collect();
			if let Some(id) = ids.get(pick % ids.len().max(1)).copied() {
				let operator = Withdrawals::get(id).unwrap().operator;
				let pending = Freezes::<Test>::get(operator) > 0;
				let result = FakeRestaking::complete_withdrawal(id);
				prop_assert!(!(pending && result.is_ok()), "a withdrawal completed under a pending slash");
			}
		}
		Op::Allocate { operator, avs, bst, percent } => {
			let _ = FakeRestaking::allocate(self::op(operator), avs, asset(bst), Perbill::from_percent(percent));
		}
		Op::OptOut { operator, avs } => FakeRegistry::opt_out(avs, self::op(operator)),
		Op::Advance { blocks } => {
			for _ in 0..blocks {
				let before = pools();
				advance(1);
				model.allocations_at.insert(System::block_number(), allocations());
				// The full invariants after every block where something happened.
				let busy = !System::events().is_empty();
				model.check_executions(before)?;
				if busy {
					check_invariants()?;
				}
			}
			return check_invariants();
		}
	}
	// Steps that move stake themselves execute no slash: check those separately.
	if matches!(op, Op::Delegate { .. } | Op::Undelegate { .. } | Op::Complete { .. }) {
		let executes = events().iter().any(|e| matches!(e, crate::Event::SlashExecuted { .. }));
		prop_assert!(!executes, "a stake move executed a slash");
	} else {
		model.check_executions(before)?;
	}
	check_invariants()
}

fn fake_at(allocation: &FakeAllocation, now: BlockNumber) -> Perbill {
	match allocation.pending {
		Some((next, at)) if at <= now => next,
		_ => allocation.current,
	}
}

fn check_invariants() -> Result<(), TestCaseError> {
	CrossSlashing::do_try_state().map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
	for (operator, info) in Operators::iter() {
		prop_assert_eq!(info.frozen, Freezes::<Test>::get(operator), "freezes of {} differ", operator);
	}
	Ok(())
}

fn setup(model: &mut Model, allocation: Perbill) {
	for n in OPERATORS {
		let operator = op(n);
		FakeRestaking::register(operator);
		FakeRestaking::link(operator, stash(n));
		for (i, who) in DELEGATORS.iter().enumerate() {
			FakeRestaking::delegate(*who, operator, STBST, (100 + 50 * i as u128) * UNIT);
			FakeRestaking::delegate(*who, operator, BST, (200 + 10 * i as u128) * UNIT);
		}
		for avs in AVSS {
			FakeRegistry::join(avs, operator);
			for a in ASSETS {
				FakeRestaking::set_allocation(operator, avs, a, allocation);
			}
		}
	}
	model.allocations_at.insert(System::block_number(), allocations());
	System::reset_events();
}

/// Runs `ops`, then lets every pending slash resolve, and checks that each accepted slash
/// was vetoed or executed.
fn run(ops: &[Op], allocation: Perbill) -> Result<(), TestCaseError> {
	let mut model = Model::default();
	setup(&mut model, allocation);
	for op in ops {
		step(&mut model, op).map_err(|e| TestCaseError::fail(format!("after {op:?}: {e}")))?;
	}
	step(&mut model, &Op::Advance { blocks: 2 * VETO_WINDOW + 20 })?;
	for id in pending_ids() {
		let before = pools();
		prop_assert!(CrossSlashing::execute_slash(RuntimeOrigin::signed(99), id).is_ok());
		model.check_executions(before)?;
	}
	check_invariants()?;
	prop_assert!(Slashes::<Test>::iter().next().is_none());
	prop_assert!(Operators::iter().all(|(_, o)| o.frozen == 0), "an operator stays frozen");
	for id in model.accepted.keys() {
		prop_assert!(model.resolved.contains(id), "slash {} vanished", id);
	}
	Ok(())
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

	#[test]
	fn slashes_hit_exactly_their_pools_within_the_cap_and_nobody_escapes(
		ops in prop::collection::vec(op_strategy(), 1..60)
	) {
		new_test_ext().execute_with(|| run(&ops, Perbill::from_percent(30)))?;
	}

}

proptest! {
	#![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

	#[test]
	fn the_cap_holds_under_many_slashes_of_one_operator(
		ops in prop::collection::vec(
			prop_oneof![
				5 => (0..3usize, 1..=60u32)
					.prop_map(|(a, percent)| Op::Request { avs: AVSS[a], operator: 1, percent, back: 0 }),
				1 => Just(Op::Native { operator: 1 }),
				3 => (1..=20u64).prop_map(|blocks| Op::Advance { blocks }),
			],
			1..80,
		)
	) {
		// The whole pool allocated to each AVS: every slash leans on the cap.
		new_test_ext().execute_with(|| run(&ops, Perbill::one()))?;
	}
}
