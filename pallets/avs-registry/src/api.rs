//! The functions behind `AvsApi`.

use crate::{pallet::*, AvsInfo, MAX_AVS_PAGE};
use alloc::vec::Vec;
use bastion_primitives::{
	avs::{AssetStake, AvsRisk, AvsSummary, OperatorStake, RewardBudgetInfo},
	math::mul_div_floor,
	restaking::AvsId,
	Balance,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::Perbill;

/// At most this many ids are looked at per page of `avs_list` (deregistered AVSs leave gaps).
const MAX_IDS_SCANNED: u32 = 10_000;

impl<T: Config> Pallet<T> {
	fn summary(avs: AvsId, info: AvsInfo<T>) -> AvsSummary<T::AccountId, BlockNumberFor<T>> {
		let pending = PendingConfigs::<T>::get(avs)
			.filter(|p| p.effective_at > frame_system::Pallet::<T>::block_number())
			.map(|p| (p.config.map_assets(|a| a.into_inner()), p.effective_at));
		AvsSummary {
			id: avs,
			owner: info.owner,
			metadata: Metadata::<T>::get(avs).into_inner(),
			status: info.status,
			config: info.config.map_assets(|a| a.into_inner()),
			pending_config: pending,
			operator_count: info.operator_count,
			deposit: info.deposit,
			registered_at: info.registered_at,
		}
	}

	/// One AVS, with the configuration in force and any waiting change.
	pub fn avs_summary(avs: AvsId) -> Option<AvsSummary<T::AccountId, BlockNumberFor<T>>> {
		Self::avs_in_force(avs).map(|info| Self::summary(avs, info))
	}

	/// Up to `limit` (at most `MAX_AVS_PAGE`) AVSs from id `start` upwards.
	pub fn avs_list(start: AvsId, limit: u32) -> Vec<AvsSummary<T::AccountId, BlockNumberFor<T>>> {
		let limit = limit.min(MAX_AVS_PAGE) as usize;
		let end = NextAvsId::<T>::get().min(start.saturating_add(MAX_IDS_SCANNED));
		(start..end).filter_map(Self::avs_summary).take(limit).collect()
	}

	/// The members of `avs` with the stake each allocated to it.
	pub fn operators(avs: AvsId) -> Vec<OperatorStake<T::AccountId, BlockNumberFor<T>>> {
		let Some(info) = Self::avs_in_force(avs) else { return Vec::new() };
		Members::<T>::iter_prefix(avs)
			.map(|(operator, member)| {
				let stakes = Self::allocated_stakes(&operator, avs, &info.config.accepted_assets);
				let bst_value = stakes
					.iter()
					.fold(0 as Balance, |sum, s| sum.saturating_add(s.bst_value.unwrap_or(0)));
				OperatorStake { operator, joined_at: member.joined_at, stakes, bst_value }
			})
			.collect()
	}

	/// The stake `avs` can slash, in BST and per asset, and how much of it the largest
	/// member holds.
	pub fn risk(avs: AvsId) -> Option<AvsRisk<T::AccountId>> {
		let info = Self::avs_in_force(avs)?;
		let mut per_asset: Vec<AssetStake> = info
			.config
			.accepted_assets
			.iter()
			.map(|asset| AssetStake {
				asset: asset.clone(),
				allocated: 0,
				bst_value: Self::bst_value(asset, 0),
			})
			.collect();
		let mut total: Balance = 0;
		let mut largest: Option<(T::AccountId, Balance)> = None;
		for operator in Self::operators(avs) {
			for (sum, stake) in per_asset.iter_mut().zip(operator.stakes.iter()) {
				sum.allocated = sum.allocated.saturating_add(stake.allocated);
				sum.bst_value = match (sum.bst_value, stake.bst_value) {
					(Some(a), Some(b)) => Some(a.saturating_add(b)),
					_ => None,
				};
			}
			total = total.saturating_add(operator.bst_value);
			if operator.bst_value > largest.as_ref().map_or(0, |(_, v)| *v) {
				largest = Some((operator.operator, operator.bst_value));
			}
		}
		let largest_bst = largest.as_ref().map_or(0, |(_, v)| *v);
		Some(AvsRisk {
			avs,
			operator_count: info.operator_count,
			slashable_bst: total,
			slashable_per_asset: per_asset,
			largest_operator: largest.map(|(who, _)| who),
			largest_bst,
			concentration: if total == 0 {
				Perbill::zero()
			} else {
				Perbill::from_rational(largest_bst, total)
			},
		})
	}

	/// The open reward budgets of `avs`.
	pub fn reward_budgets(avs: AvsId) -> Vec<RewardBudgetInfo<T::AccountId>> {
		Budgets::<T>::get(avs)
			.into_iter()
			.map(|b| RewardBudgetInfo {
				id: b.id,
				next_era_amount: mul_div_floor(b.left, 1, b.eras_left.into()).unwrap_or(0),
				funder: b.funder,
				asset: b.asset,
				funded: b.funded,
				paid: b.paid,
				left: b.left,
				eras: b.eras,
				eras_left: b.eras_left,
			})
			.collect()
	}

	/// The AVSs `operator` is a member of.
	pub fn operator_avs(operator: &T::AccountId) -> Vec<AvsId> {
		OperatorAvs::<T>::get(operator).into_inner()
	}
}
