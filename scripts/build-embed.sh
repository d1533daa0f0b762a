#!/usr/bin/env bash
# Completes <out>/embed/ after Trunk has built the app into it (index.html puts the app's
# module, .wasm and stylesheet in embed/, with hashed names):
#   impower.js + impower_bg.wasm   the rules' JS API (crates/embed), no UI code: built here
#   impower-ready.js               the <impower-ready> custom element's loader: it runs the
#                                  app's own module, .wasm and stylesheet, whose names (and
#                                  the .wasm's integrity) are written into it here from the
#                                  <meta name="impower-app"> and links of <out>/index.html
#   example.html                   a host page, styled unlike us, using both
#   package.json, README.md, *.d.ts  the npm package: embed/ is its folder (`npm pack` there);
#                                  crates/embed/npm/ holds them, the version is Cargo.toml's
# and takes the comments out of the JavaScript pages load (see strip_js below).
# Run by Trunk as a post-build hook (out = $TRUNK_STAGING_DIR), or by hand on a built site:
#   scripts/build-embed.sh dist
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${1:-${TRUNK_STAGING_DIR:?give the output folder}}
EMBED="$OUT/embed"
export PATH="$ROOT/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# wasm-opt's level and feature flags are written once, on the app's <link data-trunk
# rel="rust"> in index.html (Trunk reads them only from there), and read back here so
# the embed builds are optimised exactly like the app.
HTML=${TRUNK_HTML_FILE:-$ROOT/index.html}
attr() { sed -n "s/.*<link data-trunk rel=\"rust\"[^>]* $1=\"\([^\"]*\)\".*/\1/p" "$HTML"; }
OPT_LEVEL=$(attr data-wasm-opt)
read -r -a OPT_FLAGS <<<"$(attr data-wasm-opt-params)"
[ -n "$OPT_LEVEL" ] && [ "${#OPT_FLAGS[@]}" -gt 0 ] \
    || { echo "build-embed.sh: no data-wasm-opt / data-wasm-opt-params on the rust link of $HTML" >&2; exit 1; }

PAGE="$OUT/index.html"
[ -f "$PAGE" ] || { echo "build-embed.sh: $PAGE not found: the app is built first (trunk build)" >&2; exit 1; }

# Trunk's minifier cannot parse our JavaScript (web/boot.js's import(), the wasm-bindgen
# module's `export { … as default }`), so Trunk ships both as written, comments and all.
# strip_js FILE drops whole-line comments, blank lines and indentation, and nothing else
# (each statement keeps its own line). It refuses a file where that could change the
# code: an odd number of backticks on a line (a template literal over several lines), a
# line ending in a backslash, code after a `*/` that ends a comment.
strip_js() {
    awk '
        { t = $0; sub(/^[ \t]+/, "", t) }
        block { if (i = index(t, "*/")) { block = 0; rest(substr(t, i + 2)) } next }
        t ~ /^\/\// || t == "" { next }
        t ~ /^\/\*/ { if (i = index(t, "*/")) rest(substr(t, i + 2)); else block = 1; next }
        gsub(/`/, "`", t) % 2 || t ~ /\\$/ { bad("a string or template literal over lines") }
        { print t }
        function rest(s) { if (s !~ /^[ \t]*$/) bad("code after */") }
        function bad(why) { printf "build-embed.sh: %s: line %d: %s\n", FILENAME, NR, why > "/dev/stderr"; failed = 1; exit 1 }
        END { if (failed || block) exit 1 }
    ' "$1" >"$1.stripped" || { rm -f "$1.stripped"; exit 1; }
    mv "$1.stripped" "$1"
}
sha384() { printf 'sha384-%s' "$(openssl dgst -sha384 -binary "$1" | openssl base64 -A)"; }
# Every script index.html loads carries an integrity there (Trunk writes it): each is
# stripped and its integrity updated.
SCRIPTS=$(grep -o '<[^>]* integrity=[^>]*>' "$PAGE" | sed -n 's/.* \(src\|href\)="\{0,1\}\.\/\([^"'"'"' >]*\.js\)[" >].*/\2/p')
[ -n "$SCRIPTS" ] || { echo "build-embed.sh: $PAGE loads no script with an integrity" >&2; exit 1; }
for js in $SCRIPTS; do
    before=$(sha384 "$OUT/$js")
    [ "$(grep -o -- "$before" "$PAGE" | wc -l)" -eq 1 ] \
        || { echo "build-embed.sh: $PAGE does not carry the integrity of $js once" >&2; exit 1; }
    strip_js "$OUT/$js"
    sed -i "s|$before|$(sha384 "$OUT/$js")|" "$PAGE"
done

# Where cargo puts its output: CARGO_TARGET_DIR, build.target-dir, or target/.
METADATA=$(cargo metadata --format-version 1 --no-deps --offline --manifest-path "$ROOT/Cargo.toml")
TARGET_DIR=$(printf '%s' "$METADATA" | grep -o '"target_directory":"[^"]*"' | cut -d'"' -f4)
[ -n "$TARGET_DIR" ] || { echo "build-embed.sh: cargo metadata gave no target_directory" >&2; exit 1; }
# The package version is the workspace's ([workspace.package] in Cargo.toml), written once.
VERSION=$(printf '%s' "$METADATA" | grep -o '"name":"impower-embed","version":"[^"]*"' | cut -d'"' -f8)
[ -n "$VERSION" ] || { echo "build-embed.sh: cargo metadata gave no version for impower-embed" >&2; exit 1; }
TARGET="$TARGET_DIR/wasm32-unknown-unknown/release"
mkdir -p "$EMBED"

# The JS API, built with `cargo rustc --crate-type cdylib`: a package that declares both
# cdylib and rlib gets no link-time optimisation from `cargo build` (rust-lang/cargo#9672),
# and LTO is worth about a sixth of the file. scripts/budget.sh checks the result.
cargo rustc --release --locked -p impower-embed --lib --crate-type cdylib --target wasm32-unknown-unknown --manifest-path "$ROOT/Cargo.toml"
wasm-bindgen --target web --no-typescript --out-dir "$EMBED" --out-name impower "$TARGET/impower_embed.wasm"
# The app's level and flags, then -O3 and the level again: measured on the JS API, that
# round ends 0.35 KB gzip smaller and no slower (on the app it is 0.65 KB larger).
wasm-opt "-O$OPT_LEVEL" "${OPT_FLAGS[@]}" -O3 "-O$OPT_LEVEL" "$EMBED/impower_bg.wasm" -o "$EMBED/impower_bg.wasm"

# wasm-bindgen writes crates/embed/src/tape.js (the answers' decoder, the request
# reader's helpers) to snippets/, which impower.js imports: one more file, fetched in
# series. It goes into impower.js instead, inside a function of its own that returns its
# exports, so that only the names impower.js imports it by enter its scope: each
# `import { a, b } from './snippets/…'` becomes `const { a, b } = …`, and each
# `import * as x from "./snippets/…"` (the wasm's direct imports) `const x = …`. Fails
# unless impower.js imports nothing else and names only functions the snippet exports.
# Then the comments go (impower.d.ts has the documentation).
SNIPPETS=$(find "$EMBED/snippets" -name '*.js')
[ "$(printf '%s\n' "$SNIPPETS" | grep -c .)" -eq 1 ] \
    || { echo "build-embed.sh: expected one snippet in $EMBED/snippets, found: $SNIPPETS" >&2; exit 1; }
EXPORTS=$(sed -n 's/^export function \([A-Za-z0-9_]*\)(.*/\1/p' "$SNIPPETS" | paste -sd, - | sed 's/,/, /g')
REL=./${SNIPPETS#"$EMBED/"}
awk -v rel="$REL" -v exports="$EXPORTS" -v snippet="$SNIPPETS" '
    BEGIN { q = "[\"\x27]" }
    /^import / {
        if ($0 !~ (" from " q) || index($0, rel) == 0) { print "build-embed.sh: impower.js imports something else: " $0 > "/dev/stderr"; bad = 1; exit 1 }
        if (!inlined) {
            print "const __impower_snippet = (() => {"
            while ((getline line < snippet) > 0) { sub(/^export function /, "function ", line); print line }
            print "return { " exports " };"
            print "})();"
            inlined = 1
        }
        if (match($0, /^import \{ [^}]* \}/)) { print "const " substr($0, 8, RLENGTH - 7) " = __impower_snippet;"; next }
        if (match($0, /^import \* as [A-Za-z0-9_]+ /)) { print "const " substr($0, 13, RLENGTH - 13) " = __impower_snippet;"; next }
        print "build-embed.sh: an import of the snippet not understood: " $0 > "/dev/stderr"; bad = 1; exit 1
    }
    { print }
    END { if (bad || !inlined) exit 1 }
' "$EMBED/impower.js" >"$EMBED/impower.js.inlined" || { rm -f "$EMBED/impower.js.inlined"; exit 1; }
mv "$EMBED/impower.js.inlined" "$EMBED/impower.js"
rm -r "$EMBED/snippets"
# Every name impower.js takes from the snippet is one of its functions.
for name in $(sed -n 's/^const { \([^}]*\) } = __impower_snippet;$/\1/p' "$EMBED/impower.js" | tr -d ,); do
    case ", $EXPORTS, " in
        *", $name, "*) ;;
        *) echo "build-embed.sh: impower.js imports $name, which the snippet does not export" >&2; exit 1 ;;
    esac
done
strip_js "$EMBED/impower.js"

# The widget: no build of its own. Its loader gets the names Trunk gave the app's module,
# .wasm and stylesheet, read from the built page (the <meta> that web/boot.js starts from,
# and the stylesheet link), each required to be a file of embed/, and the sha384 of each
# (the module as stripped above), which the element checks before using the file.
# The value of attribute $3 on the first <$1> tag of $PAGE that has $2 (Trunk's minifier
# drops quotes and sorts attributes), as a name inside embed/.
in_embed() {
    local v
    v=$(grep -o "<$1 [^>]*$2[^>]*>" "$PAGE" | head -n 1 | sed -n "s/.* $3=\"\{0,1\}\([^\" >]*\).*/\1/p")
    v=${v#./}
    case $v in
        embed/*) [ -f "$OUT/$v" ] && { printf '%s' "${v#embed/}"; return; } ;;
    esac
    echo "build-embed.sh: $3 of <$1 $2> in $PAGE is '${v}', not a file of embed/ (see index.html)" >&2
    exit 1
}
MODULE=$(in_embed meta 'name="\{0,1\}impower-app' data-js)
WASM=$(in_embed meta 'name="\{0,1\}impower-app' data-wasm)
STYLE=$(in_embed link 'rel="\{0,1\}stylesheet' href)
MODULE_SRI=$(sha384 "$EMBED/$MODULE")
WASM_SRI=$(sha384 "$EMBED/$WASM")
STYLE_SRI=$(sha384 "$EMBED/$STYLE")
sed -e "s|@MODULE@|$MODULE|" -e "s|@MODULE_INTEGRITY@|$MODULE_SRI|" -e "s|@WASM@|$WASM|" \
    -e "s|@WASM_INTEGRITY@|$WASM_SRI|" -e "s|@STYLE@|$STYLE|" -e "s|@STYLE_INTEGRITY@|$STYLE_SRI|" \
    "$ROOT/web/embed/impower-ready.js" >"$EMBED/impower-ready.js"
if grep -q '@[A-Z_]*@' "$EMBED/impower-ready.js"; then
    echo "build-embed.sh: a @NAME@ of web/embed/impower-ready.js was not filled in" >&2
    exit 1
fi
strip_js "$EMBED/impower-ready.js"
cp "$ROOT"/web/embed/example.* "$EMBED/"

# The npm package: the types (impower.d.ts is generated from the rules' types, see
# crates/typescript), its README, and package.json with the workspace version.
NPM="$ROOT/crates/embed/npm"
cp "$NPM/impower.d.ts" "$NPM/impower-ready.d.ts" "$NPM/README.md" "$EMBED/"
sed -e "s/@VERSION@/$VERSION/" -e "s|@MODULE@|$MODULE|" -e "s|@WASM@|$WASM|" -e "s|@STYLE@|$STYLE|" \
    "$NPM/package.json" >"$EMBED/package.json"
grep -q "\"version\": \"$VERSION\"" "$EMBED/package.json" \
    || { echo "build-embed.sh: $NPM/package.json has no \"version\": \"@VERSION@\" to fill in" >&2; exit 1; }
if grep -q '@[A-Z_]*@' "$EMBED/package.json"; then
    echo "build-embed.sh: a @NAME@ of $NPM/package.json was not filled in" >&2
    exit 1
fi
