#!/usr/bin/env bash
# Builds the embeddable pieces into <out>/embed/:
#   impower.js + impower_bg.wasm   the rules' JS API (crates/embed), no UI code
#   impower-ready.js + widget      the <impower-ready> custom element (web, feature widget)
#   example.html                   a host page, styled unlike us, using both
# Run by Trunk as a post-build hook (out = $TRUNK_STAGING_DIR), or by hand:
#   scripts/build-embed.sh dist
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${1:-${TRUNK_STAGING_DIR:?give the output folder}}
EMBED="$OUT/embed"
export PATH="$ROOT/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
FEATURES="--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue"
TARGET="$ROOT/target/wasm32-unknown-unknown/release"
mkdir -p "$EMBED"

# The JS API.
cargo build --release --locked -p impower-embed --lib --target wasm32-unknown-unknown --manifest-path "$ROOT/Cargo.toml"
wasm-bindgen --target web --no-typescript --out-dir "$EMBED" --out-name impower "$TARGET/impower_embed.wasm"
wasm-opt -Oz $FEATURES "$EMBED/impower_bg.wasm" -o "$EMBED/impower_bg.wasm"

# The widget: the app's library with the custom element's entry points.
cargo build --release --locked -p impower-web --lib --features widget --target wasm32-unknown-unknown --manifest-path "$ROOT/Cargo.toml"
wasm-bindgen --target web --no-typescript --out-dir "$EMBED" --out-name widget "$TARGET/web.wasm"
wasm-opt -Oz $FEATURES "$EMBED/widget_bg.wasm" -o "$EMBED/widget_bg.wasm"
cp "$ROOT/web/embed/impower-ready.js" "$ROOT/web/style.css" "$ROOT"/web/embed/example.* "$EMBED/"
