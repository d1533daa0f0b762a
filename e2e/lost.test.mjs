// Nothing typed is ever lost, tried as a person would: a browser that blocks site data,
// two links in a row, a file opened over one's answers, two tabs, a saved copy made by a
// newer version, 500 people, Back and Forward, Start again. `node --test` from e2e/.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS, DIST, launch, screenshot, settle } from './harness.mjs';
import { show } from './scenario.mjs';
import { serve } from './serve.mjs';

const ORG = 'Name of your organization';

/** Opens the app at `path` in a new page of `context` and waits for it to run. */
async function open(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  await page.locator('.tools').waitFor();
  return { page, errors };
}

/** The answers set aside, as listed. */
async function setAside(page) {
  const section = page.getByRole('region', { name: 'Answers set aside' });
  if (!(await section.count())) return [];
  return section.locator('li').allInnerTexts();
}

describe('nothing typed is ever lost', () => {
  let server;
  let browser;
  let dir;

  before(async () => {
    server = await serve(DIST);
    browser = await launch();
    dir = mkdtempSync(join(tmpdir(), 'impower-lost-'));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('a browser that blocks site data runs the app from memory, says so, and asks before leaving', async () => {
    // A real profile with cookies and site data blocked: localStorage throws SecurityError.
    const profile = mkdtempSync(join(tmpdir(), 'impower-blocked-'));
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(profile, 'Default'), { recursive: true });
    writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({
      profile: { default_content_setting_values: { cookies: 2 } },
    }));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, args: [...CHROMIUM_ARGS], headless: true,
    });
    try {
      const { page, errors } = await open(context, `${server.url}/`);
      assert.equal(await page.evaluate(() => { try { localStorage.length; return 'works'; } catch (e) { return e.name; } }), 'SecurityError');
      const status = page.locator('.tools .saved');
      await assert.doesNotReject(status.getByText('Not kept on this device').waitFor());
      assert.match(await status.innerText(), /Copy link.*Download answers/);
      await page.getByLabel(ORG).fill('Locked-down Hospital');
      await show(page, 'Summary');
      assert.match(await page.locator('main').innerText(), /Locked-down Hospital/);
      await screenshot(page, 'lost-blocked-storage');
      // Leaving asks first.
      const dialog = new Promise((resolve) => page.once('dialog', async (d) => { resolve(d.type()); await d.dismiss(); }));
      await page.close({ runBeforeUnload: true });
      assert.equal(await dialog, 'beforeunload');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('two links in a row keep your own answers, and each link\'s', async () => {
    const context = await browser.newContext();
    const { page: a } = await open(context, `${server.url}/`);
    await a.getByLabel(ORG).fill('Link One Radiology');
    await settle(a);
    const link1 = a.url();
    await a.getByLabel(ORG).fill('Link Two Radiology');
    await settle(a);
    const link2 = a.url();
    await a.close();
    await context.clearCookies();
    await context.close();

    const mine = await browser.newContext();
    const { page, errors } = await open(mine, `${server.url}/`);
    await page.getByLabel(ORG).fill('My own department');
    await settle(page);
    await page.goto(link1);
    await page.locator('.notice').getByText('Opened the answers in this link').waitFor();
    await page.goto(link2);
    await page.locator('.notice').getByText('Opened the answers in this link').waitFor();
    assert.equal(await page.getByLabel(ORG).inputValue(), 'Link Two Radiology');
    const kept = await setAside(page);
    assert.equal(kept.length, 2, kept.join('\n'));
    assert.match(kept[0], /before you opened a link.*Link One Radiology/s);
    assert.match(kept[1], /before you opened a link.*My own department/s);
    // A link pasted into the open tab: the same.
    const pasted = link1.replace(/#readiness/, '#fees');
    await page.evaluate((u) => { location.href = u; }, pasted);
    await page.getByRole('heading', { level: 2, name: 'What will it cost?' }).waitFor();
    await show(page, 'Readiness');
    assert.equal(await page.getByLabel(ORG).inputValue(), 'Link One Radiology');
    assert.match((await setAside(page))[0], /Link Two Radiology/);
    // Restore my own: it comes back, and what it replaced is set aside in turn.
    await page.getByRole('button', { name: /^Restore Your answers before you opened a link/ }).last().click();
    assert.equal(await page.getByLabel(ORG).inputValue(), 'My own department');
    assert.match((await setAside(page))[0], /before you restored earlier ones.*Link One Radiology/s);
    // It survives a reload; Remove forgets one entry.
    await page.reload();
    await page.locator('.tools').waitFor();
    assert.equal(await page.getByLabel(ORG).inputValue(), 'My own department');
    const before = (await setAside(page)).length;
    await page.getByRole('button', { name: /^Remove / }).first().click();
    assert.equal((await setAside(page)).length, before - 1);
    await screenshot(page, 'lost-set-aside');
    assert.deepEqual(errors, []);
    await mine.close();
  });

  test('opening a file keeps the answers it replaced', async () => {
    const context = await browser.newContext();
    const { page, errors } = await open(context, `${server.url}/`);
    await page.getByLabel(ORG).fill('File Radiology');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download answers' }).click(),
    ]);
    const file = join(dir, 'file.json');
    await download.saveAs(file);
    await page.getByLabel(ORG).fill('Typed since');
    await page.setInputFiles('#open-file', file);
    await page.locator('.notice').getByText(/Opened file\.json\..*set aside/).waitFor();
    assert.equal(await page.getByLabel(ORG).inputValue(), 'File Radiology');
    assert.match((await setAside(page))[0], /before you opened a file.*Typed since/s);
    await page.getByRole('button', { name: /^Restore Your answers before you opened a file/ }).click();
    assert.equal(await page.getByLabel(ORG).inputValue(), 'Typed since');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('two tabs never overwrite each other silently', async () => {
    const context = await browser.newContext();
    const { page: a, errors: ea } = await open(context, `${server.url}/`);
    const { page: b, errors: eb } = await open(context, `${server.url}/`);
    await a.getByLabel(ORG).fill('Typed in tab A');
    const choice = b.getByRole('alert').filter({ hasText: 'Another tab changed the answers' });
    await choice.waitFor();
    assert.match(await b.locator('.tools .saved').innerText(), /Not saved yet/);
    await b.getByLabel(ORG).fill('Typed in tab B');
    await settle(b);
    // B has not saved over A's answers.
    assert.match(await a.evaluate(() => localStorage.getItem('impower-ready:answers')), /./);
    await screenshot(b, 'lost-two-tabs');
    await b.getByRole('button', { name: 'Keep this tab\'s answers' }).click();
    assert.match((await setAside(b))[0], /another tab saved.*Typed in tab A/is);
    // Now A is asked, and may take B's answers; its own are set aside.
    await a.getByRole('alert').filter({ hasText: 'Another tab changed the answers' }).waitFor();
    await a.getByRole('button', { name: 'Take the other tab\'s answers' }).click();
    assert.equal(await a.getByLabel(ORG).inputValue(), 'Typed in tab B');
    const kept = (await setAside(a)).join('\n');
    assert.match(kept, /Typed in tab A/);
    // A is closed: nothing of A's is lost.
    await a.close();
    await b.reload();
    await b.locator('.tools').waitFor();
    assert.match((await setAside(b)).join('\n'), /Typed in tab A/);
    assert.deepEqual([...ea, ...eb], []);
    await context.close();
  });

  test('a saved copy made by a newer version is kept, named as a saved copy, and offered as a download', async () => {
    const context = await browser.newContext();
    const { page, errors } = await open(context, `${server.url}/`);
    await page.evaluate(() => localStorage.setItem('impower-ready:answers', '9.QUJDREVG'));
    await page.reload();
    const notice = page.locator('.notice');
    await notice.waitFor();
    const text = await notice.innerText();
    assert.match(text, /saved on this device was made by a newer version/);
    assert.doesNotMatch(text, /link|Nothing was changed/, 'a reload is not a link');
    assert.equal(await page.evaluate(() => localStorage.getItem('impower-ready:unreadable').split('\t')[2].trim()), '9.QUJDREVG');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Download A saved copy/ }).click(),
    ]);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), { format: 'impower-ready', version: 1, app: { fields: '9.QUJDREVG' } });
    // Typing now saves the new answers without touching the kept copy.
    const before = page.url();
    await page.getByLabel(ORG).fill('New answers');
    // Saved once the address follows the answers (within a frame).
    await page.waitForFunction((u) => location.href !== u, before);
    await page.reload();
    await page.locator('.tools').waitFor();
    assert.equal(await page.getByLabel(ORG).inputValue(), 'New answers');
    assert.match((await setAside(page)).join('\n'), /cannot open/);
    await screenshot(page, 'lost-newer-copy');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('500 people are saved and reopen; the 501st is refused with a message', async () => {
    const context = await browser.newContext();
    const { page, errors } = await open(context, `${server.url}/#team`);
    await page.getByRole('heading', { level: 2, name: /team/i }).first().waitFor();
    await page.evaluate(() => {
      const add = document.getElementById('add-person');
      for (let i = 0; i < 496; i++) add.click();
    });
    await page.waitForFunction(() => document.querySelectorAll('details.person-card').length === 500, null, { timeout: 60000 });
    await page.locator('#add-person').click();
    await page.getByRole('alert').getByText(/at most 500 people/).waitFor();
    assert.equal(await page.locator('details.person-card').count(), 500);
    await page.reload();
    await page.locator('.tools').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('details.person-card').length === 500, null, { timeout: 60000 });
    assert.equal(await page.locator('.notice').count(), 0, 'no notice: the saved copy reads back whole');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('Back and Forward both move between views at every step', async () => {
    const context = await browser.newContext();
    const { page, errors } = await open(context, `${server.url}/`);
    await show(page, 'Fees');
    await page.getByLabel(/Earlier projects/).fill('2');
    await show(page, 'Summary');
    await page.goBack();
    await page.getByRole('heading', { level: 2, name: 'What will it cost?' }).waitFor();
    await page.goBack();
    await page.getByLabel(ORG).waitFor();
    await page.goForward();
    await page.getByRole('heading', { level: 2, name: 'What will it cost?' }).waitFor();
    assert.equal(await page.getByLabel(/Earlier projects/).inputValue(), '2');
    await page.goForward();
    await page.locator('#sum-h').waitFor();
    assert.match(page.url(), /#summary\?a=/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('Start again keeps the old answers until they are forgotten, then no entry holds them', async () => {
    const context = await browser.newContext();
    const { page, errors } = await open(context, `${server.url}/`);
    await page.getByLabel(ORG).fill('Secret Staff Radiology');
    await show(page, 'Team');
    await show(page, 'Fees');
    await page.getByRole('button', { name: 'Start again', exact: true }).click();
    assert.match((await setAside(page))[0], /before .Start again.*Secret Staff Radiology/s);
    // Closing the tab now would not lose them: they are set aside on this device.
    await page.reload();
    await page.locator('.tools').waitFor();
    assert.match((await setAside(page)).join('\n'), /Secret Staff Radiology/);
    await page.getByRole('button', { name: 'Start again', exact: true }).click();
    await page.getByRole('button', { name: 'Forget the old answers' }).click();
    await page.waitForFunction(() => !document.querySelector('.kept'));
    await page.waitForTimeout(300);
    const now = new URL(page.url()).hash.split('a=')[1];
    assert.match(page.url(), /#fees\?a=/, 'the view shown stays');
    // Every entry Back reaches holds the answers as they are now.
    let back = 0;
    for (; back < 5; back++) {
      await page.goBack();
      if (!page.url().startsWith(server.url)) break;
      await page.waitForTimeout(100);
      assert.equal(new URL(page.url()).hash.split('a=')[1], now, `entry ${back + 1} back`);
    }
    assert.ok(back >= 1, 'Back reached at least one entry of the app');
    // Past the app's first entry: come back to it to read this device's storage.
    if (!page.url().startsWith(server.url)) await page.goForward();
    await page.locator('.tools').waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('impower-ready:kept')), null);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
