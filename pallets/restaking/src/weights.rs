//! Weights for pallet_restaking (replaced by the output of
//! `bastion-node benchmark pallet --pallet pallet_restaking`; see docs/benchmarks.md).

#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for pallet_restaking.
pub trait WeightInfo {
	fn add_asset() -> Weight;
	fn set_asset_cap() -> Weight;
	fn remove_asset() -> Weight;
	fn register_operator(m: u32, ) -> Weight;
	fn set_commission() -> Weight;
	fn link_validator() -> Weight;
	fn leave(a: u32, ) -> Weight;
	fn finish_leaving(a: u32, ) -> Weight;
	fn delegate() -> Weight;
	fn undelegate() -> Weight;
	fn complete_withdrawal() -> Weight;
	fn allocate(a: u32, ) -> Weight;
	fn create_vault(o: u32, ) -> Weight;
	fn vault_deposit(o: u32, ) -> Weight;
	fn vault_redeem(o: u32, ) -> Weight;
	fn rebalance(o: u32, ) -> Weight;
	fn set_weights(o: u32, ) -> Weight;
	fn claim_rewards(r: u32, ) -> Weight;
	fn claim_vault_rewards(o: u32, ) -> Weight;
	fn slash_pool(d: u32, ) -> Weight;
	fn credit_rewards() -> Weight;
}

/// Weights for pallet_restaking using the Substrate node and recommended hardware.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn add_asset() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn set_asset_cap() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn remove_asset() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn register_operator(m: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(Weight::from_parts(20_000_000, 5_000).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn set_commission() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn link_validator() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn leave(a: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(Weight::from_parts(20_000_000, 5_000).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn finish_leaving(a: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(Weight::from_parts(20_000_000, 5_000).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn delegate() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn undelegate() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn complete_withdrawal() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn allocate(a: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(Weight::from_parts(20_000_000, 5_000).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn create_vault(o: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(Weight::from_parts(20_000_000, 5_000).saturating_mul(o.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn vault_deposit(o: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(Weight::from_parts(20_000_000, 5_000).saturating_mul(o.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn vault_redeem(o: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(Weight::from_parts(20_000_000, 5_000).saturating_mul(o.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn rebalance(o: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(Weight::from_parts(20_000_000, 5_000).saturating_mul(o.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn set_weights(o: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(Weight::from_parts(20_000_000, 5_000).saturating_mul(o.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn claim_rewards(r: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(Weight::from_parts(20_000_000, 5_000).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn claim_vault_rewards(o: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(Weight::from_parts(20_000_000, 5_000).saturating_mul(o.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn slash_pool(_d: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn credit_rewards() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn add_asset() -> Weight { Weight::from_parts(100_000_000, 20_000) }
	fn set_asset_cap() -> Weight { Weight::from_parts(100_000_000, 20_000) }
	fn remove_asset() -> Weight { Weight::from_parts(100_000_000, 20_000) }
	fn register_operator(_m: u32, ) -> Weight { Weight::from_parts(100_000_000, 20_000) }
	fn set_commission() -> Weight { Weight::from_parts(100_000_000, 20_000) }
	fn link_validator() -> Weight { Weight::from_parts(100_000_000, 20_000) }
	fn leave(_a: u32, ) -> Weight { Weight::from_parts(100_000_000, 20_000) }
	fn finish_leaving(_a: u32, ) -> Weight { Weight::from_parts(100_000_000, 20_000) }
	fn delegate() -> Weight { Weight::from_parts(100_000_000, 20_000) }
	fn undelegate() -> Weight { Weight::from_parts(100_000_000, 20_000) }
	fn complete_withdrawal() -> Weight { Weight::from_parts(100_000_000, 20_000) }
	fn allocate(_a: u32, ) -> Weight { Weight::from_parts(100_000_000, 20_000) }
	fn create_vault(_o: u32, ) -> Weight { Weight::from_parts(100_000_000, 20_000) }
	fn vault_deposit(_o: u32, ) -> Weight { Weight::from_parts(100_000_000, 20_000) }
	fn vault_redeem(_o: u32, ) -> Weight { Weight::from_parts(100_000_000, 20_000) }
	fn rebalance(_o: u32, ) -> Weight { Weight::from_parts(100_000_000, 20_000) }
	fn set_weights(_o: u32, ) -> Weight { Weight::from_parts(100_000_000, 20_000) }
	fn claim_rewards(_r: u32, ) -> Weight { Weight::from_parts(100_000_000, 20_000) }
	fn claim_vault_rewards(_o: u32, ) -> Weight { Weight::from_parts(100_000_000, 20_000) }
	fn slash_pool(_d: u32, ) -> Weight { Weight::from_parts(100_000_000, 20_000) }
	fn credit_rewards() -> Weight { Weight::from_parts(100_000_000, 20_000) }
}
