// First content at Fast 3G: navigation to the first readiness question visible.
//
//   node e2e/bench/first-content.mjs     (DIST=dist by default; ./dev bench runs it)
//
// LOADS loads (3 by default) of the app's start page (the Readiness view), each in a
// fresh browser context (an empty cache), with the network emulated through the DevTools
// protocol (Network.emulateNetworkConditions) at DevTools' "Fast 3G" preset:
//   latency 562.5 ms, download 180,000 B/s (1.44 Mbit/s), upload 84,375 B/s (0.675 Mbit/s).
// Measured in the page: performance.now() (from the start of navigation) at the first
// animation frame after the question "We have named an organizational sponsor…" is in the
// DOM with a non-empty box. Also printed per load: first-contentful-paint and the bytes
// transferred. The files are served as dist/ holds them by e2e/serve.mjs, which does not
// compress: a host that sends gzip or brotli transfers less.
//
// Fails (non-zero) when the question does not appear within 60 s. Figures only; the last
// line is one JSON object for scripts/bench.sh.

import { launch, DIST } from '../harness.mjs';
import { serve } from '../serve.mjs';

const LOADS = Number(process.env.BENCH_LOADS || 3);
const QUESTION = 'We have named an organizational sponsor';
const FAST_3G = Object.freeze({
  offline: false,
  latency: 562.5,
  downloadThroughput: 180000,
  uploadThroughput: 84375,
});

const server = await serve(DIST);
const browser = await launch();
let failed = false;
try {
  const loads = [];
  for (let i = 0; i < LOADS; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(watch, QUESTION);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', FAST_3G);
    let bytes = 0;
    cdp.on('Network.loadingFinished', (e) => {
      bytes += e.encodedDataLength;
    });
    await page.goto(server.url, { waitUntil: 'commit' });
    await page.waitForFunction(() => typeof window.__firstQuestionMs === 'number', null, {
      timeout: 60000,
    });
    const { question, fcp } = await page.evaluate(() => ({
      question: window.__firstQuestionMs,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    }));
    // Let the last responses finish so the byte count is whole.
    await page.waitForLoadState('load');
    loads.push({ question, fcp, bytes });
    console.log(
      `load ${i + 1}: first question visible at ${question.toFixed(0)} ms` +
        `, first-contentful-paint ${fcp === null ? 'n/a' : `${fcp.toFixed(0)} ms`}` +
        `, ${(bytes / 1000).toFixed(1)} kB transferred`,
    );
    await context.close();
  }
  const sorted = loads.map((l) => l.question).sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  console.log(
    `first question at Fast 3G (latency ${FAST_3G.latency} ms, down ${FAST_3G.downloadThroughput} B/s, ` +
      `up ${FAST_3G.uploadThroughput} B/s), cold cache: median of ${LOADS} loads ${median.toFixed(0)} ms`,
  );
  console.log(
    `BENCH_JSON ${JSON.stringify({ loads: LOADS, median_ms: median, runs: loads })}`,
  );
} catch (e) {
  failed = true;
  console.error(`first-content bench failed: ${e?.stack || e}`);
} finally {
  await browser.close();
  await server.close();
}
process.exit(failed ? 1 : 0);

/** Runs in the page before any of its scripts: records when the question first shows. */
function watch(question) {
  const seen = () => {
    const root = document.body;
    if (!root || !root.innerText.includes(question)) return false;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.textContent.includes(question)) {
        const box = n.parentElement?.getBoundingClientRect();
        return Boolean(box && box.width > 0 && box.height > 0);
      }
    }
    return false;
  };
  const observer = new MutationObserver(() => {
    if (window.__firstQuestionMs === undefined && seen()) {
      observer.disconnect();
      window.__firstQuestionMs = null;
      requestAnimationFrame(() => {
        window.__firstQuestionMs = performance.now();
      });
    }
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
}
