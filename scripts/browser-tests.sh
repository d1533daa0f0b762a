#!/usr/bin/env bash
# The browser tests, in headless Chromium (Debian's chromium + chromedriver):
#
#   scripts/browser-tests.sh corpus   the rule-case corpus and the app's component tests,
#                                     compiled to WASM, run by wasm-bindgen-test-runner
#                                     (tests/tests/browser.rs, web/tests/components.rs)
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


# shellcheck source=scripts/tools.sh
. "$ROOT/scripts/tools.sh"

# ---------------------------------------------------------------- A: the corpus in WASM

run_corpus() {
    need_chromium
    need_wasm_target
    need_wasm_bindgen
    say "in headless Chromium: the case corpus and the app's component tests (wasm32)"
    # cargo runs the runner from tests/, where webdriver.json is; naming it absolutely
    # keeps that true whoever calls this.
    (
        cd "$ROOT"
        CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
        CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}" \
        WASM_BINDGEN_TEST_WEBDRIVER_JSON="$ROOT/tests/webdriver.json" \
            cargo test -p impower-corpus -p impower-web --target wasm32-unknown-unknown
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
