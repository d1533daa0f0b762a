// Issue 21, as a person meets it: on a 390×844 phone every view is one tap away and the
// answer stays in view while typing; the first question does not move when the app takes
// over from the static shell (phone and desktop); taps on the shell's tabs are not lost;
// people are one line each until opened, their repeated controls named by them; Undo
// shows where the removal was made and focus comes back to what was restored; nothing
// typed is lost by a quick reload. `node --test` from e2e/.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, screenshot, settle } from './harness.mjs';
import { serve } from './serve.mjs';
import { show } from './scenario.mjs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PHONE = { width: 390, height: 844 };

/** Where each text's element starts, in page coordinates (not the viewport's). */
async function tops(page, texts) {
  return page.evaluate((texts) => {
    const out = {};
    for (const t of texts) {
      const el = [...document.querySelectorAll('h2, legend, label')].find((e) => e.textContent.trim().startsWith(t));
      out[t] = el ? el.getBoundingClientRect().top + window.scrollY : null;
    }
    return out;
  }, texts);
}

/** Whether an element is wholly inside the viewport. */
async function inView(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
  });
}

describe('phones, keyboards and the first second', () => {
  let server;
  let browser;

  before(async () => {
    server = await serve(process.env.DIST ? process.env.DIST : join(ROOT, 'dist'));
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const size of [PHONE, { width: 1280, height: 900 }]) {
    test(`the first question stays where the shell put it (${size.width} px), and a tab tapped early is not lost`, async () => {
      const { page, consoleErrors } = await openPage(browser, `${server.url}/`, size);
      // The app's module waits until the shell has been measured: a slow connection.
      let release;
      const gate = new Promise((r) => { release = r; });
      await page.route(/impower-web-[0-9a-f]+_bg\.wasm$/, async (route) => { await gate; await route.continue(); });
      await page.reload();
      await page.locator('main.loading h2').waitFor();
      const texts = ['Are you ready to apply?', 'Name of your organization', '1. ', 'We have named an organizational sponsor'];
      const shell = await tops(page, texts);
      for (const t of texts) assert.notEqual(shell[t], null, `the shell shows ${t}`);
      // The shell's fields wait, and say so.
      assert.equal(await page.locator('#shell-organization').isDisabled(), true);
      assert.match(await page.locator('main.loading .verdict').innerText(), /Loading the checker/);
      if (size === PHONE) await screenshot(page, 'phone-shell');
      release();
      await page.locator('main:not(.loading) #readiness-h').waitFor();
      await page.locator('#organization').waitFor();
      const app = await tops(page, texts);
      for (const t of texts) {
        assert.ok(Math.abs(app[t] - shell[t]) <= 5, `${t}: the shell had it at ${shell[t]} px, the app at ${app[t]} px`);
      }

      // A tab tapped before the app runs: the app opens that view.
      let release2;
      const gate2 = new Promise((r) => { release2 = r; });
      await page.unroute(/impower-web-[0-9a-f]+_bg\.wasm$/);
      await page.route(/impower-web-[0-9a-f]+_bg\.wasm$/, async (route) => { await gate2; await route.continue(); });
      await page.goto(`${server.url}/?fresh`);
      await page.locator('main.loading h2').waitFor();
      await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Fees', exact: true }).click();
      release2();
      await page.getByRole('heading', { level: 2, name: 'What will it cost?' }).waitFor();
      assert.deepEqual(consoleErrors, []);
      await page.context().close();
    });
  }

  test('on a phone, every view is one tap away, and its heading is on the first screen', async () => {
    const { page, consoleErrors } = await openPage(browser, `${server.url}/`, PHONE);
    await page.locator('#organization').waitFor();
    const nav = page.getByRole('navigation', { name: 'Views' });
    for (const name of ['Readiness', 'Team', 'Fees', 'Calendar', 'Credits', 'Summary']) {
      const link = nav.getByRole('link', { name, exact: true });
      assert.ok(await inView(link), `${name} is on the screen without scrolling sideways`);
      await link.click();
      const heading = page.locator('main h2').first();
      await heading.waitFor();
      const box = await heading.boundingBox();
      assert.ok(box && box.y + box.height <= PHONE.height, `${name}: its heading is on the first screen (y ${box?.y})`);
    }
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), PHONE.width, 'nothing wider than the phone');
    // The tools are in a landmark (the header's), found by their group's name.
    const tools = page.getByRole('banner').getByRole('group', { name: 'Share and save' });
    assert.equal(await tools.getByRole('button', { name: 'Copy link' }).count(), 1);
    await show(page, 'Readiness');
    await screenshot(page, 'phone-first-screen');
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  test('the answer stays in view while typing: the fees total over the keyboard, the team verdict over the people', async () => {
    // The on-screen keyboard takes half of the phone's height.
    const { page, consoleErrors } = await openPage(browser, `${server.url}/#fees`, { width: 390, height: 420 });
    const earlier = page.getByLabel(/^Earlier projects/);
    await earlier.fill('2');
    await earlier.focus();
    assert.ok(await inView(page.locator('#fees-total')), 'the total is on the screen while typing the earlier projects');
    // The field being typed in is not under it, once scrolled into view as the browser
    // does when the keyboard opens (scroll-padding leaves room for the total).
    await earlier.evaluate((el) => el.scrollIntoView({ block: 'nearest' }));
    const typed = await earlier.boundingBox();
    const total = await page.locator('p.total').first().boundingBox();
    assert.ok(typed.y + typed.height <= total.y, `the field (bottom ${typed.y + typed.height}) is above the total (top ${total.y})`);
    assert.ok(total.height < 40, `the stuck total is one line (${total.height} px)`);
    assert.match(await page.locator('#fees-total').innerText(), /^\$/);
    await screenshot(page, 'phone-fees-typing');

    await page.setViewportSize(PHONE);
    await show(page, 'Team');
    for (let i = 0; i < 6; i++) await page.locator('#add-person').click();
    const last = page.locator('details.person-card').last();
    await last.locator('input[id$="-name"]').fill('Zoe Last');
    await last.locator('input[id$="-hours"]').fill('3');
    await last.locator('input[id$="-hours"]').focus();
    assert.ok(await inView(page.locator('.verdict')), 'the team verdict is on the screen beside the last person');
    // A field the keyboard reaches is not hidden under it.
    const verdict = await page.locator('.verdict').boundingBox();
    const field = await last.locator('input[id$="-hours"]').boundingBox();
    assert.ok(field.y >= verdict.y + verdict.height, `the field (y ${field.y}) is below the verdict (bottom ${verdict.y + verdict.height})`);
    await screenshot(page, 'phone-team-typing');
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  test('people are one line each until opened; two quick taps on "Add a person" add two; repeated controls say whose they are', async () => {
    const { page, consoleErrors } = await openPage(browser, `${server.url}/#team`, PHONE);
    await page.getByRole('heading', { level: 2, name: 'Build your project team' }).waitFor();
    const before = await page.locator('details.person-card').count();
    // The new person's name field has focus; leaving it empty is not an error that
    // moves the button under the pointer.
    await page.locator('#add-person').click();
    await page.locator('#add-person').click();
    assert.equal(await page.locator('details.person-card').count(), before + 2);
    const ids = await page.$$eval('details.person-card summary', (s) => s.map((x) => x.id.replace(/-row$/, '')));
    const [a, b] = ids.slice(-2);
    await page.locator(`#${a}-name`).fill('Amy Park');
    await page.locator(`#${b}-name`).fill('Bo Chen');
    assert.equal(await page.getByRole('button', { name: 'Add role for Amy Park', exact: true }).count(), 1);
    assert.equal(await page.getByRole('combobox', { name: 'Role to add for Bo Chen', exact: true }).count(), 1);
    assert.equal(await page.getByRole('button', { name: 'Remove Bo Chen', exact: true }).count(), 1);
    // Reopened later, named people are one line each, saying who they are and give.
    await page.locator(`#${a}-hours`).fill('4');
    await settle(page);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Build your project team' }).waitFor();
    // (A reopened roster numbers its people afresh: found by name.)
    const row = page.locator('details.person-card summary', { hasText: 'Amy Park' });
    assert.match(await row.innerText(), /Amy Park — no role yet — 4 h a week/);
    const amy = (await row.getAttribute('id')).replace(/-row$/, '');
    assert.equal(await page.locator(`#${amy}-name`).count(), 0, 'closed until opened');
    const height = (await row.boundingBox()).height;
    assert.ok(height < 80, `one line (${height} px)`);
    await screenshot(page, 'phone-team-lines');
    await row.click();
    await page.locator(`#${amy}-name`).waitFor();
    assert.equal(await page.locator(`#${amy}-name`).inputValue(), 'Amy Park');
    // Open with the keyboard too.
    const bo = page.locator('details.person-card summary', { hasText: 'Bo Chen' });
    const boId = (await bo.getAttribute('id')).replace(/-row$/, '');
    await bo.focus();
    await page.keyboard.press('Enter');
    await page.locator(`#${boId}-name`).waitFor();
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  test('Undo shows on the screen where the removal was made, and brings focus back to who was restored', async () => {
    const { page, consoleErrors } = await openPage(browser, `${server.url}/#team`, PHONE);
    await page.getByRole('heading', { level: 2, name: 'Build your project team' }).waitFor();
    for (let i = 0; i < 5; i++) await page.locator('#add-person').click();
    const last = page.locator('details.person-card').last();
    const id = (await last.locator('summary').getAttribute('id')).replace(/-row$/, '');
    await page.locator(`#${id}-name`).fill('Removed Later');
    await page.getByRole('button', { name: 'Remove Removed Later', exact: true }).click();
    const undo = page.locator('.undo');
    await undo.waitFor();
    assert.match(await undo.innerText(), /Removed Removed Later\./);
    assert.ok(await inView(undo), 'Undo is on the screen');
    await screenshot(page, 'phone-undo');
    await undo.getByRole('button', { name: 'Undo' }).click();
    await page.waitForFunction((id) => document.activeElement?.id === `${id}-row`, id);
    assert.equal(await page.locator(`#${id}-row`).count(), 1);
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  test('three projects to two and back keeps project 3 and its collaborative, after a reload too', async () => {
    const { page, consoleErrors } = await openPage(browser, `${server.url}/#team`);
    await page.getByLabel('Number of projects').fill('3');
    await page.getByLabel('Collaborative of project 3').selectOption('mammography_positioning');
    await page.getByLabel('Number of projects').fill('2');
    assert.equal(await page.getByLabel('Collaborative of project 3').count(), 0);
    await page.getByLabel('Number of projects').fill('3');
    assert.equal(await page.getByLabel('Collaborative of project 3').inputValue(), 'mammography_positioning');
    await page.getByLabel('Number of projects').fill('2');
    await settle(page);
    await page.reload();
    await page.getByLabel('Number of projects').fill('3');
    assert.equal(await page.getByLabel('Collaborative of project 3').inputValue(), 'mammography_positioning');
    // Typing the number keeps the focus in its field (a count that changes the list
    // of collaboratives used to rebuild the field under the cursor).
    await page.getByLabel('Number of projects').focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('4');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'team-projects');
    assert.equal(await page.getByLabel('Number of projects').inputValue(), '4');
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  test('fields to fix: named by person and field, open on arriving at the view, focused after Download', async () => {
    const { page, consoleErrors } = await openPage(browser, `${server.url}/#team`);
    await page.getByRole('heading', { level: 2, name: 'Build your project team' }).waitFor();
    await page.getByLabel('Name of person 1', { exact: true }).fill('Amy Park');
    await page.getByLabel('Hours a week person 1 can give').fill('ten');
    // While typing, the list stays as it is (nothing above the field moves).
    assert.equal(await page.locator('.error-summary details').getAttribute('open'), null);
    await show(page, 'Fees');
    await show(page, 'Team');
    const summary = page.locator('.error-summary details');
    assert.notEqual(await summary.getAttribute('open'), null, 'open on arriving at the view');
    assert.match(await summary.innerText(), /Hours a week of Amy Park: "ten" is not a number/);
    await page.getByRole('button', { name: 'Download answers' }).click();
    await page.waitForFunction(() => document.activeElement?.matches('.error-summary summary'));
    // Its link takes the keyboard to the field.
    await summary.getByRole('link', { name: /Hours a week of Amy Park/ }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'person-1-hours');
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  test('a reload right after typing keeps what was typed', async () => {
    const { page, consoleErrors } = await openPage(browser, `${server.url}/`);
    await page.getByLabel('Name of your organization').fill('Typed then reloaded at once');
    await page.reload();
    await page.locator('#organization').waitFor();
    assert.equal(await page.getByLabel('Name of your organization').inputValue(), 'Typed then reloaded at once');
    assert.equal(await page.locator('.notice').count(), 0, 'nothing to explain: the answers are simply there');
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });
});
