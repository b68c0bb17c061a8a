//! The pallet's invariants, checked by `try_state` (after every unit test, and by
//! try-runtime).
//!
//! 1. Deposits: every owner's balance on hold for `AvsDeposit` is the sum of the deposits of
//!    the AVSs it owns.
//! 2. Members: each AVS's member and approval counts are its entries; an operator's AVS
//!    list and the AVSs' member sets say the same; no AVS has more members or approvals than
//!    `MaxOperatorsPerAvs`.
//! 3. Budgets: each open budget conserves (`paid + left == funded`), has `eras_left <= eras`
//!    and belongs to a registered AVS; the pallet account holds, per asset, at least what
//!    the open budgets have left.
//! 4. The round: the snapshot only holds the AVS being distributed; a slice never paid more
//!    than its amount.
//! 5. Configurations: every configuration in force or waiting has valid windows, and a
//!    waiting one is for a registered AVS.
//!
//! Allocations are not compared with member sets: an operator that left keeps an allocation
//! (slashable) until restaking's deallocation delay is over.

use crate::{pallet::*, AvsConfigOf, Phase};
use alloc::collections::{BTreeMap, BTreeSet};
use bastion_primitives::{restaking::RestakeAsset, Balance};
use frame_support::{
	ensure,
	traits::{fungible::InspectHold as _, fungibles::Inspect as _, Get},
};
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	fn check_config(config: &AvsConfigOf<T>) -> Result<(), TryRuntimeError> {
		Self::check_windows(&config.slash_window, &config.veto_window)
			.map_err(|_| TryRuntimeError::Other("an AVS has invalid windows"))?;
		ensure!(!config.accepted_assets.is_empty(), "an AVS accepts no asset");
		Ok(())
	}

	/// Checks every invariant; the first broken one is the error.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let max_members = T::MaxOperatorsPerAvs::get();
		let next_id = NextAvsId::<T>::get();

		// 1. Deposits, and per-AVS checks.
		let mut deposits = BTreeMap::<T::AccountId, Balance>::new();
		for (avs, info) in Avs::<T>::iter() {
			ensure!(avs < next_id, "an AVS id is not below NextAvsId");
			let owed = deposits.entry(info.owner.clone()).or_default();
			*owed = owed.saturating_add(info.deposit);
			Self::check_config(&info.config)?;

			// 2. Members and approvals.
			let members = Members::<T>::iter_key_prefix(avs).count() as u32;
			ensure!(members == info.operator_count, "member count differs from members");
			ensure!(members <= max_members, "an AVS has too many members");
			let approvals = Approved::<T>::iter_key_prefix(avs).count() as u32;
			ensure!(approvals == info.approval_count, "approval count differs from approvals");
			ensure!(approvals <= max_members, "an AVS has too many approvals");
			for operator in Members::<T>::iter_key_prefix(avs) {
				ensure!(
					OperatorAvs::<T>::get(&operator).contains(&avs),
					"a member does not list the AVS"
				);
			}
		}
		for (owner, owed) in deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::AvsDeposit.into(), &owner) == owed,
				"held deposits differ from the owner's AVSs"
			);
		}
		for (operator, list) in OperatorAvs::<T>::iter() {
			ensure!(!list.is_empty(), "an empty AVS list is stored");
			let distinct: BTreeSet<_> = list.iter().collect();
			ensure!(distinct.len() == list.len(), "an operator lists an AVS twice");
			for avs in list.iter() {
				ensure!(Members::<T>::contains_key(avs, &operator), "a listed AVS lacks the member");
			}
		}
		for (avs, _, _) in Members::<T>::iter() {
			ensure!(Avs::<T>::contains_key(avs), "a member of an unknown AVS");
		}
		for (avs, _, _) in Approved::<T>::iter() {
			ensure!(Avs::<T>::contains_key(avs), "an approval for an unknown AVS");
		}

		// 3. Budgets.
		let mut owed = BTreeMap::<RestakeAsset, Balance>::new();
		for (avs, budgets) in Budgets::<T>::iter() {
			ensure!(Avs::<T>::contains_key(avs), "a budget of an unknown AVS");
			ensure!(!budgets.is_empty(), "an empty budget list is stored");
			for budget in budgets.iter() {
				ensure!(
					budget.paid.checked_add(budget.left) == Some(budget.funded),
					"a budget does not conserve: paid + left != funded"
				);
				ensure!(budget.eras_left <= budget.eras, "a budget has more eras left than funded");
				let sum = owed.entry(budget.asset.clone()).or_default();
				*sum = sum.saturating_add(budget.left);
			}
		}
		let account = Self::pallet_account();
		for (asset, left) in owed {
			ensure!(
				T::Assets::balance(asset, &account) >= left,
				"the pallet account holds less than the budgets have left"
			);
		}

		// 4. The round.
		let current = Round::<T>::get().and_then(|round| round.current);
		for (avs, _, _) in Snapshot::<T>::iter() {
			ensure!(
				current.as_ref().is_some_and(|c| c.avs == avs),
				"a snapshot of an AVS not being distributed"
			);
		}
		if let Some(current) = current {
			ensure!(Avs::<T>::contains_key(current.avs), "distributing an unknown AVS");
			for slice in current.slices.iter() {
				ensure!(slice.paid <= slice.amount, "a slice paid more than its amount");
			}
			if let Phase::Measuring { .. } = current.phase {
				let measured: Balance = Snapshot::<T>::iter_prefix_values(current.avs)
					.flat_map(|values| values.into_iter().map(|(_, v)| v))
					.fold(0, |a: Balance, b| a.saturating_add(b));
				ensure!(measured == current.total, "the measured total differs from the snapshot");
			}
		}

		// 5. Waiting configurations.
		for (avs, pending) in PendingConfigs::<T>::iter() {
			ensure!(Avs::<T>::contains_key(avs), "a waiting configuration of an unknown AVS");
			Self::check_config(&pending.config)?;
		}
		Ok(())
	}
}
