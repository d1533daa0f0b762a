// The JS API (dist/embed/impower.js) against json-rules-engine, in one Node process.
//
//   node e2e/bench/js-api.mjs            (DIST=dist by default; ./dev bench runs it)
//
// Both decide the three critical commitments from the same five answers:
//   C1  sponsor and clinical leader named          (sponsor, clinical_leader)
//   C2  a QI coach, experienced or learning         (coach: experienced | learning | none)
//   C3  manual audits and data reporting            (can_audit, can_report_data)
//   ready = C1 and C2 and C3
// impower's `readiness()` through the JS API, and json-rules-engine with four equivalent
// rules. First every combination of the answers (2^4 booleans x 3 coach values = 48, which
// holds the 2^5 with the coach as named / not named) goes through both: if the verdicts
// differ anywhere, this exits non-zero before timing anything.
//
// Then each is warmed up and timed: ROUNDS rounds of CALLS calls each (cycling through the
// 48 requests), process.hrtime.bigint() around a round, µs per call = round time / CALLS,
// and the median over the rounds is printed. The fees, team and assess exports of the JS
// API are timed the same way on the requests of crates/rules/benches/requests.json (a
// 3-project, 12-person team; an assess with all five parts).
//
// Not like for like, and said so in the output: impower's answer also carries each
// commitment's message and source, the success-factor score, the next steps and the
// findings, and builds that answer object from the tape the WebAssembly writes;
// json-rules-engine's run is asynchronous (each call awaits a promise) and returns only
// the events that fired.
//
// Prints figures only; the last line is one JSON object for cargo xtask bench.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { Engine } from 'json-rules-engine';

const DIST = process.env.DIST
  ? resolve(process.env.DIST)
  : fileURLToPath(new URL('../../dist', import.meta.url));
const REQUESTS = JSON.parse(
  readFileSync(new URL('../../crates/rules/benches/requests.json', import.meta.url), 'utf8'),
);
const JRE_VERSION = JSON.parse(
  readFileSync(new URL('./node_modules/json-rules-engine/package.json', import.meta.url), 'utf8'),
).version;
const CALLS = Number(process.env.BENCH_CALLS || 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 7);
if (!(Number.isInteger(CALLS) && CALLS > 0 && Number.isInteger(ROUNDS) && ROUNDS > 0)) {
  throw new Error('BENCH_CALLS and BENCH_ROUNDS must be positive integers');
}

const api = await import(pathToFileURL(join(DIST, 'embed', 'impower.js')).href);
api.initSync({ module: readFileSync(join(DIST, 'embed', 'impower_bg.wasm')) });

// --- The same three commitments as json-rules-engine rules ---------------------------

const isTrue = (fact) => ({ fact, operator: 'equal', value: true });
const CONDITIONS = {
  C1: { all: [isTrue('sponsor'), isTrue('clinical_leader')] },
  C2: { any: [{ fact: 'coach', operator: 'in', value: ['experienced', 'learning'] }] },
  C3: { all: [isTrue('can_audit'), isTrue('can_report_data')] },
};
const engine = new Engine([], { allowUndefinedFacts: false });
for (const [id, conditions] of Object.entries(CONDITIONS)) {
  engine.addRule({ name: id, conditions, event: { type: id } });
}
engine.addRule({
  name: 'ready',
  conditions: { all: Object.values(CONDITIONS) },
  event: { type: 'ready' },
});

/** json-rules-engine's verdict: which of C1, C2, C3 and ready fired. */
async function jreVerdict(answers) {
  const { events } = await engine.run(answers);
  const fired = new Set(events.map((e) => e.type));
  return { ready: fired.has('ready'), C1: fired.has('C1'), C2: fired.has('C2'), C3: fired.has('C3') };
}

/** impower's verdict, from the JS API's readiness answer. */
function impowerVerdict(answers) {
  const answer = api.readiness(answers);
  const met = Object.fromEntries(answer.commitments.map((c) => [c.id, c.met]));
  return { ready: answer.ready, C1: met.C1, C2: met.C2, C3: met.C3 };
}

// Every combination of the answers.
const COMBINATIONS = [];
for (let bits = 0; bits < 16; bits += 1) {
  for (const coach of ['experienced', 'learning', 'none']) {
    COMBINATIONS.push({
      sponsor: Boolean(bits & 1),
      clinical_leader: Boolean(bits & 2),
      coach,
      can_audit: Boolean(bits & 4),
      can_report_data: Boolean(bits & 8),
    });
  }
}

let readyCount = 0;
for (const answers of COMBINATIONS) {
  const ours = impowerVerdict(answers);
  const theirs = await jreVerdict(answers);
  assert.deepEqual(
    theirs,
    ours,
    `the engines disagree on ${JSON.stringify(answers)}: impower ${JSON.stringify(ours)}, json-rules-engine ${JSON.stringify(theirs)}`,
  );
  if (ours.ready) readyCount += 1;
}
// Only experienced/learning coaches with all four booleans set are ready: 2 of 48.
assert.equal(readyCount, 2, `expected 2 ready combinations, got ${readyCount}`);
console.log(
  `verdicts agree on all ${COMBINATIONS.length} answer combinations (${readyCount} ready)`,
);

// --- Timing ------------------------------------------------------------------------

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** µs per call, median over ROUNDS rounds of CALLS calls, after one warm-up round. */
async function time(call) {
  const n = COMBINATIONS.length;
  for (let i = 0; i < CALLS; i += 1) await call(i % n); // warm-up
  const perCall = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < CALLS; i += 1) await call(i % n);
    const t1 = process.hrtime.bigint();
    perCall.push(Number(t1 - t0) / 1000 / CALLS);
  }
  return { median: median(perCall), min: Math.min(...perCall), max: Math.max(...perCall) };
}

/** The same as `time` for a synchronous call (no await in the loop). */
function timeSync(call) {
  const n = COMBINATIONS.length;
  let sink = 0;
  for (let i = 0; i < CALLS; i += 1) sink ^= call(i % n) ? 1 : 0; // warm-up
  const perCall = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < CALLS; i += 1) sink ^= call(i % n) ? 1 : 0;
    const t1 = process.hrtime.bigint();
    perCall.push(Number(t1 - t0) / 1000 / CALLS);
  }
  if (sink === 2) console.log(''); // keeps the results used
  return { median: median(perCall), min: Math.min(...perCall), max: Math.max(...perCall) };
}

const fmt = (t) =>
  `${t.median.toFixed(2).padStart(9)} µs/call  (rounds ${t.min.toFixed(2)}–${t.max.toFixed(2)})`;

console.log(`json-rules-engine ${JRE_VERSION}, Node ${process.version}`);
console.log(`${ROUNDS} rounds of ${CALLS} calls each, after a warm-up round; median of the rounds`);
const results = {};
results.readiness_impower = timeSync((i) => api.readiness(COMBINATIONS[i]).ready);
console.log(`readiness, impower JS API (sync)        ${fmt(results.readiness_impower)}`);
results.readiness_jre = await time(async (i) => (await engine.run(COMBINATIONS[i])).events.length);
console.log(`readiness, json-rules-engine (awaited)  ${fmt(results.readiness_jre)}`);
const ratio = results.readiness_jre.median / results.readiness_impower.median;
console.log(
  `ratio json-rules-engine / impower: ${ratio.toFixed(2)} (above 1: the JS API is faster)`,
);
console.log(
  '  (not like for like: impower also writes messages, sources, the success-factor score and next steps)',
);

for (const verb of ['fees', 'team', 'assess']) {
  const request = REQUESTS[verb];
  api[verb](request); // refused requests throw here, before any timing
  results[verb] = timeSync(() => api[verb](request));
  console.log(`${verb.padEnd(9)} impower JS API (sync)        ${fmt(results[verb])}`);
}

console.log(
  `BENCH_JSON ${JSON.stringify({
    readiness_impower_us: results.readiness_impower.median,
    readiness_jre_us: results.readiness_jre.median,
    ratio,
    fees_us: results.fees.median,
    team_us: results.team.median,
    assess_us: results.assess.median,
    engine: `json-rules-engine ${JRE_VERSION}`,
  })}`,
);
