// The Content-Security-Policy of the built site, in Chromium: `node --test csp.test.mjs`
// from e2e/ (cargo xtask browser-tests e2e runs it with the rest).
//
// The app page carries a strict CSP in a <meta> (index.html): no inline script, one
// inline style (the stylesheet itself, inlined at build for the first paint and allowed
// by its sha256), no style="" attribute, no eval but WebAssembly's. Here, with a `securitypolicyviolation` listener installed
// before any of the page's scripts run, we check that nothing trips it: on every view
// (opened by its URL fragment and by the navigation), while printing (print media and a
// PDF), and on the example host page under the policy EMBEDDING.md documents. Also: the
// policy is really there, every built asset carries Subresource Integrity (and a tampered
// .wasm is refused), the pages are sent with frame-ancestors 'none', nothing 404s
// (favicon included), and the app still answers as you type.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { DIST, openPage, screenshot, startSite } from './harness.mjs';
import { PAGE_HEADERS } from './serve.mjs';

/** The app page's policy, exactly as index.html writes it, with the sha256 that
 * cargo xtask post-build adds for the inlined stylesheet. */
const appCsp = (styleHash) =>
  `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' '${styleHash}'; img-src 'self' data:; ` +
  "connect-src 'self'; base-uri 'none'; form-action 'none'";
/** The host page policy EMBEDDING.md documents, as web/embed/example.html writes it. */
const EMBED_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";

const VIEWS = [
  ['readiness', 'Readiness'],
  ['team', 'Team'],
  ['fees', 'Fees'],
  ['calendar', 'Calendar'],
  ['credits', 'Credits'],
  ['summary', 'Summary'],
];

/**
 * openPage's `prepare`: records every CSP violation (from a listener added before the
 * page's own scripts), every response of 400 or more, and every failed request.
 */
function watch(record) {
  return async (context, page) => {
    await context.exposeBinding('__reportCspViolation', (_source, v) => record.violations.push(v));
    await context.addInitScript(() => {
      document.addEventListener(
        'securitypolicyviolation',
        (e) =>
          window.__reportCspViolation({
            directive: e.effectiveDirective,
            blocked: e.blockedURI,
            source: `${e.sourceFile}:${e.lineNumber}`,
            sample: e.sample,
            page: location.href,
          }),
        true,
      );
    });
    page.on('response', (r) => {
      if (r.status() >= 400) record.bad.push(`${r.status()} ${r.url()}`);
    });
    page.on('requestfailed', (r) => record.bad.push(`failed (${r.failure()?.errorText}) ${r.url()}`));
  };
}

/** A fresh record of what must stay empty. */
const newRecord = () => ({ violations: [], bad: [] });

function assertClean(record, consoleErrors, where) {
  assert.deepEqual(
    record.violations,
    [],
    `${record.violations.length} CSP violation(s) ${where}:\n${JSON.stringify(record.violations, null, 2)}`,
  );
  assert.deepEqual(record.bad, [], `bad or failed requests ${where}:\n${record.bad.join('\n')}`);
  assert.deepEqual(consoleErrors, [], `console errors ${where}:\n${consoleErrors.join('\n')}`);
}

describe(`Content-Security-Policy: ${DIST}`, () => {
  let server;
  let browser;
  let close;

  before(async () => {
    ({ server, browser, close } = await startSite());
  });

  after(async () => {
    await close?.();
  });

  /** Opens `path` watched; returns what openPage returns plus the record. */
  const open = async (path, viewport) => {
    const record = newRecord();
    const opened = await openPage(browser, `${server.url}${path}`, { ...viewport, prepare: watch(record) });
    return { ...opened, record };
  };

  test('the app page: the policy is in a <meta>, assets carry integrity, the favicon is linked, frame-ancestors is sent', async () => {
    const { page, record, consoleErrors } = await open('/');
    try {
      await page.getByRole('heading', { level: 1, name: 'ImPower readiness' }).waitFor();
      const head = await page.evaluate(() => ({
        csp: [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map((m) => m.content),
        firstInHead: document.head.querySelector('meta[http-equiv], script, link')?.getAttribute('http-equiv'),
        inlineScripts: [...document.scripts].filter((s) => !s.src).map((s) => s.type || 'classic'),
        styleAttributes: document.querySelectorAll('[style]').length,
        inlineStyles: [...document.querySelectorAll('style')].map((s) => s.textContent),
        assets: [...document.querySelectorAll('script[src], link[rel="stylesheet"], link[rel="modulepreload"], link[rel="preload"]')].map(
          (el) => ({ url: el.getAttribute('src') ?? el.getAttribute('href'), integrity: el.getAttribute('integrity') }),
        ),
        icons: [...document.querySelectorAll('link[rel~="icon"]')].map((l) => l.href),
      }));
      // One <style>: the built stylesheet, whole, as the widget loads it from embed/.
      assert.equal(head.inlineStyles.length, 1, 'one <style> element, the stylesheet');
      const sheet = readdirSync(join(DIST, 'embed')).filter((f) => /^style-[0-9a-f]+\.css$/.test(f));
      assert.equal(sheet.length, 1, `one stylesheet in embed/: ${sheet}`);
      assert.equal(head.inlineStyles[0], readFileSync(join(DIST, 'embed', sheet[0]), 'utf8'), 'the <style> is the stylesheet');
      const styleHash = `sha256-${createHash('sha256').update(head.inlineStyles[0], 'utf8').digest('base64')}`;
      assert.deepEqual(head.csp, [appCsp(styleHash)], 'exactly one CSP <meta>, the documented one, allowing that <style> by its hash');
      assert.equal(head.firstInHead, 'Content-Security-Policy', 'the CSP <meta> comes before any script or stylesheet');
      assert.deepEqual(head.inlineScripts, [], 'no inline <script>');
      assert.equal(head.styleAttributes, 0, 'no style="" attribute in the rendered app');
      const kinds = head.assets.map((a) => a.url.split('.').pop()).sort();
      assert.deepEqual([...new Set(kinds)], ['js', 'wasm'], `the module, its loader and the .wasm (the CSS is inlined): ${JSON.stringify(head.assets)}`);
      for (const a of head.assets) assert.match(a.integrity ?? '', /^sha384-[A-Za-z0-9+/]{64}$/, `${a.url} has no sha384 integrity`);
      assert.equal(head.icons.length, 1, 'one favicon link');
      const icon = await page.request.get(head.icons[0]);
      assert.equal(icon.status(), 200, `favicon ${head.icons[0]}`);
      assert.equal(icon.headers()['content-type'], 'image/svg+xml');

      const response = await page.request.get(`${server.url}/`);
      for (const [name, value] of Object.entries(PAGE_HEADERS)) assert.equal(response.headers()[name], value, `header ${name}`);

      await page.waitForLoadState('networkidle');
      assertClean(record, consoleErrors, 'loading /');
    } finally {
      await page.context().close();
    }
  });

  test('a page that frames the app gets an error page instead (frame-ancestors, X-Frame-Options)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const messages = [];
    page.on('console', (m) => messages.push(m.text()));
    try {
      await page.setContent(`<iframe title="framed app" src="${server.url}/"></iframe>`);
      const frame = await (await page.locator('iframe').elementHandle()).contentFrame();
      await frame.waitForLoadState('load');
      assert.equal(await frame.locator('#app').count(), 0, 'the app rendered inside a frame');
      assert.match(messages.join('\n'), /frame-ancestors/, 'Chromium names frame-ancestors as the reason');
    } finally {
      await context.close();
    }
  });

  for (const [id, name] of VIEWS) {
    test(`#${id}: loads with no violation, no 404, no console error`, async () => {
      const { page, record, consoleErrors } = await open(`/#${id}`);
      try {
        await page.locator('main h2').first().waitFor();
        const current = page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name, exact: true });
        assert.equal(await current.getAttribute('aria-current'), 'page', `${name} is the view shown`);
        await page.waitForLoadState('networkidle');
        assertClean(record, consoleErrors, `on #${id}`);
      } finally {
        await page.context().close();
      }
    });
  }

  test('through every view by the navigation, typing, then printing the summary', async (t) => {
    const { page, record, consoleErrors } = await open('/', { width: 1280, height: 900 });
    try {
      // The app works: the first question is there, and typing changes an answer.
      await page.getByRole('group', { name: /We have named an organizational sponsor/ }).waitFor();
      await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Fees', exact: true }).click();
      const projects = page.getByLabel('Projects to price (what-if)');
      await projects.pressSequentially('7');
      assert.match(await page.locator('#what-if-total').innerText(), /\$36,000/);
      const shot = await screenshot(page, 'csp-fees-desktop');
      t.diagnostic(`screenshot: ${shot}`);

      for (const [id, name] of VIEWS) {
        await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name, exact: true }).click();
        await page.waitForFunction((h) => location.hash === h || location.hash.startsWith(`${h}?`), `#${id}`);
        await page.locator('main h2').first().waitFor();
        assert.deepEqual(record.violations, [], `CSP violation(s) on #${id}: ${JSON.stringify(record.violations)}`);
      }

      // Downloading the cohort's calendar file (a data: link) is no violation either.
      await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Calendar', exact: true }).click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#add-to-calendar').click()]);
      assert.match(download.suggestedFilename(), /^impower-\d{4}-\d{2}\.ics$/);
      assert.deepEqual(record.violations, [], `CSP violation(s) on the calendar download: ${JSON.stringify(record.violations)}`);

      // Printing: the print stylesheet, then a real print to PDF.
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.getByRole('button', { name: 'Print this summary' }).isVisible(), false, 'the print button is not printed');
      const pdf = await page.pdf({ format: 'A4' });
      assert.ok(pdf.length > 1000 && pdf.subarray(0, 5).toString() === '%PDF-', 'a PDF came out');
      await page.emulateMedia({ media: 'screen' });

      await page.waitForLoadState('networkidle');
      assertClean(record, consoleErrors, 'through the views and printing');
    } finally {
      await page.context().close();
    }
  });

  test('a tampered .wasm is refused (its integrity is checked) and the page says so', async () => {
    const record = newRecord();
    const { page, consoleErrors } = await openPage(browser, `${server.url}/`, {
      prepare: async (context, page) => {
        await watch(record)(context, page);
        await context.route(/_bg\.wasm$/, async (route) => {
          const real = await route.fetch();
          const body = Buffer.from(await real.body());
          body[body.length - 1] ^= 0xff;
          await route.fulfill({ response: real, body });
        });
      },
    });
    try {
      await page.getByText('The checker could not start.').waitFor({ timeout: 10_000 });
      assert.match(consoleErrors.join('\n'), /integrity/i, 'the console names the integrity failure');
      assert.equal(await page.getByLabel('We have named an organizational sponsor').count(), 0, 'the app did not start');
    } finally {
      await page.context().close();
    }
  });

  test('the example host page, under the documented host CSP: widgets and API run with no violation', async () => {
    const { page, record, consoleErrors } = await open('/embed/example.html');
    try {
      const csp = await page.evaluate(() =>
        [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map((m) => m.content),
      );
      assert.deepEqual(csp, [EMBED_CSP], 'the example page carries exactly the policy EMBEDDING.md documents');
      await page.locator('#estimator').locator('#fees-total').waitFor();
      assert.equal(await page.locator('#estimator').locator('#fees-total').innerText(), '$15,000');
      await page.locator('#estimator').getByLabel('Projects planned').fill('7');
      assert.equal(await page.locator('#log').innerText(), '7 projects: $36,000, 4 QI coaches');
      assert.notEqual(await page.locator('#pricing tr').count(), 0, 'the JS API filled the pricing table');
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ format: 'A4' });
      await page.emulateMedia({ media: 'screen' });
      await page.waitForLoadState('networkidle');
      assertClean(record, consoleErrors, 'on the example host page');
    } finally {
      await page.context().close();
    }
  });
});
