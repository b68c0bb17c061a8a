//! A runtime with frame-system and this pallet, and storage-backed fakes of restaking and
//! the AVS registry.
//!
//! - [`FakeRestaking`]: operators (with a freeze count, a leaving flag and a linked stash),
//!   pools with active and exiting sides priced by shares, delegations, queued withdrawals
//!   (completed only after `WITHDRAWAL_DELAY` and while the operator is not frozen), and
//!   allocations with restaking's delays (an increase counts after `ALLOCATION_DELAY`, a
//!   decrease only after `DEALLOCATION_DELAY`). `slash_pool` takes the same fraction
//!   (rounded up, as restaking does) of both sides of one pool: two numbers, whatever the
//!   number of delegators. Slashed assets are credited to their destination in
//!   [`Received`]; destinations in [`Refusing`] refuse them; [`FailSlashes`] makes every
//!   slash fail.
//! - [`FakeRegistry`]: AVSs with settable slashing terms, members, a pause flag.
//!
//! The fakes keep their state in storage (through `storage_alias`), so transactional
//! rollbacks and `assert_noop!` see them like any pallet's.

use crate::{self as pallet_cross_slashing};
use bastion_primitives::{
	math::mul_div_floor,
	restaking::{
		AvsDirectory, AvsId, PoolView, RestakeAsset, Restaking, SlashDestination, SlashedAmounts, SlashingTerms,
		VetoPolicy,
	},
};
use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{
	derive_impl,
	pallet_prelude::{OptionQuery, ValueQuery},
	parameter_types, storage_alias,
	traits::{fungible::NativeOrWithId, ConstU32, Hooks},
	Blake2_128Concat, Twox64Concat,
};
use frame_system::EnsureRoot;
use scale_info::TypeInfo;
use sp_runtime::{BuildStorage, DispatchError, DispatchResult, Perbill};

pub type AccountId = u64;
pub type Balance = u128;
pub type BlockNumber = u64;

pub const UNIT: Balance = 1_000_000_000_000;
/// stBST and BST, the two restaked assets of the tests.
pub const STBST: RestakeAsset = NativeOrWithId::WithId(1);
pub const BST: RestakeAsset = NativeOrWithId::Native;
/// Restaking's delays, in blocks.
pub const WITHDRAWAL_DELAY: BlockNumber = 60;
pub const ALLOCATION_DELAY: BlockNumber = 5;
pub const DEALLOCATION_DELAY: BlockNumber = 60;
/// The AVSs' windows, in blocks (`veto < slash <= deallocation delay`, as the registry
/// enforces).
pub const VETO_WINDOW: BlockNumber = 10;
pub const SLASH_WINDOW: BlockNumber = 50;
/// The cap's window.
pub const CAP_WINDOW: BlockNumber = 100;

/// AVS A: vetoed by its committee, at most 50% per incident, slashes go to its fund.
pub const AVS_A: AvsId = 1;
/// AVS B: vetoed by the council, at most 30% per incident, burns, coupled at 10%.
pub const AVS_B: AvsId = 2;
/// AVS C: vetoed by its committee, at most 100%, to the treasury, coupled at 60%.
pub const AVS_C: AvsId = 3;
pub const SLASHER_A: AccountId = 201;
pub const SLASHER_B: AccountId = 202;
pub const SLASHER_C: AccountId = 203;
pub const COMMITTEE_A: AccountId = 301;
pub const COMMITTEE_C: AccountId = 303;
pub const FUND_A: AccountId = 401;

/// Operator `n`.
pub fn op(n: u8) -> AccountId {
	100 + n as AccountId
}

/// The validator stash of operator `n`.
pub fn stash(n: u8) -> AccountId {
	500 + n as AccountId
}

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		CrossSlashing: pallet_cross_slashing,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
}

// --- fake restaking -------------------------------------------------------------------------

/// An operator of the fake restaking.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen, Default)]
pub struct FakeOperator {
	pub frozen: u32,
	pub leaving: bool,
}

/// A pool: shares and assets of both sides.
#[derive(Encode, Decode, Clone, Copy, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen, Default)]
pub struct FakePool {
	pub active_shares: Balance,
	pub active_assets: Balance,
	pub exiting_shares: Balance,
	pub exiting_assets: Balance,
}

/// An allocation with its pending change.
#[derive(Encode, Decode, Clone, Copy, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen, Default)]
pub struct FakeAllocation {
	pub current: Perbill,
	pub pending: Option<(Perbill, BlockNumber)>,
}

impl FakeAllocation {
	fn at(&self, now: BlockNumber) -> Perbill {
		match self.pending {
			Some((next, at)) if at <= now => next,
			_ => self.current,
		}
	}
}

/// A queued withdrawal: shares of the exiting side.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub struct FakeWithdrawal {
	pub owner: AccountId,
	pub operator: AccountId,
	pub asset: RestakeAsset,
	pub shares: Balance,
	pub unlock_at: BlockNumber,
}

#[storage_alias]
pub type Operators = StorageMap<FakeRestaking, Blake2_128Concat, AccountId, FakeOperator, OptionQuery>;
#[storage_alias]
pub type StashOperators = StorageMap<FakeRestaking, Blake2_128Concat, AccountId, AccountId, OptionQuery>;
#[storage_alias]
pub type OperatorAssets = StorageMap<FakeRestaking, Blake2_128Concat, AccountId, Vec<RestakeAsset>, ValueQuery>;
#[storage_alias]
pub type Pools =
	StorageDoubleMap<FakeRestaking, Blake2_128Concat, AccountId, Blake2_128Concat, RestakeAsset, FakePool, ValueQuery>;
#[storage_alias]
pub type Allocations =
	StorageMap<FakeRestaking, Blake2_128Concat, (AccountId, AvsId, RestakeAsset), FakeAllocation, ValueQuery>;
#[storage_alias]
pub type Delegations =
	StorageMap<FakeRestaking, Blake2_128Concat, (AccountId, AccountId, RestakeAsset), Balance, ValueQuery>;
#[storage_alias]
pub type Withdrawals = StorageMap<FakeRestaking, Twox64Concat, u64, FakeWithdrawal, OptionQuery>;
#[storage_alias]
pub type NextWithdrawal = StorageValue<FakeRestaking, u64, ValueQuery>;
#[storage_alias]
pub type Received =
	StorageMap<FakeRestaking, Blake2_128Concat, (SlashDestination<AccountId>, RestakeAsset), Balance, ValueQuery>;
#[storage_alias]
pub type Refusing = StorageMap<FakeRestaking, Blake2_128Concat, AccountId, (), OptionQuery>;
#[storage_alias]
pub type FailSlashes = StorageValue<FakeRestaking, bool, ValueQuery>;
#[storage_alias]
pub type SlashPoolCalls = StorageValue<FakeRestaking, u32, ValueQuery>;

pub fn now() -> BlockNumber {
	System::block_number()
}

/// Restaking, faked.
pub struct FakeRestaking;

impl FakeRestaking {
	/// Registers operator `operator`.
	pub fn register(operator: AccountId) {
		Operators::insert(operator, FakeOperator::default());
	}

	/// Links `stash` to `operator`.
	pub fn link(operator: AccountId, stash: AccountId) {
		StashOperators::insert(stash, operator);
	}

	/// Delegates `amount` of `asset` from `who` to `operator`; returns the shares minted.
	pub fn delegate(who: AccountId, operator: AccountId, asset: RestakeAsset, amount: Balance) -> Balance {
		let mut pool = Pools::get(operator, &asset);
		if pool.active_assets == 0 && pool.active_shares > 0 {
			// A side slashed to nothing: restaking starts it afresh; the fake refuses.
			return 0;
		}
		let shares = if pool.active_shares == 0 {
			amount
		} else {
			mul_div_floor(amount, pool.active_shares, pool.active_assets).unwrap()
		};
		pool.active_shares += shares;
		pool.active_assets += amount;
		Pools::insert(operator, &asset, pool);
		Delegations::mutate((who, operator, asset.clone()), |s| *s += shares);
		OperatorAssets::mutate(operator, |assets| {
			if !assets.contains(&asset) {
				assets.push(asset.clone())
			}
		});
		shares
	}

	/// What `who`'s delegation is worth.
	pub fn value(who: AccountId, operator: AccountId, asset: &RestakeAsset) -> Balance {
		let shares = Delegations::get((who, operator, asset.clone()));
		let pool = Pools::get(operator, asset);
		if pool.active_shares == 0 {
			return 0;
		}
		mul_div_floor(shares, pool.active_assets, pool.active_shares).unwrap()
	}

	/// What withdrawal `id` would pay now.
	pub fn withdrawal_value(id: u64) -> Balance {
		let Some(w) = Withdrawals::get(id) else { return 0 };
		let pool = Pools::get(w.operator, &w.asset);
		if pool.exiting_shares == 0 {
			return 0;
		}
		mul_div_floor(w.shares, pool.exiting_assets, pool.exiting_shares).unwrap()
	}

	/// Moves `shares` of `who`'s delegation to the exiting side; returns the withdrawal id.
	pub fn undelegate(who: AccountId, operator: AccountId, asset: RestakeAsset, shares: Balance) -> Option<u64> {
		let held = Delegations::get((who, operator, asset.clone()));
		if shares == 0 || shares > held {
			return None;
		}
		let mut pool = Pools::get(operator, &asset);
		let value = mul_div_floor(shares, pool.active_assets, pool.active_shares)?;
		pool.active_shares -= shares;
		pool.active_assets -= value;
		let exiting = if pool.exiting_shares == 0 {
			value
		} else {
			mul_div_floor(value, pool.exiting_shares, pool.exiting_assets)?
		};
		pool.exiting_shares += exiting;
		pool.exiting_assets += value;
		Pools::insert(operator, &asset, pool);
		Delegations::insert((who, operator, asset.clone()), held - shares);
		let id = NextWithdrawal::get();
		NextWithdrawal::put(id + 1);
		Withdrawals::insert(
			id,
			FakeWithdrawal { owner: who, operator, asset, shares: exiting, unlock_at: now() + WITHDRAWAL_DELAY },
		);
		Some(id)
	}

	/// Completes withdrawal `id`: fails while locked or while the operator is frozen.
	pub fn complete_withdrawal(id: u64) -> Result<Balance, &'static str> {
		let w = Withdrawals::get(id).ok_or("unknown withdrawal")?;
		if now() < w.unlock_at {
			return Err("locked");
		}
		if Operators::get(w.operator).is_some_and(|o| o.frozen > 0) {
			return Err("operator frozen");
		}
		let value = Self::withdrawal_value(id);
		let mut pool = Pools::get(w.operator, &w.asset);
		pool.exiting_shares -= w.shares;
		pool.exiting_assets -= value;
		Pools::insert(w.operator, &w.asset, pool);
		Withdrawals::remove(id);
		Ok(value)
	}

	/// Sets an allocation in effect now (test setup).
	pub fn set_allocation(operator: AccountId, avs: AvsId, asset: RestakeAsset, fraction: Perbill) {
		Allocations::insert((operator, avs, asset), FakeAllocation { current: fraction, pending: None });
	}

	/// Changes an allocation as restaking does: increases after `ALLOCATION_DELAY`, decreases
	/// after `DEALLOCATION_DELAY`, no decrease while frozen.
	pub fn allocate(operator: AccountId, avs: AvsId, asset: RestakeAsset, fraction: Perbill) -> DispatchResult {
		let key = (operator, avs, asset);
		let mut allocation = Allocations::get(&key);
		let current = allocation.at(now());
		allocation.current = current;
		if fraction < current {
			if Operators::get(operator).is_some_and(|o| o.frozen > 0) {
				return Err(DispatchError::Other("frozen"));
			}
			allocation.pending = Some((fraction, now() + DEALLOCATION_DELAY));
		} else {
			allocation.pending = Some((fraction, now() + ALLOCATION_DELAY));
		}
		Allocations::insert(&key, allocation);
		Ok(())
	}

	/// Leaves: refused while frozen; deallocates everything (after the delay).
	pub fn leave(operator: AccountId) -> DispatchResult {
		let mut info = Operators::get(operator).ok_or(DispatchError::Other("not an operator"))?;
		if info.frozen > 0 {
			return Err(DispatchError::Other("frozen"));
		}
		info.leaving = true;
		Operators::insert(operator, info);
		for avs in Members::iter_key_prefix(operator).collect::<Vec<_>>() {
			<Self as Restaking<AccountId>>::deallocate_all(&operator, avs);
		}
		Ok(())
	}

	/// The freeze count restaking keeps for `operator`.
	pub fn frozen(operator: AccountId) -> u32 {
		Operators::get(operator).map_or(0, |o| o.frozen)
	}
}

impl Restaking<AccountId> for FakeRestaking {
	fn is_operator(who: &AccountId) -> bool {
		Operators::contains_key(who)
	}
	fn is_restakable(_asset: &RestakeAsset) -> bool {
		true
	}
	fn operator_of_stash(stash: &AccountId) -> Option<AccountId> {
		StashOperators::get(stash)
	}
	fn operator_assets(operator: &AccountId) -> Vec<RestakeAsset> {
		OperatorAssets::get(operator)
	}
	fn pool(operator: &AccountId, asset: &RestakeAsset) -> Option<PoolView> {
		Pools::contains_key(operator, asset).then(|| {
			let pool = Pools::get(operator, asset);
			PoolView { active_assets: pool.active_assets, exiting_assets: pool.exiting_assets }
		})
	}
	fn allocation(operator: &AccountId, avs: AvsId, asset: &RestakeAsset) -> Perbill {
		Allocations::get((*operator, avs, asset.clone())).at(now())
	}
	fn allocated_avss(operator: &AccountId) -> Vec<AvsId> {
		let mut avss: Vec<AvsId> = Allocations::iter()
			.filter(|((o, _, _), allocation)| o == operator && !allocation.at(now()).is_zero())
			.map(|((_, avs, _), _)| avs)
			.collect();
		avss.sort();
		avss.dedup();
		avss
	}
	fn slash_pool(
		operator: &AccountId,
		asset: &RestakeAsset,
		fraction: Perbill,
		destination: &SlashDestination<AccountId>,
	) -> Result<SlashedAmounts, DispatchError> {
		SlashPoolCalls::mutate(|n| *n += 1);
		// Written before failing: a caller that does not roll back would leave it behind.
		let mut pool = Pools::get(operator, asset);
		let slashed = SlashedAmounts {
			active: fraction.mul_ceil(pool.active_assets).min(pool.active_assets),
			exiting: fraction.mul_ceil(pool.exiting_assets).min(pool.exiting_assets),
		};
		pool.active_assets -= slashed.active;
		pool.exiting_assets -= slashed.exiting;
		Pools::insert(operator, asset, pool);
		if FailSlashes::get() {
			return Err(DispatchError::Other("slashing refused"));
		}
		if let SlashDestination::Account(to) = destination {
			if Refusing::contains_key(to) {
				return Err(DispatchError::Other("destination refuses"));
			}
		}
		Received::mutate((destination.clone(), asset.clone()), |r| *r += slashed.total());
		Ok(slashed)
	}
	fn freeze(operator: &AccountId) {
		Operators::mutate(operator, |o| {
			if let Some(o) = o {
				o.frozen += 1
			}
		});
	}
	fn unfreeze(operator: &AccountId) {
		Operators::mutate(operator, |o| {
			if let Some(o) = o {
				o.frozen = o.frozen.checked_sub(1).expect("fake: unfreeze without freeze")
			}
		});
	}
	fn credit_rewards(
		_operator: &AccountId,
		_pool_asset: &RestakeAsset,
		_reward_asset: &RestakeAsset,
		_amount: Balance,
		_from: &AccountId,
	) -> DispatchResult {
		Ok(())
	}
	fn deallocate_all(operator: &AccountId, avs: AvsId) {
		for asset in OperatorAssets::get(operator) {
			let key = (*operator, avs, asset);
			let mut allocation = Allocations::get(&key);
			allocation.current = allocation.at(now());
			if !allocation.current.is_zero() {
				allocation.pending = Some((Perbill::zero(), now() + DEALLOCATION_DELAY));
				Allocations::insert(&key, allocation);
			}
		}
	}
}

// --- fake registry --------------------------------------------------------------------------

#[storage_alias]
pub type Terms = StorageMap<FakeRegistry, Twox64Concat, AvsId, SlashingTerms<AccountId, BlockNumber>, OptionQuery>;
#[storage_alias]
pub type Members = StorageDoubleMap<FakeRegistry, Blake2_128Concat, AccountId, Twox64Concat, AvsId, (), OptionQuery>;
#[storage_alias]
pub type Paused = StorageMap<FakeRegistry, Twox64Concat, AvsId, (), OptionQuery>;

/// The AVS registry, faked.
pub struct FakeRegistry;

impl FakeRegistry {
	/// Sets `avs`'s terms.
	pub fn set_terms(avs: AvsId, terms: SlashingTerms<AccountId, BlockNumber>) {
		Terms::insert(avs, terms);
	}
	/// Changes `avs`'s terms in place.
	pub fn mutate_terms(avs: AvsId, f: impl FnOnce(&mut SlashingTerms<AccountId, BlockNumber>)) {
		Terms::mutate(avs, |t| f(t.as_mut().expect("fake: unknown AVS")));
	}
	/// Makes `operator` a member of `avs`.
	pub fn join(avs: AvsId, operator: AccountId) {
		Members::insert(operator, avs, ());
	}
	/// The registry's opt-out: no longer a member; restaking deallocates (after its delay).
	pub fn opt_out(avs: AvsId, operator: AccountId) {
		Members::remove(operator, avs);
		FakeRestaking::deallocate_all(&operator, avs);
	}
	/// Pauses `avs`.
	pub fn pause(avs: AvsId) {
		Paused::insert(avs, ());
	}
	/// Removes `avs` (the real registry refuses while slashes are pending).
	pub fn deregister(avs: AvsId) {
		Terms::remove(avs);
	}
}

impl AvsDirectory<AccountId, BlockNumber> for FakeRegistry {
	fn is_active(avs: AvsId) -> bool {
		Terms::contains_key(avs) && !Paused::contains_key(avs)
	}
	fn accepts_asset(avs: AvsId, _asset: &RestakeAsset) -> bool {
		Terms::contains_key(avs)
	}
	fn is_member(avs: AvsId, operator: &AccountId) -> bool {
		Members::contains_key(operator, avs)
	}
	fn slashing_terms(avs: AvsId) -> Option<SlashingTerms<AccountId, BlockNumber>> {
		Terms::get(avs)
	}
}

/// Slashing terms with the mock's windows.
pub fn terms(
	slasher: AccountId,
	veto: VetoPolicy<AccountId>,
	max_percent: u32,
	destination: SlashDestination<AccountId>,
	native_coupling: Option<Perbill>,
) -> SlashingTerms<AccountId, BlockNumber> {
	SlashingTerms {
		slasher,
		veto,
		max_slash_per_incident: Perbill::from_percent(max_percent),
		slash_window: SLASH_WINDOW,
		veto_window: VETO_WINDOW,
		destination,
		native_coupling,
	}
}

// --- the pallet -----------------------------------------------------------------------------

parameter_types! {
	pub static MaxOperatorSlashPerWindow: Perbill = Perbill::from_percent(50);
	pub static MaxPending: u32 = 16;
	pub static MaxExecutionsPerBlock: u32 = 2;
	pub const CapWindow: BlockNumber = CAP_WINDOW;
}

impl crate::Config for Test {
	type Restaking = FakeRestaking;
	type Avs = FakeRegistry;
	type CouncilOrigin = EnsureRoot<AccountId>;
	type MaxOperatorSlashPerWindow = MaxOperatorSlashPerWindow;
	type CapWindow = CapWindow;
	type MaxPendingPerOperator = ConstU32<8>;
	type MaxPendingPerAvs = ConstU32<3>;
	type MaxPending = MaxPending;
	type MaxExecutionsPerBlock = MaxExecutionsPerBlock;
	type MaxHistory = ConstU32<8>;
	type MaxEvidenceLen = ConstU32<128>;
	type MaxAssetsPerOperator = ConstU32<4>;
	type MaxAvsPerOperator = ConstU32<4>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// Sets up the fakes for the benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId, BlockNumber> for MockBenchmarkHelper {
	fn avs(index: u32, terms: SlashingTerms<AccountId, BlockNumber>) -> AvsId {
		let avs = 1_000 + index;
		FakeRegistry::set_terms(avs, terms);
		avs
	}
	fn operator(index: u32, avss: &[AvsId], assets: u32, delegators: u32) -> AccountId {
		let operator = 10_000 + index as AccountId;
		FakeRestaking::register(operator);
		let share = Perbill::from_rational(1, avss.len().max(1) as u32);
		for a in 0..assets {
			let asset = if a == 0 { BST } else { NativeOrWithId::WithId(a) };
			// One real delegation; the other delegators are written as restaking keeps them:
			// slashing never reads them.
			FakeRestaking::delegate(1_000_000, operator, asset.clone(), 1_000 * UNIT);
			for d in 1..delegators {
				Delegations::insert((1_000_000 + d as AccountId, operator, asset.clone()), 1);
			}
			for avs in avss {
				FakeRegistry::join(*avs, operator);
				FakeRestaking::set_allocation(operator, *avs, asset.clone(), share);
			}
		}
		operator
	}
	fn link_stash(operator: &AccountId) -> AccountId {
		let stash = 20_000 + operator;
		FakeRestaking::link(*operator, stash);
		stash
	}
}

/// The mock's genesis: AVSs A, B and C registered, block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		MaxOperatorSlashPerWindow::set(Perbill::from_percent(50));
		MaxPending::set(16);
		MaxExecutionsPerBlock::set(2);
		FakeRegistry::set_terms(
			AVS_A,
			terms(SLASHER_A, VetoPolicy::Committee(COMMITTEE_A), 50, SlashDestination::Account(FUND_A), None),
		);
		FakeRegistry::set_terms(
			AVS_B,
			terms(SLASHER_B, VetoPolicy::Council, 30, SlashDestination::Burn, Some(Perbill::from_percent(10))),
		);
		FakeRegistry::set_terms(
			AVS_C,
			terms(
				SLASHER_C,
				VetoPolicy::Committee(COMMITTEE_C),
				100,
				SlashDestination::Treasury,
				Some(Perbill::from_percent(60)),
			),
		);
	});
	ext
}

/// Checks the pallet's invariants, and that restaking's freeze count of every operator is
/// the number of freezes the pallet holds.
pub fn check_state() {
	CrossSlashing::do_try_state().expect("invariants hold");
	for (operator, info) in Operators::iter() {
		assert_eq!(
			info.frozen,
			crate::Freezes::<Test>::get(operator),
			"restaking's freezes of {operator} differ from the pallet's"
		);
	}
}

/// Runs `test` on a fresh genesis, then checks every invariant.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		check_state();
	});
}

/// Advances to block `n`, running the pallet's `on_initialize` in each block.
pub fn run_to_block(n: BlockNumber) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		CrossSlashing::on_initialize(next);
	}
}

/// Advances `blocks` blocks.
pub fn advance(blocks: BlockNumber) {
	run_to_block(System::block_number() + blocks);
}

/// The pallet's events in this test, newest last.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::CrossSlashing(e) => Some(e),
			_ => None,
		})
		.collect()
}
