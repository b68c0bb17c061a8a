#!/usr/bin/env bash
# Checks of the built node's command line: chain specs export and load, a malformed chain
# spec is refused with its file named, and RocksDB is not in the dependency tree.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/env.sh"
node_bin="${1:-$BASTION_DEV_NODE}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "  ok    $*"; }

for chain in dev local; do
  "$node_bin" export-chain-spec --chain "$chain" --output "$work/$chain.json" >/dev/null
  "$node_bin" export-chain-spec --chain "$work/$chain.json" --raw --output "$work/$chain.raw.json" >/dev/null
  jq -e '.genesis.raw.top | length > 0' "$work/$chain.raw.json" >/dev/null || fail "$chain: raw spec has no storage"
done
ok "export-chain-spec: dev and local, plain and raw"

jq -e '.properties.tokenSymbol == "BST" and .properties.tokenDecimals == 12' "$work/local.json" >/dev/null ||
  fail "token properties"
ok "chain spec properties: BST, 12 decimals"

printf '{"name": "broken", ' >"$work/broken.json"
if "$node_bin" --chain "$work/broken.json" --tmp >"$work/out" 2>&1; then
  fail "a malformed chain spec was accepted"
fi
grep -q "broken.json" "$work/out" || fail "the error does not name the file: $(cat "$work/out")"
grep -qi "pars" "$work/out" || fail "the error does not say what is wrong: $(cat "$work/out")"
ok "a malformed --chain file exits non-zero, naming the file and the problem"

if "$node_bin" --chain "$work/missing.json" --tmp >"$work/out" 2>&1; then
  fail "a missing chain spec was accepted"
fi
grep -q "missing.json" "$work/out" || fail "the error does not name the missing file"
ok "a missing --chain file exits non-zero, naming it"

if (cd "$root" && cargo tree --locked -p bastion-node -i librocksdb-sys 2>/dev/null | grep -q rocksdb); then
  fail "librocksdb-sys is in the node's dependency tree"
fi
ok "no RocksDB in the node's dependency tree"
