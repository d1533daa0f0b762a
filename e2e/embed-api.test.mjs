// The JS API (dist/embed/impower.js) answers the whole case corpus exactly as native does.
//
// Loads the ES module in Node with initSync({module: bytes}) and, for every file in
// tests/cases/ (regression snapshots), calls the verb's export with the request as a plain
// object: the answer must deep-equal the case's expected answer, and an expected error must
// be thrown as an Error whose code, message and path are the contract's.
//
// Then every hand-written spec case in tests/spec/ runs the same way, checked with the
// matcher of tests/src/spec.rs written again in JS (subset `expect`, `findings` and
// `no_findings` patterns, `error` code and path). A JS caller can only pass what a JS value
// holds, so cases whose `request_text` is not JSON, repeats a key, or writes a number a JS
// number cannot hold exactly (2.9999999999999999), and verbs that are not exports, are
// skipped and counted; everything else must run.

import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { DIST, openPage, startSite } from './harness.mjs';

const CASES = fileURLToPath(new URL('../tests/cases', import.meta.url));
const SPEC = fileURLToPath(new URL('../tests/spec', import.meta.url));

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.json') ? [path] : [];
  });
}

const api = await import(pathToFileURL(join(DIST, 'embed', 'impower.js')).href);
// initSync gives the module's exports, its memory among them.
const wasm = api.initSync({ module: readFileSync(join(DIST, 'embed', 'impower_bg.wasm')) });

// --- As strict as the command line (RULES.md, "Every transport, the same rules") ------

/**
 * Calls the JS API with what the command line would refuse, and more; returns what each
 * call gave: the answer, or the thrown value's kind, code, path and message, and how many
 * bytes the module's memory grew. Self-contained: the Chromium test runs its source in a
 * page, with the module loaded there.
 */
function strictness(api, memory) {
  const MIB = 1 << 20;
  const utf8 = (s) => new TextEncoder().encode(s).length;
  const outcome = (call) => {
    const before = memory.buffer.byteLength;
    const t0 = Date.now();
    let r;
    try {
      r = { answer: call() };
    } catch (e) {
      r = { error: e instanceof Error, name: e && e.name, code: e && e.code, path: e && e.path, message: String(e && e.message) };
    }
    r.grew = memory.buffer.byteLength - before;
    r.ms = Date.now() - t0;
    return r;
  };
  // An assess request whose JSON text is `bytes` long, with text to escape and to encode.
  const sized = (bytes) => {
    const request = { format: 'impower-ready', version: 1, app: { note: 'é"\\\n\u0001🧪' }, fees: { projects: 1 } };
    request.app.note += 'x'.repeat(bytes - utf8(JSON.stringify(request)));
    return request;
  };
  const person = (name) => ({ name, hours_per_week: 2, roles: [{ role: 'qi_coach', project: 1 }] });
  const out = {};
  // The module's first allocations are not a refusal's.
  api.fees({ projects: 1 });
  // 1. More JSON text than the command line reads.
  out.hugeNote = outcome(() => api.assess({ format: 'impower-ready', version: 1, app: { note: 'x'.repeat(5e7) }, fees: { projects: 1 } }));
  out.atLimit = outcome(() => api.assess(sized(MIB)));
  out.atLimit.length = utf8(JSON.stringify(sized(MIB)));
  out.overLimit = outcome(() => api.assess(sized(MIB + 1)));
  out.longArray = outcome(() => api.team({ projects: 1, people: new Array(1e7).fill(0) }));
  out.longKey = outcome(() => api.fees({ projects: 1, ['k'.repeat(MIB)]: 1 }));
  // 2. Arrays of ten and a hundred million holes.
  out.holes1e7 = outcome(() => api.team({ projects: 1, people: Object.assign([], { length: 1e7 }) }));
  out.holes1e8 = outcome(() => api.team({ projects: 1, people: Object.assign([], { length: 1e8 }) }));
  // A refusal that only the rules make, of a request near the limit: the first may grow
  // memory once; the same again must not.
  const ones = { projects: 1, people: new Array(400000).fill(1) };
  out.refusedByTheRules = [1, 2, 3].map(() => outcome(() => api.team(ones)));
  // 3. A getter or toJSON that calls the API while a request is read.
  const getter = (f) => {
    const a = [2];
    Object.defineProperty(a, 0, { get: f, enumerable: true });
    return a;
  };
  let inner;
  out.reentrantCaught = outcome(() => api.fees(getter(() => {
    try { api.fees({ projects: 1, prior_projects: 2 }); } catch (e) { inner = e; }
    return 2;
  })));
  out.reentrantInner = { error: inner instanceof Error, name: inner && inner.name, code: inner && inner.code, path: inner && inner.path, message: String(inner && inner.message) };
  out.reentrantThrown = outcome(() => api.fees(getter(() => { api.fees({ projects: 1, prior_projects: 2 }); return 2; })));
  out.reentrantToJSON = outcome(() => api.fees({ projects: { toJSON() { try { api.team({ projects: 1, people: [] }); } catch {} return 1; } } }));
  out.reentrantToJSONThrown = outcome(() => api.fees({ projects: { toJSON() { api.fees({ projects: 1 }); return 1; } } }));
  out.reentrantProxy = outcome(() => api.fees(new Proxy({ projects: 1 }, {
    ownKeys(t) { try { api.fees({ projects: 2 }); } catch {} return Reflect.ownKeys(t); },
  })));
  out.afterReentrant = outcome(() => api.fees({ projects: 3 }));
  out.versionInGetter = outcome(() => api.fees({ get projects() { api.version(); return 2; } }));
  out.plainTwo = outcome(() => api.fees({ projects: 2 }));
  // 4. Text that is not Unicode.
  out.loneHigh = outcome(() => api.team({ projects: 1, people: [person('Ana\uD800')] }));
  out.loneLow = outcome(() => api.assess({ format: 'impower-ready', version: 1, app: { note: '\uDC00 then more' }, fees: { projects: 1 } }));
  out.loneInKey = outcome(() => api.fees({ projects: 1, ['a\uD800']: 1 }));
  out.loneInLongText = outcome(() => api.team({ projects: 1, people: [person(`${'é'.repeat(100)}\uDBFF`)] }));
  out.paired = outcome(() => api.team({ projects: 1, people: [person('Ana 🧪')] }));
  // 5. Values JSON.stringify would drop.
  out.functionMember = outcome(() => api.fees({ projects: 1, prior_projects: () => 2 }));
  out.symbolMember = outcome(() => api.fees({ projects: 1, prior_projects: Symbol('2') }));
  out.bigintMember = outcome(() => api.fees({ projects: 1, prior_projects: 2n }));
  out.boxedBigint = outcome(() => api.fees({ projects: 1, prior_projects: Object(2n) }));
  out.undefinedMember = outcome(() => api.fees({ projects: 1, prior_projects: undefined }));
  out.toJSONUndefined = outcome(() => api.fees({ projects: 1, prior_projects: { toJSON() {} } }));
  out.functionElement = outcome(() => api.team({ projects: 1, people: [person('A'), () => 1] }));
  out.undefinedElement = outcome(() => api.team({ projects: 1, people: [person('A'), person('B'), undefined] }));
  out.hole = outcome(() => api.team({ projects: 1, people: [person('A'), , person('B')] }));
  out.symbolDeep = outcome(() => api.team({ projects: 1, people: [{ ...person('A'), roles: [{ role: Symbol('qi_coach'), project: 1 }] }] }));
  out.bigintDeep = outcome(() => api.team({ projects: 1, people: [{ ...person('A'), hours_per_week: 2n }] }));
  out.oddKey = outcome(() => api.assess({ fees: { projects: 1, 'a.b': () => 1 } }));
  return out;
}

const refusal = (code, path, message) => ({ code, path, message });
/** What each scenario of `strictness` must give. */
const STRICT = {
  'a 50-million-character app.note is refused unread': { ...refusal('out_of_range', '', /^the request is over 1048576 bytes as JSON text \(counting stopped at app\.note\): send at most 1048576$/), key: 'hugeNote', fast: true },
  'a request of exactly 1 MiB of JSON text is answered': { key: 'atLimit', answer: (a) => a.fees.total_usd === 6000, length: 1 << 20 },
  // The note fits; the request's last value takes it past the limit.
  'one byte more is refused': { ...refusal('out_of_range', '', /counting stopped at fees\.projects\)/), key: 'overLimit' },
  'an array of ten million numbers is refused where it passes the limit': { ...refusal('out_of_range', '', /counting stopped at people\[\d+\]\)/), key: 'longArray', fast: true },
  'a key of a million characters is refused': { ...refusal('out_of_range', '', /counting stopped at k{1048576}\)/), key: 'longKey', fast: true },
  'ten million holes: refused at the first, memory as it was': { ...refusal('wrong_type', 'people[0]', /^expected a JSON value, got undefined: pass plain JSON values$/), key: 'holes1e7', fast: true },
  'a hundred million holes: refused, never a trap': { ...refusal('wrong_type', 'people[0]', /got undefined/), key: 'holes1e8', fast: true },
  'a getter that calls the API: the call is refused': { ...refusal('usage', '', /^impower was called again \(from a getter or toJSON\) while it read a request: read the values first$/), key: 'reentrantInner' },
  // Where the call came from is named when its Error went through the getter; caught
  // there, it is found when the walk ends.
  'a getter that calls the API: the request is refused, even when the getter catches': { ...refusal('usage', '', /called again \(from a getter or toJSON\)/), key: 'reentrantCaught' },
  'a getter whose call throws through: the request is refused': { ...refusal('usage', '[0]', /called again \(from a getter/), key: 'reentrantThrown' },
  'a toJSON that calls the API (and catches): refused': { ...refusal('usage', '', /called again \(from a getter/), key: 'reentrantToJSON' },
  'a toJSON whose call throws through: refused at its field': { ...refusal('usage', 'projects', /called again \(from a getter/), key: 'reentrantToJSONThrown' },
  'a Proxy trap that calls the API: refused': { ...refusal('usage', '', /called again \(from a getter/), key: 'reentrantProxy' },
  'after a refused call the API answers again': { key: 'afterReentrant', answer: (a) => a.total_usd === 15000 },
  'a getter that calls version() is answered as its JSON': { key: 'versionInGetter', same: 'plainTwo' },
  'a lone high surrogate in a name is refused at the name': { ...refusal('malformed_json', 'people[0].name', /^a lone surrogate is not Unicode text: send well-formed strings$/), key: 'loneHigh' },
  'a lone low surrogate in app.note is refused': { ...refusal('malformed_json', 'app.note', /lone surrogate/), key: 'loneLow' },
  'a lone surrogate in a key is refused at the key': { ...refusal('malformed_json', '["a\\ud800"]', /lone surrogate/), key: 'loneInKey' },
  'a lone surrogate after non-ASCII text is refused': { ...refusal('malformed_json', 'people[0].name', /lone surrogate/), key: 'loneInLongText' },
  'a surrogate pair is text': { key: 'paired', answer: (a) => a.findings.every((f) => !f.person || f.person === 'Ana 🧪') },
  'a function as a value is refused, not dropped': { ...refusal('wrong_type', 'prior_projects', /^expected a JSON value, got a function: pass plain JSON values$/), key: 'functionMember' },
  'a symbol as a value is refused': { ...refusal('wrong_type', 'prior_projects', /got a symbol/), key: 'symbolMember' },
  'a BigInt as a value is refused': { ...refusal('wrong_type', 'prior_projects', /got a bigint/), key: 'bigintMember' },
  'a boxed BigInt is refused': { ...refusal('wrong_type', 'prior_projects', /got a bigint/), key: 'boxedBigint' },
  'undefined as a value is refused, not dropped': { ...refusal('wrong_type', 'prior_projects', /got undefined/), key: 'undefinedMember' },
  'a toJSON that gives undefined is refused': { ...refusal('wrong_type', 'prior_projects', /got undefined/), key: 'toJSONUndefined' },
  'a function in an array is refused, not made null': { ...refusal('wrong_type', 'people[1]', /got a function/), key: 'functionElement' },
  'undefined in an array is refused': { ...refusal('wrong_type', 'people[2]', /got undefined/), key: 'undefinedElement' },
  'a hole in an array is refused': { ...refusal('wrong_type', 'people[1]', /got undefined/), key: 'hole' },
  'a symbol deep in a request is refused by its path': { ...refusal('wrong_type', 'people[0].roles[0].role', /got a symbol/), key: 'symbolDeep' },
  'a BigInt deep in a request is refused by its path': { ...refusal('wrong_type', 'people[0].hours_per_week', /got a bigint/), key: 'bigintDeep' },
  'a key that is not a plain name is named as the rules name it': { ...refusal('wrong_type', 'fees["a.b"]', /got a function/), key: 'oddKey' },
};

/** Checks one outcome of `strictness` against what STRICT wants of it. */
function check(got, want, all) {
  assert.ok(got, `no outcome ${want.key}`);
  if (want.code) {
    assert.ok(got.error, `${want.key} threw an Error, not ${JSON.stringify(got)}`);
    assert.equal(got.name, 'ImpowerError');
    assert.deepEqual({ code: got.code, path: got.path }, { code: want.code, path: want.path });
    assert.match(got.message, want.message);
  } else if (want.same) {
    assert.deepEqual(got.answer, all[want.same].answer);
  } else {
    assert.ok(got.answer && want.answer(got.answer), `${want.key}: ${JSON.stringify(got).slice(0, 300)}`);
  }
  if (want.length) assert.equal(got.length, want.length);
  // A refusal never grows the module's memory (the 1 MiB answer may).
  if (want.code && 'grew' in got) assert.equal(got.grew, 0, `${want.key} grew memory by ${got.grew} bytes`);
  // Refused while walking, long before all of it is read or copied.
  if (want.fast) assert.ok(got.ms < 2000, `${want.key} took ${got.ms} ms`);
}

// --- The spec matcher (tests/src/spec.rs, in JS) ---------------------------------------

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Subset match of `want` in `got`; returns null, or the path and what differs. */
function subset(want, got, path) {
  if (Array.isArray(want)) {
    if (!Array.isArray(got)) return `${path}: expected an array, got ${JSON.stringify(got)}`;
    if (want.length !== got.length) {
      return `${path}: expected ${want.length} element(s), got ${got.length}`;
    }
    for (let i = 0; i < want.length; i += 1) {
      const d = subset(want[i], got[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (isObject(want)) {
    if (!isObject(got)) return `${path}: expected an object, got ${JSON.stringify(got)}`;
    for (const [k, w] of Object.entries(want)) {
      if (!Object.hasOwn(got, k)) return `${path}.${k}: expected ${JSON.stringify(w)}, but the answer has no ${k}`;
      const d = subset(w, got[k], `${path}.${k}`);
      if (d) return d;
    }
    return null;
  }
  // Numbers compare as numbers (15000 === 15000.0 in JS); strings, booleans, null exactly.
  return want === got ? null : `${path}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`;
}

/** Every element of any array under a key named `findings`, at any depth. */
function findingsIn(answer) {
  const out = [];
  const walk = (v) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (isObject(v)) {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'findings' && Array.isArray(x)) out.push(...x);
        walk(x);
      }
    }
  };
  walk(answer);
  return out;
}

/** Whether a finding matches a pattern (rule, severity, project, person, due, passed, message_contains). */
function matches(pattern, finding) {
  return Object.entries(pattern).every(([k, want]) => {
    if (k === 'message_contains') return typeof finding.message === 'string' && finding.message.includes(want);
    return Object.hasOwn(finding, k) && subset(want, finding[k], k) === null;
  });
}

/** The answer with this build's digest in every `rule_book` written as the snapshots hold it. */
function stampFree(v, digest) {
  if (Array.isArray(v)) return v.map((x) => stampFree(x, digest));
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k,
    k === 'rule_book' && x.digest === digest ? { ...x, digest: "sha256:(this build's)" } : stampFree(x, digest)]));
}

/** Checks an answer against a spec case's expect/findings/no_findings/absent; returns the differences. */
function differences(c, answer) {
  const problems = [];
  if ('expect' in c) {
    const d = subset(c.expect, answer, 'expect');
    if (d) problems.push(d);
  }
  const found = findingsIn(answer);
  const brief = (fs) => fs.map((f) => `${f.rule}/${f.severity}${f.project ? ` project ${f.project}` : ''}${f.person ? ` person ${f.person}` : ''}`).join(', ');
  (c.findings ?? []).forEach((p, i) => {
    if (!found.some((f) => matches(p, f))) {
      problems.push(`findings[${i}] ${JSON.stringify(p)} matched none of [${brief(found)}]`);
    }
  });
  (c.no_findings ?? []).forEach((p, i) => {
    const hits = found.filter((f) => matches(p, f));
    if (hits.length) problems.push(`no_findings[${i}] ${JSON.stringify(p)} matched [${brief(hits)}]`);
  });
  for (const path of c.absent ?? []) {
    const v = path.split('.').reduce((o, k) => (o !== null && typeof o === 'object' && Object.hasOwn(o, k) ? o[k] : undefined), answer);
    if (v !== undefined) problems.push(`absent: the answer has ${path}: ${JSON.stringify(v).slice(0, 200)}`);
  }
  return problems;
}

/** A number literal as an exact decimal: sign, digits without leading or trailing zeros, exponent. */
function exactDecimal(literal) {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(literal);
  if (!m) return literal;
  const frac = m[3] ?? '';
  let digits = (m[2] + frac).replace(/^0+/, '');
  let exp = Number(m[4] ?? 0) - frac.length;
  if (!digits) return '0';
  while (digits.endsWith('0')) { digits = digits.slice(0, -1); exp += 1; }
  return `${m[1]}${digits}e${exp}`;
}

/**
 * What a JS value cannot carry of a valid JSON text: a key repeated in one object (JSON.parse
 * keeps the last), or a number literal that is not exactly a JS number (2.9999999999999999
 * parses to 3). Returns a reason, or null when the parsed value is the text.
 */
function lostInJs(text) {
  let i = 0;
  let reason = null;
  const ws = () => { while (/\s/.test(text[i] ?? '')) i += 1; };
  const string = () => {
    const start = i;
    i += 1;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i += 1;
    return JSON.parse(text.slice(start, i));
  };
  const value = () => {
    ws();
    const c = text[i];
    if (c === '{') {
      i += 1;
      const keys = new Set();
      ws();
      while (text[i] !== '}') {
        ws();
        const k = string();
        if (keys.has(k)) reason ??= `the key ${JSON.stringify(k)} is repeated`;
        keys.add(k);
        ws(); i += 1; // ':'
        value();
        ws();
        if (text[i] === ',') i += 1;
        ws();
      }
      i += 1;
    } else if (c === '[') {
      i += 1;
      ws();
      while (text[i] !== ']') {
        value();
        ws();
        if (text[i] === ',') i += 1;
        ws();
      }
      i += 1;
    } else if (c === '"') {
      string();
    } else {
      const m = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
      m.lastIndex = i;
      const lit = m.exec(text)[0];
      i += lit.length;
      if (/\d/.test(lit) && exactDecimal(lit) !== exactDecimal(String(Number(lit)))) {
        reason ??= `the number ${lit} is not exactly a JS number (${Number(lit)})`;
      }
    }
  };
  value();
  return reason;
}

describe('dist/embed/impower.js', () => {
  test('exports the contract verbs, init and initSync', () => {
    for (const name of ['fees', 'schedule', 'readiness', 'team', 'credits', 'assess', 'initSync', 'default', 'version']) {
      assert.equal(typeof api[name], 'function', name);
    }
    const { rule_book: book, ...rest } = api.version();
    assert.deepEqual(rest, { contract: 1, package: '0.1.0' });
    assert.equal(book.version, '2026-12');
    assert.match(book.digest, /^sha256:[0-9a-f]{64}$/);
  });

  const all = files(CASES).sort();
  test(`the corpus has cases (${all.length})`, () => assert.ok(all.length >= 60));

  let ran = 0;
  for (const path of all) {
    const c = JSON.parse(readFileSync(path, 'utf8'));
    const name = relative(CASES, path);
    // Only requests a JS caller can pass as an object: raw text that is not JSON, and
    // verbs that are not exports, are the command line's business.
    let request;
    if ('request_text' in c) {
      try { request = JSON.parse(c.request_text); } catch { continue; }
    } else {
      request = c.request;
    }
    if (typeof api[c.verb] !== 'function') continue;
    ran += 1;
    test(name, () => {
      if ('answer' in c) {
        // The snapshot holds "(this build's)" for the digest, which changes with every
        // edit of the rules: every answer carries exactly this build's rule book.
        const answer = api[c.verb](request);
        assert.deepEqual(answer.rule_book, api.version().rule_book);
        assert.deepEqual(stampFree(answer, answer.rule_book.digest), c.answer);
      } else {
        assert.throws(() => api[c.verb](request), (e) => {
          assert.ok(e instanceof Error, 'throws an Error');
          assert.deepEqual({ code: e.code, path: e.path }, { code: c.error.code, path: c.error.path });
          // A message quotes numbers as written, and JS writes some differently (1e+30
          // where the case file has 1e30), so natively and in WASM the messages are
          // compared exactly, and here only for a request with no number in it.
          if (!/[0-9]/.test(JSON.stringify(request))) assert.equal(e.message, c.error.message);
          else assert.ok(e.message.length > 0);
          return true;
        });
      }
    });
  }
  test('ran most of the corpus', () => assert.ok(ran >= all.length - 5, `${ran} of ${all.length}`));

  // --- Spec cases ---------------------------------------------------------------------
  const specFiles = files(SPEC).sort();
  test(`the spec has cases (${specFiles.length})`, () => assert.ok(specFiles.length >= 60));
  let specRan = 0;
  const specSkipped = [];
  for (const path of specFiles) {
    const c = JSON.parse(readFileSync(path, 'utf8'));
    const name = `spec/${relative(SPEC, path)}`;
    let request;
    if ('request_text' in c) {
      try { request = JSON.parse(c.request_text); } catch {
        specSkipped.push(`${name}: request_text is not JSON`);
        continue;
      }
      const lost = lostInJs(c.request_text);
      if (lost) {
        specSkipped.push(`${name}: ${lost}`);
        continue;
      }
    } else {
      request = c.request;
    }
    if (typeof api[c.verb] !== 'function') {
      specSkipped.push(`${name}: ${c.verb} is not an export`);
      continue;
    }
    specRan += 1;
    test(`${name} (${c.rule}): ${c.about}`, () => {
      if ('error' in c) {
        assert.throws(() => api[c.verb](request), (e) => {
          assert.ok(e instanceof Error, 'throws an Error');
          assert.deepEqual({ code: e.code, path: e.path }, c.error);
          return true;
        });
      } else {
        const answer = api[c.verb](request);
        assert.deepEqual(differences(c, answer), []);
        assert.deepEqual(answer.rule_book, api.version().rule_book, 'every answer says which rules decided it');
      }
    });
  }
  test('every spec case a JS caller can send ran', () => {
    // Only the four reasons above skip a case; print them so the count is reviewed.
    console.log(`spec cases: ${specRan} ran, ${specSkipped.length} skipped:\n  ${specSkipped.join('\n  ')}`);
    assert.equal(specRan + specSkipped.length, specFiles.length);
    assert.ok(specSkipped.length <= 10, `${specSkipped.length} skipped`);
  });

  test('the JS matcher matches as documented', () => {
    const got = { total_usd: 15000, projects: [{ fee_usd: 6000, x: 1 }, { fee_usd: 3000 }],
      a: { findings: [{ rule: 'T5', severity: 'warning', project: 1, message: 'one member' }] } };
    assert.equal(subset({ total_usd: 15000.0 }, got, 'expect'), null);
    assert.equal(subset({ projects: [{}, { fee_usd: 3000 }] }, got, 'expect'), null);
    assert.match(subset({ projects: [{}] }, got, 'expect'), /^expect\.projects/);
    assert.match(subset({ projects: [{}, { fee_usd: 6000 }] }, got, 'expect'), /^expect\.projects\[1\]\.fee_usd/);
    assert.equal(findingsIn(got).length, 1);
    assert.ok(matches({ rule: 'T5', severity: 'warning', project: 1, message_contains: 'one' }, findingsIn(got)[0]));
    assert.ok(!matches({ rule: 'T5', severity: 'error' }, findingsIn(got)[0]));
    assert.equal(lostInJs('{"projects": 3.0, "a": [1, 2.5, "x\\"y"]}'), null);
    assert.match(lostInJs('{"projects": 2.9999999999999999}'), /not exactly/);
    assert.match(lostInJs('{"a": {"b": 1, "b": 2}}'), /repeated/);
  });

  test('values JSON cannot carry are refused with a clear error, never a crash', () => {
    for (const bad of [undefined, () => 1, Symbol('x')]) {
      assert.throws(() => api.fees(bad), (e) => e.code === 'wrong_type' && e.path === '');
    }
    const cyclic = { projects: 1 }; cyclic.self = cyclic;
    assert.throws(() => api.fees(cyclic), (e) => e instanceof Error && e.code === 'wrong_type'
      && e.path === Array(64).fill('self').join('.') && /nests too deeply or contains itself/.test(e.message));
    assert.throws(() => api.fees({ projects: 10n }), (e) => e.code === 'wrong_type' && e.path === 'projects');
    assert.throws(() => api.fees(null), (e) => e.code === 'wrong_type');
    // Read as JSON.stringify reads: boxed primitives are their values, toJSON is used,
    // and what cannot be read is refused by name, never a crash.
    assert.deepEqual(api.fees({ projects: new Number(3) }), api.fees({ projects: 3 }));
    assert.deepEqual(api.fees({ projects: { toJSON: () => 2 } }), api.fees({ projects: 2 }));
    // toJSON is called once, with the key, as JSON.stringify calls it.
    const keys = [];
    const spy = { toJSON(key) { keys.push(key); return 2; } };
    assert.deepEqual(api.fees({ projects: spy, prior_projects: [spy][0] }), api.fees({ projects: 2, prior_projects: 2 }));
    assert.deepEqual(keys, ['projects', 'prior_projects']);
    const refused = (request, path, why) => assert.throws(() => api.fees(request),
      (e) => e instanceof Error && e.name === 'ImpowerError' && e.code === 'wrong_type' && e.path === path && why.test(e.message));
    refused({ get projects() { throw new Error('no'); } }, 'projects', /cannot be read/);
    refused({ projects: { toJSON() { throw new Error('no'); } } }, 'projects', /toJSON/);
    refused(new Proxy({}, { ownKeys() { throw new Error('no'); } }), '', /cannot be read/);
    let deep = { projects: 1 };
    for (let i = 0; i < 100; i += 1) deep = { x: deep };
    refused(deep, Array(64).fill('x').join('.'), /nests too deeply/);
    // Infinity is null as JSON.stringify writes it, and null hours are a draft's "not
    // answered yet" (READINGS.md, Drafts): answered, never read as a number, and listed.
    const infinite = api.team({ projects: 1, people: [{ name: 'A', hours_per_week: Infinity, roles: [] }] });
    assert.deepEqual(infinite.unanswered, ['people[0].hours_per_week']);
    assert.equal(infinite.people[0].hours_per_week, null);
    assert.throws(() => api.team({ projects: 1, people: [{ name: 'A', hours_per_week: '7', roles: [] }] }), (e) => e.path === 'people[0].hours_per_week' && e.code === 'wrong_type');
  });

  // RULES.md, "Every transport, the same rules": the same scenarios in Node here and in
  // Chromium below (`strictness` runs in the page), each refusal checked for its code,
  // path and message, and for the module's memory: a refusal never grows it.
  test('initSync gives the module, whose memory the checks below watch', () => {
    assert.ok(wasm.memory instanceof WebAssembly.Memory);
  });
  const seen = strictness(api, wasm.memory);
  for (const [name, want] of Object.entries(STRICT)) {
    test(`as strict as the command line: ${name}`, () => check(seen[want.key], want, seen));
  }
  test('a refused request that reached the rules leaves memory where the first one left it', () => {
    const [first, ...again] = seen.refusedByTheRules;
    assert.equal(first.code, 'wrong_type');
    assert.ok(first.grew <= 64 << 20, `the first grew memory by ${first.grew} bytes`);
    for (const r of again) assert.deepEqual({ code: r.code, path: r.path, grew: r.grew }, { code: 'wrong_type', path: 'people[0]', grew: 0 });
  });

  // Answers cross as a tape of words (crates/embed/src/tape.rs), and the module's constant
  // text is decoded once and kept: what JSON.parse of the answer's text would give, a
  // fresh object every call, and run-time text (a person's name) exactly as sent.
  test('answers are what JSON.parse would give, fresh every call, names exactly as sent', () => {
    const name = '\uFEFFÅsa "Ω" \\ 🧪 </script>';
    const request = { edition: 'impower', projects: 1, people: [{ name, hours_per_week: 0.5, roles: [{ role: 'qi_coach', project: 1 }] }] };
    const first = api.team(request);
    assert.ok(first.findings.some((f) => f.person === name), 'the name comes back byte for byte');
    assert.deepEqual(first, JSON.parse(JSON.stringify(first)), 'only JSON values');
    for (const f of first.findings) f.message = 'changed';
    first.findings.length = 0;
    const second = api.team(request);
    assert.ok(second.findings.length > 0 && second.findings.every((f) => f.message !== 'changed'));
    assert.deepEqual(api.team(request), second);
    // Many calls in a row, with other verbs between, still give the same answers.
    const ready = { sponsor: true, clinical_leader: true, coach: 'learning', can_audit: true, can_report_data: true };
    const once = api.readiness(ready);
    for (let i = 0; i < 500; i += 1) api.fees({ projects: 1 + (i % 9) });
    assert.deepEqual(api.readiness(ready), once);
    assert.equal(once.ready, true);
  });

  test('a pricing table can call it directly', () => {
    const totals = [1, 2, 3, 4, 5, 6].map((n) => api.fees({ projects: n }).total_usd);
    assert.deepEqual(totals, [6000, 12000, 15000, 21000, 27000, 30000]);
  });
});

// The same scenarios in Chromium, on the example host page (its Content-Security-Policy
// is a strict host's): the module is loaded there with its default init, which fetches
// the .wasm, and `strictness` runs in the page.
describe('dist/embed/impower.js in Chromium', () => {
  let site;
  let seen;
  let consoleErrors;
  before(async () => {
    site = await startSite();
    let page;
    ({ page, consoleErrors } = await openPage(site.browser, `${site.server.url}/embed/example.html`));
    await page.evaluate(async () => {
      window.__api = await import('/embed/impower.js');
      window.__memory = (await window.__api.default()).memory;
    });
    seen = await page.evaluate(`(${strictness})(window.__api, window.__memory)`);
  });
  after(async () => site?.close());

  for (const [name, want] of Object.entries(STRICT)) {
    test(`as strict as the command line: ${name}`, () => check(seen[want.key], want, seen));
  }
  test('a refused request that reached the rules leaves memory where the first one left it', () => {
    for (const r of seen.refusedByTheRules.slice(1)) assert.deepEqual({ code: r.code, path: r.path, grew: r.grew }, { code: 'wrong_type', path: 'people[0]', grew: 0 });
  });
  test('nothing went to the console', () => assert.deepEqual(consoleErrors, []));
});
