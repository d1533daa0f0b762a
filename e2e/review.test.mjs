// The reviewer's table, review.html (issue 22), as a program office uses it:
// `node --test review.test.mjs` from e2e/ (on a release build: trunk build --release).
//
// A folder's worth of exported applications (the golden exports, one whose organization
// is a formula, one not JSON, one the rules refuse, one over 1 MiB, one with a key given
// twice, one not UTF-8, one with no saved answers of the app, and a text file that is not
// read) is opened through the file input: one row per .json file, the same cells as
// `impower assess --csv` on the same files, sorted by clicking (and by keyboard) a column
// header, a Summary opened from its row, and "Download CSV" giving the command line's
// very bytes; files dropped on the page replace the table. Under the app's
// Content-Security-Policy with no violation, no request leaving the origin and nothing
// fetched but the page's own files, each checked by its integrity (a tampered .wasm is
// refused); axe clean at desktop and phone width; screenshots in
// e2e/screenshots/review-{desktop,phone}.png.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';

import { describeViolations, openPage, runAxe, screenshot, startSite } from './harness.mjs';
import { PAGE_HEADERS } from './serve.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const GOLDEN = join(ROOT, 'web/tests/golden');

/** The applications folder: name -> contents (text or bytes). */
function applications() {
  const golden = (name) => readFileSync(join(GOLDEN, name), 'utf8');
  const export1 = JSON.parse(golden('6b69fe7-export.json'));
  const refused = structuredClone(export1);
  refused.fees.projects = -1;
  const formula = structuredClone(export1);
  formula.app.organization = '=HYPERLINK("x")';
  return {
    'a-6b69fe7-export.json': golden('6b69fe7-export.json'),
    'a-format2-2026-12-07-export.json': golden('format2-2026-12-07-export.json'),
    'b-no-saved-answers.json': JSON.stringify({ fees: { projects: 1, prior_projects: 2 } }),
    'c-broken.json': '{\n  "fees": {"projects": 3},\n  oops\n}\n',
    'd-refused.json': JSON.stringify(refused),
    'e-big.json': ' '.repeat((1 << 20) + 1),
    'f-formula.json': JSON.stringify(formula),
    'g-twice.json': '{"app": {"organization": "Twice"}, "fees": {"projects": 1, "projects": 2}}',
    'h-not-utf8.json': Buffer.from([0x7b, 0x22, 0x61, 0xff, 0x22, 0x7d]),
    'notes.txt': 'not an application',
  };
}

/** The .json files in the command line's order: by their names' bytes. */
const byBytes = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** Every CSV record of `text` as its cells (the csv crate's quoting: every cell quoted). */
function parseCsv(text) {
  const records = [];
  let cells = [];
  let i = 0;
  while (i < text.length) {
    assert.equal(text[i], '"', `a quoted cell at ${i}`);
    let cell = '';
    for (i++; ; i++) {
      if (text[i] === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (text[i] === '"') break;
      else cell += text[i];
    }
    cells.push(cell);
    i++;
    if (text[i] === ',') i++;
    else {
      assert.equal(text[i], '\n', `a record ends with \\n at ${i}`);
      records.push(cells);
      cells = [];
      i++;
    }
  }
  return records;
}

describe('review.html: many applications at once, in the browser', () => {
  let site;
  let dir;
  let files;
  let cli;
  let opened;
  const requests = [];
  const violations = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'impower-review-'));
    const all = applications();
    for (const [name, body] of Object.entries(all)) writeFileSync(join(dir, name), body);
    files = Object.keys(all).filter((n) => n.endsWith('.json')).sort(byBytes);
    // The command line over the same files, named bare (the page knows only the names).
    const run = spawnSync(
      'cargo',
      ['run', '-q', '--offline', '--manifest-path', join(ROOT, 'Cargo.toml'), '-p', 'impower-cli', '--', 'assess', '--csv', ...files],
      { cwd: dir, maxBuffer: 1 << 24 },
    );
    assert.equal(run.status, 2, `impower assess --csv exits 2 when a file is refused: ${run.stderr}`);
    cli = run.stdout;

    site = await startSite();
    opened = await openPage(site.browser, `${site.server.url}/review.html`, {
      prepare: async (context, page) => {
        await context.exposeBinding('__cspViolation', (_s, v) => violations.push(v));
        await context.addInitScript(() => {
          document.addEventListener('securitypolicyviolation', (e) => window.__cspViolation(`${e.effectiveDirective} ${e.blockedURI}`), true);
        });
        page.on('request', (r) => {
          const u = new URL(r.url());
          if (u.protocol.startsWith('http')) requests.push(u.pathname);
        });
      },
    });
  });

  after(async () => {
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the page carries the app\'s policy, and integrity on everything it loads', async () => {
    const { page } = opened;
    await page.getByRole('heading', { level: 1, name: 'ImPower applications' }).waitFor();
    await page.locator('#files:enabled').waitFor({ state: 'attached' });
    const source = readFileSync(join(ROOT, 'index.html'), 'utf8');
    const appPolicy = source.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)[1];
    const head = await page.evaluate(() => ({
      csp: [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map((m) => m.content),
      inline: [...document.scripts].filter((s) => !s.src).length + document.querySelectorAll('style, [style]').length,
      loads: [...document.querySelectorAll('script[src], link[href]')].map((el) => [el.getAttribute('src') ?? el.getAttribute('href'), el.integrity]),
    }));
    assert.deepEqual(head.csp, [appPolicy], 'the app\'s Content-Security-Policy, exactly');
    assert.equal(head.inline, 0, 'no inline script or style');
    for (const [url, integrity] of head.loads) assert.match(integrity, /^sha384-[A-Za-z0-9+/]{64}$/, `${url} has its integrity`);
    assert.match(await page.locator('#rules').innerText(), /^Every row is checked here, now, under rule book \d{4}-\d{2} \(sha256:[0-9a-f]{16}…\)/);
  });

  test('a folder\'s files opened through the file input: one row per .json file, the command line\'s cells', async () => {
    const { page } = opened;
    await page.getByLabel('Open answers files (.json)').setInputFiles([...files, 'notes.txt'].map((n) => join(dir, n)));
    const status = page.getByRole('status');
    await page.waitForFunction(() => /could not be/.test(document.getElementById('status').textContent));
    assert.equal(
      await status.innerText(),
      '4 applications read, 5 could not be. 1 application was saved under another rule book: re-checked under this one. 1 file was left out: not .json.',
    );
    const rows = page.locator('#rows tr');
    assert.equal(await rows.count(), files.length, 'one row per .json file');

    // The table shows the CSV's cells (without the spreadsheet's ' before a formula).
    const records = parseCsv(cli.toString('utf8'));
    const header = records.shift();
    const heads = await page.locator('#head code').allInnerTexts();
    assert.deepEqual(heads, header, 'the CSV\'s columns, in order, each named under its words');
    for (const [k, record] of records.entries()) {
      const row = rows.nth(k);
      const shown = [await row.locator('th .name').innerText(), ...(await row.locator('td').allTextContents())];
      const unquoted = record.map((c) => (/^'[=+\-@\t\r]/.test(c) ? c.slice(1) : c));
      assert.deepEqual(shown, unquoted, `row ${k + 1}: ${record[0]}`);
    }
    const error = async (name) => (await page.locator('#rows tr', { has: page.locator('th .name', { hasText: name }) }).locator('td').last().innerText());
    assert.match(await error('c-broken.json'), /^the request is not valid JSON \(expected a key in double quotes at line 3 column 3\): send one JSON object \(malformed_json\)$/);
    assert.match(await error('d-refused.json'), /^fees\.projects: -1 is negative.*\(out_of_range\)$/);
    assert.match(await error('e-big.json'), /over 1048576 bytes.*\(out_of_range\)$/);
    assert.equal(await error('g-twice.json'), 'fees.projects: "projects" is given twice in the same object: give each field once (duplicate_field)');
    assert.equal(await error('h-not-utf8.json'), 'the request is not UTF-8 text (invalid bytes at offset 3): send one JSON object in UTF-8 (malformed_json)');
    assert.equal(await page.locator('tr.unread').count(), 5);
  });

  test('what each row adds: its Summary link, or why none, and the rule book it was saved under', async () => {
    const { page } = opened;
    const cell = (name) => page.locator('#rows th', { has: page.locator('.name', { hasText: name }) });
    assert.match(await cell('a-6b69fe7-export.json').innerText(), /Open summary[\s\S]*Saved before the checker recorded its rule book/);
    const other = await cell('a-format2-2026-12-07-export.json').innerText();
    assert.match(other, /Saved under another rule book \(sha256:ccd7dccd507bf850…\): re-checked under \d{4}-\d{2}\./);
    assert.match(await cell('b-no-saved-answers.json').innerText(), /No summary: the file holds no saved answers/);
    assert.equal(await cell('c-broken.json').getByRole('link').count(), 0, 'a file that could not be read has no summary');
    assert.equal(await page.getByRole('link', { name: /^Open summary/ }).count(), 3);
  });

  test('sorting: a button in each column head, aria-sort on the sorted one, by mouse and keyboard', async () => {
    const { page } = opened;
    const head = (words) => page.locator('#head th', { has: page.getByRole('button', { name: words, exact: true }) });
    const column = async (key) => {
      const at = (await page.locator('#head code').allInnerTexts()).indexOf(key);
      return page.locator('#rows tr').evaluateAll(
        (trs, at) => trs.map((tr) => (at === 0 ? tr.querySelector('th .name') : tr.children[at]).textContent),
        at,
      );
    };
    assert.equal(await head('File').getAttribute('aria-sort'), 'ascending', 'in file-name order at first');
    await page.getByRole('button', { name: 'Fees (USD)', exact: true }).click();
    assert.equal(await head('Fees (USD)').getAttribute('aria-sort'), 'ascending');
    assert.equal(await head('File').getAttribute('aria-sort'), null);
    assert.deepEqual(await column('total_usd'), ['3000', '15000', '18000', '18000', '', '', '', '', '']);
    await page.getByRole('button', { name: 'Fees (USD)', exact: true }).click();
    assert.equal(await head('Fees (USD)').getAttribute('aria-sort'), 'descending');
    assert.deepEqual(await column('total_usd'), ['18000', '18000', '15000', '3000', '', '', '', '', '']);
    assert.match(await page.locator('caption').innerText(), /sorted by Fees \(USD\), descending/);
    // By keyboard: focus stays on the button, Enter sorts.
    await page.getByRole('button', { name: 'Must fix', exact: true }).focus();
    await page.keyboard.press('Enter');
    assert.equal(await head('Must fix').getAttribute('aria-sort'), 'ascending');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Must fix ▲');
    const mustFix = (await column('must_fix')).filter(Boolean).map(Number);
    assert.deepEqual(mustFix, [...mustFix].sort((a, b) => a - b));
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    assert.equal(await head('Team complete').getAttribute('aria-sort'), 'ascending', 'Space on the previous column sorts it');
    await page.getByRole('button', { name: 'File', exact: true }).click();
    assert.deepEqual(await column('file'), files);
  });

  test('"Download CSV": applications.csv, the very bytes of impower assess --csv', async () => {
    const { page } = opened;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    assert.equal(download.suggestedFilename(), 'applications.csv');
    const bytes = readFileSync(await download.path());
    assert.equal(bytes.toString('utf8'), cli.toString('utf8'));
    assert.ok(bytes.equals(cli), 'byte for byte');
    assert.match(bytes.toString('utf8'), /,"'=HYPERLINK\(""x""\)",/);
  });

  test('accessible at desktop and phone width; screenshots', async (t) => {
    const { page } = opened;
    const violationsAt = async (where) => {
      const found = await runAxe(page);
      assert.equal(found.length, 0, `${where}:\n${describeViolations(found)}`);
    };
    await violationsAt('review.html at 1280px');
    t.diagnostic(`screenshot: ${await screenshot(page, 'review-desktop')}`);
    await page.setViewportSize({ width: 390, height: 844 });
    await violationsAt('review.html at 390px');
    t.diagnostic(`screenshot: ${await screenshot(page, 'review-phone')}`);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test('"Open summary": the app opens that application\'s Summary, in a new tab', async () => {
    const { page } = opened;
    const row = page.locator('#rows tr', { has: page.locator('th .name', { hasText: 'a-6b69fe7-export.json' }) });
    const link = row.getByRole('link', { name: /^Open summary/ });
    const code = JSON.parse(readFileSync(join(GOLDEN, '6b69fe7-export.json'), 'utf8')).app.fields;
    assert.equal(await link.getAttribute('href'), `index.html#summary?a=${code}`);
    const [app] = await Promise.all([page.waitForEvent('popup'), link.click()]);
    const errors = [];
    app.on('pageerror', (e) => errors.push(String(e)));
    await app.locator('main h2').first().waitFor();
    const summary = app.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Summary', exact: true });
    await app.waitForFunction(() => location.hash.startsWith('#summary'));
    assert.equal(await summary.getAttribute('aria-current'), 'page', 'the Summary is the view shown');
    await app.getByText('Mercy Radiology — Nord & Süd').first().waitFor();
    assert.match(await app.locator('main').innerText(), /summary for leadership[\s\S]*Mercy Radiology — Nord & Süd/);
    assert.deepEqual(errors, []);
    await app.close();
  });

  test('files dropped on the page replace the table', async () => {
    const { page } = opened;
    const export1 = readFileSync(join(GOLDEN, '6b69fe7-export.json'), 'utf8');
    const dataTransfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      dt.items.add(new File(['not json'], 'also-dropped.json', { type: 'application/json' }));
      return dt;
    }, export1);
    await page.locator('#drop').dispatchEvent('dragover', { dataTransfer });
    assert.match(await page.locator('#drop').getAttribute('class'), /\bover\b/, 'the drop zone shows it');
    await page.locator('#drop').dispatchEvent('drop', { dataTransfer });
    await page.waitForFunction(() => document.querySelectorAll('#rows tr').length === 2);
    assert.equal(await page.getByRole('status').innerText(), '1 application read, 1 could not be.');
    assert.deepEqual(await page.locator('#rows th .name').allInnerTexts(), ['also-dropped.json', 'dropped.json']);
    assert.match(await page.locator('#rows tr').first().locator('td').last().innerText(), /^the request is not valid JSON \(expected a value at line 1 column 1\)/);
  });

  test('the page is sent with frame-ancestors \'none\', and a tampered .wasm is refused: the page says so', async () => {
    const response = await opened.page.request.get(`${site.server.url}/review.html`);
    for (const [name, value] of Object.entries(PAGE_HEADERS)) assert.equal(response.headers()[name], value, `header ${name}`);
    const { page, consoleErrors } = await openPage(site.browser, `${site.server.url}/review.html`, {
      prepare: (context) =>
        context.route(/impower_bg\.wasm$/, async (route) => {
          const real = await route.fetch();
          const body = Buffer.from(await real.body());
          body[body.length - 1] ^= 0xff;
          await route.fulfill({ response: real, body });
        }),
    });
    try {
      await page.getByText('The checker could not start. Reload the page to try again.').waitFor({ timeout: 10_000 });
      assert.match(consoleErrors.join('\n'), /integrity/i, 'the console names the integrity failure');
      assert.equal(await page.locator('#files').isDisabled(), true, 'no file can be opened');
    } finally {
      await page.context().close();
    }
  });

  test('nothing left the browser: only the page\'s own files were fetched, no violation, no console error', async () => {
    const { consoleErrors, foreignRequests } = opened;
    assert.deepEqual(foreignRequests, []);
    assert.deepEqual(violations, []);
    assert.deepEqual(consoleErrors, []);
    // The page, its script and stylesheet, the app's stylesheet and favicon, the JS API.
    const own = /^\/(review\.(html|js|css)|embed\/(impower\.js|impower_bg\.wasm|style-[0-9a-f]+\.css)|favicon-[0-9a-f]+\.svg)$/;
    assert.deepEqual(requests.filter((p) => !own.test(p)), [], `requests: ${requests.join(', ')}`);
  });
});
