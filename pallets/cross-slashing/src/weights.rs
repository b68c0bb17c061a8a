//! Weights for pallet_cross_slashing (replaced by the output of
//! `bastion-node benchmark pallet --pallet pallet_cross_slashing`; see docs/benchmarks.md).

#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed for pallet_cross_slashing.
pub trait WeightInfo {
	fn request_slash(e: u32) -> Weight;
	fn veto_slash() -> Weight;
	fn execute_slash(a: u32) -> Weight;
	fn execute_slash_delegators(d: u32) -> Weight;
	fn on_initialize(n: u32) -> Weight;
	fn on_native_slash(v: u32) -> Weight;
}

/// Weights for pallet_cross_slashing using the Substrate node and recommended hardware.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn request_slash(e: u32) -> Weight {
		Weight::from_parts(100_000_000, 40_000)
			.saturating_add(Weight::from_parts(2_000, 1).saturating_mul(e.into()))
			.saturating_add(T::DbWeight::get().reads(18_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn veto_slash() -> Weight {
		Weight::from_parts(100_000_000, 40_000)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	fn execute_slash(a: u32) -> Weight {
		Weight::from_parts(100_000_000, 40_000)
			.saturating_add(Weight::from_parts(40_000_000, 10_000).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().reads((6_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes(7_u64))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(a.into())))
	}
	fn execute_slash_delegators(_d: u32) -> Weight {
		Weight::from_parts(420_000_000, 120_000)
			.saturating_add(T::DbWeight::get().reads(56_u64))
			.saturating_add(T::DbWeight::get().writes(47_u64))
	}
	fn on_initialize(n: u32) -> Weight {
		Weight::from_parts(5_000_000, 10_000)
			.saturating_add(Weight::from_parts(420_000_000, 120_000).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((56_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((47_u64).saturating_mul(n.into())))
	}
	fn on_native_slash(v: u32) -> Weight {
		Weight::from_parts(20_000_000, 5_000)
			.saturating_add(Weight::from_parts(60_000_000, 20_000).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((16_u64).saturating_mul(v.into())))
			.saturating_add(T::DbWeight::get().writes((7_u64).saturating_mul(v.into())))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn request_slash(_e: u32) -> Weight {
		Weight::from_parts(100_000_000, 20_000)
	}
	fn veto_slash() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
	}
	fn execute_slash(_a: u32) -> Weight {
		Weight::from_parts(100_000_000, 20_000)
	}
	fn execute_slash_delegators(_d: u32) -> Weight {
		Weight::from_parts(100_000_000, 20_000)
	}
	fn on_initialize(n: u32) -> Weight {
		Weight::from_parts(1_000_000, 1_000)
			.saturating_add(Weight::from_parts(100_000_000, 20_000).saturating_mul(n.into()))
	}
	fn on_native_slash(v: u32) -> Weight {
		Weight::from_parts(1_000_000, 1_000)
			.saturating_add(Weight::from_parts(10_000_000, 2_000).saturating_mul(v.into()))
	}
}
