//! The pallet's records: AVSs, their scheduled configurations, members, reward budgets and
//! the state of the distribution round.

use crate::pallet::Config;
use bastion_primitives::{
	restaking::{AvsId, RestakeAsset},
	Balance,
};
use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_staking::EraIndex;

pub use bastion_primitives::avs::{AvsConfig, AvsConfigParams, AvsStatus, Membership};

/// The id of a reward budget within its AVS.
pub type BudgetId = u32;

/// An AVS's configuration as stored: accepted assets bounded by `MaxAcceptedAssets`.
pub type AvsConfigOf<T> = AvsConfig<
	<T as frame_system::Config>::AccountId,
	BlockNumberFor<T>,
	BoundedVec<RestakeAsset, <T as Config>::MaxAcceptedAssets>,
>;

/// An AVS's configuration as calls take it.
pub type AvsConfigParamsOf<T> =
	AvsConfigParams<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

/// The BST value of each pool an operator allocated to an AVS, as measured for a
/// distribution (only pools with a non-zero value).
pub type PoolValues<T> = BoundedVec<(RestakeAsset, Balance), <T as Config>::MaxAcceptedAssets>;

/// A registered AVS.
#[derive(
	Encode, Decode, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct AvsInfo<T: Config> {
	/// Who registered it: changes its configuration, pauses it, approves operators, funds
	/// rewards; the deposit is held from it.
	pub owner: T::AccountId,
	/// Active or paused.
	pub status: AvsStatus,
	/// The configuration in force (a scheduled one may be due already: read it through
	/// `Pallet::config_in_force`).
	pub config: AvsConfigOf<T>,
	/// The deposit held from the owner.
	pub deposit: Balance,
	/// How many members it has.
	pub operator_count: u32,
	/// How many operators are approved.
	pub approval_count: u32,
	/// When it was registered.
	pub registered_at: BlockNumberFor<T>,
	/// The id its next reward budget gets.
	pub next_budget_id: BudgetId,
}

/// A harsher configuration waiting for `ConfigChangeDelay`.
#[derive(
	Encode, Decode, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct PendingConfig<T: Config> {
	/// The configuration that will be in force.
	pub config: AvsConfigOf<T>,
	/// From this block on.
	pub effective_at: BlockNumberFor<T>,
}

/// A member of an AVS.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub struct MemberInfo<BlockNumber> {
	/// When it joined.
	pub joined_at: BlockNumber,
}

/// A reward budget: `amount` of `asset` paid over `eras` eras.
///
/// Each distribution round pays `left * elapsed / eras_left` (`elapsed`: eras since the last
/// round that visited it, usually one), so rounding dust and unpaid slices roll over to the
/// next eras; what is left after the last era goes back to the funder. `paid + left ==
/// funded` at all times.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub struct RewardBudget<AccountId> {
	/// Its id within the AVS.
	pub id: BudgetId,
	/// Who funded it; gets what is left at its end.
	pub funder: AccountId,
	/// The reward asset.
	pub asset: RestakeAsset,
	/// What was funded.
	pub funded: Balance,
	/// Paid to operators so far.
	pub paid: Balance,
	/// Still in the pallet account for it.
	pub left: Balance,
	/// The eras it was funded for.
	pub eras: u32,
	/// The eras it still pays for.
	pub eras_left: u32,
	/// The era of the last round that paid it (at funding: the era it was funded in).
	pub last_paid_era: EraIndex,
}

/// One budget's part in the distribution of an AVS.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub struct Slice {
	/// The budget.
	pub budget: BudgetId,
	/// What this round distributes of it.
	pub amount: Balance,
	/// What was credited so far.
	pub paid: Balance,
}

/// Where the distribution of one AVS is.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub enum Phase<AccountId> {
	/// Measuring the members' stake; `last` is the last member measured.
	Measuring { last: Option<AccountId> },
	/// Paying the measured members (what is left of the snapshot).
	Paying,
}

/// The distribution of the AVS a round is visiting.
#[derive(
	Encode, Decode, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct AvsDistribution<T: Config> {
	/// The AVS.
	pub avs: AvsId,
	/// Its accepted assets when the visit began.
	pub assets: BoundedVec<RestakeAsset, T::MaxAcceptedAssets>,
	/// What each budget distributes in this round.
	pub slices: BoundedVec<Slice, T::MaxRewardBudgets>,
	/// The BST value of all measured stake.
	pub total: Balance,
	/// Measuring or paying.
	pub phase: Phase<T::AccountId>,
}

/// A distribution round: one visit of every AVS with a budget, after an era began.
#[derive(
	Encode, Decode, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct DistributionRound<T: Config> {
	/// The era it pays up to.
	pub era: EraIndex,
	/// The last AVS whose visit began (the cursor over `Budgets`).
	pub last_avs: Option<AvsId>,
	/// The AVS being visited.
	pub current: Option<AvsDistribution<T>>,
}

/// At most this many AVSs in one page of the runtime API's list.
pub const MAX_AVS_PAGE: u32 = 100;
