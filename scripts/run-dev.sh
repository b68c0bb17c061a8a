#!/usr/bin/env bash
# Sets up the machine, builds the node and starts a development chain (Alice validating,
# short eras) with RPC on ws://127.0.0.1:9944. Extra arguments go to the node.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh
. scripts/env.sh
build_dev_node
exec "$BASTION_DEV_NODE" --dev --rpc-port 9944 "$@"
