#!/usr/bin/env bash
# Installs what a fresh Debian (bookworm) machine lacks to build and test Bastion.
# Idempotent: every step checks first and does nothing when its part is present.
#
#   system packages   protobuf-compiler, clang, libclang-dev (the node's build)
#   wasm toolchain    the rustup target wasm32v1-none where rustup can add it;
#                     otherwise Debian's rustc-web with a wasm32v1-none sysroot built
#                     from its library sources, linked into rustup as `debweb`
#                     (see docs/toolchain.md)
#   Node.js packages  @polkadot/api for the client tests (tests/client), the zombienet
#                     CLI (zombienet/)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
log() { printf '[setup] %s\n' "$*"; }

sudo_if_needed() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=0
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ $apt_updated -eq 0 ]; then
    log "apt-get update"
    sudo_if_needed apt-get update -qq
    apt_updated=1
  fi
  log "apt-get install ${missing[*]}"
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# --- system packages --------------------------------------------------------------
apt_install protobuf-compiler clang libclang-dev make curl ca-certificates jq

command -v cargo >/dev/null || { echo "cargo not found: install Rust with rustup first" >&2; exit 1; }

# --- wasm toolchain ---------------------------------------------------------------
WASM_TARGET=wasm32v1-none
has_rustup_target() { rustup target list --installed 2>/dev/null | grep -qx "$WASM_TARGET"; }
has_debweb() {
  rustup toolchain list 2>/dev/null | grep -q '^debweb' &&
    ls "$(/usr/bin/rustc --print sysroot 2>/dev/null)/lib/rustlib/$WASM_TARGET/lib/"libcore-*.rlib >/dev/null 2>&1
}

if has_rustup_target; then
  log "wasm: rustup target $WASM_TARGET present"
elif has_debweb; then
  log "wasm: debweb toolchain with $WASM_TARGET sysroot present"
elif timeout 60 rustup target add "$WASM_TARGET" >/dev/null 2>&1; then
  log "wasm: added rustup target $WASM_TARGET"
else
  log "wasm: rustup cannot add $WASM_TARGET here; building it from Debian's rustc-web"
  apt_install rustc-web cargo-web rust-web-src rust-web-llvm lld-22
  sysroot=$(/usr/bin/rustc --print sysroot)
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/src"
  cat >"$work/Cargo.toml" <<'TOML'
[package]
name = "wasm-sysroot"
version = "0.0.0"
edition = "2021"
[lib]
crate-type = ["cdylib"]
path = "src/lib.rs"
[profile.release]
panic = "abort"
TOML
  cat >"$work/src/lib.rs" <<'RS'
#![no_std]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! { loop {} }
RS
  (cd "$work" && env -u CARGO_TARGET_DIR RUSTFLAGS="-C embed-bitcode=yes" RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 \
    /usr/bin/cargo build --release --target "$WASM_TARGET" \
    -Z build-std=core,alloc -Z build-std-features=compiler-builtins-mem >/dev/null 2>&1) || {
      echo "building the $WASM_TARGET sysroot failed; run the step by hand (docs/toolchain.md)" >&2; exit 1; }
  dest="$sysroot/lib/rustlib/$WASM_TARGET/lib"
  sudo_if_needed mkdir -p "$dest"
  sudo_if_needed rm -f "$dest"/lib{core,alloc,compiler_builtins}-*.rlib
  for lib in core alloc compiler_builtins; do
    sudo_if_needed cp "$work"/target/$WASM_TARGET/release/deps/lib${lib}-*.rlib "$dest/"
  done
  rustup toolchain link debweb /usr
  # Runtime artifacts built against an earlier sysroot no longer link.
  rm -rf "${CARGO_TARGET_DIR:-$HOME/.cache/bastion-target}"/*/wbuild
  log "wasm: debweb toolchain ready"
fi

# --- Node.js packages for the client tests ----------------------------------------
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt_install nodejs npm
fi
npm_ci() { # dir, a file that exists once installed
  local dir=$1 marker=$2
  if [ ! -e "$dir/node_modules/$marker" ] ||
     [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    log "npm ci (${dir#$root/})"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}
npm_ci "$root/tests/client" "@polkadot/api"
npm_ci "$root/zombienet" ".bin/zombienet"

log "done"
