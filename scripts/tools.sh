# Sourced by ./dev and scripts/browser-tests.sh: installs what the build and the tests
# need, each step skipped when the tool is already there at the right version. Nothing
# is downloaded from outside the package registries (crates.io, npm, Debian).
# Expects ROOT to be the repository root.

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
TOOLS="$ROOT/.tools"
export PATH="$TOOLS/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\n== %s\n' "$*"; }
die() { printf '%s\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# The wasm-bindgen that Cargo.lock pins: the CLI and test runner must match it exactly.
wasm_bindgen_version() {
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

need_wasm_target() {
    rustup target list --installed | grep -qx wasm32-unknown-unknown \
        || { say "adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
}

need_wasm_bindgen() {
    local v
    v=$(wasm_bindgen_version)
    [ -n "$v" ] || die "no wasm-bindgen in Cargo.lock"
    if ! wasm-bindgen --version 2>/dev/null | grep -q " $v\$" \
        || ! wasm-bindgen-test-runner --version 2>/dev/null | grep -q " $v\$"; then
        say "installing wasm-bindgen-cli $v (the version in Cargo.lock)"
        # The crates index here can lag the lock file of wasm-bindgen-cli, so no --locked.
        cargo install wasm-bindgen-cli --version "$v" --force
    fi
}

need_trunk() {
    if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
        say "installing trunk $TRUNK_VERSION"
        cargo install trunk --version "$TRUNK_VERSION" --locked
    fi
}

need_wasm_opt() {
    if ! wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*} "; then
        say "installing binaryen $BINARYEN_VERSION (wasm-opt) from npm"
        mkdir -p "$TOOLS"
        (cd "$TOOLS" && npm install --no-audit --no-fund --no-save "binaryen@$BINARYEN_VERSION")
    fi
}

need_chromium() {
    if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
        say "installing chromium and chromium-driver"
        as_root apt-get update -qq
        as_root apt-get install -y -qq chromium chromium-driver
    fi
}

# npm ci in e2e/ unless node_modules was installed from this very package-lock.json.
need_e2e_deps() {
    local e2e="$ROOT/e2e" stamp="$ROOT/e2e/node_modules/.installed-from-lock" want
    want=$(sha256sum "$e2e/package-lock.json" | cut -d' ' -f1)
    if [ ! -d "$e2e/node_modules" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
        say "npm ci in e2e/"
        (cd "$e2e" && npm ci --no-audit --no-fund)
        printf '%s\n' "$want" >"$stamp"
    fi
}

# The release build of the site into dist/, with the local tools only.
build_site() {
    need_wasm_target
    need_trunk
    need_wasm_bindgen
    need_wasm_opt
    say "trunk build --release (offline, local wasm-bindgen and wasm-opt)"
    (cd "$ROOT" && trunk build --release --offline)
}
