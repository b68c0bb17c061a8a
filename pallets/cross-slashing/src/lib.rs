//! # Cross-service slashing
//!
//! An AVS's slasher asks to slash an operator; after the AVS's veto window the slash takes,
//! from every pool of the operator, `fraction × the pool's allocation to the AVS`: every
//! delegator, vault position and queued withdrawal of the operator loses that fraction at
//! once, in O(1) (restaking slashes a pool's active and exiting sides as two numbers).
//!
//! ## Life of a slash
//!
//! 1. [`Pallet::request_slash`] (the AVS's slasher) checks the AVS's terms (fraction at most
//!    `max_slash_per_incident`, offence within `slash_window` and not in the future), that
//!    the operator is allocated to the AVS, and that the evidence is new. It records the
//!    allocation of each pool *as it is now* (restaking keeps a decreased allocation at its
//!    old fraction until `DeallocationDelay` is over, and the registry keeps
//!    `slash_window <= DeallocationDelay`, so that is the stake exposed at the offence), the
//!    veto policy and the destination; freezes the operator in restaking (no withdrawal
//!    completes, no allocation decreases) and queues the slash for `now + veto_window`.
//! 2. [`Pallet::veto_slash`] (the AVS's veto origin: the security council or the AVS's
//!    committee) cancels it before then and unfreezes the operator.
//! 3. From `executable_at`, [`Pallet::execute_slash`] (anyone) executes it; the
//!    `on_initialize` hook executes due slashes by itself, at most `MaxExecutionsPerBlock`
//!    per block, oldest first.
//!
//! Every slash has its own id, its own freeze and its own record: nothing another AVS does
//! (veto its own slash, execute it, remove the operator, pause or deregister) touches it.
//!
//! ## Correlated-risk cap
//!
//! However many AVSs slash an operator, no pool of it loses more than
//! `MaxOperatorSlashPerWindow` within any `CapWindow` blocks: per (operator, asset) the
//! pallet keeps the slashes executed in the last `CapWindow` blocks (a sliding window) and a
//! new slash takes at most what keeps `1 - Π(1 - taken)` within the cap. What the cap keeps
//! from being taken is reported as `capped` in the slash's event and history.
//!
//! ## Base-chain propagation
//!
//! [`Pallet`] implements `OnStakingUpdate::on_slash` (with liquid staking, in pallet-staking's
//! `EventListeners`): when a validator stash linked by an operator is slashed, every AVS the
//! operator is a member of whose terms set `native_coupling = Some(factor)` gets a pending
//! slash of the operator at `min(factor, max_slash_per_incident)`, through the same veto
//! window.
//!
//! The registry and restaking see pending slashes through
//! `bastion_primitives::restaking::PendingSlashes`.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;

mod api;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod cap_impls;
mod execute_impls;
mod interface;
mod invariants;
#[cfg(test)]
mod mock;
mod native_impls;
mod request_impls;
#[cfg(test)]
mod tests;
mod types;
pub mod weights;

pub use weights::WeightInfo;

/// The log target of this pallet.
pub const LOG_TARGET: &str = "runtime::cross-slashing";

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use bastion_primitives::restaking::{AvsDirectory, Restaking};
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_runtime::Perbill;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// A pending slash of this runtime.
	pub type PendingSlashOf<T> = PendingSlash<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxAssetsPerOperator,
		<T as Config>::MaxEvidenceLen,
	>;
	/// What one execution took, pool by pool.
	pub type PoolSlashesOf<T> = BoundedVec<PoolSlash, <T as Config>::MaxAssetsPerOperator>;
	/// A resolved slash as the history keeps it.
	pub type SlashRecordOf<T> =
		SlashRecord<<T as frame_system::Config>::AccountId, BlockNumberFor<T>, PoolSlashesOf<T>>;
	/// The allocations a slash recorded.
	pub type AllocationsOf<T> = BoundedVec<(RestakeAsset, Perbill), <T as Config>::MaxAssetsPerOperator>;

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Operators, pools, allocations; slashing and freezing them.
		type Restaking: Restaking<Self::AccountId>;
		/// The AVS registry: slashing terms and memberships.
		type Avs: AvsDirectory<Self::AccountId, BlockNumberFor<Self>>;
		/// The security council: vetoes the slashes of AVSs whose policy is
		/// `VetoPolicy::Council`.
		type CouncilOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// The most any pool of an operator may lose within `CapWindow` blocks, however many
		/// AVSs slash it (compounded: `1 - Π(1 - taken)`).
		#[pallet::constant]
		type MaxOperatorSlashPerWindow: Get<Perbill>;
		/// The length, in blocks, of the sliding window the cap counts over.
		#[pallet::constant]
		type CapWindow: Get<BlockNumberFor<Self>>;
		/// The most slashes of one operator pending at once (all AVSs, requested and
		/// propagated). At least `MaxPendingPerAvs × the most AVSs an operator may join`,
		/// so that no AVS can crowd out the others.
		#[pallet::constant]
		type MaxPendingPerOperator: Get<u32>;
		/// The most slashes one AVS's slasher may have pending against one operator.
		#[pallet::constant]
		type MaxPendingPerAvs: Get<u32>;
		/// The bound of the automatic-execution queue. A slash requested while it is full
		/// is still pending and executable by anyone; it is just not executed by the hook.
		#[pallet::constant]
		type MaxPending: Get<u32>;
		/// The most slashes the hook executes per block.
		#[pallet::constant]
		type MaxExecutionsPerBlock: Get<u32>;
		/// The resolved slashes kept per operator (oldest dropped first); also the most
		/// slashes each pool's cap ledger keeps apart (older ones are merged, which only makes
		/// the cap stricter).
		#[pallet::constant]
		type MaxHistory: Get<u32>;
		/// The most bytes of evidence a request may carry.
		#[pallet::constant]
		type MaxEvidenceLen: Get<u32>;
		/// The most pools (assets) of an operator a slash visits: at least restaking's
		/// `MaxAssetsPerOperator`, or pools beyond it would escape.
		#[pallet::constant]
		type MaxAssetsPerOperator: Get<u32>;
		/// The most AVSs of an operator a base-chain slash visits: at least restaking's
		/// `MaxAllocations` (an operator allocates to at most that many AVSs), or an operator
		/// could push a coupled AVS out of the visited set with allocations to others.
		#[pallet::constant]
		type MaxAvsPerOperator: Get<u32>;
		/// Weights of calls and of the hooks.
		type WeightInfo: WeightInfo;
		/// Sets up AVSs and operators for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, BlockNumberFor<Self>>;
	}

	/// What the benchmarks need of the runtime (the registry and restaking are reached
	/// through traits that have no setters).
	#[cfg(feature = "runtime-benchmarks")]
	pub trait BenchmarkHelper<AccountId, BlockNumber> {
		/// Registers AVS number `index` with these slashing terms (`native_coupling`
		/// included) and returns its id.
		fn avs(index: u32, terms: bastion_primitives::restaking::SlashingTerms<AccountId, BlockNumber>) -> AvsId;
		/// Operator number `index`: registered, member of every one of `avss`, with `assets`
		/// pools holding stake of `delegators` delegators each, every pool allocated (in
		/// effect now) to every one of `avss`, or, where restaking's limit on allocations
		/// would be passed, the first pools to each.
		fn operator(index: u32, avss: &[AvsId], assets: u32, delegators: u32) -> AccountId;
		/// Links a validator stash to `operator` and returns it.
		fn link_stash(operator: &AccountId) -> AccountId;
	}

	/// The id the next slash takes.
	#[pallet::storage]
	pub type NextSlashId<T: Config> = StorageValue<_, SlashId, ValueQuery>;

	/// Pending slashes: requested or propagated, neither vetoed nor executed yet.
	#[pallet::storage]
	pub type Slashes<T: Config> = StorageMap<_, Twox64Concat, SlashId, PendingSlashOf<T>>;

	/// Each operator's pending slashes, with their AVS. No entry: none pending.
	#[pallet::storage]
	pub type OperatorPending<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<(SlashId, AvsId), T::MaxPendingPerOperator>,
		ValueQuery,
	>;

	/// How many slashes each AVS has pending. No entry: none.
	#[pallet::storage]
	pub type AvsPending<T: Config> = StorageMap<_, Twox64Concat, AvsId, u32, ValueQuery>;

	/// The restaking freezes this pallet holds per operator: one per pending slash.
	#[pallet::storage]
	pub type Freezes<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The automatic-execution queue: `(executable_at, id)`, sorted.
	#[pallet::storage]
	pub type Queue<T: Config> = StorageValue<_, BoundedVec<(BlockNumberFor<T>, SlashId), T::MaxPending>, ValueQuery>;

	/// Evidence used by slash requests, `blake2_256((avs, evidence))`, with the slash it was
	/// used for. Kept for good: the same evidence never slashes twice.
	#[pallet::storage]
	pub type UsedEvidence<T: Config> = StorageMap<_, Identity, [u8; 32], SlashId>;

	/// Each operator's resolved slashes, oldest first.
	#[pallet::storage]
	pub type History<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, BoundedVec<SlashRecordOf<T>, T::MaxHistory>, ValueQuery>;

	/// Per operator and asset, the slashes executed in the last `CapWindow` blocks, oldest
	/// first (pruned when next written).
	#[pallet::storage]
	pub type CapLedger<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		RestakeAsset,
		BoundedVec<CapEntry<BlockNumberFor<T>>, T::MaxHistory>,
		ValueQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Slash `id` of `operator` by `avs` is pending: `fraction` of each allocation
		/// recorded in `allocations`, executable (and no longer vetoable) from
		/// `executable_at`; `auto_execute` false when the queue was full (anyone must then
		/// call `execute_slash`). The operator is frozen meanwhile.
		SlashRequested {
			id: SlashId,
			avs: AvsId,
			operator: T::AccountId,
			fraction: Perbill,
			source: SlashSource<T::AccountId>,
			offence_block: BlockNumberFor<T>,
			executable_at: BlockNumberFor<T>,
			auto_execute: bool,
			allocations: AllocationsOf<T>,
			evidence_hash: [u8; 32],
		},
		/// Slash `id` was vetoed; the operator has one freeze less.
		SlashVetoed { id: SlashId, avs: AvsId, operator: T::AccountId },
		/// Slash `id` was executed: every pool's requested, applied and capped fraction and
		/// the amounts taken from its active and exiting sides. The operator has one freeze
		/// less.
		SlashExecuted {
			id: SlashId,
			avs: AvsId,
			operator: T::AccountId,
			fraction: Perbill,
			destination: SlashDestination<T::AccountId>,
			pools: PoolSlashesOf<T>,
		},
		/// A base-chain slash of `stash` was not propagated to coupled AVS `avs`.
		NativeSlashSkipped { stash: T::AccountId, operator: T::AccountId, avs: AvsId, reason: SkipReason },
		/// A base-chain slash of `stash` visited only the first `MaxAvsPerOperator` AVSs of
		/// `operator`; `unvisited` were left.
		NativeSlashAvsLimit { stash: T::AccountId, operator: T::AccountId, unvisited: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The AVS is not registered.
		UnknownAvs,
		/// Only the AVS's slasher may request its slashes.
		NotSlasher,
		/// A slash of nothing.
		ZeroFraction,
		/// The fraction is above the AVS's `max_slash_per_incident`.
		FractionAboveLimit,
		/// The evidence is longer than `MaxEvidenceLen`.
		EvidenceTooLong,
		/// The offence block is in the future.
		OffenceInFuture,
		/// The offence is older than the AVS's slash window.
		OffenceTooOld,
		/// The operator allocates nothing to the AVS.
		NotAllocated,
		/// This evidence was used already.
		DuplicateEvidence,
		/// The operator has `MaxPendingPerOperator` pending slashes.
		TooManyPending,
		/// The AVS has `MaxPendingPerAvs` pending slashes of this operator.
		TooManyPendingFromAvs,
		/// No slash has this id.
		UnknownSlash,
		/// The slash was executed or vetoed already.
		AlreadyResolved,
		/// The origin is not the AVS's veto origin.
		NotVetoOrigin,
		/// The veto window is over: the slash can only be executed.
		VetoWindowOver,
		/// The veto window is not over yet.
		NotExecutableYet,
		/// A slash id or block number would overflow.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Executes the due slashes at the head of the queue, at most
		/// `MaxExecutionsPerBlock`.
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::execute_due(now)
		}

		fn integrity_test() {
			assert!(T::MaxHistory::get() >= 1, "MaxHistory must be at least 1");
			assert!(T::MaxAssetsPerOperator::get() >= 1, "MaxAssetsPerOperator must be at least 1");
			assert!(T::MaxPendingPerOperator::get() >= 1, "MaxPendingPerOperator must be at least 1");
			assert!(
				T::MaxPendingPerAvs::get() <= T::MaxPendingPerOperator::get(),
				"MaxPendingPerAvs must not exceed MaxPendingPerOperator"
			);
			assert!(T::MaxExecutionsPerBlock::get() >= 1, "MaxExecutionsPerBlock must be at least 1");
			assert!(!T::CapWindow::get().is_zero(), "CapWindow must not be zero");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Requests a slash of `fraction` of what `operator` allocates to `avs`, for an offence
		/// at `offence_block` shown by `evidence`.
		///
		/// Records the allocation of each of the operator's pools to the AVS as it is now
		/// (what the slash will use, whatever is deallocated meanwhile), freezes the operator
		/// in restaking and makes the slash executable after the AVS's veto window.
		///
		/// Origin: signed, the AVS's slasher. Emits `SlashRequested`. Fails with
		/// `UnknownAvs`, `NotSlasher`, `ZeroFraction`, `FractionAboveLimit`,
		/// `EvidenceTooLong`, `OffenceInFuture`, `OffenceTooOld`, `DuplicateEvidence`,
		/// `NotAllocated`, `TooManyPending`, `TooManyPendingFromAvs`, `Overflow`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::request_slash(evidence.len() as u32))]
		pub fn request_slash(
			origin: OriginFor<T>,
			avs: AvsId,
			operator: T::AccountId,
			fraction: Perbill,
			evidence: alloc::vec::Vec<u8>,
			offence_block: BlockNumberFor<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_request_slash(who, avs, operator, fraction, evidence, offence_block).map(|_| ())
		}

		/// Cancels pending slash `id` before its veto window ends; the operator loses one
		/// freeze (it stays frozen while other slashes are pending).
		///
		/// Origin: the AVS's veto origin as recorded at request: `CouncilOrigin` for
		/// `VetoPolicy::Council`, the committee account (signed) for
		/// `VetoPolicy::Committee`. Emits `SlashVetoed`. Fails with `UnknownSlash`,
		/// `AlreadyResolved`, `NotVetoOrigin`, `VetoWindowOver`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::veto_slash())]
		pub fn veto_slash(origin: OriginFor<T>, id: SlashId) -> DispatchResult {
			Self::do_veto_slash(origin, id)
		}

		/// Executes pending slash `id` once its veto window is over: from each pool it
		/// recorded, `fraction × allocation` (less what the correlated-risk cap keeps) of the
		/// active and exiting sides, to the AVS's destination; the operator loses one freeze.
		///
		/// Origin: signed (anyone) or root. Emits `SlashExecuted`. Fails with `UnknownSlash`,
		/// `AlreadyResolved`, `NotExecutableYet`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::execute_slash(T::MaxAssetsPerOperator::get()))]
		pub fn execute_slash(origin: OriginFor<T>, id: SlashId) -> DispatchResultWithPostInfo {
			ensure_signed_or_root(origin)?;
			let pools = Self::do_execute_slash(id)?;
			Ok(Some(T::WeightInfo::execute_slash(pools)).into())
		}
	}
}
