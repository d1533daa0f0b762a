// The <impower-ready> widget on the example host page (dist/embed/example.html), in Chromium.
//
// Both widgets show; typing in one fires `impower-change` with the right answers and
// leaves the other alone; attributes apply live; the host's CSS does not change the
// widgets and ours does not change the host; the JS API fills the host's pricing table;
// axe finds no violations; nothing leaves the origin and nothing logs an error. Then:
// each of the three files the widget loads (module, .wasm, stylesheet), altered in a way
// that would still run, is refused and the widget says so; and served from another
// origin (with CORS, as EMBEDDING.md says), the widget works and still checks them.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { DIST, describeViolations, openPage, openSite, runAxe, screenshot, startSite } from './harness.mjs';
import { serve } from './serve.mjs';

describe('the widget on a host page', () => {
  let site;
  let page;
  let consoleErrors;
  let foreignRequests;

  before(async () => {
    site = await openSite('/embed/example.html');
    ({ page, consoleErrors, foreignRequests } = site);
    // Record every impower-change event the page sees, from either widget.
    await page.evaluate(() => {
      window.events = [];
      document.addEventListener('impower-change', (e) => window.events.push({ id: e.target.id, composed: e.composed, bubbles: e.bubbles, detail: e.detail }));
    });
    await page.waitForFunction(() => document.getElementById('estimator')?.answers && document.getElementById('checker')?.answers);
  });

  after(async () => {
    await site?.close();
  });

  const events = () => page.evaluate(() => window.events);
  const lastOf = async (id) => (await events()).filter((e) => e.id === id).at(-1);

  test('the first impower-change already follows the attributes (issue 21)', async () => {
    // A page that listens before the element starts: its first event is the one it gets.
    const first = await page.evaluate(async () => {
      const seen = [];
      const el = document.createElement('impower-ready');
      el.setAttribute('view', 'fees');
      el.setAttribute('projects', '4');
      el.addEventListener('impower-change', (e) => seen.push(e.detail));
      document.body.append(el);
      for (let i = 0; i < 100 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      el.remove();
      return seen[0];
    });
    assert.equal(first?.view, 'fees');
    assert.equal(first?.fees?.total_usd, 21000, 'four projects, not the default one');
  });

  test('both widgets show their view inside a shadow root', async () => {
    const estimator = page.locator('#estimator');
    const checker = page.locator('#checker');
    assert.equal(await estimator.evaluate((el) => el.shadowRoot?.querySelector('h2')?.textContent), 'What will it cost?');
    assert.equal(await checker.evaluate((el) => el.shadowRoot?.querySelector('h2')?.textContent), 'Are you ready to apply?');
    assert.equal(await estimator.evaluate((el) => el.shadowRoot.querySelector('nav')), null, 'a single view has no navigation');
    assert.equal(await estimator.locator('#fees-total').innerText(), '$15,000', 'the projects attribute applied');
    assert.equal(await page.locator('#log').innerText(), '3 projects: $15,000, 2 QI coaches');
    await screenshot(page, 'embed-example');
  });

  test('typing fires impower-change with the answers, and the other widget is unchanged', async () => {
    const before = await page.locator('#checker').evaluate((el) => el.answers);
    await page.locator('#estimator').getByLabel('Projects planned').fill('7');
    await page.waitForFunction(() => document.getElementById('estimator').answers.fees?.total_usd === 36000);
    const last = await lastOf('estimator');
    assert.equal(last.bubbles, true);
    assert.equal(last.composed, true);
    assert.equal(last.detail.view, 'fees');
    assert.equal(last.detail.fees.total_usd, 36000);
    assert.equal(last.detail.fees.coaches_needed, 4);
    assert.deepEqual(last.detail.fees.projects.filter((p) => p.discounted).map((p) => p.number), [3, 6]);
    assert.equal(await page.locator('#log').innerText(), '7 projects: $36,000, 4 QI coaches');
    assert.deepEqual(await page.locator('#checker').evaluate((el) => el.answers), before, 'the checker did not change');
    assert.equal(await page.locator('#checker').evaluate((el) => el.answers.fees.total_usd), 6000);
  });

  test('bad input is reported in the widget and in the event', async () => {
    await page.locator('#estimator').getByLabel('Projects planned').fill('-2');
    await page.waitForFunction(() => document.getElementById('estimator').answers.errors.length > 0);
    const last = await lastOf('estimator');
    assert.equal(last.detail.fees, undefined);
    const feeError = last.detail.errors.find((e) => e.field === 'fee-projects');
    assert.ok(feeError, JSON.stringify(last.detail.errors));
    assert.match(feeError.message, /negative/);
    // Counted as shown: the one field this widget has, not the Team view's too.
    assert.equal(last.detail.errors.length, 1, JSON.stringify(last.detail.errors));
    assert.match(await page.locator('#estimator').locator('.error-summary').innerText(), /^1 field to fix/);
    assert.match(await page.locator('#estimator').locator('#fee-projects-error').innerText(), /negative/);
    await page.locator('#estimator').locator('.error-summary summary').click();
    await page.locator('#estimator').locator('.error-summary a', { hasText: 'Projects planned' }).click();
    assert.equal(await page.locator('#estimator').evaluate((el) => el.shadowRoot.activeElement?.id), 'fee-projects', 'the summary link focuses the field inside the shadow root');
  });

  test('attributes apply live', async () => {
    await page.locator('#estimator').evaluate((el) => { el.setAttribute('projects', '6'); el.setAttribute('prior-projects', '1'); });
    await page.waitForFunction(() => document.getElementById('estimator').answers.fees?.total_usd === 30000);
    const fees = (await lastOf('estimator')).detail.fees;
    assert.deepEqual(fees.projects.map((p) => p.number), [2, 3, 4, 5, 6, 7]);
    await page.locator('#checker').evaluate((el) => el.setAttribute('view', 'calendar'));
    await page.locator('#checker').getByRole('heading', { name: 'When would you start and finish?' }).waitFor();
    await page.locator('#checker').evaluate((el) => el.setAttribute('date', '2027-03-15'));
    await page.waitForFunction(() => document.getElementById('checker').answers.schedule?.cohort.id === '2027-09');
  });

  test('the calendar view offers the cohort as an iCalendar file, under the host page\'s CSP', async () => {
    // The checker shows the calendar from 2027-03-15 (the test above): the next cohort is September's.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#checker').locator('#add-to-calendar').click()]);
    assert.equal(download.suggestedFilename(), 'impower-2027-09.ics');
  });

  test("the widgets run the app page's own module, .wasm and stylesheet: one build serves both", async () => {
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    const appPage = await (await page.request.get(new URL('/', page.url()).href)).text();
    const named = [...appPage.matchAll(/(?:data-js|data-wasm|href)=["']?\.\/(embed\/[^"'\s>]+)/g)].map((m) => `/${m[1]}`);
    for (const pattern of [/\/impower-web-[0-9a-f]+\.js$/, /\/impower-web-[0-9a-f]+_bg\.wasm$/]) {
      const file = named.find((n) => pattern.test(n));
      assert.ok(file, `the app page names a file like ${pattern}: ${named}`);
      assert.ok(loaded.includes(file), `the host page loaded ${file}: ${loaded}`);
    }
    // The stylesheet: the widgets load the file the app page holds inlined, as its <style>.
    const sheet = loaded.find((p) => /^\/embed\/style-[0-9a-f]+\.css$/.test(p));
    assert.ok(sheet, `the host page loaded the stylesheet: ${loaded}`);
    const css = await (await page.request.get(new URL(sheet, page.url()).href)).text();
    assert.ok(appPage.includes(`<style>${css}</style>`), 'the app page holds the same stylesheet inlined');
    assert.equal(loaded.filter((p) => p.endsWith('.wasm')).sort().join(), [named.find((n) => n.endsWith('_bg.wasm')), '/embed/impower_bg.wasm'].sort().join(), 'the app\'s .wasm (widgets) and the API\'s, once each');
  });

  test("the host's styles do not reach the widgets, and ours do not reach the host", async () => {
    const inside = await page.locator('#checker').evaluate((el) => {
      const h2 = el.shadowRoot.querySelector('h2');
      const input = el.shadowRoot.querySelector('input');
      const s = getComputedStyle(h2);
      return { transform: s.textTransform, font: s.fontFamily, color: s.color, spacing: s.letterSpacing, inputBg: getComputedStyle(input).backgroundColor };
    });
    assert.equal(inside.transform, 'none', 'host h2 { text-transform: uppercase } stays out');
    assert.doesNotMatch(inside.font, /Georgia/);
    assert.equal(inside.color, 'rgb(27, 31, 36)');
    assert.equal(inside.spacing, 'normal', 'host * { letter-spacing } stays out');
    assert.equal(inside.inputBg, 'rgb(255, 255, 255)', 'host input { all: unset; background } stays out');
    const themed = await page.locator('#estimator').evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('button, nav a, details.why summary')).color);
    assert.equal(themed, 'rgb(122, 31, 61)', 'the host themes a widget through --impower-accent');
    const host = await page.evaluate(() => ({
      h2: getComputedStyle(document.querySelector('main > h2')).color,
      body: getComputedStyle(document.body).fontFamily,
      bg: getComputedStyle(document.body).backgroundColor,
      fieldset: document.querySelectorAll('fieldset').length,
    }));
    assert.equal(host.h2, 'rgb(122, 31, 61)');
    assert.match(host.body, /Georgia/);
    assert.equal(host.bg, 'rgb(251, 246, 236)');
    assert.equal(host.fieldset, 0, 'the widgets add nothing to the host document');
  });

  test('the JS API filled the pricing table', async () => {
    const cells = await page.locator('#pricing tr td:nth-child(2)').allInnerTexts();
    assert.deepEqual(cells, ['$6,000', '$12,000', '$15,000', '$21,000', '$27,000', '$30,000']);
  });

  test('a widget added later, or removed, works on its own', async () => {
    await page.evaluate(() => {
      const el = document.createElement('impower-ready');
      el.id = 'late';
      el.setAttribute('view', 'fees');
      el.setAttribute('projects', '2');
      document.querySelector('main').append(el);
    });
    await page.waitForFunction(() => document.getElementById('late').answers?.fees?.total_usd === 12000);
    await page.evaluate(() => document.getElementById('late').remove());
    assert.equal(await page.locator('#estimator').evaluate((el) => el.answers.fees.total_usd), 30000);
  });

  test('a credits widget alone: the visitor names who takes part, and each gets a claim', async () => {
    await page.evaluate(() => {
      const el = document.createElement('impower-ready');
      el.id = 'credits-alone';
      el.setAttribute('view', 'credits');
      document.querySelector('main').append(el);
    });
    const w = page.locator('#credits-alone');
    await w.getByLabel(/^Name of person 2 \(Physician leader, project 1\)/).waitFor();
    // No Team beside it: the people are named here, and one more can be added.
    await w.getByLabel(/^Name of person 2 /).fill('Dr. Ada');
    await w.getByRole('button', { name: /^Add a person/ }).click();
    await w.getByLabel(/^Name of person 5 \(Team member, project 1\)/).fill('Bo');
    await w.getByRole('row', { name: /Dr\. Ada/ }).getByLabel(/^Stage A/).check();
    await page.waitForFunction(() => document.getElementById('credits-alone').answers?.credits?.length === 2);
    const credits = await w.evaluate((el) => el.answers.credits.map((c) => [c.name, c.project, c.credits, c.credit_type]));
    assert.deepEqual(credits, [['Dr. Ada', 1, 5, 'ama_pra_category_1'], ['Bo', 1, 0, 'certificate_of_participation']]);
    await w.evaluate((el) => el.remove());
  });

  // Checked before the axe scan: axe's own contrast probes set inline styles, which the
  // page's Content-Security-Policy (the one EMBEDDING.md documents) rightly refuses.
  test('under the documented CSP: no console errors, and no request leaves the origin', () => {
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(foreignRequests, []);
  });

  test('no axe violations on the host page with both widgets, at desktop and phone width', async () => {
    for (const [width, height] of [[1280, 900], [390, 844]]) {
      await page.setViewportSize({ width, height });
      const violations = await runAxe(page);
      assert.equal(violations.length, 0, `at ${width}px:\n${describeViolations(violations)}`);
    }
    await screenshot(page, 'embed-example-phone');
  });

});

/** What the widget shows when it cannot start. */
const FAILED = 'The ImPower checker could not start. Reload the page to try again.';

/**
 * The three files the widget loads, each with an alteration that keeps it working, so
 * only the integrity check can refuse it: a statement appended to the module that marks
 * the page when it runs, a custom section appended to the .wasm (still a valid module),
 * a rule appended to the stylesheet.
 */
const TAMPERED = [
  ['module', /\/embed\/impower-web-[0-9a-f]+\.js$/, (b) => Buffer.concat([b, Buffer.from('\nglobalThis.impowerTampered = true;\n')])],
  ['.wasm', /\/embed\/impower-web-[0-9a-f]+_bg\.wasm$/, (b) => Buffer.concat([b, Buffer.from([0, 5, 4, ...Buffer.from('evil')])])],
  ['stylesheet', /\/embed\/style-[0-9a-f]+\.css$/, (b) => Buffer.concat([b, Buffer.from('\n.impower-root{outline:9px solid red}\n')])],
];

/**
 * Runs a route handler; a request still in flight when its test closes the page's
 * context is dropped (Playwright: "Request context disposed"), not an unhandled
 * rejection that fails the file after every test passed.
 */
async function closing(handle) {
  try {
    await handle();
  } catch (e) {
    if (!/disposed|closed/i.test(String(e?.message ?? e))) throw e;
  }
}

/** openPage's `prepare`: serves `pattern`'s responses altered by `alter`, counting them. */
function tamper(pattern, alter, served) {
  return async (context) => {
    await context.route((u) => pattern.test(u.pathname), (route) =>
      closing(async () => {
        const real = await route.fetch();
        served.push(route.request().url());
        await route.fulfill({ response: real, body: alter(Buffer.from(await real.body())) });
      }),
    );
  };
}

/** The text of each widget's shadow root, and whether the app rendered in it. */
const widgetState = (page) =>
  page.locator('impower-ready').evaluateAll((els) =>
    els.map((el) => ({ id: el.id, text: el.shadowRoot.textContent.trim(), app: !!el.shadowRoot.querySelector('h2, input') })),
  );

describe('every file the widget loads is checked by its integrity', () => {
  let site;

  before(async () => {
    site = await startSite();
  });

  after(async () => {
    await site?.close();
  });

  for (const [name, pattern, alter] of TAMPERED) {
    test(`a tampered ${name} is refused, and each widget says so`, async () => {
      const served = [];
      const { page, consoleErrors } = await openPage(site.browser, `${site.server.url}/embed/example.html`, {
        prepare: tamper(pattern, alter, served),
      });
      try {
        await page.waitForFunction(
          (failed) => [...document.querySelectorAll('impower-ready')].every((el) => el.shadowRoot.textContent.includes(failed)),
          FAILED,
          { timeout: 10_000 },
        );
        assert.deepEqual(await widgetState(page), [
          { id: 'estimator', text: FAILED, app: false },
          { id: 'checker', text: FAILED, app: false },
        ]);
        assert.notEqual(served.length, 0, `the ${name} was served altered`);
        // A failed preload is not remembered: an import() after it would fetch again.
        if (name === 'module') assert.equal(served.length, 1, `the module was fetched once, by its preload, and not imported: ${served}`);
        assert.equal(await page.evaluate(() => globalThis.impowerTampered), undefined, 'the tampered module did not run');
        assert.match(consoleErrors.join('\n'), /integrity/i, 'the console names the integrity failure');
        // The JS API (its own files, untouched) still fills the host's pricing table.
        await page.locator('#pricing tr').first().waitFor();
        await screenshot(page, `embed-tampered-${name.replace(/\W/g, '')}`);
      } finally {
        await page.context().close();
      }
    });
  }

  describe('served from another origin, with CORS', () => {
    let cdn;
    before(async () => {
      cdn = await serve(DIST);
    });
    after(async () => {
      await cdn?.close();
    });

    /**
     * Opens a host page on the site's origin whose widget comes from `cdn` (another port:
     * another origin), under the documented policy with that origin added, the files
     * answered with `Access-Control-Allow-Origin` (and, when given, one of them altered).
     */
    const openHost = (alter) =>
      openPage(site.browser, `${site.server.url}/cdn-host.html`, {
        prepare: async (context) => {
          const csp = `default-src 'none'; script-src 'self' ${cdn.url} 'wasm-unsafe-eval'; style-src 'self' ${cdn.url}; connect-src 'self' ${cdn.url}`;
          await context.route(`${site.server.url}/cdn-host.html`, (route) =>
            route.fulfill({
              contentType: 'text/html; charset=utf-8',
              body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}">` +
                `<title>A host of the widget from a CDN</title><script type="module" src="${cdn.url}/embed/impower-ready.js"></script></head>` +
                '<body><main><impower-ready id="estimator" view="fees" projects="3"></impower-ready></main></body></html>',
            }),
          );
          await context.route((u) => u.origin === cdn.url, (route) =>
            closing(async () => {
              const real = await route.fetch();
              let body = Buffer.from(await real.body());
              if (alter && alter[0].test(new URL(route.request().url()).pathname)) body = alter[1](body);
              await route.fulfill({ response: real, body, headers: { ...real.headers(), 'access-control-allow-origin': '*' } });
            }),
          );
        },
      });

    test('the widget runs, styled, with every file from the other origin', async () => {
      const { page, consoleErrors, foreignRequests } = await openHost();
      try {
        const estimator = page.locator('#estimator');
        await estimator.locator('#fees-total').waitFor();
        assert.equal(await estimator.locator('#fees-total').innerText(), '$15,000');
        assert.equal(await estimator.evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('h2')).color), 'rgb(27, 31, 36)', 'the stylesheet applies');
        const loaded = foreignRequests.map((u) => new URL(u).pathname.replace(/-[0-9a-f]+(_bg)?\./, '-*$1.')).sort();
        assert.deepEqual(loaded, ['/embed/impower-ready.js', '/embed/impower-web-*.js', '/embed/impower-web-*_bg.wasm', '/embed/style-*.css']);
        assert.ok(foreignRequests.every((u) => u.startsWith(`${cdn.url}/`)), `nothing but the CDN: ${foreignRequests}`);
        assert.deepEqual(consoleErrors, []);
      } finally {
        await page.context().close();
      }
    });

    for (const [name, pattern, alter] of TAMPERED) {
      test(`a tampered ${name} from the other origin is refused`, async () => {
        const { page, consoleErrors } = await openHost([pattern, alter]);
        try {
          await page.locator('#estimator').getByText(FAILED).waitFor({ timeout: 10_000 });
          assert.deepEqual(await widgetState(page), [{ id: 'estimator', text: FAILED, app: false }]);
          assert.equal(await page.evaluate(() => globalThis.impowerTampered), undefined, 'the tampered module did not run');
          assert.match(consoleErrors.join('\n'), /integrity/i, 'the console names the integrity failure');
        } finally {
          await page.context().close();
        }
      });
    }
  });
});
