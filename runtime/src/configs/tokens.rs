//! BST (pallet-balances), transaction fees, and pallet-assets for stBST, LRTs and AVS reward
//! tokens.

use crate::{
	configs::system::deposit, AccountId, Authorship, Balance, Balances, Runtime, RuntimeEvent,
	RuntimeFreezeReason, RuntimeHoldReason, EXISTENTIAL_DEPOSIT, MILLI_UNIT,
};
use bastion_primitives::AssetId;
use frame_support::{
	parameter_types,
	traits::{
		fungible::{Balanced, Credit},
		AsEnsureOriginWithArg, ConstU128, ConstU32, EnsureOriginWithArg, OnUnbalanced,
	},
	weights::{ConstantMultiplier, IdentityFee},
};
use frame_support::PalletId;
use frame_system::{EnsureRoot, EnsureSigned};
use sp_runtime::traits::AccountIdConversion;
use pallet_transaction_payment::{FungibleAdapter, Multiplier, TargetedFeeAdjustment};
use sp_runtime::{traits::Bounded, FixedPointNumber, Perquintill};

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type Balance = Balance;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = frame_system::Pallet<Runtime>;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	// One hold per pallet that holds funds (staking, session keys, deposits of the
	// derivative pallets), with room to spare.
	type MaxFreezes = ConstU32<8>;
	type DoneSlashHandler = ();
}

/// Fees and tips go to the author of the block that includes the transaction.
pub struct ToBlockAuthor;
impl OnUnbalanced<Credit<AccountId, Balances>> for ToBlockAuthor {
	fn on_nonzero_unbalanced(amount: Credit<AccountId, Balances>) {
		if let Some(author) = Authorship::author() {
			// A credit that can't be deposited (an author below the existential deposit
			// can't happen: authors are bonded) is dropped, i.e. burnt.
			let _ = Balances::resolve(&author, amount);
		}
	}
}

parameter_types! {
	/// A byte of extrinsic costs a millionth of a BST.
	pub const TransactionByteFee: Balance = MILLI_UNIT / 1_000;
	/// Blocks are targeted a quarter full; fees rise above that and fall below.
	pub const TargetBlockFullness: Perquintill = Perquintill::from_percent(25);
	pub AdjustmentVariable: Multiplier = Multiplier::saturating_from_rational(75, 1_000_000);
	pub MinimumMultiplier: Multiplier = Multiplier::saturating_from_rational(1, 10u128);
	pub MaximumMultiplier: Multiplier = Bounded::max_value();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, ToBlockAuthor>;
	type OperationalFeeMultiplier = frame_support::traits::ConstU8<5>;
	type WeightToFee = IdentityFee<Balance>;
	type LengthToFee = ConstantMultiplier<Balance, TransactionByteFee>;
	type FeeMultiplierUpdate = TargetedFeeAdjustment<
		Self,
		TargetBlockFullness,
		AdjustmentVariable,
		MinimumMultiplier,
		MaximumMultiplier,
	>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// The chain's treasury account (the id a treasury pallet would use): receives the
	/// protocol fee of liquid staking and slashes whose destination is the treasury.
	pub TreasuryAccount: AccountId = PalletId(*b"py/trsry").into_account_truncating();
}

/// Asset ids from this one up are the protocol's: stBST, LRTs and other assets the
/// derivative pallets create. Users may create assets only below it, so nobody can take an
/// id the protocol is about to use.
pub const FIRST_PROTOCOL_ASSET_ID: AssetId = 1 << 31;

/// A signed origin may create an asset with an id below [`FIRST_PROTOCOL_ASSET_ID`].
pub struct EnsureSignedUserAssetId;
impl EnsureOriginWithArg<crate::RuntimeOrigin, AssetId> for EnsureSignedUserAssetId {
	type Success = AccountId;

	fn try_origin(
		o: crate::RuntimeOrigin,
		id: &AssetId,
	) -> Result<Self::Success, crate::RuntimeOrigin> {
		if *id >= FIRST_PROTOCOL_ASSET_ID {
			return Err(o);
		}
		<AsEnsureOriginWithArg<EnsureSigned<AccountId>> as EnsureOriginWithArg<_, AssetId>>::try_origin(o, id)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(id: &AssetId) -> Result<crate::RuntimeOrigin, ()> {
		if *id >= FIRST_PROTOCOL_ASSET_ID {
			return Err(());
		}
		Ok(frame_system::RawOrigin::Signed(frame_benchmarking::whitelisted_caller()).into())
	}
}

parameter_types! {
	pub const AssetDeposit: Balance = 10 * crate::UNIT;
	pub const AssetAccountDeposit: Balance = deposit(1, 16);
	pub const ApprovalDeposit: Balance = EXISTENTIAL_DEPOSIT;
	pub const MetadataDepositBase: Balance = deposit(1, 68);
	pub const MetadataDepositPerByte: Balance = deposit(0, 1);
}

impl pallet_assets::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Balance = Balance;
	type RemoveItemsLimit = ConstU32<1000>;
	type AssetId = AssetId;
	type AssetIdParameter = codec::Compact<AssetId>;
	type ReserveData = ();
	type Currency = Balances;
	type CreateOrigin = EnsureSignedUserAssetId;
	type ForceOrigin = EnsureRoot<AccountId>;
	type AssetDeposit = AssetDeposit;
	type AssetAccountDeposit = AssetAccountDeposit;
	type MetadataDepositBase = MetadataDepositBase;
	type MetadataDepositPerByte = MetadataDepositPerByte;
	type ApprovalDeposit = ApprovalDeposit;
	type StringLimit = ConstU32<50>;
	type Freezer = ();
	type Holder = ();
	type Extra = ();
	type CallbackHandle = ();
	type AssetIdAllocator = ();
	type WeightInfo = pallet_assets::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}
