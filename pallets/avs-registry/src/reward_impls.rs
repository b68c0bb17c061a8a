//! Reward budgets: funding, and their distribution, one round per era, in bounded steps.
//!
//! When staking's active era passes the last round's, a round starts. It visits every AVS
//! that has a budget (cursor: the last AVS visited, over `Budgets`), in steps of bounded
//! work, at most `MaxDistributionsPerBlock` per block:
//!
//! 1. **begin** an AVS: each budget's slice for the eras since it was last paid
//!    (`left * elapsed / eras_left`);
//! 2. **measure** each member (cursor: the last member measured): the BST value of the stake
//!    it allocated to the AVS in each accepted asset, recorded in `Snapshot`; members
//!    without priced allocated stake are not recorded and get nothing;
//! 3. **pay** each recorded member: for every budget and pool, `slice * value / total`
//!    (rounded down), credited through restaking's `credit_rewards` from the pallet account;
//! 4. **finish**: report each budget's payment; close budgets whose last era was paid,
//!    sending what is left (rounding dust, slices nobody had stake for) back to the funder.
//!
//! Stake is measured at the start of the era it is rewarded for; restaking's deallocation
//! delay (longer than an era) keeps it slashable for the whole era, so a reward always pays
//! for stake that carried the AVS's risk. Stake allocated during an era counts from the next.
//! If rounds fall behind (more work than an era holds), a late round pays every elapsed era
//! at once, on the stake measured then.

use crate::{
	pallet::*, AvsDistribution, DistributionRound, Phase, PoolValues, RewardBudget, Slice,
	WeightInfo, LOG_TARGET,
};
use bastion_primitives::{
	math::mul_div_floor,
	restaking::{AvsId, EraClock, RestakeAsset, Restaking},
	Balance,
};
use frame_support::{
	ensure,
	pallet_prelude::*,
	storage::with_storage_layer,
	traits::{
		fungibles::{Inspect as _, Mutate as _},
		tokens::{Fortitude, Preservation},
	},
};
use sp_runtime::traits::Zero;
use sp_staking::EraIndex;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_fund_rewards(
		who: T::AccountId,
		avs: AvsId,
		asset: RestakeAsset,
		amount: Balance,
		eras: u32,
	) -> DispatchResult {
		let mut info = Self::load_owned(avs, &who)?;
		ensure!(eras > 0, Error::<T>::ZeroEras);
		ensure!(amount >= Balance::from(eras), Error::<T>::BudgetTooSmall);
		let id = info.next_budget_id;
		info.next_budget_id = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let budget = RewardBudget {
			id,
			funder: who.clone(),
			asset: asset.clone(),
			funded: amount,
			paid: 0,
			left: amount,
			eras,
			eras_left: eras,
			// Paid from the next era on.
			last_paid_era: T::Eras::active_era(),
		};
		Budgets::<T>::try_mutate(avs, |budgets| budgets.try_push(budget))
			.map_err(|_| Error::<T>::TooManyBudgets)?;
		T::Assets::transfer(asset.clone(), &who, &Self::pallet_account(), amount, Preservation::Preserve)
			.map_err(|_| Error::<T>::InsufficientFunds)?;
		Avs::<T>::insert(avs, info);
		Self::deposit_event(Event::RewardsFunded { avs, budget: id, funder: who, asset, amount, eras });
		Ok(())
	}

	/// The hook of every block: starts a round when a new era began, then does up to
	/// `MaxDistributionsPerBlock` steps of the round in progress.
	pub(crate) fn on_block() -> Weight {
		let mut weight = T::WeightInfo::on_initialize_idle();
		let mut round = match Round::<T>::get() {
			Some(round) => round,
			None => {
				let era = T::Eras::active_era();
				if era <= LastRoundEra::<T>::get() {
					return weight;
				}
				LastRoundEra::<T>::put(era);
				Self::deposit_event(Event::DistributionStarted { era });
				DistributionRound { era, last_avs: None, current: None }
			},
		};
		let (done, used) = Self::run_steps(&mut round, T::MaxDistributionsPerBlock::get());
		weight.saturating_accrue(used);
		if done {
			Round::<T>::kill();
			Self::deposit_event(Event::DistributionCompleted { era: round.era });
		} else {
			Round::<T>::put(round);
		}
		weight
	}

	/// Does up to `steps` steps of `round`; returns whether the round is over, and the
	/// weight used.
	pub(crate) fn run_steps(round: &mut DistributionRound<T>, steps: u32) -> (bool, Weight) {
		let mut weight = Weight::zero();
		for _ in 0..steps {
			match Self::step(round) {
				Some(used) => weight.saturating_accrue(used),
				None => return (true, weight.saturating_add(T::WeightInfo::begin_avs())),
			}
		}
		(false, weight)
	}

	/// One step of bounded work; `None` when the round has visited every AVS.
	fn step(round: &mut DistributionRound<T>) -> Option<Weight> {
		let Some(mut current) = round.current.take() else {
			let next = match round.last_avs {
				None => Budgets::<T>::iter_keys().next(),
				Some(last) => Budgets::<T>::iter_keys_from_key(last).next(),
			};
			let avs = next?;
			round.last_avs = Some(avs);
			round.current = Self::begin_avs(avs, round.era);
			return Some(T::WeightInfo::begin_avs());
		};
		let avs = current.avs;
		let weight = match current.phase {
			Phase::Measuring { ref last } => {
				let next = match last {
					None => Members::<T>::iter_key_prefix(avs).next(),
					Some(last) => Members::<T>::iter_key_prefix_from(
						avs,
						Members::<T>::hashed_key_for(avs, last),
					)
					.next(),
				};
				match next {
					Some(operator) => {
						Self::measure(&mut current, &operator);
						current.phase = Phase::Measuring { last: Some(operator) };
					},
					// Every member measured (a snapshot of nothing pays nothing).
					None => current.phase = Phase::Paying,
				}
				T::WeightInfo::measure_operator()
			},
			Phase::Paying => match Snapshot::<T>::iter_prefix(avs).next() {
				Some((operator, values)) => {
					Snapshot::<T>::remove(avs, &operator);
					Self::pay(&mut current, &operator, &values);
					T::WeightInfo::pay_operator()
				},
				None => {
					Self::finish_avs(current, round.era);
					return Some(T::WeightInfo::finish_avs());
				},
			},
		};
		round.current = Some(current);
		Some(weight)
	}

	/// Takes each budget's slice for the eras since it was last paid. `None` if no budget
	/// of `avs` is due (all funded in this round's era).
	fn begin_avs(avs: AvsId, era: EraIndex) -> Option<AvsDistribution<T>> {
		let info = Self::avs_in_force(avs)?;
		let mut budgets = Budgets::<T>::get(avs);
		let mut slices = BoundedVec::<Slice, T::MaxRewardBudgets>::default();
		for budget in budgets.iter_mut() {
			let elapsed = era.saturating_sub(budget.last_paid_era).min(budget.eras_left);
			if elapsed.is_zero() {
				continue;
			}
			let amount =
				mul_div_floor(budget.left, elapsed.into(), budget.eras_left.into()).unwrap_or(0);
			budget.eras_left = budget.eras_left.saturating_sub(elapsed);
			budget.last_paid_era = era;
			// One slice per budget: within the same bound.
			let _ = slices.try_push(Slice { budget: budget.id, amount, paid: 0 });
		}
		if slices.is_empty() {
			return None;
		}
		Budgets::<T>::insert(avs, budgets);
		let phase = if slices.iter().all(|s| s.amount.is_zero()) {
			Phase::Paying
		} else {
			Phase::Measuring { last: None }
		};
		Some(AvsDistribution {
			avs,
			assets: info.config.accepted_assets,
			slices,
			total: 0,
			phase,
		})
	}

	/// Records the BST value of what `operator` allocated to the AVS, pool by pool.
	fn measure(current: &mut AvsDistribution<T>, operator: &T::AccountId) {
		let mut values = PoolValues::<T>::default();
		let mut sum: Balance = 0;
		for asset in current.assets.iter() {
			let stake = T::Restaking::allocated_stake(operator, current.avs, asset);
			let value = Self::bst_value(asset, stake).unwrap_or(0);
			if value.is_zero() {
				continue;
			}
			// At most one entry per accepted asset: within the same bound.
			if values.try_push((asset.clone(), value)).is_ok() {
				sum = sum.saturating_add(value);
			}
		}
		if !values.is_empty() {
			Snapshot::<T>::insert(current.avs, operator, values);
			current.total = current.total.saturating_add(sum);
		}
	}

	/// Credits `operator`'s share of every slice, pool by pool. A refused credit stays in its
	/// budget.
	fn pay(current: &mut AvsDistribution<T>, operator: &T::AccountId, values: &PoolValues<T>) {
		let avs = current.avs;
		let from = Self::pallet_account();
		let mut budgets = Budgets::<T>::get(avs);
		for slice in current.slices.iter_mut() {
			let Some(budget) = budgets.iter_mut().find(|b| b.id == slice.budget) else {
				continue;
			};
			for (pool_asset, value) in values.iter() {
				let remaining = slice.amount.saturating_sub(slice.paid).min(budget.left);
				let share = mul_div_floor(slice.amount, *value, current.total)
					.unwrap_or(0)
					.min(remaining);
				let share = Self::payable(&budget.asset, share);
				if share.is_zero() {
					continue;
				}
				let credited = with_storage_layer(|| {
					T::Restaking::credit_rewards(operator, pool_asset, &budget.asset, share, &from)
				});
				match credited {
					Ok(()) => {
						budget.left = budget.left.saturating_sub(share);
						budget.paid = budget.paid.saturating_add(share);
						slice.paid = slice.paid.saturating_add(share);
					},
					Err(error) => {
						log::warn!(
							target: LOG_TARGET,
							"avs {avs}: restaking refused {share} for {operator:?}: {error:?}"
						);
						Self::deposit_event(Event::RewardCreditFailed {
						avs,
						operator: operator.clone(),
						pool_asset: pool_asset.clone(),
							amount: share,
							error,
						})
					},
				}
			}
		}
		Budgets::<T>::insert(avs, budgets);
	}

	/// How much of `amount` of `asset` may leave the pallet account without taking the rest
	/// along: an account left below the asset's minimum balance is emptied, and its dust would
	/// go with the transfer (restaking's credit is expendable) at the cost of other budgets.
	/// So a payment keeps the minimum balance in the account, unless it takes all of it; what
	/// it can't pay stays in its budget (and goes back to the funder at the end).
	pub(crate) fn payable(asset: &RestakeAsset, amount: Balance) -> Balance {
		let account = Self::pallet_account();
		let balance = T::Assets::balance(asset.clone(), &account);
		if amount >= balance {
			return balance;
		}
		amount.min(T::Assets::reducible_balance(
			asset.clone(),
			&account,
			Preservation::Preserve,
			Fortitude::Polite,
		))
	}

	/// Reports what each budget paid and closes the budgets whose last era was paid.
	fn finish_avs(current: AvsDistribution<T>, era: EraIndex) {
		let avs = current.avs;
		// Empty unless the AVS's members could not all be paid (never, by construction).
		let _ = Snapshot::<T>::clear_prefix(avs, T::MaxOperatorsPerAvs::get(), None);
		let budgets = Budgets::<T>::get(avs);
		for slice in current.slices.iter() {
			if let Some(budget) = budgets.iter().find(|b| b.id == slice.budget) {
				Self::deposit_event(Event::RewardsDistributed {
					avs,
					era,
					budget: slice.budget,
					asset: budget.asset.clone(),
					slice: slice.amount,
					amount: slice.paid,
				});
			}
		}
		let mut open = BoundedVec::<RewardBudget<T::AccountId>, T::MaxRewardBudgets>::default();
		for budget in budgets {
			if budget.eras_left.is_zero() {
				Self::close_budget(avs, budget);
			} else {
				// Fewer than before: within the bound.
				let _ = open.try_push(budget);
			}
		}
		if open.is_empty() {
			Budgets::<T>::remove(avs);
		} else {
			Budgets::<T>::insert(avs, open);
		}
	}
}
