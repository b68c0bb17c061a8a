//! Weights for pallet_avs_registry (replaced by the output of
//! `bastion-node benchmark pallet --pallet pallet_avs_registry`; see docs/benchmarks.md).
//!
//! Until then: estimates from the storage each call reads and writes, with generous
//! ref-time and proof size for the calls into restaking and the assets.

#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for pallet_avs_registry.
pub trait WeightInfo {
	fn register_avs() -> Weight;
	fn update_config() -> Weight;
	fn pause_avs() -> Weight;
	fn resume_avs() -> Weight;
	fn deregister_avs(a: u32, b: u32, ) -> Weight;
	fn opt_in() -> Weight;
	fn opt_out() -> Weight;
	fn approve_operator() -> Weight;
	fn remove_operator() -> Weight;
	fn fund_rewards() -> Weight;
	fn on_initialize_idle() -> Weight;
	fn begin_avs() -> Weight;
	fn measure_operator() -> Weight;
	fn pay_operator() -> Weight;
	fn finish_avs() -> Weight;
	fn distribute_avs(n: u32, ) -> Weight;
}

/// Weights for pallet_avs_registry using the Substrate node and recommended hardware.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register_avs() -> Weight {
		Weight::from_parts(60_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn update_config() -> Weight {
		Weight::from_parts(50_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn pause_avs() -> Weight {
		Weight::from_parts(20_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn resume_avs() -> Weight {
		Weight::from_parts(20_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn deregister_avs(a: u32, b: u32, ) -> Weight {
		Weight::from_parts(60_000_000, 8_000)
			.saturating_add(Weight::from_parts(5_000_000, 2_600).saturating_mul(a.into()))
			.saturating_add(Weight::from_parts(60_000_000, 6_000).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(b.into())))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(b.into())))
	}
	fn opt_in() -> Weight {
		Weight::from_parts(80_000_000, 12_000)
			.saturating_add(T::DbWeight::get().reads(24_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn opt_out() -> Weight {
		Weight::from_parts(60_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn approve_operator() -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn remove_operator() -> Weight {
		Weight::from_parts(70_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	fn fund_rewards() -> Weight {
		Weight::from_parts(70_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(5_000_000, 1_500)
			.saturating_add(T::DbWeight::get().reads(3_u64))
	}
	fn begin_avs() -> Weight {
		Weight::from_parts(30_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn measure_operator() -> Weight {
		Weight::from_parts(60_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(20_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn pay_operator() -> Weight {
		Weight::from_parts(500_000_000, 60_000)
			.saturating_add(T::DbWeight::get().reads(70_u64))
			.saturating_add(T::DbWeight::get().writes(70_u64))
	}
	fn finish_avs() -> Weight {
		Weight::from_parts(200_000_000, 30_000)
			.saturating_add(T::DbWeight::get().reads(20_u64))
			.saturating_add(T::DbWeight::get().writes(20_u64))
	}
	fn distribute_avs(n: u32, ) -> Weight {
		Self::begin_avs()
			.saturating_add(Self::finish_avs())
			.saturating_add(Self::measure_operator().saturating_mul(n.saturating_add(1).into()))
			.saturating_add(Self::pay_operator().saturating_mul(n.into()))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn register_avs() -> Weight { Weight::from_parts(60_000_000, 8_000) }
	fn update_config() -> Weight { Weight::from_parts(50_000_000, 8_000) }
	fn pause_avs() -> Weight { Weight::from_parts(20_000_000, 4_000) }
	fn resume_avs() -> Weight { Weight::from_parts(20_000_000, 4_000) }
	fn deregister_avs(a: u32, b: u32, ) -> Weight {
		Weight::from_parts(60_000_000, 8_000)
			.saturating_add(Weight::from_parts(5_000_000, 2_600).saturating_mul(a.into()))
			.saturating_add(Weight::from_parts(60_000_000, 6_000).saturating_mul(b.into()))
	}
	fn opt_in() -> Weight { Weight::from_parts(80_000_000, 12_000) }
	fn opt_out() -> Weight { Weight::from_parts(60_000_000, 10_000) }
	fn approve_operator() -> Weight { Weight::from_parts(25_000_000, 4_000) }
	fn remove_operator() -> Weight { Weight::from_parts(70_000_000, 10_000) }
	fn fund_rewards() -> Weight { Weight::from_parts(70_000_000, 10_000) }
	fn on_initialize_idle() -> Weight { Weight::from_parts(5_000_000, 1_500) }
	fn begin_avs() -> Weight { Weight::from_parts(30_000_000, 8_000) }
	fn measure_operator() -> Weight { Weight::from_parts(60_000_000, 20_000) }
	fn pay_operator() -> Weight { Weight::from_parts(500_000_000, 60_000) }
	fn finish_avs() -> Weight { Weight::from_parts(200_000_000, 30_000) }
	fn distribute_avs(n: u32, ) -> Weight {
		Weight::from_parts(230_000_000, 38_000)
			.saturating_add(Weight::from_parts(560_000_000, 80_000).saturating_mul(n.into()))
	}
}
