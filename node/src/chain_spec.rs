//! The chain specs the node knows by name, and loading one from a file.

use bastion_runtime::WASM_BINARY;
use sc_service::{ChainSpec as _, ChainType};
use std::path::PathBuf;

/// A Bastion chain spec: the runtime's genesis presets, or a JSON file.
pub type ChainSpec = sc_service::GenericChainSpec;

fn wasm() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"the runtime's wasm was not built (was the node built with SKIP_WASM_BUILD?)".to_string()
	})
}

fn properties() -> sc_chain_spec::Properties {
	let mut properties = sc_chain_spec::Properties::new();
	properties.insert("tokenSymbol".into(), "BST".into());
	properties.insert("tokenDecimals".into(), 12.into());
	properties.insert("ss58Format".into(), 42.into());
	properties
}

/// A single-validator development chain (Alice).
pub fn development() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Bastion Development")
		.with_id("bastion_dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// A four-validator local testnet (Alice, Bob, Charlie, Dave).
pub fn local_testnet() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Bastion Local Testnet")
		.with_id("bastion_local")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// Loads a chain spec from a JSON file and checks that its genesis can be built, so a
/// malformed file is refused at start with its name and what is wrong with it.
pub fn from_file(path: &str) -> Result<ChainSpec, String> {
	let spec = ChainSpec::from_json_file(PathBuf::from(path))
		.map_err(|e| format!("chain spec file `{path}`: {e}"))?;
	spec.as_storage_builder()
		.build_storage()
		.map_err(|e| format!("chain spec file `{path}`: its genesis can't be built: {e}"))?;
	Ok(spec)
}
