//! Block production (BABE), finality (GRANDPA), authorship, sessions and their history, and
//! offences: an equivocation report proved against a historical session reaches staking,
//! which slashes the offender.

use crate::{
	configs::timing::{
		BondingDuration, EpochDurationInBlocks, ExpectedBlockTime, SessionsPerEra,
	},
	AccountId, Babe, Balances, Historical, Offences, Runtime, RuntimeCall, RuntimeEvent,
	Session, SessionKeys, Staking, UncheckedExtrinsic,
};
use frame_support::parameter_types;
use sp_runtime::traits::{ConvertInto, OpaqueKeys};

parameter_types! {
	/// At most this many validators; the election's winners are bounded by it too.
	pub const MaxAuthorities: u32 = 100;
	/// At most this many nominators of one validator are kept in BABE/GRANDPA reports.
	pub const MaxNominators: u32 = 512;
	/// Equivocation reports older than the bonding duration can't be acted on anyway.
	pub ReportLongevity: u64 =
		BondingDuration::get() as u64 * SessionsPerEra::get() as u64 * EpochDurationInBlocks::get();
	/// How many GRANDPA set id to session mappings are kept: one bonding duration's worth.
	pub MaxSetIdSessionEntries: u64 = BondingDuration::get() as u64 * SessionsPerEra::get() as u64;
}

impl pallet_babe::Config for Runtime {
	type EpochDuration = EpochDurationInBlocks;
	type ExpectedBlockTime = ExpectedBlockTime;
	// Session decides when an epoch ends, so the validator set changes at epoch boundaries.
	type EpochChangeTrigger = pallet_babe::ExternalTrigger;
	type DisabledValidators = Session;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = MaxNominators;
	type KeyOwnerProof = sp_session::MembershipProof;
	type EquivocationReportSystem =
		pallet_babe::EquivocationReportSystem<Self, Offences, Historical, ReportLongevity>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = MaxNominators;
	type MaxSetIdSessionEntries = MaxSetIdSessionEntries;
	type KeyOwnerProof = sp_session::MembershipProof;
	type EquivocationReportSystem =
		pallet_grandpa::EquivocationReportSystem<Self, Offences, Historical, ReportLongevity>;
}

impl pallet_authorship::Config for Runtime {
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, Babe>;
	// Staking gives era points to block authors.
	type EventHandler = Staking;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	// Stash and controller are one account; the stash is its own validator id.
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = Babe;
	type NextSessionRotation = Babe;
	type SessionManager = pallet_session::historical::NoteHistoricalRoot<Self, Staking>;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	// An offender is disabled for the rest of the era, at most a third of the set at once;
	// a heavier offender may take the place of a lighter one.
	type DisablingStrategy = pallet_session::disabling::UpToLimitWithReEnablingDisablingStrategy;
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = ();
}

impl pallet_session::historical::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	// Exposures are read from staking when an offence is reported, not stored per session.
	type FullIdentification = ();
	type FullIdentificationOf = pallet_staking::UnitIdentificationOf<Self>;
}

impl pallet_offences::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type IdentificationTuple = pallet_session::historical::IdentificationTuple<Self>;
	type OnOffenceHandler = Staking;
}

// Equivocation reports are submitted by the node as unsigned (bare) transactions.
impl<C> frame_system::offchain::CreateTransactionBase<C> for Runtime
where
	RuntimeCall: From<C>,
{
	type Extrinsic = UncheckedExtrinsic;
	type RuntimeCall = RuntimeCall;
}

impl<C> frame_system::offchain::CreateBare<C> for Runtime
where
	RuntimeCall: From<C>,
{
	fn create_bare(call: RuntimeCall) -> UncheckedExtrinsic {
		UncheckedExtrinsic::new_bare(call)
	}
}
