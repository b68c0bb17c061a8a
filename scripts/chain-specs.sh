#!/usr/bin/env bash
# Regenerates chain-specs/local.json (plain) and chain-specs/local.raw.json from the built
# dev node (fast-runtime timing, four validators: Alice, Bob, Charlie, Dave).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. scripts/env.sh
[ -x "$BASTION_DEV_NODE" ] || build_dev_node
"$BASTION_DEV_NODE" export-chain-spec --chain local --output chain-specs/local.json
"$BASTION_DEV_NODE" export-chain-spec --chain local --raw --output chain-specs/local.raw.json
