//! A runtime with real pallet-staking, pallet-session, pallet-balances and pallet-assets
//! for the pallet's tests and benchmark tests.
//!
//! Time: sessions of 5 blocks, eras of 3 sessions (15 blocks), bonding of 3 eras. Every era
//! pays `EraReward` to the validators, shared by era points (one per block each). Accounts
//! 11, 21 and 31 are validators; the pool nominates them from genesis.

use crate::{self as pallet_liquid_staking, adapter::PalletStaking};
use frame_election_provider_support::{
	bounds::{ElectionBounds, ElectionBoundsBuilder},
	onchain, SequentialPhragmen,
};
use frame_support::{
	derive_impl, parameter_types,
	traits::{
		AsEnsureOriginWithArg, ConstU128, ConstU32, ConstU64, Hooks, OneSessionHandler,
		RewardsReporter,
	},
	PalletId,
};
use frame_system::{EnsureRoot, EnsureSigned};
use sp_core::ConstBool;
use sp_runtime::{testing::UintAuthorityId, BuildStorage, Perbill};
use sp_staking::{
	offence::{OffenceDetails, OnOffenceHandler},
	EraIndex, SessionIndex,
};

/// 16 bytes: room for the pallet's derived sub-accounts.
pub type AccountId = u128;
pub type Balance = u128;
pub type AssetId = u32;

/// One BST in the mock (12 decimals, as on chain).
pub const UNIT: Balance = 1_000_000_000_000;
/// The stBST asset.
pub const STBST: AssetId = 1 << 31;
/// The validators.
pub const VALIDATORS: [AccountId; 3] = [11, 21, 31];
/// Receives the protocol fee.
pub const FEE_RECIPIENT: AccountId = 999;
/// The BST backing the dead shares.
pub const DEAD_DEPOSIT: Balance = UNIT;
/// What every user account (1..=9) holds at genesis.
pub const USER_BALANCE: Balance = 1_000_000 * UNIT;
/// Each validator's own bond.
pub const VALIDATOR_BOND: Balance = 100_000 * UNIT;
/// Blocks per session, sessions per era.
pub const SESSION_LENGTH: u64 = 5;
pub const SESSIONS_PER_ERA: SessionIndex = 3;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Timestamp: pallet_timestamp,
		Balances: pallet_balances,
		Assets: pallet_assets,
		Staking: pallet_staking,
		Session: pallet_session,
		Historical: pallet_session::historical,
		LiquidStaking: pallet_liquid_staking,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = ConstU128<1>;
	type AccountStore = System;
	type MaxFreezes = ConstU32<4>;
}

impl pallet_timestamp::Config for Test {
	type Moment = u64;
	type OnTimestampSet = ();
	type MinimumPeriod = ConstU64<1>;
	type WeightInfo = ();
}

#[derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
impl pallet_assets::Config for Test {
	type Balance = Balance;
	type AssetId = AssetId;
	type AssetIdParameter = AssetId;
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type AssetDeposit = ConstU128<1>;
	type AssetAccountDeposit = ConstU128<1>;
	type MetadataDepositBase = ConstU128<1>;
	type MetadataDepositPerByte = ConstU128<1>;
	type ApprovalDeposit = ConstU128<1>;
	type Freezer = ();
	type Holder = ();
}

/// Session keys: one dummy key, no consensus.
pub struct DummySessionHandler;
impl OneSessionHandler<AccountId> for DummySessionHandler {
	type Key = UintAuthorityId;
	fn on_genesis_session<'a, I>(_: I)
	where
		I: Iterator<Item = (&'a AccountId, Self::Key)> + 'a,
	{
	}
	fn on_new_session<'a, I>(_: bool, _: I, _: I)
	where
		I: Iterator<Item = (&'a AccountId, Self::Key)> + 'a,
	{
	}
	fn on_disabled(_: u32) {}
}
impl sp_runtime::BoundToRuntimeAppPublic for DummySessionHandler {
	type Public = UintAuthorityId;
}
sp_runtime::impl_opaque_keys! {
	pub struct SessionKeys {
		pub dummy: DummySessionHandler,
	}
}

parameter_types! {
	pub const Period: u64 = SESSION_LENGTH;
	pub const Offset: u64 = 0;
}

impl pallet_session::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = sp_runtime::traits::ConvertInto;
	type ShouldEndSession = pallet_session::PeriodicSessions<Period, Offset>;
	type NextSessionRotation = pallet_session::PeriodicSessions<Period, Offset>;
	type SessionManager = pallet_session::historical::NoteHistoricalRoot<Test, Staking>;
	type SessionHandler = (DummySessionHandler,);
	type Keys = SessionKeys;
	type DisablingStrategy = pallet_session::disabling::UpToLimitWithReEnablingDisablingStrategy;
	type WeightInfo = ();
	type Currency = Balances;
	type KeyDeposit = ();
}

impl pallet_session::historical::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type FullIdentification = ();
	type FullIdentificationOf = pallet_staking::UnitIdentificationOf<Self>;
}

parameter_types! {
	/// What every era pays to validators and nominators.
	pub static EraReward: Balance = 1_000 * UNIT;
	pub static SlashDeferDuration: EraIndex = 0;
	pub const BondingDuration: EraIndex = 3;
	pub const SessionsPerEra: SessionIndex = SESSIONS_PER_ERA;
	pub static ElectionsBounds: ElectionBounds = ElectionBoundsBuilder::default().build();
}

/// A fixed reward per era, so tests know what to expect.
pub struct FixedEraPayout;
impl sp_staking::EraPayout<Balance> for FixedEraPayout {
	fn era_payout(_: Balance, _: Balance, _: u64) -> (Balance, Balance) {
		(EraReward::get(), 0)
	}
}

pub struct OnChainSeqPhragmen;
impl onchain::Config for OnChainSeqPhragmen {
	type System = Test;
	type Solver = SequentialPhragmen<AccountId, Perbill>;
	type DataProvider = Staking;
	type WeightInfo = ();
	type MaxWinnersPerPage = ConstU32<100>;
	type MaxBackersPerWinner = ConstU32<1_000>;
	type Sort = ConstBool<true>;
	type Bounds = ElectionsBounds;
}

#[derive_impl(pallet_staking::config_preludes::TestDefaultConfig)]
impl pallet_staking::Config for Test {
	type OldCurrency = Balances;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type SessionsPerEra = SessionsPerEra;
	type BondingDuration = BondingDuration;
	type SlashDeferDuration = SlashDeferDuration;
	type AdminOrigin = EnsureRoot<AccountId>;
	type SessionInterface = Self;
	type UnixTime = Timestamp;
	type EraPayout = FixedEraPayout;
	type NextNewSession = Session;
	type ElectionProvider = onchain::OnChainExecution<OnChainSeqPhragmen>;
	type GenesisElectionProvider = Self::ElectionProvider;
	type VoterList = pallet_staking::UseNominatorsAndValidatorsMap<Self>;
	type TargetList = pallet_staking::UseValidatorsMap<Self>;
	type MaxExposurePageSize = ConstU32<64>;
	type EventListeners = LiquidStaking;
}

parameter_types! {
	pub const LiquidStakingPalletId: PalletId = PalletId(*b"bst/lqst");
	pub const StakedAssetId: AssetId = STBST;
	pub const FeeRecipient: AccountId = FEE_RECIPIENT;
	pub static MaxRateIncreasePerEra: Perbill = Perbill::from_percent(5);
	pub static FastRedeemFee: Perbill = Perbill::from_percent(5);
	pub static LiquidityBuffer: Perbill = Perbill::from_percent(10);
	pub static MaxStashes: u32 = 2;
}

impl crate::Config for Test {
	type Currency = Balances;
	type Assets = Assets;
	type StakedAssetId = StakedAssetId;
	type Staking = PalletStaking<Test>;
	type PalletId = LiquidStakingPalletId;
	type MaxStashes = MaxStashes;
	type MaxTargets = ConstU32<8>;
	type MinMint = ConstU128<{ UNIT / 100 }>;
	type MinRedeem = ConstU128<{ UNIT / 100 }>;
	type MaxProtocolFee = MaxProtocolFee;
	type FastRedeemFee = FastRedeemFee;
	type MaxRateIncreasePerEra = MaxRateIncreasePerEra;
	type LiquidityBuffer = LiquidityBuffer;
	type MaxRequestsPerAccount = ConstU32<16>;
	type MaxOpenSubPools = ConstU32<8>;
	type MaxPayoutsPerBlock = ConstU32<2>;
	type ProtocolFeeRecipient = FeeRecipient;
	type AdminOrigin = EnsureRoot<AccountId>;
	type WeightInfo = ();
}

parameter_types! {
	pub const MaxProtocolFee: Perbill = Perbill::from_percent(30);
}

/// The pallet account (pending and withdrawn BST).
pub fn pallet_account() -> AccountId {
	LiquidStaking::pallet_account()
}

/// Genesis: validators bonded and keyed, users funded, stBST created, dead shares minted,
/// the pool nominating the validators.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut balances: Vec<(AccountId, Balance)> =
		(1..=9).map(|who| (who, USER_BALANCE)).collect();
	balances.extend(VALIDATORS.iter().map(|v| (*v, VALIDATOR_BOND * 2)));
	balances.push((FEE_RECIPIENT, UNIT));
	pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
	pallet_assets::GenesisConfig::<Test> {
		assets: vec![(STBST, pallet_account(), true, 1)],
		metadata: vec![(STBST, b"Staked BST".to_vec(), b"stBST".to_vec(), 12)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_session::GenesisConfig::<Test> {
		keys: VALIDATORS
			.iter()
			.map(|v| (*v, *v, SessionKeys { dummy: UintAuthorityId(*v as u64) }))
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_staking::GenesisConfig::<Test> {
		stakers: VALIDATORS
			.iter()
			.map(|v| (*v, *v, VALIDATOR_BOND, pallet_staking::StakerStatus::Validator))
			.collect(),
		validator_count: VALIDATORS.len() as u32,
		minimum_validator_count: 1,
		min_nominator_bond: UNIT,
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	crate::GenesisConfig::<Test> {
		dead_deposit: DEAD_DEPOSIT,
		protocol_fee: Perbill::from_percent(10),
		targets: VALIDATORS.to_vec(),
	}
	.assimilate_storage(&mut storage)
	.unwrap();

	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		Timestamp::set_timestamp(1);
	});
	ext
}

/// Runs `test` on a fresh genesis, then checks every invariant.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		LiquidStaking::do_try_state().expect("invariants hold after the test");
	});
}

/// Builds blocks up to `n`: session rotation (and so eras), era points for every validator,
/// then this pallet's hook.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		Staking::on_finalize(System::block_number());
		System::set_block_number(next);
		Timestamp::set_timestamp(next * 6_000);
		Session::on_initialize(next);
		Staking::on_initialize(next);
		<Staking as RewardsReporter<AccountId>>::reward_by_ids(VALIDATORS.iter().map(|v| (*v, 1)));
		LiquidStaking::on_initialize(next);
	}
}

/// Builds blocks until staking's active era is `era` (the pool's era work then done).
pub fn run_to_era(era: EraIndex) {
	while active_era() < era {
		run_to_block(System::block_number() + 1);
	}
}

/// Builds one block.
pub fn next_block() {
	run_to_block(System::block_number() + 1);
}

/// Staking's active era.
pub fn active_era() -> EraIndex {
	pallet_staking::ActiveEra::<Test>::get().map(|e| e.index).unwrap_or(0)
}

/// Slashes `validator` (and its nominators) by `fraction` now.
pub fn slash(validator: AccountId, fraction: Perbill) {
	let session = Session::current_index();
	<Staking as OnOffenceHandler<AccountId, (AccountId, ()), frame_support::weights::Weight>>::on_offence(
		&[OffenceDetails { offender: (validator, ()), reporters: vec![] }],
		&[fraction],
		session,
	);
}

/// stBST held by `who`.
pub fn stbst(who: AccountId) -> Balance {
	<Assets as frame_support::traits::fungibles::Inspect<AccountId>>::balance(STBST, &who)
}

/// Free BST of `who`.
pub fn bst(who: AccountId) -> Balance {
	<Balances as frame_support::traits::fungible::Inspect<AccountId>>::balance(&who)
}

/// The pallet's events in this test, newest last.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::LiquidStaking(e) => Some(e),
			_ => None,
		})
		.collect()
}
