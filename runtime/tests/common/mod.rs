//! A small chain driver for the runtime's integration tests: genesis from the runtime's own
//! presets, blocks built through `Executive` with BABE pre-digests and timestamp inherents,
//! and transactions signed by the development keys.

#![allow(dead_code)]

use bastion_runtime::{
	AccountId, Babe, Executive, Header, Historical, Runtime, RuntimeCall,
	RuntimeGenesisConfig, Session, SignedPayload, System, TxExtension, UncheckedExtrinsic,
	SLOT_DURATION,
};
use codec::Encode;
use sp_consensus_babe::{
	digests::{CompatibleDigestItem, PreDigest, SecondaryPlainPreDigest},
	Slot, BABE_ENGINE_ID,
};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	generic::{Digest, DigestItem, Era},
	traits::Header as _,
	ApplyExtrinsicResult, BuildStorage,
};
use std::cell::RefCell;

thread_local! {
	/// The hash of the last block this driver finalized: the parent of the next one.
	static PARENT_HASH: RefCell<bastion_runtime::Hash> = RefCell::new(Default::default());
}

/// Merges a JSON patch into a JSON value, objects key by key, anything else replaced.
fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) =>
			for (key, value) in patch {
				merge(base.entry(key).or_insert(serde_json::Value::Null), value);
			},
		(base, patch) => *base = patch,
	}
}

/// The genesis config of a named runtime preset, as the node's chain spec builder makes it.
pub fn preset_config(name: &str) -> RuntimeGenesisConfig {
	let patch = bastion_runtime::genesis_config_presets::get_preset(&name.into())
		.unwrap_or_else(|| panic!("no preset named {name}"));
	let patch: serde_json::Value = serde_json::from_slice(&patch).expect("presets are JSON");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).expect("serializes");
	merge(&mut config, patch);
	serde_json::from_value(config).expect("a preset patch fits the genesis config")
}

/// Test externalities holding the genesis state of a named preset.
pub fn new_ext(preset: &str) -> sp_io::TestExternalities {
	let storage = preset_config(preset).build_storage().expect("genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| PARENT_HASH.with(|h| *h.borrow_mut() = System::parent_hash()));
	ext
}

/// Starts the next block: a BABE secondary pre-digest for the next slot, authored by the
/// validators in turn, then the timestamp inherent of that slot.
pub fn start_block() {
	start_block_avoiding(&[]);
}

/// Starts the next block with an author whose validator index is not in `avoid` (nor
/// disabled).
pub fn start_block_avoiding(avoid: &[u32]) {
	let number = System::block_number() + 1;
	let slot = Slot::from(u64::from(Babe::current_slot()) + 1);
	// The validators author in turn; disabled ones (offenders) are skipped, as BABE
	// refuses their blocks.
	let authorities = Babe::authorities().len().max(1) as u64;
	let disabled = Session::disabled_validators();
	let authority_index = (0..authorities)
		.map(|i| ((u64::from(slot) + i) % authorities) as u32)
		.find(|index| !disabled.contains(index) && !avoid.contains(index))
		.unwrap_or(0);
	let pre_digest =
		PreDigest::SecondaryPlain(SecondaryPlainPreDigest { authority_index, slot });
	let digest = Digest {
		logs: vec![DigestItem::PreRuntime(BABE_ENGINE_ID, pre_digest.encode())],
	};
	let parent_hash = PARENT_HASH.with(|h| *h.borrow());
	let header = Header::new(number, Default::default(), Default::default(), parent_hash, digest);
	Executive::initialize_block(&header);

	let now = u64::from(slot) * SLOT_DURATION;
	let timestamp = UncheckedExtrinsic::new_bare(RuntimeCall::Timestamp(
		pallet_timestamp::Call::set { now },
	));
	Executive::apply_extrinsic(timestamp)
		.expect("the timestamp inherent is valid")
		.expect("the timestamp inherent dispatches");
	Executive::inherents_applied();
}

/// Finalizes the current block.
pub fn finish_block() {
	let header = Executive::finalize_block();
	PARENT_HASH.with(|h| *h.borrow_mut() = header.hash());
}

/// Builds one empty block.
pub fn next_block() {
	start_block();
	finish_block();
}

/// Builds blocks until `n` is the last finalized one.
pub fn run_to_block(n: u32) {
	while System::block_number() < n {
		next_block();
	}
}

/// Builds blocks until staking's active era is `era`.
pub fn run_to_era(era: sp_staking::EraIndex) {
	while active_era() < era {
		next_block();
	}
}

/// Builds blocks until the session index is `index`.
pub fn run_to_session(index: sp_staking::SessionIndex) {
	while Session::current_index() < index {
		next_block();
	}
}

/// Staking's active era.
pub fn active_era() -> sp_staking::EraIndex {
	pallet_staking::ActiveEra::<Runtime>::get().map(|e| e.index).unwrap_or_default()
}

/// A transaction of `call` signed by `signer` with its current nonce and no tip.
pub fn signed(signer: Sr25519Keyring, call: RuntimeCall) -> UncheckedExtrinsic {
	signed_as(signer.to_account_id(), signer, call)
}

/// A transaction of `call` from `who`, signed with `key` (which may not be `who`'s).
pub fn signed_as(who: AccountId, key: Sr25519Keyring, call: RuntimeCall) -> UncheckedExtrinsic {
	let nonce = System::account_nonce(&who);
	let genesis_hash = System::block_hash(0);
	let tx_ext: TxExtension = (
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(Era::Immortal),
		frame_system::CheckNonce::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0),
		frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(false),
		frame_system::WeightReclaim::<Runtime>::new(),
	);
	let payload = SignedPayload::from_raw(
		call.clone(),
		tx_ext.clone(),
		(
			(),
			bastion_runtime::VERSION.spec_version,
			bastion_runtime::VERSION.transaction_version,
			genesis_hash,
			genesis_hash,
			(),
			(),
			(),
			None,
			(),
		),
	);
	let signature = payload.using_encoded(|bytes| key.sign(bytes));
	UncheckedExtrinsic::new_signed(call, who.into(), signature.into(), tx_ext)
}

/// Applies a signed transaction of `call` in a fresh block; like a block author, it puts a
/// transaction that does not fit (the hooks of an era's first block are heavy) in the next.
pub fn apply_signed(signer: Sr25519Keyring, call: RuntimeCall) -> ApplyExtrinsicResult {
	use sp_runtime::transaction_validity::{InvalidTransaction, TransactionValidityError};
	for _ in 0..3 {
		start_block();
		let result = Executive::apply_extrinsic(signed(signer, call.clone()));
		finish_block();
		if result != Err(TransactionValidityError::Invalid(InvalidTransaction::ExhaustsResources)) {
			return result;
		}
	}
	Err(TransactionValidityError::Invalid(InvalidTransaction::ExhaustsResources))
}

/// Two different headers for the same slot, both sealed by `offender`.
pub fn equivocation_proof(
	offender: Sr25519Keyring,
	authority_index: u32,
) -> sp_consensus_babe::EquivocationProof<bastion_runtime::Header> {
	let slot = Babe::current_slot();
	let pre_digest = PreDigest::SecondaryPlain(SecondaryPlainPreDigest { authority_index, slot });
	let header = |state_root: u8| {
		let mut header = bastion_runtime::Header::new(
			System::block_number(),
			Default::default(),
			[state_root; 32].into(),
			System::parent_hash(),
			Digest { logs: vec![DigestItem::PreRuntime(BABE_ENGINE_ID, pre_digest.encode())] },
		);
		let signature: sp_consensus_babe::AuthoritySignature =
			offender.sign(header.hash().as_ref()).into();
		header.digest_mut().push(<DigestItem as CompatibleDigestItem>::babe_seal(signature));
		header
	};
	sp_consensus_babe::EquivocationProof {
		slot,
		offender: offender.public().into(),
		first_header: header(1),
		second_header: header(2),
	}
}

/// The validator index of `who`.
pub fn validator_index(who: Sr25519Keyring) -> u32 {
	Session::validators()
		.iter()
		.position(|v| *v == who.to_account_id())
		.expect("a validator") as u32
}

/// Reports, in the current block, a BABE equivocation of `offender` (two headers for the
/// current slot) through `report_equivocation_unsigned`, as a node would. The block must not
/// be the offender's: it is disabled at once.
pub fn report_babe_equivocation_in_block(offender: Sr25519Keyring) {
	let authority_index = validator_index(offender);
	let proof = equivocation_proof(offender, authority_index);
	let key_owner_proof = <Historical as frame_support::traits::KeyOwnerProofSystem<_>>::prove(
		(sp_consensus_babe::KEY_TYPE, sp_consensus_babe::AuthorityId::from(offender.public())),
	)
	.expect("the offender's BABE key is in the current session");
	let report = UncheckedExtrinsic::new_bare(RuntimeCall::Babe(
		pallet_babe::Call::report_equivocation_unsigned {
			equivocation_proof: Box::new(proof),
			key_owner_proof,
		},
	));
	Executive::apply_extrinsic(report).expect("valid").expect("the report dispatches");
}

/// Reports a BABE equivocation of `offender` in a block of its own.
pub fn report_babe_equivocation(offender: Sr25519Keyring) {
	start_block_avoiding(&[validator_index(offender)]);
	report_babe_equivocation_in_block(offender);
	finish_block();
}
