//! LRT vaults: one asset spread over operators by weight; the LRT is a share of the vault,
//! priced at NAV read from this pallet's state.

use crate::{pallet::*, RestakeAsset, Vault, VaultId, WithdrawalId};
use alloc::vec::Vec;
use bastion_primitives::{
	math::{mul_div_floor, pro_rata},
	Balance,
};
use frame_support::{
	ensure,
	pallet_prelude::*,
	storage::with_storage_layer,
	traits::{
		fungible::{Inspect as _, Mutate as _, MutateHold as _},
		fungibles::{metadata::MetadataDeposit as _, Create as _, Mutate as _},
		tokens::{Fortitude, Precision, Preservation},
	},
};
use sp_runtime::{
	traits::{AccountIdConversion, Zero},
	Perbill,
};

/// LRTs have the decimals of BST and stBST.
pub const LRT_DECIMALS: u8 = 12;

impl<T: Config> Pallet<T> {
	/// The account a vault delegates from; it owns the vault's LRT asset.
	pub fn vault_account(vault: VaultId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating((b"vault", vault))
	}

	/// The holder of a vault's dead LRT shares (nobody has its key).
	pub fn vault_dead_account(vault: VaultId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating((b"vdead", vault))
	}

	/// Checks a vault's weights: not empty, at most 100% in all, no duplicates, every
	/// operator active.
	fn check_weights(operators: &WeightsOf<T>) -> DispatchResult {
		ensure!(!operators.is_empty(), Error::<T>::BadWeights);
		let mut sum: u64 = 0;
		for (i, (operator, weight)) in operators.iter().enumerate() {
			ensure!(!operators[..i].iter().any(|(o, _)| o == operator), Error::<T>::BadWeights);
			let active = Operators::<T>::get(operator).is_some_and(|o| o.is_active());
			ensure!(active, Error::<T>::BadWeights);
			sum = sum.saturating_add(weight.deconstruct() as u64);
		}
		ensure!(sum <= Perbill::one().deconstruct() as u64, Error::<T>::BadWeights);
		Ok(())
	}

	/// The vault's net asset value: idle funds plus its active shares at each pool's rate.
	pub fn vault_nav(vault: &crate::VaultOf<T>, id: VaultId) -> Balance {
		let account = Self::vault_account(id);
		vault.operators.iter().fold(vault.idle, |nav, (operator, _)| {
			let shares = Self::delegation(&account, operator, &vault.asset).shares;
			nav.saturating_add(Pools::<T>::get(operator, &vault.asset).active_value(shares))
		})
	}

	pub(crate) fn do_create_vault(
		curator: T::AccountId,
		asset: RestakeAsset,
		name: Vec<u8>,
		symbol: Vec<u8>,
		operators: WeightsOf<T>,
	) -> DispatchResult {
		ensure!(RestakableAssets::<T>::contains_key(&asset), Error::<T>::AssetNotRestakable);
		Self::check_weights(&operators)?;
		let max = T::MaxLrtNameLen::get() as usize;
		ensure!(name.len() <= max && symbol.len() <= max, Error::<T>::TooLong);

		let id = NextVaultId::<T>::get();
		let lrt = NextLrtAssetId::<T>::get();
		let account = Self::vault_account(id);
		T::Currency::hold(&HoldReason::VaultDeposit.into(), &curator, T::VaultDeposit::get())
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		// The vault account owns the LRT asset and pays its metadata deposit.
		let funding = T::Currency::minimum_balance()
			.saturating_add(T::LrtAssets::calc_metadata_deposit(&name, &symbol));
		T::Currency::transfer(&curator, &account, funding, Preservation::Preserve)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		T::LrtAssets::create(lrt, account.clone(), true, 1)?;
		<T::LrtAssets as frame_support::traits::fungibles::metadata::Mutate<_>>::set(
			lrt,
			&account,
			name,
			symbol,
			LRT_DECIMALS,
		)?;

		// Dead shares: the curator's first deposit, never redeemable.
		let dead = T::VaultDeadDeposit::get();
		Self::add_to_asset_total(&asset, dead)?;
		T::Assets::transfer(asset.clone(), &curator, &Self::pallet_account(), dead, Preservation::Preserve)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		T::LrtAssets::mint_into(lrt, &Self::vault_dead_account(id), dead)?;

		Vaults::<T>::insert(
			id,
			Vault { curator: curator.clone(), asset: asset.clone(), lrt, operators, idle: dead, supply: dead },
		);
		NextVaultId::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
		NextLrtAssetId::<T>::put(lrt.checked_add(1).ok_or(Error::<T>::Overflow)?);
		Self::deposit_event(Event::VaultCreated { vault: id, curator, asset, lrt });
		Ok(())
	}

	pub(crate) fn do_vault_deposit(who: T::AccountId, id: VaultId, amount: Balance) -> DispatchResult {
		let mut vault = Vaults::<T>::get(id).ok_or(Error::<T>::UnknownVault)?;
		ensure!(amount >= T::MinDelegation::get(), Error::<T>::AmountTooSmall);
		let nav = Self::vault_nav(&vault, id);
		ensure!(!nav.is_zero(), Error::<T>::VaultDepleted);
		let lrt = mul_div_floor(amount, vault.supply, nav).ok_or(Error::<T>::Overflow)?;
		ensure!(!lrt.is_zero(), Error::<T>::ZeroShares);
		Self::add_to_asset_total(&vault.asset, amount)?;
		T::Assets::transfer(vault.asset.clone(), &who, &Self::pallet_account(), amount, Preservation::Preserve)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		T::LrtAssets::mint_into(vault.lrt, &who, lrt)?;
		vault.idle = vault.idle.checked_add(amount).ok_or(Error::<T>::Overflow)?;
		vault.supply = vault.supply.checked_add(lrt).ok_or(Error::<T>::Overflow)?;
		Vaults::<T>::insert(id, vault);
		Self::deposit_event(Event::VaultDeposited { vault: id, who, amount, lrt });
		Ok(())
	}

	pub(crate) fn do_vault_redeem(who: T::AccountId, id: VaultId, lrt: Balance) -> DispatchResult {
		let mut vault = Vaults::<T>::get(id).ok_or(Error::<T>::UnknownVault)?;
		ensure!(!lrt.is_zero(), Error::<T>::ZeroShares);
		T::LrtAssets::burn_from(vault.lrt, &who, lrt, Preservation::Expendable, Precision::Exact, Fortitude::Polite)
			.map_err(|_| Error::<T>::InsufficientShares)?;

		let account = Self::vault_account(id);
		let mut withdrawals: Vec<WithdrawalId> = Vec::new();
		for (operator, _) in vault.operators.iter() {
			let shares = pro_rata(Self::delegation(&account, operator, &vault.asset).shares, lrt, vault.supply);
			if Pools::<T>::get(operator, &vault.asset).active_value(shares).is_zero() {
				continue;
			}
			let withdrawal = Self::do_undelegate(
				account.clone(),
				who.clone(),
				operator.clone(),
				vault.asset.clone(),
				shares,
			)?;
			withdrawals.push(withdrawal);
		}
		let idle = pro_rata(vault.idle, lrt, vault.supply);
		vault.idle -= idle;
		vault.supply = vault.supply.saturating_sub(lrt);
		if !idle.is_zero() {
			Self::sub_from_asset_total(&vault.asset, idle);
			T::Assets::transfer(vault.asset.clone(), &Self::pallet_account(), &who, idle, Preservation::Expendable)?;
		}
		Vaults::<T>::insert(id, vault);
		Self::deposit_event(Event::VaultRedeemed { vault: id, who, lrt, idle, withdrawals });
		Ok(())
	}

	pub(crate) fn do_rebalance(id: VaultId) -> DispatchResult {
		let mut vault = Vaults::<T>::get(id).ok_or(Error::<T>::UnknownVault)?;
		let account = Self::vault_account(id);
		let idle = vault.idle;
		let mut moved: Balance = 0;
		for (operator, weight) in vault.operators.iter() {
			let amount = weight.mul_floor(idle);
			if amount < T::MinDelegation::get() {
				continue;
			}
			// An operator that refuses (leaving) is skipped; its share stays idle.
			let delegated =
				with_storage_layer(|| Self::delegate_held(&account, operator, &vault.asset, amount));
			if delegated.is_ok() {
				moved = moved.saturating_add(amount);
			}
		}
		vault.idle -= moved;
		Vaults::<T>::insert(id, vault);
		Self::deposit_event(Event::VaultRebalanced { vault: id, amount: moved });
		Ok(())
	}

	pub(crate) fn do_set_weights(who: T::AccountId, id: VaultId, operators: WeightsOf<T>) -> DispatchResult {
		let mut vault = Vaults::<T>::get(id).ok_or(Error::<T>::UnknownVault)?;
		ensure!(vault.curator == who, Error::<T>::NotCurator);
		Self::check_weights(&operators)?;
		// Every operator still holding the vault's stake stays listed (weight zero if need
		// be), so NAV keeps counting it.
		let account = Self::vault_account(id);
		for (operator, _) in vault.operators.iter() {
			let holds = !Self::delegation(&account, operator, &vault.asset).shares.is_zero();
			ensure!(!holds || operators.iter().any(|(o, _)| o == operator), Error::<T>::BadWeights);
		}
		vault.operators = operators;
		Vaults::<T>::insert(id, vault);
		Self::deposit_event(Event::VaultWeightsSet { vault: id });
		Ok(())
	}

	pub(crate) fn do_claim_vault_rewards(id: VaultId) -> DispatchResult {
		let mut vault = Vaults::<T>::get(id).ok_or(Error::<T>::UnknownVault)?;
		let account = Self::vault_account(id);
		for (operator, _) in vault.operators.iter() {
			Self::settle_rewards(&account, operator, &vault.asset);
			for reward_asset in PoolRewardAssets::<T>::get(operator, &vault.asset) {
				// In the vault's own asset: compounded into idle funds; else: to the curator.
				let compounding = reward_asset == vault.asset;
				let to = if compounding { Self::pallet_account() } else { vault.curator.clone() };
				let amount = Self::pay_unclaimed(&account, &to, &reward_asset)?;
				if compounding && !amount.is_zero() {
					vault.idle = vault.idle.saturating_add(amount);
					RestakableAssets::<T>::mutate(&vault.asset, |info| {
						if let Some(info) = info {
							info.total = info.total.saturating_add(amount);
						}
					});
				}
				if !amount.is_zero() {
					Self::deposit_event(Event::RewardsPaid {
						who: account.clone(),
						operator: operator.clone(),
						asset: vault.asset.clone(),
						reward_asset,
						amount,
					});
				}
			}
		}
		Vaults::<T>::insert(id, vault);
		Ok(())
	}
}
