#!/usr/bin/env bash
# Starts the built dev node on a free port with a temporary database, runs the
# @polkadot/api client tests against it, and stops the node whatever the outcome.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/env.sh"

node_bin="${1:-$BASTION_DEV_NODE}"
[ -x "$node_bin" ] || { echo "no node binary at $node_bin: build it first" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
rpc_port=$(free_port)
p2p_port=$(free_port)
log=$(mktemp -t bastion-client-node.XXXXXX.log)

"$node_bin" --dev --tmp --rpc-port "$rpc_port" --port "$p2p_port" --no-prometheus \
  --no-telemetry >"$log" 2>&1 &
node_pid=$!
cleanup() {
  kill "$node_pid" 2>/dev/null || true
  wait "$node_pid" 2>/dev/null || true
}
trap cleanup EXIT INT TERM

for _ in $(seq 1 120); do
  if curl -sf -H 'Content-Type: application/json' \
      -d '{"id":1,"jsonrpc":"2.0","method":"system_health","params":[]}' \
      "http://127.0.0.1:$rpc_port" >/dev/null 2>&1; then
    break
  fi
  kill -0 "$node_pid" 2>/dev/null || { echo "the node exited:"; tail -n 40 "$log"; exit 1; }
  sleep 1
done

echo "client tests against ws://127.0.0.1:$rpc_port (node log: $log)"
if ! node "$root/tests/client/run.mjs" "ws://127.0.0.1:$rpc_port"; then
  echo "--- last node log lines ---"
  tail -n 40 "$log"
  exit 1
fi
