// The JS API (dist/embed/impower.js) answers the whole case corpus exactly as native does.
//
// Loads the ES module in Node with initSync({module: bytes}) and, for every file in
// tests/cases/, calls the verb's export with the request as a plain object: the answer
// must deep-equal the case's expected answer, and an expected error must be thrown as an
// Error whose code, message and path are the contract's.

import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { DIST } from './harness.mjs';

const CASES = fileURLToPath(new URL('../tests/cases', import.meta.url));

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.json') ? [path] : [];
  });
}

const api = await import(pathToFileURL(join(DIST, 'embed', 'impower.js')).href);
api.initSync({ module: readFileSync(join(DIST, 'embed', 'impower_bg.wasm')) });

describe('dist/embed/impower.js', () => {
  test('exports the contract verbs, init and initSync', () => {
    for (const name of ['fees', 'schedule', 'readiness', 'team', 'credits', 'assess', 'initSync', 'default', 'version']) {
      assert.equal(typeof api[name], 'function', name);
    }
    assert.deepEqual(api.version(), { contract: 1, package: '0.1.0' });
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
        assert.deepEqual(api[c.verb](request), c.answer);
      } else {
        assert.throws(() => api[c.verb](request), (e) => {
          assert.ok(e instanceof Error, 'throws an Error');
          assert.deepEqual({ code: e.code, message: e.message, path: e.path }, c.error);
          return true;
        });
      }
    });
  }
  test('ran most of the corpus', () => assert.ok(ran >= all.length - 5, `${ran} of ${all.length}`));

  test('values JSON cannot carry are refused with a clear error, never a crash', () => {
    for (const bad of [undefined, () => 1, Symbol('x')]) {
      assert.throws(() => api.fees(bad), (e) => e.code === 'wrong_type' && e.path === '');
    }
    const cyclic = { projects: 1 }; cyclic.self = cyclic;
    for (const bad of [{ projects: 10n }, cyclic]) {
      assert.throws(() => api.fees(bad), (e) => e instanceof Error && e.code === 'wrong_type' && e.path === '');
    }
    assert.throws(() => api.fees(null), (e) => e.code === 'wrong_type');
    assert.throws(() => api.team({ projects: 1, people: [{ name: 'A', hours_per_week: Infinity, roles: [] }] }), (e) => e.path === 'people[0].hours_per_week');
  });

  test('a pricing table can call it directly', () => {
    const totals = [1, 2, 3, 4, 5, 6].map((n) => api.fees({ projects: n }).total_usd);
    assert.deepEqual(totals, [6000, 12000, 15000, 21000, 27000, 30000]);
  });
});
