#!/usr/bin/env bash
# Builds the node with the runtime's benchmarks, benchmarks Bastion's pallets (and balances,
# for comparison) on the development chain, and writes each pallet's weights.rs. The raw
# output of every run is kept under benchmarks/.
#
# STEPS (default 3: each component at its two ends and its middle, e.g. 1, 50,000 and 100,000
# delegators; with 2, the CLI's proof-size regression can overflow) and
# REPEAT (default 3) can be raised for a release measured on reference hardware.
#
#   scripts/benchmarks.sh                 all of Bastion's pallets
#   scripts/benchmarks.sh pallet_restaking
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. scripts/env.sh
cargo build --locked --release -p bastion-node --features runtime-benchmarks
node_bin="$CARGO_TARGET_DIR/release/bastion-node"
mkdir -p benchmarks

STEPS="${STEPS:-3}"
REPEAT="${REPEAT:-3}"
pallets=("$@")
[ ${#pallets[@]} -gt 0 ] || pallets=(pallet_liquid_staking pallet_restaking pallet_avs_registry pallet_cross_slashing)

for pallet in "${pallets[@]}"; do
  dir="pallets/$(echo "${pallet#pallet_}" | tr _ -)"
  echo "== $pallet -> $dir/src/weights.rs"
  "$node_bin" benchmark pallet --chain dev --pallet "$pallet" --extrinsic '*' \
    --steps "$STEPS" --repeat "$REPEAT" \
    --template scripts/weight-template.hbs --output "$dir/src/weights.rs" \
    2>&1 | tee "benchmarks/$pallet.txt"
done

# balances' transfer_keep_alive: the yardstick for `mint`.
"$node_bin" benchmark pallet --chain dev --pallet pallet_balances --extrinsic transfer_keep_alive \
  --steps "$STEPS" --repeat "$REPEAT" 2>&1 | tee benchmarks/pallet_balances.txt
