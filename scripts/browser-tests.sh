#!/usr/bin/env bash
# The browser tests, in headless Chromium (Debian's chromium + chromedriver):
#
#   scripts/browser-tests.sh corpus   the rule-case corpus compiled to WASM, run by
#                                     wasm-bindgen-test-runner (tests/tests/browser.rs)
#   scripts/browser-tests.sh e2e      the end-to-end tests in e2e/ against a built site:
#                                     $DIST (default dist, relative to the current directory)
#                                     must already hold trunk's output
#   scripts/browser-tests.sh [all]    both, corpus first
#
# Callable from anywhere; paths in $DIST are taken relative to the caller's directory.
# What is missing is installed: the wasm32 target, the wasm-bindgen-cli that matches
# Cargo.lock, chromium and chromium-driver (apt), and e2e/node_modules (npm ci, redone
# when e2e/package-lock.json changes).
set -euo pipefail

CALLER_DIR=$PWD
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\n== %s\n' "$*"; }
die() { printf 'browser-tests: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- what the tests need

need_chromium() {
    if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
        say "installing chromium and chromium-driver"
        local sudo=()
        [ "$(id -u)" = 0 ] || sudo=(sudo)
        "${sudo[@]}" apt-get update -qq
        "${sudo[@]}" apt-get install -y -qq chromium chromium-driver
    fi
}

# The wasm-bindgen version Cargo.lock pins; the test runner must be exactly that version.
wasm_bindgen_version() {
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' \
        "$ROOT/Cargo.lock"
}

need_wasm_tools() {
    rustup target list --installed | grep -qx wasm32-unknown-unknown \
        || { say "adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
    local v
    v=$(wasm_bindgen_version)
    [ -n "$v" ] || die "no wasm-bindgen in Cargo.lock"
    if ! wasm-bindgen-test-runner --version 2>/dev/null | grep -q " $v\$"; then
        say "installing wasm-bindgen-cli $v (the version in Cargo.lock)"
        cargo install wasm-bindgen-cli --version "$v" --locked --force
    fi
}

# npm ci in e2e/ unless node_modules was installed from this very package-lock.json.
need_e2e_deps() {
    local e2e="$ROOT/e2e" stamp="$ROOT/e2e/node_modules/.installed-from-lock"
    local want
    want=$(sha256sum "$e2e/package-lock.json" | cut -d' ' -f1)
    if [ ! -d "$e2e/node_modules" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
        say "npm ci in e2e/"
        (cd "$e2e" && npm ci --no-audit --no-fund)
        printf '%s\n' "$want" >"$stamp"
    fi
}

# ---------------------------------------------------------------- A: the corpus in WASM

run_corpus() {
    need_chromium
    need_wasm_tools
    say "the case corpus in headless Chromium (wasm32, wasm-bindgen-test-runner)"
    # cargo runs the runner from tests/, where webdriver.json is; naming it absolutely
    # keeps that true whoever calls this.
    (
        cd "$ROOT"
        CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
        CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}" \
        WASM_BINDGEN_TEST_WEBDRIVER_JSON="$ROOT/tests/webdriver.json" \
            cargo test -p impower-corpus --target wasm32-unknown-unknown
    )
}

# ---------------------------------------------------------------- B: end to end

run_e2e() {
    local dist=${DIST:-dist}
    case $dist in /*) ;; *) dist="$CALLER_DIR/$dist" ;; esac
    [ -f "$dist/index.html" ] \
        || die "$dist/index.html not found: build the site first (trunk build) or set DIST"
    dist=$(cd "$dist" && pwd)
    need_chromium
    need_e2e_deps
    say "end-to-end tests against $dist"
    (cd "$ROOT/e2e" && DIST="$dist" CHROMIUM="${CHROMIUM:-$(command -v chromium)}" \
        node --test --test-concurrency=1)
}

case "${1:-all}" in
    corpus) run_corpus ;;
    e2e) run_e2e ;;
    all) run_corpus; run_e2e ;;
    *) echo "usage: scripts/browser-tests.sh [corpus|e2e|all]   (DIST=dist by default)" >&2; exit 2 ;;
esac
