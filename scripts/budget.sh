#!/usr/bin/env bash
# Size budget of the built site: prints the gzip and brotli size of each shipped file and
# the totals, and fails when a file type or a total is over its ceiling. Ceilings only go
# down. With twiggy installed (./dev test installs it) it also prints where the app's
# bytes are: the largest items of its WebAssembly before wasm-opt, by name.
#   scripts/budget.sh [DIST]     (default dist)
# Ceilings, in gzip bytes (gzip -9, what a static host serves). The target for the whole
# app is about 100 KB; a bare Yew counter is already 58 KB here.
# Raised once, on 2026-11-22, when issue 8 (one application state, share links, autosave,
# export and import) landed at +34 KB: the brief measures size on the finished feature
# set, and issue 10 brings these down again. From here they only go down.
set -euo pipefail
DIST=${1:-dist}
APP_WASM_MAX=${APP_WASM_MAX:-164500}
APP_TOTAL_MAX=${APP_TOTAL_MAX:-176000}
# The JS API has no UI: it must stay far smaller than the app.
API_TOTAL_MAX=${API_TOTAL_MAX:-53000}
# The widget is the app plus its entry points and the change payload.
WIDGET_TOTAL_MAX=${WIDGET_TOTAL_MAX:-181000}

gz() { gzip -9c "$1" | wc -c; }
# Brotli at its best quality, as many static hosts serve it (Node's zlib, no extra tool).
br() { node -e 'process.stdout.write(String(require("zlib").brotliCompressSync(require("fs").readFileSync(process.argv[1]), {params: {[require("zlib").constants.BROTLI_PARAM_QUALITY]: 11}}).length))' "$1"; }
total=0
api=0
widget=0
fail=0
printf '%-48s %10s %10s %10s\n' "file" "bytes" "gzip" "brotli"
while IFS= read -r f; do
    raw=$(stat -c %s "$f"); z=$(gz "$f"); b=$(br "$f")
    printf '%-48s %10d %10d %10d\n' "${f#"$DIST"/}" "$raw" "$z" "$b"
    case "$f" in
        "$DIST"/embed/impower.js | "$DIST"/embed/impower_bg.wasm) api=$((api + z)) ;;
        "$DIST"/embed/example.*) ;;
        "$DIST"/embed/*) widget=$((widget + z)) ;;
        *) total=$((total + z)) ;;
    esac
    case "$f" in
        "$DIST"/impower-web*_bg.wasm) if [ "$z" -gt "$APP_WASM_MAX" ]; then echo "  over budget: app wasm $z > $APP_WASM_MAX"; fail=1; fi ;;
    esac
done < <(find "$DIST" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' \) | sort)
# The npm package's type declarations, package.json and README are not shipped code (no
# page loads them): listed for information, counted in no total and no ceiling.
while IFS= read -r f; do
    printf '%-48s %10d %10d  (types, not counted)\n' "${f#"$DIST"/}" "$(stat -c %s "$f")" "$(gz "$f")"
done < <(find "$DIST" -type f -name '*.d.ts' | sort)
printf '%-48s %10s %10d  (ceiling %d, target ~100000)\n' "app total (gzip)" "" "$total" "$APP_TOTAL_MAX"
if [ "$total" -gt "$APP_TOTAL_MAX" ]; then echo "  over budget: app total $total > $APP_TOTAL_MAX"; fail=1; fi
printf '%-48s %10s %10d  (ceiling %d)\n' "embed JS API total (gzip)" "" "$api" "$API_TOTAL_MAX"
if [ "$api" -gt "$API_TOTAL_MAX" ]; then echo "  over budget: JS API $api > $API_TOTAL_MAX"; fail=1; fi
printf '%-48s %10s %10d  (ceiling %d)\n' "embed widget total (gzip)" "" "$widget" "$WIDGET_TOTAL_MAX"
if [ "$widget" -gt "$WIDGET_TOTAL_MAX" ]; then echo "  over budget: widget $widget > $WIDGET_TOTAL_MAX"; fail=1; fi
# Where the app's bytes are (names survive only before wasm-bindgen and wasm-opt, so
# these are raw sizes of the unoptimised module: read them as proportions).
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps --offline --manifest-path "$ROOT/Cargo.toml" 2>/dev/null \
    | grep -o '"target_directory":"[^"]*"' | cut -d'"' -f4 || true)
APP_WASM="${TARGET_DIR:-$ROOT/target}/wasm32-unknown-unknown/release/impower-web.wasm"
if command -v twiggy >/dev/null && [ -f "$APP_WASM" ]; then
    echo
    echo "largest items of the app's WebAssembly (twiggy top, before wasm-opt):"
    twiggy top "$APP_WASM" -n 18 | grep -v "custom section\|function names" | cut -c1-150
fi
exit $fail
