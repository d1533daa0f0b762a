// Shared helpers for the end-to-end tests: the system Chromium driven by playwright-core,
// a page that records what must not happen (console errors, uncaught exceptions, requests
// to any origin but the served one), an axe-core accessibility scan, and screenshots.
//
// The browser is Debian's /usr/bin/chromium (override with $CHROMIUM); playwright-core never
// downloads one. Playwright gives every launch a fresh temporary profile of its own, so no
// --user-data-dir is passed here (it would refuse one in `args`).

import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { serve } from './serve.mjs';

const require = createRequire(import.meta.url);

/** The Chromium binary the tests drive. */
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** Flags for a quiet, offline headless Chromium that works as root in a container. */
export const CHROMIUM_ARGS = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
]);

/** The WCAG tags the axe scan checks: levels A and AA of WCAG 2.0, 2.1 and 2.2. */
export const AXE_TAGS = Object.freeze(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']);

/** Where screenshots go (kept out of git). */
export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** Launches headless Chromium. Close it with `await browser.close()`. */
export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS], headless: true });
}

/**
 * Opens `url` in a new context of the given viewport size, recording, from before the
 * first request on:
 *  - consoleErrors: `console.error` messages and uncaught page exceptions (as strings);
 *  - foreignRequests: URLs of requests whose origin is not `url`'s origin (data: and blob:
 *    URLs are the page's own and are not counted).
 * `prepare(context, page)`, when given, runs before the first request (to add init
 * scripts, bindings or listeners that must see the page load).
 * @returns {Promise<{page: import('playwright-core').Page, consoleErrors: string[], foreignRequests: string[]}>}
 */
export async function openPage(browser, url, { width = 1280, height = 900, prepare } = {}) {
  const origin = new URL(url).origin;
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const consoleErrors = [];
  const foreignRequests = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const where = msg.location()?.url ? ` (${msg.location().url})` : '';
      consoleErrors.push(`console.error: ${msg.text()}${where}`);
    }
  });
  page.on('pageerror', (err) => consoleErrors.push(`uncaught: ${err?.stack || err}`));
  page.on('request', (req) => {
    const u = new URL(req.url());
    if (u.protocol === 'data:' || u.protocol === 'blob:') return;
    if (u.origin !== origin) foreignRequests.push(req.url());
  });
  // Any request to another host is also stopped, so a test can never reach the network.
  await context.route(
    (u) => !['data:', 'blob:'].includes(u.protocol) && u.origin !== origin,
    (route) => route.abort('blockedbyclient'),
  );
  await prepare?.(context, page);
  await page.goto(url, { waitUntil: 'load' });
  return { page, consoleErrors, foreignRequests };
}

let axeSource;
/** axe-core's browser bundle, read once from node_modules. */
function axeScript() {
  axeSource ??= require('axe-core').source;
  if (typeof axeSource !== 'string') throw new Error('axe-core did not export its source');
  return axeSource;
}

/**
 * Runs axe-core on the whole document for the WCAG 2.x A/AA rules.
 * @returns {Promise<Array<{id: string, impact: string, help: string, helpUrl: string, nodes: Array<{target: string[], html: string, failureSummary: string}>}>>}
 */
export async function runAxe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    // Evaluated through the DevTools protocol, which a page's Content-Security-Policy
    // does not govern (a <script> tag would be blocked on the CSP example page).
    await page.evaluate((source) => (0, eval)(source), axeScript());
  }
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    [...AXE_TAGS],
  );
  return result.violations;
}

/** One line per violation: id, impact, help and the first offending node. */
export function describeViolations(violations) {
  return violations
    .map((v) => {
      const first = v.nodes[0];
      const target = first ? JSON.stringify(first.target) : '(no node)';
      return `- ${v.id} [${v.impact}] ${v.help} — first node: ${target} of ${v.nodes.length}\n    ${v.helpUrl}`;
    })
    .join('\n');
}

/** Saves a full-page PNG of `page` as e2e/screenshots/<name>.png and returns its path. */
export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, name.endsWith('.png') ? name : `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The built site under test: $DIST, or the repository's dist/ (not the cwd's). */
export const DIST = process.env.DIST
  ? resolve(process.env.DIST)
  : fileURLToPath(new URL('../dist', import.meta.url));

/**
 * Serves DIST on 127.0.0.1 and launches Chromium, failing with a clear message when DIST
 * holds no built site. Close both with `close()`.
 * @returns {Promise<{server: {url: string, close: () => Promise<void>}, browser, close: () => Promise<void>}>}
 */
export async function startSite() {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html does not exist: build the site first (trunk build) or set DIST`);
  }
  const server = await serve(DIST);
  const browser = await launch();
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Serves DIST on 127.0.0.1, launches Chromium and opens `path` there (see openPage).
 * @returns {Promise<{page, consoleErrors: string[], foreignRequests: string[], url: string, close: () => Promise<void>}>}
 */
export async function openSite(path, viewport = { width: 1280, height: 900 }) {
  const { server, browser, close } = await startSite();
  const opened = await openPage(browser, `${server.url}${path}`, viewport);
  return { ...opened, url: server.url, close };
}

/**
 * Clicks an "Add" control and types into the field it moves focus to, once focus is
 * there (the app focuses the new name field after the next render, as a person sees it).
 * @param {import('playwright').Page} page
 * @param {string} button a selector of the control
 * @param {string} text what to type
 */
export async function addAndType(page, button, text) {
  await page.locator(button).click();
  await page.waitForFunction(() => document.activeElement?.tagName === 'INPUT' && /-name$/.test(document.activeElement.id));
  await page.keyboard.type(text);
}

/**
 * Waits until the app has written the answers to the address and to this device: it
 * writes them once typing pauses (300 ms), so the address is read after that, as a
 * person copying it from the address bar would. Resolves once the address has not
 * changed for 450 ms.
 */
export async function settle(page) {
  await page.evaluate(() => {
    window.__settle = undefined;
  });
  await page.waitForFunction(
    () => {
      const now = performance.now();
      const seen = window.__settle;
      if (!seen || seen.href !== location.href) {
        window.__settle = { href: location.href, at: now };
        return false;
      }
      return now - seen.at > 450;
    },
    null,
    { polling: 50, timeout: 10000 },
  );
}
