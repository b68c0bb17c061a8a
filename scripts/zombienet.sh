#!/usr/bin/env bash
# Spawns the four-validator local network of zombienet/local.toml with the built dev node.
#   scripts/zombienet.sh spawn   keep it running (Ctrl-C stops it)
#   scripts/zombienet.sh test    run zombienet/smoke.zndsl against it, then tear it down
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/env.sh"
[ -x "$BASTION_DEV_NODE" ] || { echo "build the node first: make build" >&2; exit 1; }
export BASTION_NODE="$BASTION_DEV_NODE"
zombienet="$root/zombienet/node_modules/.bin/zombienet"
cd "$root/zombienet"
case "${1:-spawn}" in
  spawn) exec "$zombienet" -p native spawn local.toml ;;
  test) exec "$zombienet" -p native test smoke.zndsl ;;
  *) echo "usage: $0 spawn|test" >&2; exit 2 ;;
esac
