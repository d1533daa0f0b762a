#!/usr/bin/env bash
# ./dev bench: speed figures, in this order, then a summary table.
#   1. criterion, natively: every verb through rules::respond, and split into parse, read,
#      evaluate (the typed functions, no JSON) and write    crates/rules/benches/verbs.rs
#   2. the JS API against json-rules-engine in Node        e2e/bench/js-api.mjs
#   3. keystroke to painted result, Team view, 10 people   e2e/bench/browser.mjs
#   4. first question visible at Fast 3G, cold cache       e2e/bench/first-content.mjs
#      (as served, then gzipped)
# The site is built first when $DIST (default dist/) has no app or JS API in it.
#
# Figures only: nothing passes or fails on a time. It exits non-zero when a bench does
# not run (a build fails, a page or a field is missing, the engines disagree), after
# running the others. The figures are as noisy as the machine: other work on the same
# cores moves them.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/tools.sh
. "$ROOT/scripts/tools.sh"

DIST=${DIST:-$ROOT/dist}
case $DIST in /*) ;; *) DIST="$PWD/$DIST" ;; esac
export DIST
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
FAILED=()


# Runs one bench, its output shown and kept in $OUT/<name>.log; a failure is recorded.
run() {
    local name=$1
    shift
    if ! "$@" 2>&1 | tee "$OUT/$name.log"; then
        FAILED+=("$name")
        printf '%s: did not run to the end (see above)\n' "$name" >&2
    fi
}

# --------------------------------------------------------------- 1. criterion, natively

say "1/4 criterion: every verb natively (warm-up 1 s, measurement 2 s each)"
# A fresh CRITERION_HOME: no earlier run's figures can be read back as this run's.
export CRITERION_HOME="$OUT/criterion"
run criterion cargo bench --manifest-path "$ROOT/Cargo.toml" -p impower-rules --bench verbs \
    -- --warm-up-time 1 --measurement-time 2
if [[ ! " ${FAILED[*]-} " =~ " criterion " ]]; then
    run criterion-medians node -e '
const { readFileSync } = require("node:fs");
const home = process.argv[1];
const verbs = ["fees", "schedule", "readiness", "team", "credits", "assess"];
const parts = ["respond", "parse", "read", "evaluate", "write"];
const ns = {};
for (const p of parts) for (const v of verbs) {
  const file = `${home}/${p}/${v}/new/estimates.json`;
  ns[`${p}/${v}`] = JSON.parse(readFileSync(file, "utf8")).median.point_estimate;
}
const us = (x) => (x / 1000).toFixed(2).padStart(9);
console.log("\nmedians, µs per call (criterion estimates.json):");
console.log(`${"verb".padEnd(10)}${parts.map((p) => p.padStart(9)).join("")}`);
for (const v of verbs) console.log(`${v.padEnd(10)}${parts.map((p) => us(ns[`${p}/${v}`])).join("")}`);
console.log(`BENCH_JSON ${JSON.stringify(ns)}`);
' "$CRITERION_HOME"
fi

# --------------------------------------------------------------- the site, for 2-4

if [ ! -f "$DIST/index.html" ] || [ ! -f "$DIST/embed/impower.js" ]; then
    [ "$DIST" = "$ROOT/dist" ] || die "$DIST has no built site: build it or unset DIST"
    build_site
fi
need_chromium
need_e2e_deps
need_npm_deps "$ROOT/e2e/bench"
export CHROMIUM="${CHROMIUM:-$(command -v chromium)}"

say "2/4 the JS API against json-rules-engine, in Node"
run js-api node "$ROOT/e2e/bench/js-api.mjs"

say "3/4 keystroke to painted result: Team view, 10 people, headless Chromium"
run browser node "$ROOT/e2e/bench/browser.mjs"

say "4/4 first question visible at Fast 3G, cold cache"
run first-content node "$ROOT/e2e/bench/first-content.mjs"

# --------------------------------------------------------------- summary

say "summary ($(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'); figures move with the machine's other work)"
node -e '
const { readFileSync, existsSync } = require("node:fs");
const out = process.argv[1];
const read = (name) => {
  const file = `${out}/${name}.log`;
  if (!existsSync(file)) return null;
  const line = readFileSync(file, "utf8").split("\n").reverse().find((l) => l.startsWith("BENCH_JSON "));
  return line ? JSON.parse(line.slice("BENCH_JSON ".length)) : null;
};
const rows = [];
const row = (what, figure) => rows.push([what, figure]);
const us = (x) => `${x.toFixed(2)} µs`;
const ms = (x) => `${x.toFixed(1)} ms`;
const c = read("criterion-medians");
if (c) {
  for (const v of ["fees", "schedule", "readiness", "team", "credits", "assess"]) {
    row(`native ${v}: respond (evaluate only)`, `${us(c[`respond/${v}`] / 1000)} (${us(c[`evaluate/${v}`] / 1000)})`);
  }
} else row("native verbs (criterion)", "DID NOT RUN");
const j = read("js-api");
if (j) {
  row("JS API readiness", us(j.readiness_impower_us));
  row(`${j.engine} readiness`, us(j.readiness_jre_us));
  row("ratio json-rules-engine / JS API", j.ratio.toFixed(2));
  row("JS API fees / team / assess", `${us(j.fees_us)} / ${us(j.team_us)} / ${us(j.assess_us)}`);
} else row("JS API vs json-rules-engine", "DID NOT RUN");
const b = read("browser");
if (b) {
  row(`keystroke to DOM, ${b.people} people (median / p95)`, `${ms(b.dom_median_ms)} / ${ms(b.dom_p95_ms)}`);
  row("keystroke to frame (median / p95)", `${ms(b.frame_median_ms)} / ${ms(b.frame_p95_ms)}`);
  row("4x CPU throttling: to DOM (median / p95)", `${ms(b.throttled_dom_median_ms)} / ${ms(b.throttled_dom_p95_ms)}`);
  row("4x CPU throttling: to frame (median / p95)", `${ms(b.throttled_frame_median_ms)} / ${ms(b.throttled_frame_p95_ms)}`);
} else row("keystroke in the browser", "DID NOT RUN");
const f = read("first-content");
if (f) {
  row(`first question at Fast 3G, no compression (median of ${f.loads} cold loads)`, `${ms(f.median_ms)} (${(f.bytes / 1000).toFixed(1)} kB)`);
  row(`first question at Fast 3G, gzipped (median of ${f.loads} cold loads)`, `${ms(f.gzip_median_ms)} (${(f.gzip_bytes / 1000).toFixed(1)} kB)`);
  row(`answerable (the app running) at Fast 3G, no compression / gzipped`, `${ms(f.answerable_median_ms)} / ${ms(f.gzip_answerable_median_ms)}`);
} else row("first question at Fast 3G", "DID NOT RUN");
const w = Math.max(...rows.map((r) => r[0].length));
for (const [what, figure] of rows) console.log(`${what.padEnd(w)}  ${figure}`);
' "$OUT"

if [ "${#FAILED[@]}" -gt 0 ]; then
    printf '\nbenches that did not run: %s\n' "${FAILED[*]}" >&2
    exit 1
fi
