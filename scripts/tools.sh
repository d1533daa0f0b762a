# Sourced by ./dev and scripts/browser-tests.sh: installs what the build and the tests
# need, each step skipped when the tool is already there at the right version. Nothing
# is downloaded from outside the package registries (crates.io, npm, Debian).
# Expects ROOT to be the repository root.

TRUNK_VERSION=0.21.14
TOOLS="$ROOT/.tools"
export PATH="$TOOLS/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\n== %s\n' "$*"; }
die() { printf '%s\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# The wasm-bindgen of the build: pinned once, `wasm-bindgen = "=X"` in the root Cargo.toml's
# [workspace.dependencies], and locked in Cargo.lock. The CLI and the test runner must be
# exactly that version. Trunk reads the same one (Trunk.toml names none, so Trunk 0.21
# takes the wasm-bindgen that `cargo metadata` resolves from Cargo.lock).
wasm_bindgen_version() {
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

# Fails unless the pin in Cargo.toml and the lock file agree, and Trunk.toml names no
# other wasm-bindgen (it would win over the lock file in Trunk).
check_wasm_bindgen_pin() {
    local pinned locked trunk_pin
    pinned=$(sed -n 's/^wasm-bindgen = "=\([0-9][0-9.]*\)"$/\1/p' "$ROOT/Cargo.toml")
    locked=$(wasm_bindgen_version)
    [ -n "$pinned" ] || die 'Cargo.toml: [workspace.dependencies] must pin wasm-bindgen = "=X.Y.Z"'
    [ "$pinned" = "$locked" ] \
        || die "wasm-bindgen: Cargo.toml pins $pinned but Cargo.lock has ${locked:-none} (run cargo update -p wasm-bindgen)"
    trunk_pin=$(sed -n 's/^wasm_bindgen *= *"\(.*\)"$/\1/p' "$ROOT/Trunk.toml")
    [ -z "$trunk_pin" ] || [ "$trunk_pin" = "$pinned" ] \
        || die "wasm-bindgen: Trunk.toml says $trunk_pin, Cargo.toml pins $pinned (drop it from Trunk.toml)"
}

# The binaryen (wasm-opt) major version Trunk.toml asks for: wasm_opt = "version_N".
binaryen_version() {
    local v
    v=$(sed -n 's/^wasm_opt *= *"version_\([0-9][0-9]*\)"$/\1/p' "$ROOT/Trunk.toml")
    [ -n "$v" ] || die 'Trunk.toml: [tools] must name wasm_opt = "version_N"'
    printf '%s.0.0\n' "$v"
}

need_wasm_target() {
    rustup target list --installed | grep -qx wasm32-unknown-unknown \
        || { say "adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
}

need_wasm_bindgen() {
    local v
    check_wasm_bindgen_pin
    v=$(wasm_bindgen_version)
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
    local v
    v=$(binaryen_version)
    if ! wasm-opt --version 2>/dev/null | grep -q "version ${v%%.*} "; then
        say "installing binaryen $v (wasm-opt) from npm"
        mkdir -p "$TOOLS"
        (cd "$TOOLS" && npm install --no-audit --no-fund --no-save "binaryen@$v")
    fi
}

# twiggy, for the size budget's list of where the bytes are.
need_twiggy() {
    if ! twiggy --version 2>/dev/null | grep -q " 0.8.0\$"; then
        say "installing twiggy 0.8.0"
        cargo install twiggy --version 0.8.0 --locked
    fi
}

need_chromium() {
    if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
        say "installing chromium and chromium-driver"
        as_root apt-get update -qq
        as_root apt-get install -y -qq chromium chromium-driver
    fi
}

# npm ci in DIR unless its node_modules was installed from this very package-lock.json.
need_npm_deps() {
    local dir=$1 want
    local stamp="$dir/node_modules/.installed-from-lock"
    want=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
    if [ ! -d "$dir/node_modules" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
        say "npm ci in ${dir#"$ROOT"/}/"
        (cd "$dir" && npm ci --no-audit --no-fund)
        printf '%s\n' "$want" >"$stamp"
    fi
}

# The end-to-end tests' packages (playwright-core, axe-core).
need_e2e_deps() { need_npm_deps "$ROOT/e2e"; }

# What Trunk needs to build the site (`trunk build` and `trunk serve`), offline.
need_site_tools() {
    need_wasm_target
    need_trunk
    need_wasm_bindgen
    need_wasm_opt
}

# The release build of the site into dist/, with the local tools only.
build_site() {
    need_site_tools
    say "trunk build --release (offline, local wasm-bindgen and wasm-opt)"
    (cd "$ROOT" && trunk build --release --offline)
}
