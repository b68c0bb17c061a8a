//! Weights for pallet_liquid_staking (replaced by the output of
//! `bastion-node benchmark pallet --pallet pallet_liquid_staking`; see docs/benchmarks.md).

#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for pallet_liquid_staking.
pub trait WeightInfo {
	fn mint() -> Weight;
	fn redeem() -> Weight;
	fn claim(n: u32, ) -> Weight;
	fn fast_redeem() -> Weight;
	fn set_targets(n: u32, ) -> Weight;
	fn set_protocol_fee() -> Weight;
	fn set_mint_cap() -> Weight;
	fn pause_minting() -> Weight;
	fn resume_minting() -> Weight;
	fn era_work() -> Weight;
	fn era_work_holders(h: u32, ) -> Weight;
	fn on_initialize_idle() -> Weight;
	fn claim_payout() -> Weight;
}

/// Weights for pallet_liquid_staking using the Substrate node and recommended hardware.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn mint() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn redeem() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn claim(n: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(Weight::from_parts(50_000_000, 5_000).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(n.into())))
	}
	fn fast_redeem() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn set_targets(n: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(Weight::from_parts(20_000_000, 3_000).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(40_u64))
			.saturating_add(T::DbWeight::get().writes(20_u64))
	}
	fn set_protocol_fee() -> Weight {
		Weight::from_parts(10_000_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn set_mint_cap() -> Weight {
		Weight::from_parts(10_000_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn pause_minting() -> Weight {
		Weight::from_parts(10_000_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn resume_minting() -> Weight {
		Weight::from_parts(10_000_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn era_work() -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(T::DbWeight::get().reads(100_u64))
			.saturating_add(T::DbWeight::get().writes(60_u64))
	}
	fn era_work_holders(_h: u32, ) -> Weight {
		Self::era_work()
	}
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(10_000_000, 2_000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
	}
	fn claim_payout() -> Weight {
		Weight::from_parts(500_000_000, 50_000)
			.saturating_add(T::DbWeight::get().reads(30_u64))
			.saturating_add(T::DbWeight::get().writes(20_u64))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn mint() -> Weight { Weight::from_parts(100_000_000, 10_000) }
	fn redeem() -> Weight { Weight::from_parts(100_000_000, 10_000) }
	fn claim(n: u32, ) -> Weight { Weight::from_parts(50_000_000, 10_000).saturating_mul(n.max(1).into()) }
	fn fast_redeem() -> Weight { Weight::from_parts(100_000_000, 10_000) }
	fn set_targets(n: u32, ) -> Weight { Weight::from_parts(20_000_000, 3_000).saturating_mul(n.max(1).into()) }
	fn set_protocol_fee() -> Weight { Weight::from_parts(10_000_000, 0) }
	fn set_mint_cap() -> Weight { Weight::from_parts(10_000_000, 0) }
	fn pause_minting() -> Weight { Weight::from_parts(10_000_000, 0) }
	fn resume_minting() -> Weight { Weight::from_parts(10_000_000, 0) }
	fn era_work() -> Weight { Weight::from_parts(1_000_000_000, 100_000) }
	fn era_work_holders(_h: u32, ) -> Weight { Weight::from_parts(1_000_000_000, 100_000) }
	fn on_initialize_idle() -> Weight { Weight::from_parts(10_000_000, 2_000) }
	fn claim_payout() -> Weight { Weight::from_parts(500_000_000, 50_000) }
}
