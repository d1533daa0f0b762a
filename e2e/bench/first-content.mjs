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
// DOM with a non-empty box (the static shell shows it before the WebAssembly arrives),
// and when it can be answered (the app has replaced the shell: its own radio is enabled).
// Also printed per load: first-contentful-paint and the bytes transferred. The headline
// figure serves the files as dist/ holds them, through e2e/serve.mjs, which does not
// compress. The same loads are then repeated with every
// response gzipped (level 9, in front of the same server), as a host that compresses
// would send them; that second median is printed apart.
//
// Fails (non-zero) when the question does not appear within 60 s. Figures only; the last
// line is one JSON object for cargo xtask bench.

import { createServer } from 'node:http';
import { gzipSync, constants } from 'node:zlib';

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
const gzipped = await gzipFront(server.url);
const browser = await launch();
let failed = false;
try {
  const identity = await loads(server.url, 'as built, no compression');
  const gzip = await loads(gzipped.url, 'gzip');
  console.log(
    `first question at Fast 3G (latency ${FAST_3G.latency} ms, down ${FAST_3G.downloadThroughput} B/s, ` +
      `up ${FAST_3G.uploadThroughput} B/s), cold cache, median of ${LOADS} loads: ` +
      `${identity.median.toFixed(0)} ms as served by e2e/serve.mjs (no compression), ` +
      `${gzip.median.toFixed(0)} ms gzipped; answerable (the app running) at ` +
      `${identity.answerable.toFixed(0)} ms, ${gzip.answerable.toFixed(0)} ms gzipped`,
  );
  console.log(
    `BENCH_JSON ${JSON.stringify({
      loads: LOADS,
      median_ms: identity.median,
      bytes: identity.runs[0].bytes,
      gzip_median_ms: gzip.median,
      answerable_median_ms: identity.answerable,
      gzip_answerable_median_ms: gzip.answerable,
      gzip_bytes: gzip.runs[0].bytes,
      runs: identity.runs,
      gzip_runs: gzip.runs,
    })}`,
  );
} catch (e) {
  failed = true;
  console.error(`first-content bench failed: ${e?.stack || e}`);
} finally {
  await browser.close();
  await gzipped.close();
  await server.close();
}
process.exit(failed ? 1 : 0);

/** LOADS cold loads of `url`; the median time to the first question, and each load. */
async function loads(url, label) {
  const runs = [];
  for (let i = 0; i < LOADS; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
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
      await page.goto(url, { waitUntil: 'commit' });
      await page.waitForFunction(() => typeof window.__firstQuestionMs === 'number', null, {
        timeout: 60000,
      });
      await page.waitForFunction(() => typeof window.__answerableMs === 'number', null, {
        timeout: 60000,
      });
      const { question, answerable, fcp } = await page.evaluate(() => ({
        question: window.__firstQuestionMs,
        answerable: window.__answerableMs,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      }));
      // Let the last responses finish so the byte count is whole.
      await page.waitForLoadState('load');
      runs.push({ question, answerable, fcp, bytes });
      console.log(
        `${label}, load ${i + 1}: first question visible at ${question.toFixed(0)} ms` +
          `, answerable (the app running) at ${answerable.toFixed(0)} ms` +
          `, first-contentful-paint ${fcp === null ? 'n/a' : `${fcp.toFixed(0)} ms`}` +
          `, ${(bytes / 1000).toFixed(1)} kB transferred`,
      );
    } finally {
      await context.close();
    }
  }
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  return { median: median(runs.map((l) => l.question)), answerable: median(runs.map((l) => l.answerable)), runs };
}

/** A server in front of `origin` that sends every response gzipped (level 9). */
async function gzipFront(origin) {
  const front = createServer(async (req, res) => {
    try {
      const upstream = await fetch(new URL(req.url, origin), { method: req.method });
      const body = Buffer.from(await upstream.arrayBuffer());
      const headers = Object.fromEntries(upstream.headers);
      delete headers['content-length'];
      delete headers['transfer-encoding'];
      delete headers.connection;
      delete headers['keep-alive'];
      const zipped = gzipSync(body, { level: constants.Z_BEST_COMPRESSION });
      res.writeHead(upstream.status, {
        ...headers,
        'content-encoding': 'gzip',
        'content-length': zipped.length,
        vary: 'accept-encoding',
      });
      res.end(req.method === 'HEAD' ? undefined : zipped);
    } catch (e) {
      res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`gzip front: ${e}\n`);
    }
  });
  await new Promise((ok, fail) => {
    front.once('error', fail);
    front.listen(0, '127.0.0.1', ok);
  });
  return {
    url: `http://127.0.0.1:${front.address().port}`,
    close: () =>
      new Promise((ok) => {
        front.closeAllConnections?.();
        front.close(() => ok());
      }),
  };
}

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
  // And when the app has taken over from the static shell: the question can be answered.
  const live = new MutationObserver(() => {
    const radio = document.getElementById('c-sponsor-yes');
    if (window.__answerableMs === undefined && radio && !radio.disabled) {
      live.disconnect();
      window.__answerableMs = null;
      requestAnimationFrame(() => {
        window.__answerableMs = performance.now();
      });
    }
  });
  live.observe(document, { subtree: true, childList: true });
}
