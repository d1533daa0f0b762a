#!/usr/bin/env bash
# Trunk post_build hook (before scripts/build-embed.sh, see Trunk.toml): writes the page's static shell (web::shell::html, printed by the
# `shell` binary) into the staged index.html, in place of the "Loading…" placeholder in
# <div id="app">. On a slow connection the first questions then show as soon as the page
# arrives, inert until the app replaces them (see web/src/shell.rs).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Run by Trunk (out = $TRUNK_STAGING_DIR), or by hand on a built site: scripts/prerender.sh dist
PAGE="${1:-${TRUNK_STAGING_DIR:?give the output folder}}/index.html"
SHELL_HTML=$(cargo run -q --locked --manifest-path "$ROOT/Cargo.toml" -p impower-web --bin shell)
[ -n "$SHELL_HTML" ] || { echo "prerender: the shell binary printed nothing" >&2; exit 1; }
SHELL_HTML="$SHELL_HTML" node -e '
const fs = require("node:fs");
const page = process.argv[1];
const html = fs.readFileSync(page, "utf8");
// The placeholder holds no <div>, so the first </div> after #app closes it (the
// minifier may have dropped the quotes around the id).
const at = /<div id="?app"?>[\s\S]*?<\/div>/;
if (!at.test(html)) { console.error(`prerender: no <div id="app"> in ${page}`); process.exit(1); }
fs.writeFileSync(page, html.replace(at, () => `<div id="app">${process.env.SHELL_HTML}</div>`));
' "$PAGE"
echo "prerender: the static shell is in $PAGE"
