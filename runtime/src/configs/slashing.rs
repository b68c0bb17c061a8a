//! Cross-service slashing, and the security council that vetoes slashes of AVSs whose
//! veto policy names it.

use crate::{
	configs::{restaking::WithdrawalDelay, system::RuntimeBlockWeights},
	AccountId, AvsRegistry, BlockNumber, Restaking, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeOrigin,
};
use frame_support::{
	parameter_types,
	traits::{ConstU32, EitherOfDiverse},
	weights::Weight,
};
use frame_system::EnsureRoot;
use sp_runtime::Perbill;

/// The security council's instance of pallet-collective.
pub type SecurityCouncilInstance = pallet_collective::Instance1;

/// A majority of the security council, or root.
pub type CouncilMajority = EitherOfDiverse<
	EnsureRoot<AccountId>,
	pallet_collective::EnsureProportionMoreThan<AccountId, SecurityCouncilInstance, 1, 2>,
>;

parameter_types! {
	/// A council motion is open for a day (the shortest veto window is longer).
	pub const CouncilMotionDuration: BlockNumber = MOTION_DURATION;
	pub MaxCouncilProposalWeight: Weight = Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
}

#[cfg(not(feature = "fast-runtime"))]
const MOTION_DURATION: BlockNumber = crate::DAYS;
#[cfg(feature = "fast-runtime")]
const MOTION_DURATION: BlockNumber = 10;

impl pallet_collective::Config<SecurityCouncilInstance> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = CouncilMotionDuration;
	type MaxProposals = ConstU32<32>;
	type MaxMembers = ConstU32<16>;
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	type SetMembersOrigin = EnsureRoot<AccountId>;
	type MaxProposalWeight = MaxCouncilProposalWeight;
	type DisapproveOrigin = EnsureRoot<AccountId>;
	type KillOrigin = EnsureRoot<AccountId>;
	type Consideration = ();
}

parameter_types! {
	/// An operator loses at most half of a pool per window, however many AVSs slash it.
	pub const MaxOperatorSlashPerWindow: Perbill = Perbill::from_percent(50);
	/// The cap counts over a withdrawal delay: a delegator locked in for it loses at most
	/// the cap.
	pub CapWindow: BlockNumber = WithdrawalDelay::get();
}

impl pallet_cross_slashing::Config for Runtime {
	type Restaking = Restaking;
	type Avs = AvsRegistry;
	type CouncilOrigin = CouncilMajority;
	type MaxOperatorSlashPerWindow = MaxOperatorSlashPerWindow;
	type CapWindow = CapWindow;
	type MaxPendingPerOperator = ConstU32<80>;
	type MaxPendingPerAvs = ConstU32<4>;
	type MaxPending = ConstU32<512>;
	type MaxExecutionsPerBlock = ConstU32<4>;
	type MaxHistory = ConstU32<16>;
	type MaxEvidenceLen = ConstU32<512>;
	// Restaking's `MaxAssetsPerOperator`.
	type MaxAssetsPerOperator = ConstU32<8>;
	// A native slash visits every AVS that may slash the operator: at most one per
	// allocation restaking lets it keep, so an operator can't push a coupled AVS out of
	// the visited set with allocations to others.
	type MaxAvsPerOperator = <Runtime as pallet_restaking::Config>::MaxAllocations;
	type WeightInfo = pallet_cross_slashing::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::CrossSlashingHelper;
}
