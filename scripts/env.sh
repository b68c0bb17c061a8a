# Sourced by the other scripts: where builds go and which toolchain builds the wasm.

# One target directory shared by every clone, CI included, so dependencies compile once.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/bastion-target}"
# The wasm builder looks for Cargo.lock above the target directory; point it at this clone
# so the wasm runtime builds with the locked versions.
WASM_BUILD_WORKSPACE_HINT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export WASM_BUILD_WORKSPACE_HINT
# That hint would also apply to the test runtime frame-benchmarking-cli builds for its
# storage benchmarks, which is not part of this workspace: skip that wasm (the runtime's own
# benchmarks don't need it).
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1

# Where rustup can't add wasm32v1-none, setup.sh links Debian's rustc as `debweb`.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32v1-none &&
   rustup toolchain list 2>/dev/null | grep -q '^debweb'; then
  export WASM_BUILD_TOOLCHAIN=debweb
fi

# The node built for dev chains, zombienet and the client tests: short epochs and eras.
BASTION_DEV_NODE="${BASTION_DEV_NODE:-$CARGO_TARGET_DIR/release/bastion-node}"
# The node built with production timing (`make release`).
BASTION_PRODUCTION_NODE="$CARGO_TARGET_DIR/production/bastion-node"
export BASTION_DEV_NODE BASTION_PRODUCTION_NODE

build_dev_node() {
  cargo build --locked --release -p bastion-node --features fast-runtime
}
