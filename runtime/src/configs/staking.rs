//! Nominated proof-of-stake: pallet-staking with an on-chain sequential Phragmén election
//! and a reward curve.
//!
//! Stash and controller are one account. Slashes and the era's leftover inflation are
//! burnt (there is no treasury yet). The voter list is the staking maps themselves: the
//! election's bounds cap how many voters are read, and bags-list replaces it once the
//! number of nominators needs sorting.

use crate::{
	configs::{
		consensus::MaxAuthorities,
		timing::{BondingDuration, SessionsPerEra, SlashDeferDuration},
	},
	AccountId, Balance, Balances, CrossSlashing, LiquidStaking, Runtime, RuntimeEvent,
	RuntimeHoldReason, Session, Staking, Timestamp,
};
use frame_election_provider_support::{
	bounds::{ElectionBounds, ElectionBoundsBuilder},
	onchain, SequentialPhragmen,
};
use frame_support::{
	parameter_types,
	traits::{ConstBool, ConstU32, Nothing},
};
use frame_system::EnsureRoot;
use sp_runtime::{curve::PiecewiseLinear, Perbill};

// Yearly inflation: 2.5% with nothing staked, rising to 10% at the ideal stake of 50%, then
// falling off; what is not paid to stakers is the remainder (burnt).
pallet_staking_reward_curve::build! {
	const REWARD_CURVE: PiecewiseLinear<'static> = curve!(
		min_inflation: 0_025_000,
		max_inflation: 0_100_000,
		ideal_stake: 0_500_000,
		falloff: 0_050_000,
		max_piece_count: 40,
		test_precision: 0_005_000,
	);
}

parameter_types! {
	pub const RewardCurve: &'static PiecewiseLinear<'static> = &REWARD_CURVE;
	/// Eras of history kept for reward claims and slashing.
	pub const HistoryDepth: u32 = 84;
	/// Nominators paid per page of a validator's payout.
	pub const MaxExposurePageSize: u32 = 256;
	/// The election reads at most this many voters and targets.
	pub ElectionBoundsOnChain: ElectionBounds = ElectionBoundsBuilder::default()
		.voters_count(22_500.into())
		.targets_count(1_000.into())
		.build();
}

/// The on-chain election: sequential Phragmén over the staking maps.
pub struct OnChainSeqPhragmen;
impl onchain::Config for OnChainSeqPhragmen {
	type System = Runtime;
	type Solver = SequentialPhragmen<AccountId, Perbill>;
	type DataProvider = Staking;
	type WeightInfo = frame_election_provider_support::weights::SubstrateWeight<Runtime>;
	type MaxWinnersPerPage = MaxAuthorities;
	type MaxBackersPerWinner = ConstU32<22_500>;
	type Sort = ConstBool<true>;
	type Bounds = ElectionBoundsOnChain;
}

/// Sizes used by pallet-staking's benchmarks.
pub struct StakingBenchmarkingConfig;
impl pallet_staking::BenchmarkingConfig for StakingBenchmarkingConfig {
	type MaxNominators = ConstU32<1000>;
	type MaxValidators = ConstU32<100>;
}

impl pallet_staking::Config for Runtime {
	type OldCurrency = Balances;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type CurrencyBalance = Balance;
	type UnixTime = Timestamp;
	type CurrencyToVote = sp_staking::currency_to_vote::U128CurrencyToVote;
	type ElectionProvider = onchain::OnChainExecution<OnChainSeqPhragmen>;
	type GenesisElectionProvider = onchain::OnChainExecution<OnChainSeqPhragmen>;
	type NominationsQuota = pallet_staking::FixedNominationsQuota<16>;
	type HistoryDepth = HistoryDepth;
	type RewardRemainder = ();
	type RuntimeEvent = RuntimeEvent;
	type Slash = ();
	type Reward = ();
	type SessionsPerEra = SessionsPerEra;
	type BondingDuration = BondingDuration;
	type SlashDeferDuration = SlashDeferDuration;
	type AdminOrigin = EnsureRoot<AccountId>;
	type SessionInterface = Self;
	type EraPayout = pallet_staking::ConvertCurve<RewardCurve>;
	type NextNewSession = Session;
	type MaxExposurePageSize = MaxExposurePageSize;
	type MaxValidatorSet = MaxAuthorities;
	type VoterList = pallet_staking::UseNominatorsAndValidatorsMap<Self>;
	type TargetList = pallet_staking::UseValidatorsMap<Self>;
	type MaxUnlockingChunks = ConstU32<32>;
	type MaxControllersInDeprecationBatch = ConstU32<512>;
	// Slashes reach the derivative pallets in the block they are applied.
	type EventListeners = (LiquidStaking, CrossSlashing);
	type Filter = Nothing;
	type BenchmarkingConfig = StakingBenchmarkingConfig;
	type WeightInfo = pallet_staking::weights::SubstrateWeight<Runtime>;
}
