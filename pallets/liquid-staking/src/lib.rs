//! # Liquid staking (stBST)
//!
//! BST deposited here is staked by the chain itself, through pallet-staking, from a fixed set
//! of pool stashes; depositors receive **stBST**, a pallet-assets token whose value in BST
//! is the pool's exchange rate.
//!
//! ## Accounting
//!
//! The pallet keeps its own ledger ([`PoolLedger`]) and never reads an account balance to
//! value stBST, so nothing sent to one of its accounts changes anyone's value:
//!
//! - holders own `total_pooled = active_bonded + pending_bond`, and
//!   `rate = total_pooled / supply` (BST per stBST);
//! - dead shares, minted at genesis to an account nobody controls, keep `supply` above zero
//!   so the first depositor can't inflate the rate against later ones;
//! - a redemption leaves the holders' pool at once, at the current rate, into the unbonding
//!   sub-pool of its era ([`SubPool`]); slashes while it unbonds lower the sub-pool's value,
//!   shared by its requests pro-rata (points, as in pallet-nomination-pools).
//!
//! ## Era work
//!
//! When staking's active era passes [`PoolLedger::last_era`], `on_initialize` does, once per
//! pool stash (`MaxStashes` of them) and never per holder or request:
//!
//! 1. **rewards**: growth of a stash's active bond beyond what the pallet bonded is a
//!    reward (the stashes restake their rewards); it joins the deferred gains, of which at
//!    most `MaxRateIncreasePerEra` of `total_pooled` is recognized per era, the protocol fee
//!    minted as stBST to the fee recipient;
//! 2. **withdraw**: matured unbonding chunks are withdrawn to the pallet account, making
//!    their sub-pools claimable;
//! 3. **unbond**: the past era's redemptions are netted against pending deposits above the
//!    liquidity buffer, and the rest unbonded (one `unbond` per stash);
//! 4. **bond**: pending deposits above the liquidity buffer are bonded;
//! 5. **payouts**: the validators the pool nominates are queued, and their payouts of the
//!    ended era are claimed by the pallet itself, `MaxPayoutsPerBlock` per block.
//!
//! ## Slashes
//!
//! [`Pallet`] implements `OnStakingUpdate::on_slash` (it is in pallet-staking's
//! `EventListeners`): a slash of a pool stash lowers the holders' `total_pooled` and the
//! unbonding sub-pools in the same block, in proportion to what each had at stake.
//!
//! ## Calls
//!
//! Holders: [`Pallet::mint`], [`Pallet::redeem`], [`Pallet::claim`], [`Pallet::fast_redeem`].
//! `AdminOrigin`: [`Pallet::set_targets`], [`Pallet::set_protocol_fee`],
//! [`Pallet::set_mint_cap`], [`Pallet::pause_minting`], [`Pallet::resume_minting`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;

pub mod adapter;
mod admin_impls;
mod api;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod era_impls;
mod holder_impls;
mod invariants;
mod math;
#[cfg(test)]
mod mock;
mod slash_impls;
#[cfg(test)]
mod tests;
mod types;
pub mod weights;

pub use weights::WeightInfo;

/// The log target of this pallet.
pub const LOG_TARGET: &str = "runtime::liquid-staking";

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use bastion_primitives::{staking::NativeStaking, AssetId, Balance};
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible, fungibles},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::Perbill;
	use sp_staking::EraIndex;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// BST.
		type Currency: fungible::Mutate<Self::AccountId, Balance = Balance>;
		/// Where stBST lives.
		type Assets: fungibles::Mutate<Self::AccountId, AssetId = AssetId, Balance = Balance>
			+ fungibles::Create<Self::AccountId>;
		/// The asset id of stBST. The genesis creates it (owned by the pallet account,
		/// sufficient) unless it exists already.
		#[pallet::constant]
		type StakedAssetId: Get<AssetId>;
		/// The chain's staking, through which the pool stashes bond and nominate.
		type Staking: NativeStaking<Self::AccountId>;
		/// Derives the pallet account (pending BST, withdrawn BST), the stashes and the dead
		/// shares' holder.
		#[pallet::constant]
		type PalletId: Get<PalletId>;
		/// How many stashes the pool stakes from.
		#[pallet::constant]
		type MaxStashes: Get<u32>;
		/// How many validators the pool may nominate in all (spread over the stashes, each
		/// nominating at most staking's maximum).
		#[pallet::constant]
		type MaxTargets: Get<u32>;
		/// The least BST a mint takes.
		#[pallet::constant]
		type MinMint: Get<Balance>;
		/// The least BST value a redemption may have.
		#[pallet::constant]
		type MinRedeem: Get<Balance>;
		/// The highest protocol fee the admin may set.
		#[pallet::constant]
		type MaxProtocolFee: Get<Perbill>;
		/// The fee of `fast_redeem`, kept by the pool. At least `MaxRateIncreasePerEra`, so
		/// entering just before an era's rewards and leaving at once never pays.
		#[pallet::constant]
		type FastRedeemFee: Get<Perbill>;
		/// The most the exchange rate may rise from one era work to the next; gains beyond it
		/// are carried to later eras.
		#[pallet::constant]
		type MaxRateIncreasePerEra: Get<Perbill>;
		/// The share of `total_pooled` kept unbonded for fast redemptions.
		#[pallet::constant]
		type LiquidityBuffer: Get<Perbill>;
		/// The most unclaimed unlock requests one account may hold.
		#[pallet::constant]
		type MaxRequestsPerAccount: Get<u32>;
		/// The most sub-pools unbonding at once: the bonding duration plus two.
		#[pallet::constant]
		type MaxOpenSubPools: Get<u32>;
		/// Validator payouts the pallet claims per block.
		#[pallet::constant]
		type MaxPayoutsPerBlock: Get<u32>;
		/// Who receives the protocol fee (as stBST).
		type ProtocolFeeRecipient: Get<Self::AccountId>;
		/// Sets targets, fees, the mint cap, pauses minting.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Weights of calls and hooks.
		type WeightInfo: WeightInfo;
	}

	/// The pool's ledger.
	#[pallet::storage]
	pub type Pool<T: Config> = StorageValue<_, PoolLedger, ValueQuery>;

	/// The pallet's mirror of each stash's staking ledger.
	#[pallet::storage]
	pub type StashLedgers<T: Config> =
		StorageMap<_, Twox64Concat, StashIndex, StashLedger, ValueQuery>;

	/// Unbonding sub-pools, by the era their requests were made in.
	#[pallet::storage]
	pub type SubPools<T: Config> = StorageMap<_, Twox64Concat, EraIndex, SubPool>;

	/// Eras of the sub-pools that still have bonded value (waiting to unbond, or unbonding):
	/// the only ones era work and slashes visit.
	#[pallet::storage]
	pub type OpenSubPools<T: Config> =
		StorageValue<_, BoundedVec<EraIndex, T::MaxOpenSubPools>, ValueQuery>;

	/// Holders' BST unbonded beyond the redemptions (a stash fully unbonded to stay above
	/// staking's minimum bond), by unlock era; back to the holders once withdrawn.
	/// `(pooled, deferred)`: what was `active_bonded` and what was `deferred_bonded`.
	#[pallet::storage]
	pub type SurplusUnbonding<T: Config> =
		StorageMap<_, Twox64Concat, EraIndex, (Balance, Balance)>;

	/// Unlock requests.
	#[pallet::storage]
	pub type Requests<T: Config> =
		StorageMap<_, Twox64Concat, RequestId, UnlockRequest<T::AccountId>>;

	/// The unclaimed requests of each account.
	#[pallet::storage]
	pub type AccountRequests<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<RequestId, T::MaxRequestsPerAccount>,
		ValueQuery,
	>;

	/// The id of the next request.
	#[pallet::storage]
	pub type NextRequestId<T: Config> = StorageValue<_, RequestId, ValueQuery>;

	/// The validators the pool nominates, spread over the stashes.
	#[pallet::storage]
	pub type Targets<T: Config> = StorageValue<_, BoundedVec<T::AccountId, T::MaxTargets>, ValueQuery>;

	/// Validator payouts to claim: (era, validator).
	#[pallet::storage]
	pub type PayoutQueue<T: Config> =
		StorageValue<_, BoundedVec<(EraIndex, T::AccountId), T::MaxTargets>, ValueQuery>;

	/// The protocol's share of recognized gains.
	#[pallet::storage]
	pub type ProtocolFee<T: Config> = StorageValue<_, Perbill, ValueQuery>;

	/// The most BST the pool may hold for holders; `None`: no cap.
	#[pallet::storage]
	pub type MintCap<T: Config> = StorageValue<_, Balance, OptionQuery>;

	/// Whether `mint` is paused (redemptions and claims never are).
	#[pallet::storage]
	pub type MintingPaused<T: Config> = StorageValue<_, bool, ValueQuery>;

	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// BST minted into the pool at genesis, backing as many dead shares.
		pub dead_deposit: Balance,
		/// The protocol fee at genesis.
		pub protocol_fee: Perbill,
		/// The validators to nominate once the stashes are bonded.
		pub targets: alloc::vec::Vec<T::AccountId>,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		fn default() -> Self {
			// Dead shares are never optional: by default, the least a mint may deposit.
			Self {
				dead_deposit: T::MinMint::get(),
				protocol_fee: Perbill::zero(),
				targets: Default::default(),
			}
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			Pallet::<T>::build_genesis(self.dead_deposit, self.protocol_fee, &self.targets)
				.expect("the liquid-staking genesis is valid");
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` deposited `amount` BST and received `shares` stBST.
		Minted { who: T::AccountId, amount: Balance, shares: Balance },
		/// `who` burnt `shares` stBST worth `value` BST, claimable through `request_id`.
		Redeemed {
			who: T::AccountId,
			request_id: RequestId,
			shares: Balance,
			value: Balance,
			era: EraIndex,
		},
		/// `who` was paid `amount` BST for `request_id`.
		Claimed { who: T::AccountId, request_id: RequestId, amount: Balance },
		/// `who` burnt `shares` stBST worth `value` BST and received `value - fee` at once.
		FastRedeemed { who: T::AccountId, shares: Balance, value: Balance, fee: Balance },
		/// The work of `era` was done; `rate` is the exchange rate after it.
		EraProcessed { era: EraIndex, report: EraReport, rate: sp_runtime::FixedU128 },
		/// A pool stash lost `active_loss` of its active bond and `unlocking_loss` of its
		/// unbonding chunks; `pooled_loss` of it was the holders' (the rest: deferred gains
		/// and unbonding requests). `rate` is the exchange rate after it.
		Slashed {
			stash: T::AccountId,
			active_loss: Balance,
			unlocking_loss: Balance,
			pooled_loss: Balance,
			rate: sp_runtime::FixedU128,
		},
		/// The pallet claimed `validator`'s payout of `era`.
		PayoutClaimed { era: EraIndex, validator: T::AccountId },
		/// A staking operation of the era work failed; the work continues without it.
		StakingOperationFailed { stash: T::AccountId, error: DispatchError },
		/// The pool now nominates `targets`.
		TargetsSet { targets: alloc::vec::Vec<T::AccountId> },
		/// The protocol fee is now `fee`.
		ProtocolFeeSet { fee: Perbill },
		/// The mint cap is now `cap`.
		MintCapSet { cap: Option<Balance> },
		/// Minting is paused.
		MintingPaused,
		/// Minting is resumed.
		MintingResumed,
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The amount is below the minimum.
		AmountTooSmall,
		/// The amount buys no stBST, or the stBST is worth no BST.
		ZeroShares,
		/// Minting is paused.
		MintingIsPaused,
		/// The mint would take the pool above its cap.
		MintCapExceeded,
		/// The pool holds no BST (it was slashed to nothing); it can't price stBST.
		PoolDepleted,
		/// The caller's balance can't pay this.
		InsufficientBalance,
		/// The caller holds less stBST than that.
		InsufficientShares,
		/// No such request.
		UnknownRequest,
		/// The request is someone else's.
		NotRequestOwner,
		/// The request can't be claimed yet.
		NotClaimable,
		/// No request ids were given.
		NoRequests,
		/// The same request id was given twice.
		DuplicateRequest,
		/// The account holds the most unclaimed requests allowed.
		TooManyRequests,
		/// Too many sub-pools are unbonding at once.
		TooManyOpenSubPools,
		/// The pending buffer can't pay this fast redemption.
		InsufficientLiquidity,
		/// The fast-redeem fee is above the caller's `max_fee`.
		FeeAboveMax,
		/// The protocol fee is above `MaxProtocolFee`.
		ProtocolFeeTooHigh,
		/// No targets were given.
		NoTargets,
		/// A target was given twice.
		DuplicateTarget,
		/// More targets than the stashes can nominate.
		TooManyTargets,
		/// An amount overflowed.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(_n: BlockNumberFor<T>) -> Weight {
			Self::on_block()
		}

		fn integrity_test() {
			Self::check_config();
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Deposits `amount` BST and mints stBST at the current rate.
		///
		/// Origin: signed. Emits `Minted`. Fails with `MintingIsPaused`, `AmountTooSmall`
		/// (below `MinMint`), `MintCapExceeded`, `PoolDepleted`, `ZeroShares`,
		/// `InsufficientBalance`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::mint())]
		pub fn mint(origin: OriginFor<T>, #[pallet::compact] amount: Balance) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_mint(who, amount)
		}

		/// Burns `shares` stBST and opens an unlock request for their BST value in this era's
		/// sub-pool, claimable after the bonding duration with `claim`.
		///
		/// Origin: signed. Emits `Redeemed`. Fails with `ZeroShares`, `AmountTooSmall` (value
		/// below `MinRedeem`), `InsufficientShares`, `TooManyRequests`,
		/// `TooManyOpenSubPools`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::redeem())]
		pub fn redeem(origin: OriginFor<T>, #[pallet::compact] shares: Balance) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_redeem(who, shares)
		}

		/// Pays the caller's unlock requests `request_ids`, each its share of its sub-pool.
		///
		/// Origin: signed, the requests' owner. Emits `Claimed` per request. Fails with
		/// `NoRequests`, `DuplicateRequest`, `UnknownRequest`, `NotRequestOwner`,
		/// `NotClaimable`; then nothing is paid.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::claim(request_ids.len() as u32))]
		pub fn claim(
			origin: OriginFor<T>,
			request_ids: BoundedVec<RequestId, T::MaxRequestsPerAccount>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim(who, request_ids.into_inner())
		}

		/// Burns `shares` stBST and pays their BST value at once from the pending buffer, less
		/// `FastRedeemFee`, which stays in the pool.
		///
		/// Origin: signed. Emits `FastRedeemed`. Fails with `ZeroShares`, `AmountTooSmall`,
		/// `FeeAboveMax` (fee above `max_fee`), `InsufficientLiquidity`,
		/// `InsufficientShares`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::fast_redeem())]
		pub fn fast_redeem(
			origin: OriginFor<T>,
			#[pallet::compact] shares: Balance,
			#[pallet::compact] max_fee: Balance,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_fast_redeem(who, shares, max_fee)
		}

		/// Sets the validators the pool nominates, spread over the stashes; bonded stashes
		/// nominate at once, the others when they bond.
		///
		/// Origin: `AdminOrigin`. Emits `TargetsSet`. Fails with `NoTargets`,
		/// `DuplicateTarget`, `TooManyTargets`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::set_targets(targets.len() as u32))]
		pub fn set_targets(
			origin: OriginFor<T>,
			targets: BoundedVec<T::AccountId, T::MaxTargets>,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_set_targets(targets)
		}

		/// Sets the protocol's fee on gains, at most `MaxProtocolFee`.
		///
		/// Origin: `AdminOrigin`. Emits `ProtocolFeeSet`. Fails with `ProtocolFeeTooHigh`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::set_protocol_fee())]
		pub fn set_protocol_fee(origin: OriginFor<T>, fee: Perbill) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_set_protocol_fee(fee)
		}

		/// Sets the cap on the BST the pool holds for holders (`None`: no cap). A cap below
		/// the current pool only stops new mints.
		///
		/// Origin: `AdminOrigin`. Emits `MintCapSet`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::set_mint_cap())]
		pub fn set_mint_cap(origin: OriginFor<T>, cap: Option<Balance>) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_set_mint_cap(cap)
		}

		/// Pauses `mint`. Redemptions, claims and era work go on.
		///
		/// Origin: `AdminOrigin`. Emits `MintingPaused`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::pause_minting())]
		pub fn pause_minting(origin: OriginFor<T>) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_set_minting_paused(true)
		}

		/// Resumes `mint`.
		///
		/// Origin: `AdminOrigin`. Emits `MintingResumed`.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::resume_minting())]
		pub fn resume_minting(origin: OriginFor<T>) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_set_minting_paused(false)
		}
	}
}
