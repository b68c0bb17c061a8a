//! Benchmarks of every call, of the automatic execution and of base-chain propagation, each
//! in its worst case (full queue, full pending list, full history, full cap ledgers, the
//! most pools). `execute_slash_delegators` executes a slash of an operator with `d`
//! delegators behind its pool, up to 100,000, to show that execution does not depend on
//! them (restaking's `slash_pool` moves two numbers per pool).
//!
//! Every measured block starts from an empty event log (`reset_events`), as a real block does:
//! otherwise the events the setup deposited would be read back and rewritten when the
//! measured code deposits its own, a cost that grows with the setup and is not the call's.

use super::*;
use crate::{CapEntry, VetoPolicy};
use alloc::vec;
use alloc::vec::Vec;
use bastion_primitives::restaking::{Restaking, SlashingTerms};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{Get, Hooks},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, Pallet as System, RawOrigin};
use sp_runtime::{traits::Bounded, Perbill};

const SEED: u32 = 0;

fn block<T: Config>(n: u32) -> BlockNumberFor<T> {
	n.into()
}

/// Starts at a block far enough from genesis for every window.
fn start<T: Config>() -> BlockNumberFor<T> {
	let now = block::<T>(1_000);
	System::<T>::set_block_number(now);
	now
}

/// Terms vetoed by `committee`, slashing up to 100% to a burn, coupled at 10%.
fn slashing_terms<T: Config>(
	slasher: T::AccountId,
	committee: T::AccountId,
) -> SlashingTerms<T::AccountId, BlockNumberFor<T>> {
	SlashingTerms {
		slasher,
		veto: VetoPolicy::Committee(committee),
		max_slash_per_incident: Perbill::one(),
		slash_window: block::<T>(100),
		veto_window: block::<T>(10),
		destination: SlashDestination::Burn,
		native_coupling: Some(Perbill::from_percent(10)),
	}
}

/// An AVS whose slasher is the whitelisted caller, and its committee.
fn avs<T: Config>(index: u32) -> (AvsId, T::AccountId, T::AccountId) {
	let slasher: T::AccountId = whitelisted_caller();
	let committee: T::AccountId = account("committee", index, SEED);
	let avs = T::BenchmarkHelper::avs(index, slashing_terms::<T>(slasher.clone(), committee.clone()));
	(avs, slasher, committee)
}

/// Fills the automatic-execution queue up to `free` free places, with entries due after
/// everything the benchmark queues (so inserting goes to the front, moving them all).
fn fill_queue<T: Config>(free: u32) {
	let len = T::MaxPending::get().saturating_sub(free);
	let entries: Vec<_> =
		(0..len).map(|i| (BlockNumberFor::<T>::max_value(), u64::MAX - len as u64 + i as u64)).collect();
	Queue::<T>::put(BoundedVec::truncate_from(entries));
}

/// Fills `operator`'s pending list up to one free place, with slashes of another AVS.
fn fill_pending<T: Config>(operator: &T::AccountId, other_avs: AvsId) {
	let len = T::MaxPendingPerOperator::get().saturating_sub(1);
	let entries: Vec<_> = (0..len).map(|i| (u64::MAX / 2 + i as u64, other_avs)).collect();
	OperatorPending::<T>::insert(operator, BoundedVec::truncate_from(entries));
}

/// Fills `operator`'s history and, per asset, its cap ledger (tiny slashes now, so the cap
/// still has room and each new slash merges two entries).
fn fill_records<T: Config>(operator: &T::AccountId, now: BlockNumberFor<T>) {
	let record = SlashRecord {
		id: u64::MAX,
		avs: AvsId::MAX,
		fraction: Perbill::from_percent(1),
		source: SlashSource::Slasher,
		offence_block: now,
		requested_at: now,
		resolved_at: now,
		destination: SlashDestination::Burn,
		outcome: SlashOutcome::Vetoed,
	};
	let history: Vec<_> = (0..T::MaxHistory::get()).map(|_| record.clone()).collect();
	History::<T>::insert(operator, BoundedVec::truncate_from(history));
	for asset in <T::Restaking as Restaking<T::AccountId>>::operator_assets(operator) {
		let ledger: Vec<_> =
			(0..T::MaxHistory::get()).map(|_| CapEntry { at: now, taken: Perbill::from_parts(1) }).collect();
		CapLedger::<T>::insert(operator, asset, BoundedVec::truncate_from(ledger));
	}
}

/// A slash of `operator` by `avs` requested now, with the longest evidence.
fn request<T: Config>(slasher: &T::AccountId, avs: AvsId, operator: &T::AccountId, tag: u32) -> SlashId {
	let mut evidence = vec![7u8; T::MaxEvidenceLen::get() as usize];
	evidence.iter_mut().zip(tag.to_le_bytes()).for_each(|(e, t)| *e = t);
	Pallet::<T>::do_request_slash(
		slasher.clone(),
		avs,
		operator.clone(),
		Perbill::from_percent(10),
		evidence,
		System::<T>::block_number(),
	)
	.expect("the benchmark's request is valid")
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn request_slash(e: Linear<0, { T::MaxEvidenceLen::get() }>) {
		let now = start::<T>();
		let (avs, slasher, _) = avs::<T>(0);
		let operator = T::BenchmarkHelper::operator(0, &[avs], T::MaxAssetsPerOperator::get(), 1);
		fill_pending::<T>(&operator, avs.wrapping_add(1));
		fill_queue::<T>(1);
		let id = NextSlashId::<T>::get();
		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(RawOrigin::Signed(slasher), avs, operator.clone(), Perbill::from_percent(10), vec![1u8; e as usize], now);
		assert!(Slashes::<T>::contains_key(id));
		assert_eq!(Slashes::<T>::get(id).unwrap().allocations.len() as u32, T::MaxAssetsPerOperator::get());
	}

	#[benchmark]
	fn veto_slash() {
		let now = start::<T>();
		let (avs, slasher, committee) = avs::<T>(0);
		let operator = T::BenchmarkHelper::operator(0, &[avs], T::MaxAssetsPerOperator::get(), 1);
		fill_pending::<T>(&operator, avs.wrapping_add(1));
		fill_queue::<T>(1);
		fill_records::<T>(&operator, now);
		let id = request::<T>(&slasher, avs, &operator, 0);
		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(RawOrigin::Signed(committee), id);
		assert!(!Slashes::<T>::contains_key(id));
	}

	#[benchmark]
	fn execute_slash(a: Linear<1, { T::MaxAssetsPerOperator::get() }>) {
		let now = start::<T>();
		let (avs, slasher, _) = avs::<T>(0);
		let operator = T::BenchmarkHelper::operator(0, &[avs], a, 1);
		fill_pending::<T>(&operator, avs.wrapping_add(1));
		fill_queue::<T>(1);
		fill_records::<T>(&operator, now);
		let id = request::<T>(&slasher, avs, &operator, 0);
		System::<T>::set_block_number(Slashes::<T>::get(id).unwrap().executable_at);
		let caller: T::AccountId = account("caller", 0, SEED);
		frame_system::Pallet::<T>::reset_events();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id);
		assert!(!Slashes::<T>::contains_key(id));
		let history = History::<T>::get(&operator);
		let Some(SlashOutcome::Executed { pools }) = history.last().map(|r| r.outcome.clone()) else {
			panic!("the slash is in the history");
		};
		assert_eq!(pools.len() as u32, a);
		assert!(pools.iter().all(|p| p.active > 0 && p.status == PoolSlashStatus::ToDestination));
	}

	#[benchmark]
	fn execute_slash_delegators(d: Linear<1, 100_000>) {
		let now = start::<T>();
		let (avs, slasher, _) = avs::<T>(0);
		let operator = T::BenchmarkHelper::operator(0, &[avs], 1, d);
		fill_pending::<T>(&operator, avs.wrapping_add(1));
		fill_queue::<T>(1);
		fill_records::<T>(&operator, now);
		let id = request::<T>(&slasher, avs, &operator, 0);
		System::<T>::set_block_number(Slashes::<T>::get(id).unwrap().executable_at);
		let caller: T::AccountId = account("caller", 0, SEED);
		frame_system::Pallet::<T>::reset_events();
		#[block]
		{
			Pallet::<T>::execute_slash(RawOrigin::Signed(caller).into(), id).expect("executable");
		}
		assert!(!Slashes::<T>::contains_key(id));
	}

	#[benchmark]
	fn on_initialize(n: Linear<0, { T::MaxExecutionsPerBlock::get() }>) {
		let now = start::<T>();
		let (avs, slasher, _) = avs::<T>(0);
		let mut ids = Vec::new();
		for i in 0..n {
			let operator = T::BenchmarkHelper::operator(i, &[avs], T::MaxAssetsPerOperator::get(), 1);
			fill_records::<T>(&operator, now);
			ids.push(request::<T>(&slasher, avs, &operator, i));
		}
		// The rest of the queue: not due.
		Queue::<T>::mutate(|queue| {
			let mut i = 0u64;
			while queue.try_push((BlockNumberFor::<T>::max_value(), u64::MAX - i)).is_ok() {
				i += 1;
			}
		});
		let due = now + block::<T>(10);
		System::<T>::set_block_number(due);
		frame_system::Pallet::<T>::reset_events();
		#[block]
		{
			Pallet::<T>::on_initialize(due);
		}
		assert!(ids.iter().all(|id| !Slashes::<T>::contains_key(id)));
	}

	#[benchmark]
	fn on_native_slash(v: Linear<0, { T::MaxAvsPerOperator::get() }>) {
		start::<T>();
		let avss: Vec<AvsId> = (0..v).map(|i| avs::<T>(i).0).collect();
		let operator = T::BenchmarkHelper::operator(0, &avss, T::MaxAssetsPerOperator::get(), 1);
		let stash = T::BenchmarkHelper::link_stash(&operator);
		fill_queue::<T>(v);
		frame_system::Pallet::<T>::reset_events();
		#[block]
		{
			Pallet::<T>::propagate_native_slash(&stash, &1_000u128);
		}
		assert_eq!(OperatorPending::<T>::get(&operator).len() as u32, v);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}

#[cfg(test)]
mod delegator_independence {
	use super::*;
	use crate::mock::{new_test_ext, Test};
	use codec::Encode;

	/// Sets up `execute_slash_delegators` with `d` delegators, commits it, then executes the
	/// slash with a proof recorder: returns the time taken and the storage proof's size
	/// (what a light client or a parachain validator would need to re-run it).
	fn measure(d: u32) -> (u128, usize) {
		let mut ext = new_test_ext();
		let id = ext.execute_with(|| {
			let now = start::<Test>();
			let (avs, slasher, _) = avs::<Test>(0);
			let operator = <Test as Config>::BenchmarkHelper::operator(0, &[avs], 1, d);
			fill_pending::<Test>(&operator, avs.wrapping_add(1));
			fill_queue::<Test>(1);
			fill_records::<Test>(&operator, now);
			let id = request::<Test>(&slasher, avs, &operator, 0);
			System::<Test>::set_block_number(Slashes::<Test>::get(id).unwrap().executable_at);
			id
		});
		ext.commit_all().expect("commits");
		let started = std::time::Instant::now();
		let (result, proof) = ext.execute_and_prove(|| {
			Pallet::<Test>::execute_slash(RawOrigin::Signed(account("caller", 0, SEED)).into(), id)
		});
		let elapsed = started.elapsed().as_nanos();
		assert!(result.is_ok());
		(elapsed, proof.encoded_size())
	}

	/// `execute_slash` behind 1 and 100,000 delegators, in the mock: no delegation is read,
	/// so the storage proof is the same (measured: 2,843 bytes both; allowed 10% for the
	/// trie's shape). The times printed are of a debug build of the
	/// mock; the runtime's weights come from `bastion-node benchmark pallet`.
	#[test]
	fn execute_slash_is_independent_of_the_delegators() {
		let (time_1, proof_1) = measure(1);
		let (time_many, proof_many) = measure(100_000);
		println!("execute_slash, 1 delegator: {time_1} ns, proof {proof_1} bytes");
		println!("execute_slash, 100,000 delegators: {time_many} ns, proof {proof_many} bytes");
		assert!(proof_many <= proof_1 + proof_1 / 10, "proof {proof_1} -> {proof_many} bytes");
	}
}
