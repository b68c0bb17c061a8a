//! # Restaking
//!
//! Delegators restake assets (stBST first; BST and other whitelisted pallet-assets tokens)
//! with **operators**, who allocate fractions of their pools as slashable security to
//! **AVSs**. **Vaults** spread one asset over several operators and issue an LRT whose price
//! is read from this state.
//!
//! ## Pools and O(1) slashing
//!
//! An operator has one [`Pool`] per asset. Delegations are shares of its active side;
//! `undelegate` moves them to the exiting side as a queued [`Withdrawal`] that completes
//! after `WithdrawalDelay` and stays slashable until then. A slash of fraction `f` takes `f`
//! of both sides' assets: every delegation, every queued withdrawal and every vault
//! position of the operator loses `f` at once, whatever their number. Assets per share only
//! fall (rewards are paid beside the pool, never into it), so nobody can inflate a pool's
//! share price against later delegators; a slash that empties a side starts it afresh.
//!
//! ## Allocations
//!
//! An operator allocates a fraction of each pool to each AVS it is a member of. Increases
//! take effect after `AllocationDelay`, decreases after `DeallocationDelay` (slashable at the
//! old fraction meanwhile). The fractions allocated from one pool sum to at most
//! `MaxRestakeLeverage` percent (100: unique stake).
//!
//! ## Vaults
//!
//! `NAV = idle + sum over operators of the vault's active shares at the pool rate`; deposits
//! mint LRT at NAV, `rebalance` delegates idle funds by weight, `vault_redeem` burns LRT and
//! queues the matching share of every position as withdrawals of the redeemer (paid at
//! their value on completion, slashes in between taken).
//!
//! ## Rewards
//!
//! Per pool and reward asset, a reward-per-share accumulator: the AVS registry credits
//! rewards (`Restaking::credit_rewards`), the operator's commission first; delegators claim
//! in O(1) per pool and reward asset.
//!
//! The other pallets use all this through `bastion_primitives::restaking::Restaking`.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use operator_impls::LINK_CONTEXT;
pub use pallet::*;
pub use types::*;

mod allocation_impls;
mod api;
mod asset_impls;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod delegation_impls;
mod interface;
mod invariants;
#[cfg(test)]
mod mock;
mod operator_impls;
mod reward_impls;
mod slash_impls;
#[cfg(test)]
mod tests;
mod types;
mod vault_impls;
pub mod weights;

pub use weights::WeightInfo;

/// The log target of this pallet.
pub const LOG_TARGET: &str = "runtime::restaking";

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use bastion_primitives::{
		restaking::{AvsDirectory, SlashDestination},
		AssetId, Balance,
	};
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible, fungibles},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{
		traits::{IdentifyAccount, Verify},
		Perbill,
	};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why BST is held.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// An operator's registration deposit.
		OperatorDeposit,
		/// A vault's creation deposit.
		VaultDeposit,
	}

	/// The operators' metadata bound.
	pub type OperatorOf<T> =
		Operator<<T as frame_system::Config>::AccountId, BlockNumberFor<T>, <T as Config>::MaxMetadataLen>;
	/// A vault of this runtime.
	pub type VaultOf<T> = Vault<<T as frame_system::Config>::AccountId, <T as Config>::MaxVaultOperators>;
	/// A withdrawal of this runtime.
	pub type WithdrawalOf<T> = Withdrawal<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
	/// Operators and their weights, as a vault keeps them.
	pub type WeightsOf<T> =
		BoundedVec<(<T as frame_system::Config>::AccountId, Perbill), <T as Config>::MaxVaultOperators>;

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// BST, for deposits (held).
		type Currency: fungible::MutateHold<
				Self::AccountId,
				Reason = Self::RuntimeHoldReason,
				Balance = Balance,
			> + fungible::Mutate<Self::AccountId>;
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;
		/// Restakable assets: BST and pallet-assets tokens, in one `fungibles`.
		type Assets: fungibles::Mutate<Self::AccountId, AssetId = RestakeAsset, Balance = Balance>;
		/// Where LRTs are created.
		type LrtAssets: fungibles::Mutate<Self::AccountId, AssetId = AssetId, Balance = Balance>
			+ fungibles::Create<Self::AccountId>
			+ fungibles::metadata::Mutate<Self::AccountId>
			+ fungibles::metadata::MetadataDeposit<Balance>;
		/// The AVS registry: whether an operator may allocate to an AVS and an asset.
		type Avs: AvsDirectory<Self::AccountId, BlockNumberFor<Self>>;
		/// A signature by a validator stash, proving an operator may link it.
		type StashSignature: Verify<Signer = Self::StashSigner> + Parameter;
		/// The key behind a stash.
		type StashSigner: IdentifyAccount<AccountId = Self::AccountId>;
		/// Governs the whitelist of restakable assets.
		type AssetAdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Receives slashes whose destination is the treasury.
		type TreasuryAccount: Get<Self::AccountId>;
		/// Derives the pallet account (all restaked assets), the reward account and vault
		/// accounts.
		#[pallet::constant]
		type PalletId: Get<PalletId>;
		/// BST held while an operator is registered.
		#[pallet::constant]
		type OperatorDeposit: Get<Balance>;
		/// BST held while a vault exists.
		#[pallet::constant]
		type VaultDeposit: Get<Balance>;
		/// Underlying asset a vault's curator deposits at creation for the dead LRT shares.
		#[pallet::constant]
		type VaultDeadDeposit: Get<Balance>;
		/// The least amount of a delegation or vault deposit.
		#[pallet::constant]
		type MinDelegation: Get<Balance>;
		/// Blocks before a commission change takes effect.
		#[pallet::constant]
		type CommissionDelay: Get<BlockNumberFor<Self>>;
		/// Blocks a withdrawal (and a leaving operator) waits, slashable.
		#[pallet::constant]
		type WithdrawalDelay: Get<BlockNumberFor<Self>>;
		/// Blocks before an allocation increase counts.
		#[pallet::constant]
		type AllocationDelay: Get<BlockNumberFor<Self>>;
		/// Blocks a decreased allocation stays slashable at its old fraction.
		#[pallet::constant]
		type DeallocationDelay: Get<BlockNumberFor<Self>>;
		/// The most a pool may be allocated in all, in percent (100: unique stake).
		#[pallet::constant]
		type MaxRestakeLeverage: Get<u32>;
		/// Bound of an operator's metadata.
		#[pallet::constant]
		type MaxMetadataLen: Get<u32>;
		/// Bound of an LRT's name and symbol.
		#[pallet::constant]
		type MaxLrtNameLen: Get<u32>;
		/// The most pools (assets) one operator may have.
		#[pallet::constant]
		type MaxAssetsPerOperator: Get<u32>;
		/// The most (AVS, asset) allocations one operator may have listed; allocations that
		/// ended (zero, nothing pending) give their place to a new one.
		#[pallet::constant]
		type MaxAllocations: Get<u32>;
		/// The most operators one vault may spread over.
		#[pallet::constant]
		type MaxVaultOperators: Get<u32>;
		/// The most reward assets one pool may be credited in.
		#[pallet::constant]
		type MaxRewardAssets: Get<u32>;
		/// The most queued withdrawals one account may have.
		#[pallet::constant]
		type MaxWithdrawalsPerAccount: Get<u32>;
		/// Weights of calls.
		type WeightInfo: WeightInfo;
		/// What the benchmarks need of the runtime.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, Self::StashSignature>;
	}

	/// What the benchmarks need of the runtime: an AVS the operator may allocate to, and a
	/// stash's proof.
	#[cfg(feature = "runtime-benchmarks")]
	pub trait BenchmarkHelper<AccountId, Signature> {
		/// An active AVS taking `asset` with `operator` as a member.
		fn avs_with_member(operator: &AccountId, asset: &RestakeAsset) -> AvsId;
		/// A stash and its signature of `(LINK_CONTEXT, operator)`.
		fn stash_proof(operator: &AccountId) -> (AccountId, Signature);
	}

	/// The whitelist of restakable assets.
	#[pallet::storage]
	pub type RestakableAssets<T: Config> = StorageMap<_, Blake2_128Concat, RestakeAsset, AssetInfo>;

	/// Registered operators.
	#[pallet::storage]
	pub type Operators<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, OperatorOf<T>>;

	/// Validator stashes linked by operators.
	#[pallet::storage]
	pub type StashOperators<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, T::AccountId>;

	/// The assets each operator has a pool of.
	#[pallet::storage]
	pub type OperatorAssets<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<RestakeAsset, T::MaxAssetsPerOperator>,
		ValueQuery,
	>;

	/// Pools, by operator and asset.
	#[pallet::storage]
	pub type Pools<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		RestakeAsset,
		Pool,
		ValueQuery,
	>;

	/// Delegations, by delegator, operator and asset.
	#[pallet::storage]
	pub type Delegations<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, RestakeAsset>,
		),
		Delegation,
	>;

	/// Queued withdrawals.
	#[pallet::storage]
	pub type Withdrawals<T: Config> = StorageMap<_, Twox64Concat, WithdrawalId, WithdrawalOf<T>>;

	/// Each account's queued withdrawals.
	#[pallet::storage]
	pub type AccountWithdrawals<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<WithdrawalId, T::MaxWithdrawalsPerAccount>,
		ValueQuery,
	>;

	/// The id of the next withdrawal.
	#[pallet::storage]
	pub type NextWithdrawalId<T: Config> = StorageValue<_, WithdrawalId, ValueQuery>;

	/// Allocations, by operator, AVS and asset.
	#[pallet::storage]
	pub type Allocations<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Twox64Concat, AvsId>,
			NMapKey<Blake2_128Concat, RestakeAsset>,
		),
		Allocation<BlockNumberFor<T>>,
	>;

	/// Each operator's (AVS, asset) allocations.
	#[pallet::storage]
	pub type OperatorAllocations<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<(AvsId, RestakeAsset), T::MaxAllocations>,
		ValueQuery,
	>;

	/// Vaults.
	#[pallet::storage]
	pub type Vaults<T: Config> = StorageMap<_, Twox64Concat, VaultId, VaultOf<T>>;

	/// The id of the next vault.
	#[pallet::storage]
	pub type NextVaultId<T: Config> = StorageValue<_, VaultId, ValueQuery>;

	/// The pallet-assets id the next LRT takes.
	#[pallet::storage]
	pub type NextLrtAssetId<T: Config> = StorageValue<_, AssetId, ValueQuery>;

	/// Reward per active share, scaled by `REWARD_PRECISION`, by operator, pool asset and
	/// reward asset.
	#[pallet::storage]
	pub type RewardPerShare<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, RestakeAsset>,
			NMapKey<Blake2_128Concat, RestakeAsset>,
		),
		Balance,
		ValueQuery,
	>;

	/// The reward assets each pool was credited in.
	#[pallet::storage]
	pub type PoolRewardAssets<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		RestakeAsset,
		BoundedVec<RestakeAsset, T::MaxRewardAssets>,
		ValueQuery,
	>;

	/// Rewards settled to an account and not paid yet, by account and reward asset.
	#[pallet::storage]
	pub type UnclaimedRewards<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		RestakeAsset,
		Balance,
		ValueQuery,
	>;

	/// What each delegation was already paid of each reward asset's accumulator
	/// (`shares * reward_per_share` at its last settlement).
	#[pallet::storage]
	pub type RewardDebts<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, RestakeAsset>,
		),
		BoundedVec<(RestakeAsset, Balance), T::MaxRewardAssets>,
		ValueQuery,
	>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Restakable assets and their caps.
		pub assets: alloc::vec::Vec<(RestakeAsset, Balance)>,
		/// The pallet-assets id of the first LRT.
		pub first_lrt_asset_id: AssetId,
		#[serde(skip)]
		pub _marker: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (asset, cap) in &self.assets {
				RestakableAssets::<T>::insert(asset, AssetInfo { cap: *cap, total: 0 });
			}
			NextLrtAssetId::<T>::put(self.first_lrt_asset_id);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `asset` may be restaked, up to `cap`.
		AssetAdded { asset: RestakeAsset, cap: Balance },
		/// `asset`'s cap is now `cap`.
		AssetCapSet { asset: RestakeAsset, cap: Balance },
		/// `asset` may no longer be restaked.
		AssetRemoved { asset: RestakeAsset },
		/// `operator` registered with `commission`.
		OperatorRegistered { operator: T::AccountId, commission: Perbill },
		/// `operator`'s commission becomes `commission` at block `at`.
		CommissionScheduled { operator: T::AccountId, commission: Perbill, at: BlockNumberFor<T> },
		/// `operator` linked validator stash `stash`.
		ValidatorLinked { operator: T::AccountId, stash: T::AccountId },
		/// `operator` started leaving; it is gone from `until`.
		OperatorLeaving { operator: T::AccountId, until: BlockNumberFor<T> },
		/// `operator` left; its deposit was released.
		OperatorLeft { operator: T::AccountId },
		/// `delegator` delegated `amount` of `asset` to `operator` for `shares`.
		Delegated {
			delegator: T::AccountId,
			operator: T::AccountId,
			asset: RestakeAsset,
			amount: Balance,
			shares: Balance,
		},
		/// `shares` of `delegator` worth `value` left `operator`'s pool as withdrawal `id`,
		/// owned by `owner`, unlocking at `unlock_at`.
		WithdrawalQueued {
			id: WithdrawalId,
			delegator: T::AccountId,
			owner: T::AccountId,
			operator: T::AccountId,
			asset: RestakeAsset,
			shares: Balance,
			value: Balance,
			unlock_at: BlockNumberFor<T>,
		},
		/// Withdrawal `id` paid `amount` to `owner`.
		WithdrawalCompleted { id: WithdrawalId, owner: T::AccountId, amount: Balance },
		/// `operator` asks that `fraction` of its `asset` pool be slashable by `avs` from
		/// `effective_at`.
		AllocationSet {
			operator: T::AccountId,
			avs: AvsId,
			asset: RestakeAsset,
			fraction: Perbill,
			effective_at: BlockNumberFor<T>,
		},
		/// `operator`'s pool of `asset` was slashed `fraction`; `slashed` went to
		/// `destination`.
		PoolSlashed {
			operator: T::AccountId,
			asset: RestakeAsset,
			fraction: Perbill,
			active: Balance,
			exiting: Balance,
			destination: SlashDestination<T::AccountId>,
		},
		/// `operator` was frozen (`pending` slashes now).
		OperatorFrozen { operator: T::AccountId, pending: u32 },
		/// `operator` has `pending` slashes left (0: unfrozen).
		OperatorUnfrozen { operator: T::AccountId, pending: u32 },
		/// `amount` of `reward_asset` was credited to `operator`'s `asset` pool, `commission` of
		/// it to the operator.
		RewardsCredited {
			operator: T::AccountId,
			asset: RestakeAsset,
			reward_asset: RestakeAsset,
			amount: Balance,
			commission: Balance,
		},
		/// `who` was paid `amount` of `reward_asset` from `operator`'s `asset` pool.
		RewardsPaid {
			who: T::AccountId,
			operator: T::AccountId,
			asset: RestakeAsset,
			reward_asset: RestakeAsset,
			amount: Balance,
		},
		/// Vault `vault` was created by `curator` with LRT asset `lrt`.
		VaultCreated { vault: VaultId, curator: T::AccountId, asset: RestakeAsset, lrt: AssetId },
		/// `who` deposited `amount` in `vault` for `lrt` LRT.
		VaultDeposited { vault: VaultId, who: T::AccountId, amount: Balance, lrt: Balance },
		/// `who` burnt `lrt` LRT of `vault`: `idle` paid at once, the rest queued as
		/// `withdrawals`.
		VaultRedeemed {
			vault: VaultId,
			who: T::AccountId,
			lrt: Balance,
			idle: Balance,
			withdrawals: alloc::vec::Vec<WithdrawalId>,
		},
		/// `vault` delegated `amount` of its idle funds.
		VaultRebalanced { vault: VaultId, amount: Balance },
		/// `vault`'s target weights changed.
		VaultWeightsSet { vault: VaultId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The asset is not restakable.
		AssetNotRestakable,
		/// The asset is restakable already.
		AssetAlreadyRestakable,
		/// The asset still has restaked funds.
		AssetInUse,
		/// The asset's cap would be exceeded.
		AssetCapExceeded,
		/// The account is an operator already.
		AlreadyOperator,
		/// No such operator.
		NotOperator,
		/// The operator is leaving: no new delegation or allocation.
		OperatorLeaving,
		/// The operator is not leaving, or its leaving delay is not over.
		NotLeftYet,
		/// The operator has a pending slash.
		OperatorFrozen,
		/// The metadata, name or symbol is too long.
		TooLong,
		/// The stash is linked already.
		StashAlreadyLinked,
		/// The stash's signature is missing or wrong.
		BadStashProof,
		/// The amount is below the minimum.
		AmountTooSmall,
		/// The amount is worth no shares, or the shares no amount.
		ZeroShares,
		/// The caller holds fewer shares than that.
		InsufficientShares,
		/// The caller can't pay this.
		InsufficientBalance,
		/// No such withdrawal.
		UnknownWithdrawal,
		/// The withdrawal is someone else's.
		NotWithdrawalOwner,
		/// The withdrawal's delay is not over.
		WithdrawalLocked,
		/// The account has the most queued withdrawals allowed.
		TooManyWithdrawals,
		/// The operator has the most pools allowed.
		TooManyAssets,
		/// The operator has the most allocations allowed, none of them ended.
		TooManyAllocations,
		/// The AVS is unknown, paused, or does not take this asset.
		AvsRefused,
		/// The operator is not a member of the AVS.
		NotAvsMember,
		/// The allocations of the pool would exceed `MaxRestakeLeverage`.
		LeverageExceeded,
		/// Nothing changes.
		NoChange,
		/// No such vault.
		UnknownVault,
		/// Only the vault's curator may do this.
		NotCurator,
		/// Vault weights: empty, over 100%, duplicate or inactive operators.
		BadWeights,
		/// The vault holds nothing: it can't price its LRT.
		VaultDepleted,
		/// The pool has no delegators to pay rewards to.
		NoDelegators,
		/// The pool has been credited in the most reward assets allowed.
		TooManyRewardAssets,
		/// An amount overflowed.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Whitelists `asset` for restaking, up to `cap`.
		///
		/// Origin: `AssetAdminOrigin`. Emits `AssetAdded`. Fails with
		/// `AssetAlreadyRestakable`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_asset())]
		pub fn add_asset(origin: OriginFor<T>, asset: RestakeAsset, cap: Balance) -> DispatchResult {
			T::AssetAdminOrigin::ensure_origin(origin)?;
			Self::do_add_asset(asset, cap)
		}

		/// Sets `asset`'s cap; below what is restaked it only stops new deposits.
		///
		/// Origin: `AssetAdminOrigin`. Emits `AssetCapSet`. Fails with `AssetNotRestakable`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_asset_cap())]
		pub fn set_asset_cap(origin: OriginFor<T>, asset: RestakeAsset, cap: Balance) -> DispatchResult {
			T::AssetAdminOrigin::ensure_origin(origin)?;
			Self::do_set_asset_cap(asset, cap)
		}

		/// Removes `asset` from the whitelist once nothing of it is restaked.
		///
		/// Origin: `AssetAdminOrigin`. Emits `AssetRemoved`. Fails with `AssetNotRestakable`,
		/// `AssetInUse`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::remove_asset())]
		pub fn remove_asset(origin: OriginFor<T>, asset: RestakeAsset) -> DispatchResult {
			T::AssetAdminOrigin::ensure_origin(origin)?;
			Self::do_remove_asset(asset)
		}

		/// Registers the caller as an operator, holding `OperatorDeposit`.
		///
		/// Origin: signed. Emits `OperatorRegistered`. Fails with `AlreadyOperator`,
		/// `TooLong`, `InsufficientBalance`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::register_operator(metadata.len() as u32))]
		pub fn register_operator(
			origin: OriginFor<T>,
			metadata: alloc::vec::Vec<u8>,
			commission: Perbill,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register_operator(who, metadata, commission)
		}

		/// Schedules a commission change, effective after `CommissionDelay`.
		///
		/// Origin: signed, an operator. Emits `CommissionScheduled`. Fails with `NotOperator`,
		/// `NoChange`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::set_commission())]
		pub fn set_commission(origin: OriginFor<T>, commission: Perbill) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_commission(who, commission)
		}

		/// Links validator stash `stash` to the calling operator, so base-chain slashes of the
		/// stash find its restaked stake. Proved by the stash calling (`stash` = the caller)
		/// or by `proof`, the stash's signature of `(b"bastion/link-validator", operator)`.
		///
		/// Origin: signed, an operator. Emits `ValidatorLinked`. Fails with `NotOperator`,
		/// `StashAlreadyLinked`, `BadStashProof`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::link_validator())]
		pub fn link_validator(
			origin: OriginFor<T>,
			stash: T::AccountId,
			proof: Option<T::StashSignature>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_link_validator(who, stash, proof)
		}

		/// Starts leaving: no new delegations or allocations, every allocation deallocated;
		/// the operator is gone after `WithdrawalDelay` (`finish_leaving`).
		///
		/// Origin: signed, an operator. Emits `OperatorLeaving`. Fails with `NotOperator`,
		/// `OperatorLeaving`, `OperatorFrozen`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::leave(T::MaxAllocations::get()))]
		pub fn leave(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_leave(who)
		}

		/// Finishes leaving once the delay is over and no slash is pending: the deposit is
		/// released and the stash unlinked. Delegators keep their pools and leave at will.
		///
		/// Origin: signed, the operator. Emits `OperatorLeft`. Fails with `NotOperator`,
		/// `NotLeftYet`, `OperatorFrozen`.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::finish_leaving(T::MaxAllocations::get()))]
		pub fn finish_leaving(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_finish_leaving(who)
		}

		/// Delegates `amount` of `asset` to `operator`, for shares of its pool.
		///
		/// Origin: signed. Emits `Delegated`. Fails with `AmountTooSmall`,
		/// `AssetNotRestakable`, `AssetCapExceeded`, `NotOperator`, `OperatorLeaving`,
		/// `TooManyAssets`, `ZeroShares`, `InsufficientBalance`.
		#[pallet::call_index(20)]
		#[pallet::weight(T::WeightInfo::delegate())]
		pub fn delegate(
			origin: OriginFor<T>,
			operator: T::AccountId,
			asset: RestakeAsset,
			#[pallet::compact] amount: Balance,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_delegate(who, operator, asset, amount)
		}

		/// Moves `shares` of the caller's delegation to the exiting side as a queued
		/// withdrawal, completed after `WithdrawalDelay`, slashable until then.
		///
		/// Origin: signed. Emits `WithdrawalQueued`. Fails with `ZeroShares`,
		/// `InsufficientShares`, `TooManyWithdrawals`.
		#[pallet::call_index(21)]
		#[pallet::weight(T::WeightInfo::undelegate())]
		pub fn undelegate(
			origin: OriginFor<T>,
			operator: T::AccountId,
			asset: RestakeAsset,
			#[pallet::compact] shares: Balance,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_undelegate(who.clone(), who, operator, asset, shares).map(|_| ())
		}

		/// Pays withdrawal `id` at its value now.
		///
		/// Origin: signed, the withdrawal's owner. Emits `WithdrawalCompleted`. Fails with
		/// `UnknownWithdrawal`, `NotWithdrawalOwner`, `WithdrawalLocked`, `OperatorFrozen`.
		#[pallet::call_index(22)]
		#[pallet::weight(T::WeightInfo::complete_withdrawal())]
		pub fn complete_withdrawal(origin: OriginFor<T>, id: WithdrawalId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_complete_withdrawal(who, id)
		}

		/// Sets the fraction of the caller's `asset` pool slashable by `avs`. When the
		/// caller's list of allocations is full, the ones that ended are dropped first.
		///
		/// Origin: signed, an active operator, member of `avs`. Emits `AllocationSet`. Fails
		/// with `NotOperator`, `OperatorLeaving`, `NotAvsMember`, `AvsRefused`,
		/// `LeverageExceeded`, `OperatorFrozen` (decreases), `TooManyAllocations`, `NoChange`.
		#[pallet::call_index(30)]
		#[pallet::weight(T::WeightInfo::allocate(T::MaxAllocations::get()))]
		pub fn allocate(
			origin: OriginFor<T>,
			avs: AvsId,
			asset: RestakeAsset,
			fraction: Perbill,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_allocate(who, avs, asset, fraction)
		}

		/// Creates a vault of `asset` spread over `operators` by weight, with a new LRT asset
		/// `name`/`symbol`. Holds `VaultDeposit` BST and takes `VaultDeadDeposit` of `asset`
		/// for the dead LRT shares.
		///
		/// Origin: signed (becomes the curator). Emits `VaultCreated`. Fails with
		/// `AssetNotRestakable`, `BadWeights`, `TooLong`, `InsufficientBalance`.
		#[pallet::call_index(40)]
		#[pallet::weight(T::WeightInfo::create_vault(T::MaxVaultOperators::get()))]
		pub fn create_vault(
			origin: OriginFor<T>,
			asset: RestakeAsset,
			name: alloc::vec::Vec<u8>,
			symbol: alloc::vec::Vec<u8>,
			operators: WeightsOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_create_vault(who, asset, name, symbol, operators)
		}

		/// Deposits `amount` of the vault's asset and mints LRT at NAV.
		///
		/// Origin: signed. Emits `VaultDeposited`. Fails with `UnknownVault`,
		/// `AmountTooSmall`, `AssetCapExceeded`, `VaultDepleted`, `ZeroShares`,
		/// `InsufficientBalance`.
		#[pallet::call_index(41)]
		#[pallet::weight(T::WeightInfo::vault_deposit(T::MaxVaultOperators::get()))]
		pub fn vault_deposit(
			origin: OriginFor<T>,
			vault: VaultId,
			#[pallet::compact] amount: Balance,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_vault_deposit(who, vault, amount)
		}

		/// Burns `lrt` LRT: the matching share of idle funds is paid at once, the matching
		/// share of every position is queued as withdrawals of the caller.
		///
		/// Origin: signed. Emits `VaultRedeemed`, `WithdrawalQueued`s. Fails with
		/// `UnknownVault`, `ZeroShares`, `InsufficientShares`, `TooManyWithdrawals`.
		#[pallet::call_index(42)]
		#[pallet::weight(T::WeightInfo::vault_redeem(T::MaxVaultOperators::get()))]
		pub fn vault_redeem(
			origin: OriginFor<T>,
			vault: VaultId,
			#[pallet::compact] lrt: Balance,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_vault_redeem(who, vault, lrt)
		}

		/// Delegates the vault's idle funds to its operators by weight.
		///
		/// Origin: signed (anyone: a keeper). Emits `VaultRebalanced`. Fails with
		/// `UnknownVault`.
		#[pallet::call_index(43)]
		#[pallet::weight(T::WeightInfo::rebalance(T::MaxVaultOperators::get()))]
		pub fn rebalance(origin: OriginFor<T>, vault: VaultId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_rebalance(vault)
		}

		/// Sets the vault's target weights (used by deposits and rebalancing from now on).
		///
		/// Origin: signed, the curator. Emits `VaultWeightsSet`. Fails with `UnknownVault`,
		/// `NotCurator`, `BadWeights`.
		#[pallet::call_index(44)]
		#[pallet::weight(T::WeightInfo::set_weights(operators.len() as u32))]
		pub fn set_weights(
			origin: OriginFor<T>,
			vault: VaultId,
			operators: WeightsOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_weights(who, vault, operators)
		}

		/// Pays the caller's rewards from `operator`'s `asset` pool, in every reward asset
		/// (with what other pools owe the caller in those assets).
		///
		/// Origin: signed. Emits `RewardsPaid`. Fails with `InsufficientBalance` if a payment
		/// can't be made (e.g. below the reward asset's minimum balance): nothing is paid.
		#[pallet::call_index(50)]
		#[pallet::weight(T::WeightInfo::claim_rewards(T::MaxRewardAssets::get()))]
		pub fn claim_rewards(
			origin: OriginFor<T>,
			operator: T::AccountId,
			asset: RestakeAsset,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim_rewards(who, operator, asset)
		}

		/// Claims the rewards of every position of `vault`: in the vault's own asset they are
		/// added to its idle funds (raising NAV), in other assets paid to the curator.
		///
		/// Origin: signed (anyone). Emits `RewardsPaid`. Fails with `UnknownVault`.
		#[pallet::call_index(51)]
		#[pallet::weight(T::WeightInfo::claim_vault_rewards(T::MaxVaultOperators::get()))]
		pub fn claim_vault_rewards(origin: OriginFor<T>, vault: VaultId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_claim_vault_rewards(vault)
		}
	}
}
