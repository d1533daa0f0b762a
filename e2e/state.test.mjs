// Answers that stay, travel and agree: `node --test` from e2e/.
//
// A full application (3 projects, 12 people, readiness, credits) is typed in once, then:
// reloaded (autosave), opened from its link in a fresh browser profile, downloaded as a
// file and opened in another fresh profile, and checked by the command line
// (`impower assess`). Back and Forward move between views. Hostile links never crash the
// app nor inject markup. Team, Fees and Summary agree at every step.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { launch, openPage, screenshot, settle } from './harness.mjs';
import { show, typeApplication } from './scenario.mjs';
import { serve } from './serve.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What the three views that show projects say, read off the screen. */
async function agreement(page) {
  await show(page, 'Team');
  await page.getByRole('heading', { level: 2, name: 'Build your project team' }).waitFor();
  const team = await page.getByLabel('Number of projects').inputValue();
  const people = await page.locator('details.person-card').count();
  await show(page, 'Fees');
  const fees = await page.locator('#fees-total').innerText();
  const priced = await page.locator('#fee-plan').innerText();
  await show(page, 'Summary');
  const summary = await page.locator('main').innerText();
  return { team, people, fees, priced, summary };
}

describe('answers that stay, travel and agree', () => {
  let server;
  let browser;
  let page;
  let site;
  let before_;

  before(async () => {
    server = await serve(process.env.DIST ? process.env.DIST : join(ROOT, 'dist'));
    browser = await launch();
    site = await openPage(browser, `${server.url}/`);
    page = site.page;
    await page.getByRole('heading', { level: 1, name: 'ImPower readiness' }).waitFor();
    await typeApplication(page);
    before_ = await agreement(page);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('Team, Fees and Summary agree on the projects', () => {
    assert.equal(before_.team, '3');
    assert.match(before_.priced, /Projects planned: 3, as in the Team view/);
    assert.equal(before_.people, 12);
    assert.equal(before_.fees, '$15,000');
    assert.match(before_.summary, /Fees for the 3 planned projects\n[^]*\nTotal\t\$15,000/);
    assert.match(before_.summary, /Mercy Radiology/);
  });

  test('a reload keeps everything, and says it is saved on this device', async () => {
    assert.match(await page.locator('.tools').innerText(), /Saved on this device/);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'ImPower readiness' }).waitFor();
    assert.deepEqual(await agreement(page), before_);
  });

  test('the link opens everything in a fresh browser profile, and Copy link copies it', async () => {
    await settle(page);
    const link = page.url();
    assert.ok(link.length <= 2000, `${link.length} characters`);
    const other = await openPage(browser, link);
    await other.page.getByRole('heading', { level: 1, name: 'ImPower readiness' }).waitFor();
    assert.match(await other.page.locator('.notice').innerText(), /Opened the answers in this link/);
    assert.deepEqual(await agreement(other.page), before_);
    await other.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await other.page.getByRole('button', { name: 'Copy link' }).click();
    await other.page.getByText('Link copied').waitFor();
    const copied = await other.page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, other.page.url());
    assert.deepEqual(other.consoleErrors, []);
    await other.page.context().close();
  });

  test('answers checked under another rule book are re-checked, and the app says what changed', async () => {
    // A link written with a made-up earlier rule book (web/tests/golden/), opened fresh.
    const code = readFileSync(join(ROOT, 'web/tests/golden/format2-2026-12-07-other-rules-link.txt'), 'utf8').trim();
    const other = await openPage(browser, `${server.url}/#summary?a=${code}`);
    const { page: p } = other;
    const note = p.locator('#rechecked');
    await note.waitFor();
    const text = await note.innerText();
    assert.match(text, /These answers were last checked under another rule book \(sha256:0123456789abcdef…\)\. Re-checked under the current rule book 2026-12 \(sha256:[0-9a-f]{16}…\): what changed: /);
    assert.match(text, /the fee total: \$[\d,]+, was \$12,000/);
    // The footer and the printed summary name the rules every answer is decided by.
    const digest = text.match(/current rule book 2026-12 \((sha256:[0-9a-f]{16})…\)/)[1];
    assert.ok((await p.locator('#rule-book').innerText()).includes(`rule book 2026-12 (${digest}…)`));
    assert.ok((await p.locator('main').innerText()).includes(`every answer here is decided by the rule book 2026-12 (${digest}…)`));
    await screenshot(p, 'state-rechecked');
    // Dismissed, it goes; the answers are the application as it was.
    await note.getByRole('button', { name: 'Dismiss' }).click();
    assert.equal(await p.locator('#rechecked').count(), 0);
    assert.match(await p.locator('main').innerText(), /Mercy Radiology — Nord & Süd/);
    assert.deepEqual(other.consoleErrors, []);
    await p.context().close();
  });

  test('a shared link never silently replaces this device\'s own answers', async () => {
    await settle(page);
    const theirs = page.url();
    const ctx = await browser.newContext();
    const mine = await ctx.newPage();
    await mine.goto(`${server.url}/`);
    await mine.getByLabel('Name of your organization').fill('My own department');
    await settle(mine);
    await mine.goto(theirs);
    await mine.reload();
    // Set aside, not lost: restorable from the list of answers set aside.
    await mine.getByRole('button', { name: /^Restore Your answers before you opened a link/ }).click();
    await show(mine, 'Summary');
    assert.match(await mine.locator('main').innerText(), /My own department/);
    await ctx.close();
  });

  test('download answers, open the file in a fresh profile: everything comes back; impower assess checks it', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download answers' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^mercy-radiology-\d{4}-\d{2}-\d{2}\.json$/);
    const dir = mkdtempSync(join(tmpdir(), 'impower-export-'));
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(exported.format, 'impower-ready');
    assert.equal(exported.version, 1);
    assert.equal(exported.team.projects, 3);
    assert.equal(exported.team.people.length, 12);

    const cli = execFileSync('cargo', ['run', '-q', '-p', 'impower-cli', '--', 'assess', file], { cwd: ROOT, encoding: 'utf8' });
    const checked = JSON.parse(cli);
    assert.equal(checked.fees.total_usd, 15000);
    assert.equal(checked.team.people.length, 12);

    const fresh = await openPage(browser, `${server.url}/`);
    await fresh.page.getByRole('heading', { level: 1, name: 'ImPower readiness' }).waitFor();
    await fresh.page.setInputFiles('#open-file', file);
    await fresh.page.getByText(/Opened mercy-radiology/).waitFor();
    assert.deepEqual(await agreement(fresh.page), before_);

    // A file with a mistake changes nothing and names the field.
    const refusals = [
      [{ ...exported, version: 2 }, /could not be opened \(version: /],
      [{ format: 'impower-ready', version: 1, fees: { projects: 2.5 } }, /could not be opened \(app\.fields: /],
      [{ ...exported, app: { fields: 'v1.%%%<script>' } }, /could not be opened \(app\.fields: /],
    ];
    for (const [i, [body, message]] of refusals.entries()) {
      const bad = join(dir, `bad-${i}.json`);
      writeFileSync(bad, JSON.stringify(body));
      await fresh.page.setInputFiles('#open-file', bad);
      await fresh.page.getByText(new RegExp(`bad-${i}\\.json ${message.source}`)).waitFor();
      assert.deepEqual(await agreement(fresh.page), before_);
    }
    assert.equal(await fresh.page.locator('script:not([src])').count(), 0);
    assert.deepEqual(fresh.consoleErrors, []);
    await fresh.page.context().close();
  });

  test('Back and Forward move between views; a typed #calendar shows the calendar', async () => {
    await show(page, 'Fees');
    await show(page, 'Credits');
    await page.goBack();
    await page.getByRole('heading', { level: 2, name: 'What will it cost?' }).waitFor();
    assert.match(page.url(), /#fees\?a=/);
    await page.goForward();
    await page.getByRole('heading', { level: 2, name: 'What credit can each of you claim?' }).waitFor();
    await page.evaluate(() => { location.hash = '#calendar'; });
    await page.getByRole('heading', { level: 2, name: 'When would you start and finish?' }).waitFor();
    assert.deepEqual(await agreement(page), before_, 'moving around changed no answer');
  });

  test('start again clears everything, and Undo brings it back', async () => {
    await page.getByRole('button', { name: 'Start again' }).click();
    await show(page, 'Team');
    assert.equal(await page.locator('fieldset.person').count(), 4);
    await page.locator('.undo').getByRole('button', { name: 'Undo' }).click();
    assert.deepEqual(await agreement(page), before_);
  });

  test('the keyboard focus on "Open answers from a file" rings that control, not "Start again"', async () => {
    await page.getByRole('button', { name: 'Download answers' }).focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'open-file');
    const outline = (locator) => locator.evaluate((el) => getComputedStyle(el).outlineStyle);
    assert.equal(await outline(page.locator('label[for=open-file]')), 'solid');
    assert.equal(await outline(page.getByRole('button', { name: 'Start again', exact: true })), 'none');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Start again');
  });

  test('hostile and broken links show the app with a notice, never a crash or script', async () => {
    const code = new URL(page.url()).hash.split('a=')[1];
    for (const hash of [
      '#summary?a=9.AAAA',
      '#team?a=1.<img src=x onerror=window.__pwned=1>',
      `#fees?a=${code.slice(0, code.length / 2)}`,
      '#readiness?a=1.' + 'A'.repeat(5000),
      '#nope?a=%ZZ',
    ]) {
      const ctx = await browser.newContext();
      const p = await ctx.newPage();
      const errors = [];
      p.on('pageerror', (e) => errors.push(String(e)));
      await p.goto(`${server.url}/${hash}`);
      await p.getByRole('heading', { level: 1, name: 'ImPower readiness' }).waitFor();
      await p.locator('main h2').first().waitFor();
      assert.equal(await p.evaluate(() => window.__pwned), undefined, hash);
      assert.equal(await p.locator('main img').count(), 0, hash);
      assert.deepEqual(errors, [], hash);
      await ctx.close();
    }
    await screenshot(page, 'state-after-links');
  });
});
