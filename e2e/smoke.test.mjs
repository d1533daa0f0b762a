// Smoke test of the built site: `node --test` from e2e/ (or cargo xtask browser-tests e2e).
//
// Serves $DIST (default: the repo's dist/, resolved from this file, not the cwd) on
// 127.0.0.1, opens / at a desktop and a phone viewport in headless Chromium, and checks that
// the page shows a heading, logs no console errors or uncaught exceptions, requests nothing
// from any other origin, and has no axe-core WCAG 2.x A/AA violations. Screenshots go to
// e2e/screenshots/smoke-desktop.png and smoke-phone.png (taken before the checks, so a
// failing run leaves one to look at).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { DIST, describeViolations, openPage, runAxe, screenshot, startSite } from './harness.mjs';


const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

describe(`smoke: ${DIST}`, () => {
  let server;
  let browser;
  let close;

  before(async () => {
    ({ server, browser, close } = await startSite());
  });

  after(async () => {
    await close?.();
  });

  for (const vp of VIEWPORTS) {
    test(`${vp.name} ${vp.width}x${vp.height}: heading, no errors, no foreign requests, no axe violations`, async (t) => {
      const { page, consoleErrors, foreignRequests } = await openPage(browser, `${server.url}/`, vp);
      try {
        const h1 = page.locator('h1').first();
        await h1.waitFor({ state: 'visible', timeout: 20_000 });
        // Let the app finish loading (wasm, fonts, late errors) before judging it.
        await page.waitForLoadState('networkidle');
        const shot = await screenshot(page, `smoke-${vp.name}`);
        t.diagnostic(`screenshot: ${shot}`);

        await t.test('the h1 has text', async () => {
          const text = (await h1.innerText()).trim();
          assert.notEqual(text, '', 'the visible h1 is empty');
        });

        await t.test('no console errors', () => {
          assert.deepEqual(consoleErrors, [], `console errors:\n${consoleErrors.join('\n')}`);
        });

        await t.test('no requests to other origins', () => {
          assert.deepEqual(
            foreignRequests,
            [],
            `requests to origins other than ${server.url}:\n${foreignRequests.join('\n')}`,
          );
        });

        await t.test('no axe WCAG 2.x A/AA violations', async () => {
          const violations = await runAxe(page);
          assert.equal(
            violations.length,
            0,
            `${violations.length} axe violation(s):\n${describeViolations(violations)}`,
          );
        });
      } finally {
        await page.context().close();
      }
    });
  }

  test('before the WebAssembly arrives, the page already shows the first questions (the static shell), and the app then asks the same ones', async () => {
    // Without JavaScript the page is what a slow connection shows until the wasm loads.
    const still = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    try {
      const page = await still.newPage();
      await page.goto(`${server.url}/`);
      const legends = await page.locator('main fieldset.yesno > legend').allInnerTexts();
      assert.equal(legends.length, 4, 'four yes/no questions');
      const coach = await page.locator('main label[for="shell-coach"]').innerText();
      assert.equal(await page.locator('main input:enabled, main select:enabled').count(), 0, 'inert until the app loads');
      assert.ok(await page.getByText(legends[0]).isVisible(), 'the first question is on the first screen');
      const box = await page.getByText(legends[0]).boundingBox();
      assert.ok(box && box.y + box.height <= 844, `the first question is above the fold at 390x844 (${box?.y})`);
      await screenshot(page, 'shell-phone');

      const { page: live, consoleErrors } = await openPage(browser, `${server.url}/`);
      try {
        await live.locator('#c-sponsor-yes').waitFor();
        assert.deepEqual((await live.locator('main fieldset.yesno > legend').allInnerTexts()).slice(0, legends.length), legends, 'the app asks the questions the shell showed');
        assert.equal(await live.locator('label[for="c-coach"]').innerText(), coach);
        assert.equal(await live.locator('[aria-busy="true"]').count(), 0, 'the shell is gone');
        assert.deepEqual(consoleErrors, []);
      } finally {
        await live.context().close();
      }
    } finally {
      await still.close();
    }
  });

  test('while the WebAssembly is on its way, another view\'s address shows only the loading note; if it never comes, the page says so', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      // The module never arrives: what a person sees on a connection that drops it.
      await page.route(/\.wasm$/, (route) => route.abort());
      await page.goto(`${server.url}/#fees`);
      await page.getByText('The checker could not start. Reload the page to try again.').waitFor();
      assert.equal(await page.locator('#app fieldset').count(), 0, 'no readiness questions on #fees');
      await page.goto(`${server.url}/#readiness`);
      await page.reload();
      await page.getByText('The checker could not start. Reload the page to try again.').waitFor();
      assert.equal(await page.locator('#app fieldset.yesno').count(), 4, 'the readiness questions stay on #readiness');
    } finally {
      await context.close();
    }
  });
});
