//! # AVS registry
//!
//! Anyone may register an **AVS** (actively validated service: an oracle, a bridge, a
//! sequencer...) with its slashing terms and membership rules; restaking **operators** opt in
//! and allocate stake to it; the AVS's owner funds **reward budgets** that the pallet pays
//! out, era by era, to its operators in proportion to the stake they allocated.
//!
//! ## Parameters
//!
//! An AVS's [`AvsConfig`] is validated whenever it is set:
//! `0 < veto_window < slash_window <= min(WithdrawalDelay, DeallocationDelay)`, accepted
//! assets non-empty, distinct, bounded and whitelisted in restaking, `1 <= max_operators <=
//! MaxOperatorsPerAvs`. A change that makes slashing harsher for delegators (a higher
//! `max_slash_per_incident`, a longer slash window, a shorter veto window, a new or higher
//! native coupling, another slasher, veto policy or slash destination) waits
//! `ConfigChangeDelay` (at least the withdrawal and deallocation delays, so delegators can
//! leave first); every other change applies at once. A waiting change is applied lazily:
//! every read of the AVS (calls, [`AvsDirectory`], runtime API) sees it from its block on.
//!
//! ## Membership
//!
//! An operator of pallet-restaking [`Pallet::opt_in`]s when it meets the AVS's minimum stake
//! (BST value of the active side of its pools of accepted assets) and, for an allow-listed
//! AVS, once the owner [`Pallet::approve_operator`]d it. [`Pallet::opt_out`] and
//! [`Pallet::remove_operator`] start the deallocation of everything it allocated to the AVS
//! (restaking's deallocation delay still applies: the stake stays slashable meanwhile).
//! Restaking asks this pallet, through [`AvsDirectory`], whether an operator may allocate.
//!
//! ## Rewards
//!
//! [`Pallet::fund_rewards`] moves `amount` of any asset into the pallet account as a budget
//! paid over `eras` eras. When staking's active era advances, a distribution round visits
//! every AVS with a budget: it measures each member's allocated stake, valued in BST (BST
//! 1:1, stBST at its exchange rate, other assets not at all: the chain has no price for
//! them), then credits each budget's era slice to the members pro rata, through restaking's
//! `credit_rewards` (operator commission, then delegators). The work is bounded per block
//! (`MaxDistributionsPerBlock` steps; a cursor carries it over blocks). Rounding dust and the
//! slices of eras nobody had stake in stay in the budget; what is left when a budget ends goes
//! back to its funder. Budgets conserve: `paid + left = funded`.
//!
//! ## Calls
//!
//! AVS owners: [`Pallet::register_avs`], [`Pallet::update_config`], [`Pallet::pause_avs`],
//! [`Pallet::resume_avs`], [`Pallet::deregister_avs`], [`Pallet::approve_operator`],
//! [`Pallet::remove_operator`], [`Pallet::fund_rewards`]. Operators: [`Pallet::opt_in`],
//! [`Pallet::opt_out`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;

mod api;
#[cfg(feature = "runtime-benchmarks")]
pub mod benchmarking;
mod config_impls;
mod directory_impls;
mod invariants;
mod lifecycle_impls;
mod membership_impls;
#[cfg(test)]
mod mock;
mod reward_impls;
mod stake_impls;
#[cfg(test)]
mod tests;
mod types;
pub mod weights;

pub use weights::WeightInfo;

/// The log target of this pallet.
pub const LOG_TARGET: &str = "runtime::avs-registry";

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use bastion_primitives::{
		restaking::{AvsId, EraClock, PendingSlashes, RestakeAsset, Restaking},
		staking::LiquidStakingToken,
		Balance,
	};
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible, fungibles},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::StaticLookup;
	use sp_staking::EraIndex;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// BST. Registration deposits are held on it (`HoldReason::AvsDeposit`), so they stay
		/// the owner's, visibly, and can't be spent while the AVS exists.
		type Currency: fungible::Mutate<Self::AccountId, Balance = Balance>
			+ fungible::MutateHold<Self::AccountId, Reason: From<HoldReason>, Balance = Balance>;
		/// Every asset a reward budget may be in, BST included (the runtime's union of
		/// pallet-balances and pallet-assets). Budgets are moved into the pallet account with it.
		type Assets: fungibles::Mutate<Self::AccountId, AssetId = RestakeAsset, Balance = Balance>;
		/// Restaking: who is an operator, what it allocated, where rewards are credited, how an
		/// operator that leaves is deallocated.
		type Restaking: Restaking<Self::AccountId>;
		/// Cross-slashing: an AVS with a pending slash may not deregister.
		type Slashing: PendingSlashes<Self::AccountId>;
		/// Staking's eras: reward budgets pay once per era.
		type Eras: EraClock;
		/// stBST's value in BST, to weigh stBST stake against BST stake.
		type StakedValue: LiquidStakingToken;
		/// Derives the pallet account that holds the reward budgets.
		#[pallet::constant]
		type PalletId: Get<PalletId>;
		/// The deposit held for every AVS, whatever its metadata: pays for its records.
		#[pallet::constant]
		type AvsDepositBase: Get<Balance>;
		/// The deposit held per byte of metadata.
		#[pallet::constant]
		type AvsDepositPerByte: Get<Balance>;
		/// Restaking's withdrawal delay, in blocks: a slash window may not be longer, or
		/// delegators could leave before an offence they were exposed to is slashed.
		#[pallet::constant]
		type WithdrawalDelay: Get<BlockNumberFor<Self>>;
		/// Restaking's deallocation delay, in blocks: a slash window may not be longer, for
		/// the same reason for operators that deallocate.
		#[pallet::constant]
		type DeallocationDelay: Get<BlockNumberFor<Self>>;
		/// How long a harsher configuration waits before it applies. At least both delays
		/// above (checked by the integrity test), so delegators can leave before it does.
		#[pallet::constant]
		type ConfigChangeDelay: Get<BlockNumberFor<Self>>;
		/// The longest metadata, in bytes: bounds the record and its deposit.
		#[pallet::constant]
		type MaxMetadataLen: Get<u32>;
		/// The most assets one AVS accepts: bounds the per-operator work of every
		/// measurement (opt-in, distribution, runtime API).
		#[pallet::constant]
		type MaxAcceptedAssets: Get<u32>;
		/// The most operators (and approvals) one AVS may have: bounds deregistration and
		/// makes the largest distribution of one AVS a known number of steps.
		#[pallet::constant]
		type MaxOperatorsPerAvs: Get<u32>;
		/// The most AVSs one operator may join: bounds its list (read by restaking and
		/// cross-slashing on every native slash).
		#[pallet::constant]
		type MaxAvsPerOperator: Get<u32>;
		/// The most reward budgets one AVS may have open: bounds the work per operator of a
		/// distribution.
		#[pallet::constant]
		type MaxRewardBudgets: Get<u32>;
		/// Distribution steps per block (one step: start or finish an AVS, measure or pay one
		/// operator). Bounds the hook's weight; the rest waits for the next block.
		#[pallet::constant]
		type MaxDistributionsPerBlock: Get<u32>;
		/// Weights of calls and of the hook's steps.
		type WeightInfo: WeightInfo;
		/// Sets up operators, stake and eras for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::benchmarking::BenchmarkHelper<Self::AccountId>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a registered AVS, released when it deregisters.
		#[codec(index = 0)]
		AvsDeposit,
	}

	/// The id the next AVS gets.
	#[pallet::storage]
	pub type NextAvsId<T: Config> = StorageValue<_, AvsId, ValueQuery>;

	/// Registered AVSs.
	#[pallet::storage]
	pub type Avs<T: Config> = StorageMap<_, Twox64Concat, AvsId, AvsInfo<T>>;

	/// Each AVS's metadata (kept apart: nothing on chain reads it).
	#[pallet::storage]
	pub type Metadata<T: Config> =
		StorageMap<_, Twox64Concat, AvsId, BoundedVec<u8, T::MaxMetadataLen>, ValueQuery>;

	/// Harsher configurations waiting for `ConfigChangeDelay`.
	#[pallet::storage]
	pub type PendingConfigs<T: Config> = StorageMap<_, Twox64Concat, AvsId, PendingConfig<T>>;

	/// Members of each AVS.
	#[pallet::storage]
	pub type Members<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		AvsId,
		Blake2_128Concat,
		T::AccountId,
		MemberInfo<BlockNumberFor<T>>,
	>;

	/// The AVSs each operator is a member of.
	#[pallet::storage]
	pub type OperatorAvs<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<AvsId, T::MaxAvsPerOperator>,
		ValueQuery,
	>;

	/// Operators an owner approved (they may join even an allow-listed AVS).
	#[pallet::storage]
	pub type Approved<T: Config> =
		StorageDoubleMap<_, Twox64Concat, AvsId, Blake2_128Concat, T::AccountId, ()>;

	/// Open reward budgets of each AVS.
	#[pallet::storage]
	pub type Budgets<T: Config> = StorageMap<
		_,
		Twox64Concat,
		AvsId,
		BoundedVec<RewardBudget<T::AccountId>, T::MaxRewardBudgets>,
		ValueQuery,
	>;

	/// The distribution round in progress, if any.
	#[pallet::storage]
	pub type Round<T: Config> = StorageValue<_, DistributionRound<T>>;

	/// The era of the last distribution round started.
	#[pallet::storage]
	pub type LastRoundEra<T: Config> = StorageValue<_, EraIndex, ValueQuery>;

	/// The stake measured in the AVS being distributed: per member, the BST value of each
	/// pool it allocated. Emptied as the members are paid.
	#[pallet::storage]
	pub type Snapshot<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		AvsId,
		Blake2_128Concat,
		T::AccountId,
		PoolValues<T>,
	>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		#[serde(skip)]
		_config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			Pallet::<T>::ensure_pallet_account();
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `owner` registered `avs`; `deposit` BST is held from it.
		AvsRegistered { avs: AvsId, owner: T::AccountId, deposit: Balance },
		/// The configuration of `avs` changed at once (a harsher part may be scheduled too).
		ConfigUpdated { avs: AvsId },
		/// A harsher configuration of `avs` takes effect at block `effective_at`.
		ConfigChangeScheduled { avs: AvsId, effective_at: BlockNumberFor<T> },
		/// The harsher configuration scheduled for `avs` was replaced or withdrawn.
		ConfigChangeCancelled { avs: AvsId },
		/// The scheduled configuration of `avs` is now the one in force (recorded at the first
		/// write after its block; reads saw it from that block on).
		ConfigChangeApplied { avs: AvsId },
		/// `avs` was paused by its owner.
		AvsPaused { avs: AvsId },
		/// `avs` was resumed by its owner.
		AvsResumed { avs: AvsId },
		/// `avs` left the registry; its owner's `deposit` was released.
		AvsDeregistered { avs: AvsId, deposit: Balance },
		/// `operator` joined `avs`.
		OperatorOptedIn { avs: AvsId, operator: T::AccountId },
		/// `operator` left `avs`; its allocation to it is being deallocated.
		OperatorOptedOut { avs: AvsId, operator: T::AccountId },
		/// The owner of `avs` approved `operator`.
		OperatorApproved { avs: AvsId, operator: T::AccountId },
		/// The owner of `avs` revoked its approval of `operator`.
		ApprovalRevoked { avs: AvsId, operator: T::AccountId },
		/// The owner of `avs` removed member `operator`; its allocation is being deallocated.
		OperatorRemoved { avs: AvsId, operator: T::AccountId },
		/// `funder` moved `amount` of `asset` in as budget `budget` of `avs`, paid over `eras`
		/// eras.
		RewardsFunded {
			avs: AvsId,
			budget: BudgetId,
			funder: T::AccountId,
			asset: RestakeAsset,
			amount: Balance,
			eras: u32,
		},
		/// Budget `budget` of `avs` paid `amount` of `asset` to the members in the round of
		/// `era` (its slice was `slice`; the rest stays in the budget).
		RewardsDistributed {
			avs: AvsId,
			era: EraIndex,
			budget: BudgetId,
			asset: RestakeAsset,
			slice: Balance,
			amount: Balance,
		},
		/// Restaking refused to credit `amount` to `operator`'s pool of `pool_asset`; it stays
		/// in the budget.
		RewardCreditFailed {
			avs: AvsId,
			operator: T::AccountId,
			pool_asset: RestakeAsset,
			amount: Balance,
			error: DispatchError,
		},
		/// Budget `budget` of `avs` ended; `refunded` of `asset` went back to `funder`.
		BudgetClosed {
			avs: AvsId,
			budget: BudgetId,
			funder: T::AccountId,
			asset: RestakeAsset,
			refunded: Balance,
		},
		/// What was left of a budget could not be sent back to `funder` (e.g. below the
		/// asset's minimum balance); it stays in the pallet account.
		RefundFailed { funder: T::AccountId, asset: RestakeAsset, amount: Balance },
		/// A distribution round for `era` began.
		DistributionStarted { era: EraIndex },
		/// The distribution round for `era` visited every AVS with a budget.
		DistributionCompleted { era: EraIndex },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No AVS has this id.
		UnknownAvs,
		/// Only the AVS's owner may do this.
		NotOwner,
		/// The metadata is longer than `MaxMetadataLen`.
		MetadataTooLong,
		/// An AVS must accept at least one asset.
		NoAcceptedAssets,
		/// More accepted assets than `MaxAcceptedAssets`.
		TooManyAcceptedAssets,
		/// An asset is listed twice.
		DuplicateAsset,
		/// An accepted asset is not whitelisted in restaking.
		AssetNotRestakable,
		/// A minimum operator stake needs an accepted asset the chain can value in BST (BST or
		/// stBST).
		UnpricedMinStake,
		/// The veto window must be at least one block.
		ZeroVetoWindow,
		/// The veto window must be shorter than the slash window.
		VetoWindowNotBelowSlashWindow,
		/// The slash window may not be longer than restaking's withdrawal delay.
		SlashWindowAboveWithdrawalDelay,
		/// The slash window may not be longer than restaking's deallocation delay.
		SlashWindowAboveDeallocationDelay,
		/// `max_operators` must be between 1 and `MaxOperatorsPerAvs`.
		MaxOperatorsOutOfRange,
		/// The caller can't put the deposit on hold.
		InsufficientDeposit,
		/// The AVS is paused.
		AvsPaused,
		/// The AVS is not paused.
		AvsNotPaused,
		/// The caller is not a restaking operator.
		NotOperator,
		/// The operator is already a member.
		AlreadyMember,
		/// The operator is not a member.
		NotMember,
		/// The AVS is allow-listed and the operator was not approved.
		NotApproved,
		/// The operator is already approved.
		AlreadyApproved,
		/// The operator is neither a member nor approved.
		NotMemberOrApproved,
		/// The AVS has `MaxOperatorsPerAvs` approvals already.
		TooManyApprovals,
		/// The AVS has its maximum of operators.
		TooManyOperators,
		/// The operator is a member of `MaxAvsPerOperator` AVSs already.
		TooManyAvsForOperator,
		/// The operator's stake is below the AVS's minimum.
		InsufficientStake,
		/// The AVS still has members.
		HasOperators,
		/// A slash requested by the AVS is still pending.
		SlashPending,
		/// The AVS is being distributed right now; try again in a few blocks.
		DistributionInProgress,
		/// A budget must last at least one era.
		ZeroEras,
		/// The budget pays nothing per era (`amount < eras`).
		BudgetTooSmall,
		/// The AVS has `MaxRewardBudgets` budgets open.
		TooManyBudgets,
		/// The caller can't pay this budget.
		InsufficientFunds,
		/// An amount or an id overflowed.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(_n: BlockNumberFor<T>) -> Weight {
			Self::on_block()
		}

		fn integrity_test() {
			Self::check_constants();
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Registers an AVS owned by the caller, with `metadata` (a URI or a short
		/// description) and `config`; holds `AvsDepositBase + AvsDepositPerByte * len` BST.
		///
		/// Origin: signed (the owner). Emits `AvsRegistered`. Fails with `MetadataTooLong`,
		/// the configuration errors (`NoAcceptedAssets`, `TooManyAcceptedAssets`,
		/// `DuplicateAsset`, `AssetNotRestakable`, `UnpricedMinStake`, `ZeroVetoWindow`,
		/// `VetoWindowNotBelowSlashWindow`, `SlashWindowAboveWithdrawalDelay`,
		/// `SlashWindowAboveDeallocationDelay`, `MaxOperatorsOutOfRange`),
		/// `InsufficientDeposit`, `Overflow`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_avs())]
		pub fn register_avs(
			origin: OriginFor<T>,
			metadata: alloc::vec::Vec<u8>,
			config: AvsConfigParamsOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register_avs(who, metadata, config)
		}

		/// Replaces the configuration of `avs`. The parts that make slashing harsher (higher
		/// max slash, longer slash window, shorter veto window, new or higher native coupling,
		/// another slasher, veto policy or destination) take effect `ConfigChangeDelay` blocks
		/// from now; the rest at once. A later update replaces a scheduled one (keeping its
		/// block if it schedules the same configuration). Members stay whatever changes: a
		/// switch to an allow-list, a higher minimum stake or fewer seats only bind newcomers
		/// (the owner removes members with `remove_operator`).
		///
		/// Origin: signed, the owner. Emits `ConfigUpdated`, and `ConfigChangeScheduled` or
		/// `ConfigChangeCancelled` as the case may be. Fails with `UnknownAvs`, `NotOwner`,
		/// the configuration errors of `register_avs`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::update_config())]
		pub fn update_config(
			origin: OriginFor<T>,
			avs: AvsId,
			config: AvsConfigParamsOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_update_config(who, avs, config)
		}

		/// Pauses `avs`: no operator may join or allocate more to it. Slashing terms,
		/// rewards, opt-outs and exits go on.
		///
		/// Origin: signed, the owner. Emits `AvsPaused`. Fails with `UnknownAvs`,
		/// `NotOwner`, `AvsPaused` (already).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::pause_avs())]
		pub fn pause_avs(origin: OriginFor<T>, avs: AvsId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_paused(who, avs, true)
		}

		/// Resumes a paused `avs`.
		///
		/// Origin: signed, the owner. Emits `AvsResumed`. Fails with `UnknownAvs`,
		/// `NotOwner`, `AvsNotPaused`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::resume_avs())]
		pub fn resume_avs(origin: OriginFor<T>, avs: AvsId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_paused(who, avs, false)
		}

		/// Removes `avs` from the registry once it has no members and no pending slash:
		/// what is left of its budgets goes back to their funders, its approvals are
		/// cleared and its deposit released.
		///
		/// Origin: signed, the owner. Emits `BudgetClosed` per budget, `AvsDeregistered`.
		/// Fails with `UnknownAvs`, `NotOwner`, `HasOperators`, `SlashPending`,
		/// `DistributionInProgress`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::deregister_avs(
			T::MaxOperatorsPerAvs::get(),
			T::MaxRewardBudgets::get(),
		))]
		pub fn deregister_avs(origin: OriginFor<T>, avs: AvsId) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_deregister_avs(who, avs)
		}

		/// Makes the caller, a restaking operator, a member of `avs`, so that it may allocate
		/// stake to it.
		///
		/// Origin: signed, an operator. Emits `OperatorOptedIn`. Fails with `UnknownAvs`,
		/// `AvsPaused`, `NotOperator`, `AlreadyMember`, `NotApproved` (allow-listed AVS),
		/// `TooManyOperators`, `TooManyAvsForOperator`, `InsufficientStake`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::opt_in())]
		pub fn opt_in(origin: OriginFor<T>, avs: AvsId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_opt_in(who, avs)
		}

		/// Makes the caller leave `avs` and starts deallocating everything it allocated to it
		/// (the deallocation delay applies; the stake stays slashable meanwhile). Works
		/// whatever the AVS's state.
		///
		/// Origin: signed, a member. Emits `OperatorOptedOut`. Fails with `UnknownAvs`,
		/// `NotMember`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::opt_out())]
		pub fn opt_out(origin: OriginFor<T>, avs: AvsId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_opt_out(who, avs)
		}

		/// Approves `operator` for `avs`: it may then join even while the AVS is
		/// allow-listed. At most `MaxOperatorsPerAvs` approvals per AVS.
		///
		/// Origin: signed, the owner. Emits `OperatorApproved`. Fails with `UnknownAvs`,
		/// `NotOwner`, `AlreadyApproved`, `TooManyApprovals`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::approve_operator())]
		pub fn approve_operator(
			origin: OriginFor<T>,
			avs: AvsId,
			operator: AccountIdLookupOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let operator = T::Lookup::lookup(operator)?;
			Self::do_approve_operator(who, avs, operator)
		}

		/// Removes `operator` from `avs`: revokes its approval and, if it is a member, ends
		/// its membership and starts deallocating its stake (as `opt_out`).
		///
		/// Origin: signed, the owner. Emits `ApprovalRevoked` and/or `OperatorRemoved`.
		/// Fails with `UnknownAvs`, `NotOwner`, `NotMemberOrApproved`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::remove_operator())]
		pub fn remove_operator(
			origin: OriginFor<T>,
			avs: AvsId,
			operator: AccountIdLookupOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let operator = T::Lookup::lookup(operator)?;
			Self::do_remove_operator(who, avs, operator)
		}

		/// Moves `amount` of `asset` from the caller into the pallet account as a reward
		/// budget of `avs`, paid to its members over the next `eras` eras (from the next era
		/// on). Only the owner funds, so nobody can fill the AVS's budget slots with dust.
		///
		/// Origin: signed, the owner. Emits `RewardsFunded`. Fails with `UnknownAvs`,
		/// `NotOwner`, `ZeroEras`, `BudgetTooSmall` (`amount < eras`), `TooManyBudgets`,
		/// `InsufficientFunds`, `Overflow`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::fund_rewards())]
		pub fn fund_rewards(
			origin: OriginFor<T>,
			avs: AvsId,
			asset: RestakeAsset,
			#[pallet::compact] amount: Balance,
			eras: u32,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_fund_rewards(who, avs, asset, amount, eras)
		}
	}
}

/// An account as calls name it.
pub type AccountIdLookupOf<T> =
	<<T as frame_system::Config>::Lookup as sp_runtime::traits::StaticLookup>::Source;
