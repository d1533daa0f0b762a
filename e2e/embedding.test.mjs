// EMBEDDING.md's JavaScript API examples, run as written against the built module: every
// `expression; // value` line is checked (the value is what the expression gives), and
// every example must run all of its checks (a `catch` that never ran would check
// nothing). So the guide cannot quote a message, code or figure the API does not give.
// `node --test` from e2e/.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = process.env.DIST ? process.env.DIST : join(ROOT, 'dist');
const GUIDE = readFileSync(join(ROOT, 'EMBEDDING.md'), 'utf8');

/** The ```js blocks that call the JS API (the widget's need a page: embed-widget.test.mjs). */
function examples() {
  const blocks = [...GUIDE.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks.filter((b) => /\b(fees|team|schedule|readiness|credits|assess)\(/.test(b) && !/addEventListener|querySelector/.test(b));
}

/**
 * The example with each `expression; // value` (and a value continued on following
 * `//` lines) turned into a check, and its import and loading replaced by the module's
 * functions given as arguments.
 */
function instrument(code) {
  const lines = code.split('\n');
  const out = [];
  let checks = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*import\b/.test(line) || /^\s*await init\(/.test(line) || /^\s*initSync\(/.test(line)) continue;
    let m = line.match(/^(\s*)(.+?);?\s+\/\/\s*(.+)$/);
    // Or the value on the comment lines under the expression.
    if (!m && /;\s*$/.test(line) && !/^\s*\/\//.test(line) && /^\s*\/\/\s*[[{'"\d]/.test(lines[i + 1] ?? '')) {
      i += 1;
      m = [null, line.match(/^\s*/)[0], line.trim(), lines[i].replace(/^\s*\/\/\s*/, '')];
    }
    if (!m || /^\s*\/\//.test(line)) {
      out.push(line);
      continue;
    }
    let [, indent, expr, value] = m;
    // A value written over several comment lines.
    while (i + 1 < lines.length && /^\s*\/\/\s/.test(lines[i + 1]) && !/^\s*\/\/\s*[A-Z]/.test(lines[i + 1])) {
      value += ' ' + lines[i + 1].replace(/^\s*\/\/\s*/, '');
      i += 1;
    }
    // Only a comment that is a JavaScript value is a claim ("err.code: ErrorCode" is not).
    let literal;
    try {
      literal = Function(`"use strict"; return (${value});`)();
    } catch {
      out.push(line);
      continue;
    }
    if (literal === undefined) {
      out.push(line);
      continue;
    }
    checks += 1;
    out.push(`${indent}__check(${JSON.stringify(expr.trim())}, (${expr.replace(/;\s*$/, '')}), ${JSON.stringify(literal)});`);
  }
  return { code: out.join('\n'), checks };
}

test('every JS API example in EMBEDDING.md runs and gives what it says', async () => {
  const api = await import(pathToFileURL(join(DIST, 'embed', 'impower.js')).href);
  api.initSync({ module: readFileSync(join(DIST, 'embed', 'impower_bg.wasm')) });
  const found = examples();
  assert.ok(found.length >= 3, `the guide's API examples (${found.length})`);
  let total = 0;
  for (const example of found) {
    const { code, checks } = instrument(example);
    let ran = 0;
    const __check = (what, actual, expected) => {
      ran += 1;
      assert.deepEqual(actual, expected, `EMBEDDING.md: ${what}`);
    };
    const names = ['fees', 'schedule', 'readiness', 'team', 'credits', 'assess', 'version'];
    const run = Function('__check', ...names, `"use strict"; return (async () => {\n${code}\n})();`);
    await run(__check, ...names.map((n) => api[n]));
    assert.equal(ran, checks, `every claim of this example was checked:\n${example}`);
    total += checks;
  }
  assert.ok(total >= 8, `claims checked: ${total}`);
});
