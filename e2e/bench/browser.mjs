// Keystroke to painted result in the built app, in headless Chromium.
//
//   node e2e/bench/browser.mjs           (DIST=dist by default; ./dev bench runs it)
//
// The Team view with 10 people (the starter roster, then "Add a person" until there are
// 10). Each input types a new number into one person's "Hours a week available" field
// (`#person-N-hours`, cycling through the 10), which the app answers by re-deriving every
// answer and rewriting that person's "gives X h" line (`#person-N .hours`). Then the Fees
// view, each input typing the earlier projects. Measured in the page, per input:
//   t0    performance.now() just before the input event is dispatched, at the start of a
//         frame (in a requestAnimationFrame callback);
//   tApp  a microtask queued after the input event: it runs once the app has handled the
//         input and rendered every answer into the DOM (Yew renders in a microtask queued
//         before it; the watched line must have changed by then, or the bench fails);
//   t2    a message posted with the input: it runs once that frame's rendering (style,
//         layout, paint, commit) is done.
// Printed: median and p95 of tApp - t0 ("the app's work") and t2 - t0 ("to frame"), and,
// for the same frame measurement, "the browser alone": one character of the watched line
// changed directly, no app involved: what the browser's own rendering costs on this page
// for the least change. Without throttling and with 4x CPU throttling (DevTools protocol,
// Emulation.setCPUThrottlingRate). Within 16.7 ms, the answer is painted in the frame the
// keystroke arrived in.
//
// Fails (non-zero) when the view, a field or a change is not found, or an input is not
// answered within 5 s. Figures only; the last line is one JSON object for cargo xtask bench.

import { launch, openPage, DIST } from '../harness.mjs';
import { serve } from '../serve.mjs';

const INPUTS = Number(process.env.BENCH_INPUTS || 240);
const PEOPLE = 10;
if (!(Number.isInteger(INPUTS) && INPUTS >= 20)) throw new Error('BENCH_INPUTS must be an integer >= 20');

const server = await serve(DIST);
const browser = await launch();
let failed = false;
try {
  const { page, consoleErrors } = await openPage(browser, `${server.url}/#team`);
  await page.getByRole('heading', { name: 'Build your project team' }).waitFor({ timeout: 15000 });
  await page.getByLabel('Number of projects').waitFor();

  // Up to 10 people through the view's own button.
  for (let guard = 0; guard < 50; guard += 1) {
    const n = await page.locator('fieldset.person').count();
    if (n >= PEOPLE) break;
    await page.click('#add-person');
    await page.locator('fieldset.person').nth(n).waitFor();
  }
  const ids = await page.$$eval('fieldset.person', (fs) => fs.map((f) => f.id));
  if (ids.length !== PEOPLE) throw new Error(`expected ${PEOPLE} people on the Team view, found ${ids.length}`);
  // Named, as a real roster is (unnamed people are examples the team waits for).
  for (const [i, id] of ids.entries()) await page.locator(`#${id}-name`).fill(`Person number ${i + 1}`);
  for (const id of ids) {
    if (!(await page.locator(`#${id}-hours`).count())) throw new Error(`no #${id}-hours field`);
    if (!(await page.locator(`#${id} .hours`).count())) throw new Error(`no hours line in #${id}`);
  }

  const cdp = await page.context().newCDPSession(page);
  // Team: each input types a number into the next person's hours; the answer is that
  // person's "gives X h" line.
  const team = ids.map((id) => ({ field: `#${id}-hours`, watch: `#${id} .hours` }));
  const results = { team: await run(cdp, page, team, `Team view, ${PEOPLE} people`) };
  // Fees: each input types the earlier projects; the answer is the view (the total, and
  // F3's reading beside it, name the count).
  await page.getByRole('link', { name: 'Fees', exact: true }).click();
  await page.getByRole('heading', { name: 'What will it cost?' }).waitFor();
  results.fees = await run(cdp, page, [{ field: '#prior-projects', watch: 'main section' }], 'Fees view');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  if (consoleErrors.length) throw new Error(`the page reported errors:\n${consoleErrors.join('\n')}`);
  const t = results.team;
  const f = results.fees;
  console.log(
    `BENCH_JSON ${JSON.stringify({
      inputs: INPUTS,
      people: PEOPLE,
      app_median_ms: t[1].app.median,
      app_p95_ms: t[1].app.p95,
      frame_median_ms: t[1].frame.median,
      frame_p95_ms: t[1].frame.p95,
      throttled_app_median_ms: t[4].app.median,
      throttled_app_p95_ms: t[4].app.p95,
      throttled_browser_median_ms: t[4].browser.median,
      throttled_browser_p95_ms: t[4].browser.p95,
      throttled_frame_median_ms: t[4].frame.median,
      throttled_frame_p95_ms: t[4].frame.p95,
      fees_frame_median_ms: f[1].frame.median,
      fees_frame_p95_ms: f[1].frame.p95,
      fees_throttled_frame_median_ms: f[4].frame.median,
      fees_throttled_frame_p95_ms: f[4].frame.p95,
      fees_throttled_app_median_ms: f[4].app.median,
      fees_throttled_app_p95_ms: f[4].app.p95,
      fees_throttled_browser_median_ms: f[4].browser.median,
      fees_throttled_browser_p95_ms: f[4].browser.p95,
    })}`,
  );
} catch (e) {
  failed = true;
  console.error(`browser bench failed: ${e?.stack || e}`);
} finally {
  await browser.close();
  await server.close();
}
process.exit(failed ? 1 : 0);

/** `INPUTS` inputs into `targets` in turn, then as many one-character changes made
 *  without the app, without and with 4x CPU throttling; prints and returns
 *  { 1: {app, frame, browser}, 4: {app, frame, browser} }. */
async function run(cdp, page, targets, what) {
  const out = {};
  for (const rate of [1, 4]) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const samples = await page.evaluate(measure, { targets, inputs: INPUTS, app: true });
    const alone = await page.evaluate(measure, { targets, inputs: INPUTS, app: false });
    out[rate] = {
      app: stats(samples.map((x) => x.app)),
      frame: stats(samples.map((x) => x.frame)),
      browser: stats(alone.map((x) => x.frame)),
    };
    const label = rate === 1 ? 'no throttling' : `${rate}x CPU throttling`;
    const line = (name, x) => `  ${name.padEnd(50)} median ${fmt(x.median)}  p95 ${fmt(x.p95)}\n`;
    console.log(
      `keystroke, ${what}, ${INPUTS} inputs, ${label}:\n` +
        line("the app's work (input to answers in the DOM)", out[rate].app) +
        line('to frame (the app and the browser)', out[rate].frame) +
        line('the browser alone (one character, no app)', out[rate].browser).trimEnd(),
    );
  }
  return out;
}

function fmt(ms) {
  return `${ms.toFixed(2).padStart(7)} ms`;
}

/** Median and p95 (nearest rank) of a list of milliseconds. */
function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const rank = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: rank(0.5), p95: rank(0.95), n: s.length };
}

/**
 * Runs in the page: `inputs` inputs, one at a time, each into the next target's field;
 * resolves with [{app, frame}] in ms. Each input is dispatched at the start of a frame (in
 * a requestAnimationFrame callback, after two idle frames so inputs never overlap): `app`
 * is when the app has rendered its answers (a microtask queued after the input runs after
 * the app's render, which Yew queues first), `frame` when that frame's work is done: the
 * app's rendering, the browser's style, layout and paint (a message posted with the input
 * runs only after the frame's rendering). Within 16.7 ms, the answer is painted in the
 * frame the keystroke arrived in. With `app` false, no input: the watched line's last
 * character is changed directly, and put back at the end (the browser's own cost).
 */
function measure({ targets, inputs, app }) {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  // The first text with words in `line` (its own or a descendant's): the one character
  // changed without the app.
  const firstText = (line) =>
    [...line.querySelectorAll('*'), line].flatMap((e) => [...e.childNodes]).find((n) => n.nodeType === 3 && n.data.trim());
  const one = ({ field: fieldSel, watch }, value) =>
    new Promise((resolve, reject) => {
      const field = document.querySelector(fieldSel);
      const line = document.querySelector(watch);
      if (!field || !line) {
        reject(new Error(`${fieldSel} or ${watch} is gone`));
        return;
      }
      const before = line.textContent;
      let t0 = 0;
      let tApp = 0;
      let changed = false;
      const timer = setTimeout(() => reject(new Error(`no frame within 5 s of typing ${value}`)), 5000);
      const done = new MessageChannel();
      done.port1.onmessage = () => {
        const t2 = performance.now();
        clearTimeout(timer);
        if (!changed) {
          reject(new Error(`${watch} was not changed by the app's render of the input ${value}`));
          return;
        }
        resolve({ app: tApp - t0, frame: t2 - t0 });
      };
      requestAnimationFrame(() => {
        t0 = performance.now();
        if (app) {
          field.value = value;
          field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
        } else {
          const text = firstText(line);
          text.data = text.data.slice(0, -1) + (text.data.endsWith('x') ? 'y' : 'x');
        }
        queueMicrotask(() => {
          tApp = performance.now();
          changed = document.querySelector(watch)?.textContent !== before;
        });
        done.port2.postMessage(0);
      });
    });
  return (async () => {
    const out = [];
    const originals = new Map();
    if (!app) {
      for (const t of targets) {
        const text = firstText(document.querySelector(t.watch));
        if (!text) throw new Error(`no text in ${t.watch}`);
        originals.set(text, text.data);
      }
    }
    for (let i = 0; i < inputs; i += 1) {
      await frame();
      await frame();
      const target = targets[i % targets.length];
      // 3 to 12, never the value the field already holds.
      const current = document.querySelector(target.field)?.value;
      let value = String(3 + (i % 10));
      if (value === current) value = String(3 + ((i + 1) % 10));
      out.push(await one(target, value));
    }
    // The app's own text back as it rendered it.
    for (const [text, data] of originals) text.data = data;
    await frame();
    return out;
  })();
}
