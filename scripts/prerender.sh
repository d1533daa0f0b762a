#!/usr/bin/env bash
# Trunk post_build hook (after scripts/build-embed.sh, see Trunk.toml): the page's first
# paint comes with the page itself.
# 1. The static shell (web::shell::html, printed by the `shell` binary) goes into the
#    staged index.html, in place of the "Loading…" placeholder in <div id="app">. On a
#    slow connection the first questions then show as soon as the page arrives, inert
#    until the app replaces them (see web/src/shell.rs).
# 2. The stylesheet goes into the page as its one <style>, allowed by its sha256 in the
#    page's Content-Security-Policy (style-src 'self' 'sha256-…'), in place of the
#    <link rel="stylesheet">: a linked stylesheet holds the first paint back by one more
#    round trip (at Fast 3G the first question showed at 1.2 s instead of 0.6 s). The
#    file stays in embed/ for the widget, whose shadow root links it.
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
node - "$PAGE" <<'JS'
const fs = require("node:fs");
const path = require("node:path");
const crypto = require("node:crypto");
const page = process.argv[2];
const fail = (why) => { console.error(`prerender: ${why} (${page})`); process.exit(1); };
let html = fs.readFileSync(page, "utf8");
// Trunk minifies the page: attributes may lose their quotes and change order.
const links = html.match(/<link\b[^>]*\brel="?stylesheet"?[^>]*>/g) ?? [];
if (links.length !== 1) fail(`${links.length} stylesheet links, not one`);
const href = links[0].match(/\bhref="?([^" >]+)/)?.[1];
if (!href || !/^(\.\/)?embed\/style-[0-9a-f]+\.css$/.test(href)) fail(`the stylesheet is ${href}, not embed/style-*.css`);
const css = fs.readFileSync(path.join(path.dirname(page), href), "utf8");
if (/<\/style/i.test(css)) fail("the stylesheet holds </style");
const hash = "sha256-" + crypto.createHash("sha256").update(css, "utf8").digest("base64");
const metas = html.match(/<meta\b[^>]*http-equiv="?Content-Security-Policy"?[^>]*>/g) ?? [];
if (metas.length !== 1 || metas[0].split("style-src 'self';").length !== 2) {
  fail("not one Content-Security-Policy <meta> with style-src 'self';");
}
html = html
  .replace(metas[0], () => metas[0].replace("style-src 'self';", `style-src 'self' '${hash}';`))
  .replace(links[0], () => `<style>${css}</style>`);
fs.writeFileSync(page, html);
JS
echo "prerender: the static shell and the stylesheet are in $PAGE"
