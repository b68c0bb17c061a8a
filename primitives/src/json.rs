//! How the API types look in the node's JSON-RPC: camelCase fields, amounts as decimal
//! strings (JSON numbers lose precision above 2^53; amounts have 12 decimals).

use serde::Serializer;

/// A `u128` amount as a decimal string.
pub fn amount<S: Serializer>(value: &u128, serializer: S) -> Result<S::Ok, S::Error> {
	serializer.collect_str(value)
}

/// An optional amount: a decimal string or `null`.
pub fn optional_amount<S: Serializer>(value: &Option<u128>, serializer: S) -> Result<S::Ok, S::Error> {
	match value {
		Some(value) => serializer.collect_str(value),
		None => serializer.serialize_none(),
	}
}

/// A `FixedU128` as a decimal string with 18 decimals ("1.000000000000000000").
pub fn fixed_to_string(value: sp_runtime::FixedU128) -> String {
	use sp_runtime::FixedPointNumber;
	let inner = value.into_inner();
	let accuracy = sp_runtime::FixedU128::accuracy();
	format!("{}.{:018}", inner / accuracy, inner % accuracy)
}

/// A `FixedU128` as [`fixed_to_string`] writes it.
pub fn fixed<S: Serializer>(value: &sp_runtime::FixedU128, serializer: S) -> Result<S::Ok, S::Error> {
	serializer.serialize_str(&fixed_to_string(*value))
}
