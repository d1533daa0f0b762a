// The npm package (dist/embed/ is its folder) as the website team gets it.
//
// Packs dist/embed with `npm pack` into a temporary folder, checks what the tarball holds
// and its package.json, installs its dependencies into a scratch copy of ts-consumer/
// (`npm ci`: the exactly pinned typescript and @types/node of its lock file, from the npm
// registry or npm's cache) and then the tarball itself, offline. Then `tsc --strict
// --noEmit` must pass on ts-consumer/main.ts, the compiled consumer must run in Node against
// the built WebAssembly, and the same consumer must fail to compile once a field of the
// installed types is renamed. Nothing is downloaded but from the npm registry.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { DIST } from './harness.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONSUMER = fileURLToPath(new URL('./ts-consumer/', import.meta.url));
const EMBED = join(DIST, 'embed');

/** Runs a command; on failure the error shows its output. */
function run(cmd, args, cwd) {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
  } catch (e) {
    const out = `${e.stdout ?? ''}${e.stderr ?? ''}`;
    const err = new Error(`${cmd} ${args.join(' ')} (in ${cwd}) failed with ${e.status}:\n${out}`);
    err.status = e.status;
    err.output = out;
    throw err;
  }
}

/** `[workspace.package]` of the root Cargo.toml: the version and license, written once. */
function workspacePackage() {
  const toml = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
  const section = toml.split(/^\[workspace\.package\]$/m)[1]?.split(/^\[/m)[0] ?? '';
  const field = (k) => section.match(new RegExp(`^${k} = "([^"]*)"$`, 'm'))?.[1];
  return { version: field('version'), license: field('license') };
}

describe('the npm package', () => {
  let scratch;
  let tarball;
  let pack;

  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'impower-package-'));
    const out = run('npm', ['pack', '--json', '--pack-destination', scratch], EMBED);
    [pack] = JSON.parse(out.slice(out.indexOf('[')));
    tarball = join(scratch, pack.filename);
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  test('package.json: name, the workspace version and license, entry points, types, side effects', () => {
    const pkg = JSON.parse(readFileSync(join(EMBED, 'package.json'), 'utf8'));
    const ws = workspacePackage();
    assert.ok(ws.version && ws.license, 'Cargo.toml has [workspace.package] version and license');
    assert.equal(pkg.name, 'impower-ready');
    assert.equal(pkg.version, ws.version);
    assert.equal(pkg.license, ws.license);
    assert.equal(pkg.type, 'module');
    assert.equal(pkg.types, './impower.d.ts');
    assert.deepEqual(pkg.exports['.'], { types: './impower.d.ts', default: './impower.js' });
    assert.equal(pkg.exports['./widget'].default, './impower-ready.js');
    // The API has no side effects (a bundler may drop it unused); the widget registers
    // <impower-ready> when imported.
    assert.deepEqual(pkg.sideEffects, ['./impower-ready.js']);
    assert.equal(pack.name, 'impower-ready');
    assert.equal(pack.filename, `impower-ready-${ws.version}.tgz`);
  });

  test('the tarball holds the API, its types and the widget, not the example page', (t) => {
    const files = pack.files.map((f) => f.path).sort();
    // The widget runs the app's own module, .wasm and stylesheet, named by their hash:
    // exactly the three that impower-ready.js loads.
    const loader = readFileSync(join(EMBED, 'impower-ready.js'), 'utf8');
    const shared = files.filter((f) => /^(impower-web-[0-9a-f]+(\.js|_bg\.wasm)|style-[0-9a-f]+\.css)$/.test(f));
    assert.equal(shared.length, 3, `the shared module, .wasm and stylesheet: ${files}`);
    // Minified, it quotes as terser does.
    for (const f of shared) assert.ok([`'${f}'`, `'./${f}'`, `"${f}"`, `"./${f}"`].some((q) => loader.includes(q)), `impower-ready.js loads ${f}`);
    assert.deepEqual(files.filter((f) => !shared.includes(f)), [
      'README.md',
      'impower-ready.d.ts',
      'impower-ready.js',
      'impower.d.ts',
      'impower.js',
      'impower_bg.wasm',
      'package.json',
    ]);
    // The shipped types are the generated ones (cargo test -p impower-typescript proves
    // those against the rules).
    assert.equal(
      readFileSync(join(EMBED, 'impower.d.ts'), 'utf8'),
      readFileSync(join(ROOT, 'crates/embed/npm/impower.d.ts'), 'utf8'),
    );
    t.diagnostic(`${pack.filename}: ${pack.size} bytes packed, ${pack.unpackedSize} unpacked, ${files.length} files`);
  });

  test('installs offline into an empty project, and runs from plain JavaScript', () => {
    const empty = join(scratch, 'empty');
    mkdirSync(empty);
    run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], empty);
    const script = [
      "import { readFileSync } from 'node:fs';",
      "import { initSync, fees, version } from 'impower-ready';",
      "initSync({ module: readFileSync(new URL(import.meta.resolve('impower-ready/impower_bg.wasm'))) });",
      'console.log(JSON.stringify({ total: fees({ projects: 3 }).total_usd, version: version() }));',
    ].join('\n');
    writeFileSync(join(empty, 'main.mjs'), script);
    const got = JSON.parse(run(process.execPath, ['main.mjs'], empty));
    const { rule_book: book, ...rest } = got.version;
    assert.deepEqual({ total: got.total, version: rest }, { total: 15000, version: { contract: 1, package: workspacePackage().version } });
    assert.equal(book.version, '2026-12');
    assert.match(book.digest, /^sha256:[0-9a-f]{64}$/);
  });

  describe('a strict TypeScript consumer', () => {
    let project;

    before(() => {
      project = join(scratch, 'consumer');
      for (const f of ['package.json', 'package-lock.json', 'tsconfig.json', 'main.ts']) {
        cpSync(join(CONSUMER, f), join(project, f));
      }
      // The consumer's own pinned tools, from its lock file (npm's cache first)...
      run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], project);
      // ...then the package from the tarball, offline.
      run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], project);
    });

    test('installs with the pinned TypeScript', () => {
      const pinned = JSON.parse(readFileSync(join(CONSUMER, 'package.json'), 'utf8')).devDependencies.typescript;
      assert.match(pinned, /^\d+\.\d+\.\d+$/, 'typescript is pinned exactly');
      assert.equal(run(join(project, 'node_modules/.bin/tsc'), ['--version'], project).trim(), `Version ${pinned}`);
      const installed = JSON.parse(readFileSync(join(project, 'node_modules/impower-ready/package.json'), 'utf8'));
      assert.equal(installed.version, workspacePackage().version);
    });

    test('tsc --strict --noEmit passes, and the compiled consumer runs against the wasm', (t) => {
      const tsc = join(project, 'node_modules/.bin/tsc');
      assert.equal(run(tsc, ['-p', '.', '--strict', '--noEmit'], project), '');
      run(tsc, ['-p', '.'], project);
      const out = run(process.execPath, [join(project, 'build/main.js')], project);
      assert.match(out, /^ts-consumer: \d+ checks passed$/m);
      t.diagnostic(out.trim());
    });

    test('a field renamed in the installed types fails the compile, naming it', () => {
      const dts = join(project, 'node_modules/impower-ready/impower.d.ts');
      const original = readFileSync(dts, 'utf8');
      const renamed = original.replace(/^ {2}total_usd: number;$/m, '  total_usd_renamed: number;');
      assert.notEqual(renamed, original, 'FeeEstimate.total_usd is declared');
      writeFileSync(dts, renamed);
      try {
        const tsc = join(project, 'node_modules/.bin/tsc');
        let output;
        try {
          run(tsc, ['-p', '.', '--strict', '--noEmit'], project);
        } catch (err) {
          output = err.output;
        }
        assert.ok(output !== undefined, 'tsc passed with a renamed field');
        assert.match(output, /error TS2339: Property 'total_usd' does not exist on type 'FeeEstimate'/);
      } finally {
        writeFileSync(dts, original);
      }
    });
  });
});
