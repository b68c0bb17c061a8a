#!/usr/bin/env bash
# The whole test suite: pallet and runtime tests, benchmark tests, the release node build,
# checks of the node's command line, the @polkadot/api client tests against a dev node, and
# a four-validator zombienet network. Prints the wall time of the build and of the tests.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh
. scripts/env.sh

now() { date +%s; }
t0=$(now)

echo "== unit, property, runtime integration and benchmark tests"
SKIP_WASM_BUILD=1 cargo test --locked --workspace --exclude bastion-node \
  --features bastion-runtime/fast-runtime
t1=$(now)

echo "== release node (fast-runtime)"
build_dev_node
t2=$(now)

echo "== node command line"
bash scripts/node-tests.sh

echo "== client tests (@polkadot/api against a dev node)"
bash scripts/client-tests.sh
t3=$(now)

echo
echo "wall time: cargo tests $((t1 - t0)) s, node build $((t2 - t1)) s, client tests $((t3 - t2)) s, total $((t3 - t0)) s"
