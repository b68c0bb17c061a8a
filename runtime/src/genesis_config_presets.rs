//! Genesis presets: `development` (Alice validates alone) and `local_testnet` (Alice, Bob,
//! Charlie and Dave validate). The well-known development accounts are funded in both and
//! Alice holds sudo.

use crate::{
	configs::{
		liquid_staking::STAKED_ASSET_ID,
		restaking::{FIRST_LRT_ASSET_ID, STAKED_BST},
	},
	AccountId, AssetsConfig, BabeConfig, Balance, BalancesConfig, LiquidStaking,
	LiquidStakingConfig, RestakingConfig, RuntimeGenesisConfig, SecurityCouncilConfig,
	SessionConfig, SessionKeys, StakingConfig, SudoConfig, BABE_GENESIS_EPOCH_CONFIG, UNIT,
};
use bastion_primitives::restaking::RestakeAsset;
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use sp_runtime::Perbill;

/// What each funded development account holds at genesis.
pub const ENDOWMENT: Balance = 10_000_000 * UNIT;
/// The cap of each restakable asset at genesis.
pub const RESTAKING_CAP: Balance = 10_000_000 * UNIT;

/// What each genesis validator bonds.
pub const VALIDATOR_BOND: Balance = 100_000 * UNIT;

/// A genesis validator: its stash (also its controller) and its session keys.
struct Validator {
	stash: AccountId,
	keys: SessionKeys,
}

/// A validator whose stash and BABE key come from an sr25519 development key and whose
/// GRANDPA key is the ed25519 key of the same name.
fn dev_validator(babe: Sr25519Keyring, grandpa: Ed25519Keyring) -> Validator {
	Validator {
		stash: babe.to_account_id(),
		keys: SessionKeys { babe: babe.public().into(), grandpa: grandpa.public().into() },
	}
}

fn genesis(validators: Vec<Validator>, endowed: Vec<AccountId>, root: AccountId) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.iter().cloned().map(|who| (who, ENDOWMENT)).collect::<Vec<_>>(),
		},
		babe: BabeConfig { epoch_config: BABE_GENESIS_EPOCH_CONFIG },
		session: SessionConfig {
			keys: validators
				.iter()
				.map(|v| (v.stash.clone(), v.stash.clone(), v.keys.clone()))
				.collect::<Vec<_>>(),
		},
		staking: StakingConfig {
			validator_count: validators.len() as u32,
			minimum_validator_count: 1,
			stakers: validators
				.iter()
				.map(|v| {
					(
						v.stash.clone(),
						v.stash.clone(),
						VALIDATOR_BOND,
						pallet_staking::StakerStatus::<AccountId>::Validator,
					)
				})
				.collect::<Vec<_>>(),
			slash_reward_fraction: Perbill::from_percent(10),
			min_nominator_bond: UNIT,
			min_validator_bond: 10 * UNIT,
		},
		sudo: SudoConfig { key: Some(root) },
		assets: AssetsConfig {
			// stBST: owned by the liquid-staking pallet, sufficient (holders need no BST).
			assets: vec![(STAKED_ASSET_ID, LiquidStaking::pallet_account(), true, 1)],
			metadata: vec![(STAKED_ASSET_ID, b"Staked BST".to_vec(), b"stBST".to_vec(), 12)],
		},
		liquid_staking: LiquidStakingConfig {
			dead_deposit: 10 * UNIT,
			protocol_fee: Perbill::from_percent(10),
			targets: validators.iter().map(|v| v.stash.clone()).collect::<Vec<_>>(),
		},
		restaking: RestakingConfig {
			// stBST and BST restakable, each up to a cap governance raises as confidence grows.
			assets: vec![(STAKED_BST, RESTAKING_CAP), (RestakeAsset::Native, RESTAKING_CAP)],
			first_lrt_asset_id: FIRST_LRT_ASSET_ID,
		},
		security_council: SecurityCouncilConfig {
			members: vec![
				Sr25519Keyring::Alice.to_account_id(),
				Sr25519Keyring::Bob.to_account_id(),
				Sr25519Keyring::Charlie.to_account_id(),
			],
		},
	})
}

fn dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect()
}

/// Alice validates alone.
pub fn development_config_genesis() -> Value {
	genesis(
		vec![dev_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// Alice, Bob, Charlie and Dave validate.
pub fn local_testnet_genesis() -> Value {
	genesis(
		vec![
			dev_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			dev_validator(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			dev_validator(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			dev_validator(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		],
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// The JSON patch of a named preset.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEV_RUNTIME_PRESET => development_config_genesis(),
		LOCAL_TESTNET_RUNTIME_PRESET => local_testnet_genesis(),
		_ => return None,
	};
	Some(
		serde_json::to_string(&patch)
			.expect("serialization to json is expected to work. qed.")
			.into_bytes(),
	)
}

/// The names of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![PresetId::from(DEV_RUNTIME_PRESET), PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET)]
}
