//! A runtime with pallet-balances, pallet-assets (stBST and another token), their union as
//! the restakable `fungibles`, a scripted AVS directory, and this pallet.

use crate::{self as pallet_restaking, RestakeAsset};
use bastion_primitives::restaking::{AvsDirectory, AvsId, SlashingTerms};
use frame_support::{
	derive_impl, parameter_types,
	traits::{
		fungible::{NativeFromLeft, NativeOrWithId, UnionOf},
		AsEnsureOriginWithArg, ConstU128, ConstU32, ConstU64,
	},
	PalletId,
};
use frame_system::{EnsureRoot, EnsureSigned};
use sp_runtime::{AccountId32, BuildStorage, MultiSignature, MultiSigner};
use std::{cell::RefCell, collections::BTreeMap};

pub type AccountId = AccountId32;
pub type Balance = u128;
pub type BlockNumber = u64;

pub const UNIT: Balance = 1_000_000_000_000;
/// stBST in the mock.
pub const STBST_ID: u32 = 1;
/// Another whitelisted token, with a small cap.
pub const CAPPED_ID: u32 = 2;
/// A token that is not whitelisted.
pub const UNLISTED_ID: u32 = 3;
pub const STBST: RestakeAsset = NativeOrWithId::WithId(STBST_ID);
pub const CAPPED: RestakeAsset = NativeOrWithId::WithId(CAPPED_ID);
pub const UNLISTED: RestakeAsset = NativeOrWithId::WithId(UNLISTED_ID);
pub const BST: RestakeAsset = NativeOrWithId::Native;
pub const CAPPED_CAP: Balance = 1_000 * UNIT;
/// What every account holds of BST and of each token at genesis.
pub const INITIAL: Balance = 1_000_000 * UNIT;
/// The delays, in blocks.
pub const WITHDRAWAL_DELAY: BlockNumber = 20;
pub const ALLOCATION_DELAY: BlockNumber = 5;
pub const DEALLOCATION_DELAY: BlockNumber = 20;
pub const COMMISSION_DELAY: BlockNumber = 10;
/// The first LRT asset id.
pub const FIRST_LRT: u32 = 1_000;
/// AVSs the directory knows from genesis: 1 and 2 take stBST and BST, 3 only BST.
pub const AVS_A: AvsId = 1;
pub const AVS_B: AvsId = 2;
pub const AVS_C: AvsId = 3;

/// Test account `n`.
pub fn acc(n: u8) -> AccountId {
	AccountId32::new([n; 32])
}

/// Operators used by the tests.
pub fn op(n: u8) -> AccountId {
	acc(100 + n)
}

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Assets: pallet_assets,
		Restaking: pallet_restaking,
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
	type RuntimeHoldReason = RuntimeHoldReason;
}

#[derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
impl pallet_assets::Config for Test {
	type Balance = Balance;
	type AssetId = u32;
	type AssetIdParameter = u32;
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

/// BST and pallet-assets tokens as one `fungibles`.
pub type RestakableFungibles =
	UnionOf<Balances, Assets, NativeFromLeft, NativeOrWithId<u32>, AccountId>;

/// One AVS the directory knows.
#[derive(Clone, Default)]
pub struct MockAvs {
	pub active: bool,
	pub assets: Vec<RestakeAsset>,
	pub members: Vec<AccountId>,
}

thread_local! {
	/// The scripted AVS directory.
	pub static AVSS: RefCell<BTreeMap<AvsId, MockAvs>> = const { RefCell::new(BTreeMap::new()) };
}

/// Makes `operator` a member of `avs`.
pub fn join(avs: AvsId, operator: &AccountId) {
	AVSS.with(|a| a.borrow_mut().entry(avs).or_default().members.push(operator.clone()));
}

/// Pauses or resumes `avs`.
pub fn set_avs_active(avs: AvsId, active: bool) {
	AVSS.with(|a| a.borrow_mut().entry(avs).or_default().active = active);
}

pub struct Directory;
impl AvsDirectory<AccountId, BlockNumber> for Directory {
	fn is_active(avs: AvsId) -> bool {
		AVSS.with(|a| a.borrow().get(&avs).is_some_and(|a| a.active))
	}
	fn accepts_asset(avs: AvsId, asset: &RestakeAsset) -> bool {
		AVSS.with(|a| a.borrow().get(&avs).is_some_and(|a| a.assets.contains(asset)))
	}
	fn is_member(avs: AvsId, operator: &AccountId) -> bool {
		AVSS.with(|a| a.borrow().get(&avs).is_some_and(|a| a.members.contains(operator)))
	}
	fn slashing_terms(_: AvsId) -> Option<SlashingTerms<AccountId, BlockNumber>> {
		None
	}
}

parameter_types! {
	pub const RestakingPalletId: PalletId = PalletId(*b"bst/rstk");
	pub Treasury: AccountId = acc(250);
	pub static MaxRestakeLeverage: u32 = 100;
}

impl crate::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Assets = RestakableFungibles;
	type LrtAssets = Assets;
	type Avs = Directory;
	type StashSignature = MultiSignature;
	type StashSigner = MultiSigner;
	type AssetAdminOrigin = EnsureRoot<AccountId>;
	type TreasuryAccount = Treasury;
	type PalletId = RestakingPalletId;
	type OperatorDeposit = ConstU128<{ 10 * UNIT }>;
	type VaultDeposit = ConstU128<{ 10 * UNIT }>;
	type VaultDeadDeposit = ConstU128<UNIT>;
	type MinDelegation = ConstU128<{ UNIT / 1_000 }>;
	type CommissionDelay = ConstU64<COMMISSION_DELAY>;
	type WithdrawalDelay = ConstU64<WITHDRAWAL_DELAY>;
	type AllocationDelay = ConstU64<ALLOCATION_DELAY>;
	type DeallocationDelay = ConstU64<DEALLOCATION_DELAY>;
	type MaxRestakeLeverage = MaxRestakeLeverage;
	type MaxMetadataLen = ConstU32<64>;
	type MaxLrtNameLen = ConstU32<32>;
	type MaxAssetsPerOperator = ConstU32<4>;
	type MaxAllocations = ConstU32<8>;
	type MaxVaultOperators = ConstU32<4>;
	type MaxRewardAssets = ConstU32<3>;
	type MaxWithdrawalsPerAccount = ConstU32<16>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Helper;
}

#[cfg(feature = "runtime-benchmarks")]
pub struct Helper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId, MultiSignature> for Helper {
	fn avs_with_member(operator: &AccountId, asset: &RestakeAsset) -> AvsId {
		let id = 77;
		AVSS.with(|a| {
			a.borrow_mut().insert(
				id,
				MockAvs { active: true, assets: vec![asset.clone()], members: vec![operator.clone()] },
			)
		});
		id
	}
	fn stash_proof(operator: &AccountId) -> (AccountId, MultiSignature) {
		use codec::Encode;
		let stash = sp_keyring::Sr25519Keyring::Alice;
		let message = (crate::operator_impls::LINK_CONTEXT, operator).encode();
		(stash.to_account_id(), stash.sign(&message).into())
	}
}

/// Genesis: accounts 1..=60 and operators 101..=110 hold BST, stBST and the capped token;
/// stBST and BST are restakable without a practical cap, the capped token up to
/// `CAPPED_CAP`; AVSs A and B take stBST and BST, C only BST.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let accounts: Vec<AccountId> = (1..=60).map(acc).chain((1..=10).map(op)).collect();
	pallet_balances::GenesisConfig::<Test> {
		balances: accounts.iter().map(|a| (a.clone(), INITIAL)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_assets::GenesisConfig::<Test> {
		assets: [STBST_ID, CAPPED_ID, UNLISTED_ID].iter().map(|id| (*id, acc(250), true, 1)).collect(),
		accounts: [STBST_ID, CAPPED_ID, UNLISTED_ID]
			.iter()
			.flat_map(|id| accounts.iter().map(move |a| (*id, a.clone(), INITIAL)))
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	crate::GenesisConfig::<Test> {
		assets: vec![(STBST, Balance::MAX), (BST, Balance::MAX), (CAPPED, CAPPED_CAP)],
		first_lrt_asset_id: FIRST_LRT,
		_marker: Default::default(),
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	AVSS.with(|a| {
		let mut a = a.borrow_mut();
		a.clear();
		a.insert(AVS_A, MockAvs { active: true, assets: vec![STBST, BST], members: vec![] });
		a.insert(AVS_B, MockAvs { active: true, assets: vec![STBST, BST], members: vec![] });
		a.insert(AVS_C, MockAvs { active: true, assets: vec![BST], members: vec![] });
	});
	MaxRestakeLeverage::set(100);
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` on a fresh genesis, then checks every invariant.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Restaking::do_try_state().expect("invariants hold after the test");
	});
}

/// Advances to block `n`.
pub fn run_to_block(n: BlockNumber) {
	System::set_block_number(n);
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
			RuntimeEvent::Restaking(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// Balance of `who` in `asset`.
pub fn balance(asset: &RestakeAsset, who: &AccountId) -> Balance {
	<RestakableFungibles as frame_support::traits::fungibles::Inspect<AccountId>>::balance(asset.clone(), who)
}
