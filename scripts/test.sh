#!/usr/bin/env bash
# The whole test suite: the pallets' unit, property and benchmark tests and the runtime's
# integration tests, the release node build, checks of the node's command line, the
# @polkadot/api client tests against a dev node, and a four-validator zombienet network.
# Prints the wall time of the build and of the tests.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh
. scripts/env.sh

now() { date +%s; }
t0=$(now)

echo "== unit, property and runtime integration tests"
SKIP_WASM_BUILD=1 cargo test --locked --workspace --exclude bastion-node \
  --features bastion-runtime/fast-runtime

echo "== benchmark tests (every benchmark runs once on its pallet's mock)"
SKIP_WASM_BUILD=1 cargo test --locked \
  -p pallet-liquid-staking -p pallet-restaking -p pallet-avs-registry -p pallet-cross-slashing \
  --features pallet-liquid-staking/runtime-benchmarks,pallet-restaking/runtime-benchmarks,pallet-avs-registry/runtime-benchmarks,pallet-cross-slashing/runtime-benchmarks \
  --lib benchmark

echo "== the runtime builds with runtime-benchmarks (its benchmark helpers) and with try-runtime"
SKIP_WASM_BUILD=1 cargo check --locked -p bastion-runtime --features runtime-benchmarks,fast-runtime
SKIP_WASM_BUILD=1 cargo check --locked -p bastion-runtime --features try-runtime
t1=$(now)

echo "== release node (fast-runtime)"
build_dev_node
t2=$(now)

echo "== node command line"
bash scripts/node-tests.sh

echo "== client tests (@polkadot/api against a dev node)"
bash scripts/client-tests.sh

echo "== zombienet: four validators"
bash scripts/zombienet.sh test
t3=$(now)

echo
echo "wall time: cargo tests $((t1 - t0)) s, node build $((t2 - t1)) s, node and network tests $((t3 - t2)) s, total $((t3 - t0)) s"
