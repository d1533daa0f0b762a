// The leadership document, dates and phones (issue 9): `node --test summary.test.mjs` from e2e/.
//
// The full application (3 projects, 12 people, credits from the Team) is typed in, and
// its Summary is checked on screen, in print media, and printed to PDF at Letter and A4
// by headless Chromium: the text of every page (read back from the PDF), at most two
// pages, no control, no navigation, no table row split across pages. Date fields take
// typed text and the browser's date picker, read by the same rules. On a phone the first
// question is on the first screen, and "Why?" and the risks of missing factors are
// folded. axe stays at zero throughout. The PDFs and screenshots land in e2e/screenshots/.

import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { describeViolations, openSite, runAxe, screenshot, SCREENSHOTS, settle } from './harness.mjs';
import { pdfText } from './pdf.mjs';
import { answer, openPerson, show, typeApplication } from './scenario.mjs';

/** Letter and A4 in CSS pixels (96 per inch), for screenshots of the printed layout. */
const PAPER = { Letter: { width: 816, height: 1056 }, A4: { width: 794, height: 1123 } };

async function noAxeViolations(page, where) {
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, `${where}:\n${describeViolations(violations)}`);
}

describe('the summary for leadership, on screen and printed', () => {
  let site;
  let page;
  const pdfs = {};

  before(async () => {
    site = await openSite('/');
    page = site.page;
    await page.getByRole('heading', { level: 1, name: 'ImPower readiness' }).waitFor();
    await typeApplication(page);
    await show(page, 'Summary');
  });

  after(async () => {
    await site?.close();
  });

  test('on screen: every part of the document, from the same answers as the other views', async () => {
    const main = page.locator('main');
    const text = await main.innerText();
    assert.match(text, /^ImPower readiness: summary for leadership\s+Mercy Radiology · Prepared \d{1,2} [A-Z][a-z]+ \d{4}/);
    assert.match(text, /You meet the three critical commitments\. Success factors: 3 of 7\./);
    assert.match(text, /The team is not complete yet\. 12 people on 3 projects\./);
    const roster = main.locator('table', { has: page.locator('caption', { hasText: 'Roles and weekly hours' }) });
    assert.equal(await roster.locator('tbody tr').count(), 13, 'twelve people and the total');
    assert.match(await roster.locator('tbody tr').nth(12).innerText(), /^Total\t\t55 h\t51–69 h\s*$/, 'the weekly hours of the whole team');
    assert.match(text, /Projects \(K1\): project 1, collaborative not chosen yet; project 2, collaborative not chosen yet; project 3, collaborative not chosen yet\./);
    const commitments = await main.locator('table', { has: page.locator('caption', { hasText: 'Answers to the three critical commitments' }) }).innerText();
    assert.match(commitments, /C1 Sponsor and clinical leader\t✓ Met\tProject sponsor: Project sponsor\. Physician leader: Physician leader\.\nC2 Quality improvement coach\t✓ Met\tQI coach: QI coach \(no QI experience or interest in the Team\)\.\nC3 Audits and data\t✓ Met\tCan access data: no one named yet\./);
    assert.match(await roster.locator('tbody tr').nth(3).innerText(), /^QI coach\tQI coach, project 1\t8 h\t8 h\s*$/);
    assert.match(await roster.locator('tbody tr').nth(10).innerText(), /^Member 7\tTeam member, project 1\t4\.5 h\t4–6 h\s*$/);
    // One list: every must fix first, then every check, each with its rule.
    const items = await main.locator('ul.findings').first().locator('li').allInnerTexts();
    assert.equal(items.length, 16, items.join('\n'));
    assert.deepEqual(items.map((i) => i.match(/^(Must fix|Check)\s+(\w+)/).slice(1).join(' ')), [
      'Must fix C2', 'Must fix T6', 'Must fix T1', 'Must fix T2', 'Must fix T3', 'Must fix T4', 'Must fix T6',
      'Must fix T1', 'Must fix T2', 'Must fix T3', 'Must fix T4', 'Must fix T6',
      'Check S2', 'Check S3', 'Check S6', 'Check S7',
    ]);
    assert.match(items[2], /Project 2 has no project sponsor/);
    const fees = await main.locator('table', { has: page.locator('caption', { hasText: 'Fees for the 3 planned projects' }) }).innerText();
    assert.match(fees, /#1\t\$6,000\tF1\n#2\t\$6,000\tF1\n#3\t\$3,000 — discounted \(every third project\)\tF2\nTotal\t\$15,000/);
    assert.match(text, /3 projects need 3 teams and at least 2 QI coaches \(one coach serves up to two teams\)\. \(F4\)/);
    const dates = await main.locator('table', { has: page.locator('caption', { hasText: /^The March 2027 cohort/ }) }).innerText();
    assert.match(dates, /Leaders' preparation phase starts\t1 January 2027\tP2\nWhole team starts\t1 March 2027\tP1\nSession 1: Starting Improvement\t1 March 2027\tP4/);
    assert.match(dates, /Session 10: Graduation: Presenting Improvement\t31 August 2027\tP4\nGraduation\t31 August 2027\tP3\nCredit claims due\t30 November 2027\tCR7$/);
    const credits = await main.locator('table', { has: page.locator('caption', { hasText: 'Credits per person and project: claims due by 30 November 2027 (CR7)' }) }).innerText();
    // Twelve claims that stand alike print as two rows: the physician's, and everyone else's.
    assert.match(credits, /\nWho\tCredits\tClaim\nProject 1: Project sponsor, Team leader, QI coach, Member 1, Member 4, Member 7; Project 2: Member 2, Member 5, Member 8; Project 3: Member 3, Member 6\t0 \(Certificate of Participation\)\tNeeded by 1 March 2027: opt-in by Session 1 \(CR5\)\. Needed by 31 August 2027: a stage taken part in \(CR1\), Stage C complete \(CR2\), graduation \(CR2\), documents submitted \(CR3\)\.\nProject 1: Physician leader\t0 \(AMA PRA Category 1 Credits™\)\tNeeded by 1 March 2027/);
    assert.doesNotMatch(credits, /Must fix|Needed now|Missed/, 'before the cohort starts nothing is a fix');
    assert.match(text, /Sources\n[^]*Fees \(F\): ACR ImPower program page, “Program Participation Fees”[^]*Credits \(CR\): ACR Learning Network page, “You Asked\. We Answered\.” \(PI-CME\) · [^]*read from these sections; every answer here is decided by the rule book 2026-12 \(sha256:[0-9a-f]{16}…\)\. Not an official ACR tool/);
    await noAxeViolations(page, 'the summary at 1280px');
    await screenshot(page, 'summary-screen');
  });

  test('in print media: no control, no navigation, no app header; the sponsor\'s signature line', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      const visible = await page.locator('button, input, select, a, nav, header, [role="group"], details').evaluateAll(
        (els) => els.filter((e) => e.getClientRects().length > 0).map((e) => e.outerHTML.slice(0, 80)),
      );
      assert.deepEqual(visible, [], 'nothing to click or type is printed');
      assert.equal(await page.locator('.sign').isVisible(), true);
      assert.match(await page.locator('.sign').innerText(), /Organizational sponsor, signature\s+Date\s+Physician leader, signature\s+Date/, 'the sponsor\'s and the physician leader\'s');
      assert.equal(await page.locator('h2').first().evaluate((h) => h.getBoundingClientRect().top < 60), true, 'the document starts at the top');
      for (const [name, size] of Object.entries(PAPER)) {
        await page.setViewportSize(size);
        await screenshot(page, `summary-print-${name}`);
      }
    } finally {
      // Back to no emulation: page.pdf() prints with print media unless told otherwise.
      await page.emulateMedia({ media: null });
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  for (const format of ['Letter', 'A4']) {
    test(`printed to PDF on ${format}: at most two pages, the whole document, no control, no split row`, async () => {
      const pdf = await page.pdf({ format });
      await mkdir(SCREENSHOTS, { recursive: true });
      await writeFile(join(SCREENSHOTS, `summary-${format}.pdf`), pdf);
      pdfs[format] = pdf;
      const pages = pdfText(pdf);
      const declared = (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) || []).length;
      assert.equal(declared, pages.length, 'every page object is in the page tree');
      assert.ok(pages.length >= 1 && pages.length <= 2, `${pages.length} pages`);
      const all = pages.join('\n');
      const flat = all.replace(/\s+/g, ' ');
      assert.ok(pages[0].startsWith('ImPower readiness: summary for leadership\nMercy Radiology · Prepared '), pages[0].slice(0, 120));
      for (const expected of [
        'You meet the three critical commitments. Success factors: 3 of 7.',
        'The team is not complete yet. 12 people on 3 projects.',
        'Name Roles Gives a week Needs a week Short by',
        'Must fix T1 Project 3 has no project sponsor.',
        'Check S7 Without the wish to learn with peers',
        '#3 $3,000 — discounted (every third project) F2',
        'Total $15,000',
        'The March 2027 cohort (sessions and graduation are estimates)',
        'Credit claims due 30 November 2027 CR7',
        'Project 1: Physician leader 0 (AMA PRA Category 1 Credits™) Needed by 1 March 2027: opt-in by Session 1 (CR5).',
        'ACR ImPower program page, “Program Participation Fees”',
        'Not an official ACR tool: confirm fees, dates and credit with the ACR Learning Network team;',
        'Organizational sponsor, signature Date Physician leader, signature Date',
      ]) {
        assert.ok(flat.includes(expected), `the ${format} PDF lacks: ${expected}\n---\n${all}`);
      }
      for (const absent of ['Print this summary', 'Copy link', 'Start again', 'Skip to content', 'Why? Rule', 'Check your commitments', 'Calendar Credits Summary']) {
        assert.ok(!flat.includes(absent), `the ${format} PDF shows ${absent}`);
      }
      // Every table row, as the page shows it, is whole on one page.
      const rows = await page.locator('main tbody tr').evaluateAll((trs) =>
        trs.map((tr) => [...tr.cells].map((c) => c.innerText.trim()).filter(Boolean).join(' ')),
      );
      assert.equal(rows.length, 3 + 13 + 4 + 14 + 2, 'commitments, roster and total, fees, dates, credits');
      for (const row of rows) {
        const on = pages.filter((p) => p.replace(/\s+/g, ' ').includes(row)).length;
        assert.equal(on, 1, `the row "${row}" is on ${on} pages whole`);
      }
    });
  }

  test('the two paper sizes put the same text on their pages', () => {
    const words = (pdf) => pdfText(pdf).join(' ').replace(/\s+/g, ' ');
    assert.ok(pdfs.Letter && pdfs.A4, 'both PDFs were printed');
    assert.equal(words(pdfs.Letter), words(pdfs.A4));
  });

  test('an unmet commitment: the verdict names it and the next step, and it leads the list; a field that cannot be read is listed too', async () => {
    await show(page, 'Readiness');
    await answer(page, /We can report data throughout ImPower/, false);
    await show(page, 'Team');
    await openPerson(page, 5);
    await page.locator('#person-5-hours').fill('ten');
    await show(page, 'Summary');
    const main = page.locator('main');
    assert.match(await main.locator('.verdict').innerText(), /^✗ Not yet: C3 \(audits and data\) is not met\.\s+Next: Arrange the capability to report data throughout ImPower, ideally weekly\.\s+Success factors: 2 of 7\.$/);
    // Hours that cannot be read withhold only that person's T7: the team keeps its verdict.
    assert.doesNotMatch(await main.innerText(), /before the team can be checked/);
    const items = await main.locator('ul.findings').first().locator('li').allInnerTexts();
    assert.match(items[0], /^Must fix Hours a week of Member 1: "ten" is not a number/);
    assert.match(items[1], /^Must fix C3 Arrange the capability to report data/);
    assert.ok(!items.some((i) => /T7/.test(i) && /Member 1/.test(i)), 'no hours judged that cannot be read');
    assert.match(await main.locator('tbody tr', { hasText: 'Member 1' }).first().innerText(), /not known yet/);
    await noAxeViolations(page, 'the summary with an unmet commitment');
  });

  test('no console errors and no request leaves the origin', () => {
    assert.deepEqual(site.consoleErrors, []);
    assert.deepEqual(site.foreignRequests, []);
  });
});

describe('date fields: typed or picked, read by the same rules', () => {
  let site;
  before(async () => { site = await openSite('/'); });
  after(async () => { await site?.close(); });

  test('the calendar date: typed as 2027-03-01, or picked; an impossible date is refused and empties the picker', async () => {
    const { page } = site;
    await show(page, 'Calendar');
    const typed = page.getByLabel('Plan from (YYYY-MM-DD)');
    const picker = page.getByLabel('Pick a date');
    assert.equal(await picker.getAttribute('type'), 'date');
    await typed.fill('2027-03-01');
    assert.equal(await picker.inputValue(), '2027-03-01', 'the picker shows the typed date');
    assert.match(await page.locator('main h3').first().innerText(), /Next cohort: September 2027/);
    await picker.fill('2026-11-22');
    assert.equal(await typed.inputValue(), '2026-11-22', 'the picked date is the text');
    assert.match(await page.locator('main h3').first().innerText(), /Next cohort: March 2027/);
    await typed.fill('2027-02-30');
    assert.match(await page.locator('#plan-date-error').innerText(), /2027-02-30 does not exist on the calendar/);
    assert.equal(await picker.inputValue(), '', 'nothing to pick from a date that cannot be read');
    await typed.fill('1 March 2027');
    assert.match(await page.locator('#plan-date-error').innerText(), /expected a date as YYYY-MM-DD/);
    await picker.fill('2027-09-01');
    assert.equal(await typed.inputValue(), '2027-09-01');
    assert.equal(await page.locator('#plan-date-error').count(), 0, 'a picked date clears the error');
    await noAxeViolations(page, 'the calendar with its date picker');
  });

  test('the graduation date has a picker too, and the credits follow it', async () => {
    const { page } = site;
    await show(page, 'Credits');
    await page.getByLabel('Pick a date').fill('2025-02-18');
    assert.equal(await page.getByLabel('Graduation date (YYYY-MM-DD)').inputValue(), '2025-02-18');
    await show(page, 'Team');
    await page.getByLabel('Name of person 1', { exact: true }).fill('Ann');
    await show(page, 'Credits');
    assert.equal(await page.getByLabel('Graduation date (YYYY-MM-DD)').inputValue(), '2025-02-18', 'kept across views');
    assert.match(await page.locator('.credit-project').innerText(), /claims due by 18 May 2025/);
    await screenshot(page, 'dates-credits');
    assert.deepEqual(site.consoleErrors, []);
  });
});

describe('on a phone, 390×844', () => {
  let site;
  before(async () => { site = await openSite('/', { width: 390, height: 844 }); });
  after(async () => { await site?.close(); });

  test('the first question is on the first screen', async () => {
    const { page } = site;
    const first = page.getByRole('group', { name: /We have named an organizational sponsor/ });
    await first.waitFor();
    const box = await first.boundingBox();
    assert.ok(box && box.y + box.height <= 844, `the first question ends at ${box?.y + box?.height}px`);
  });

  test('"Why?" and the risks of missing factors are folded until opened; open on a wide screen', async () => {
    const { page } = site;
    await answer(page, /We have named an organizational sponsor/, true);
    await answer(page, /We have named a clinical leader/, true);
    await page.getByLabel('Our QI coach…').selectOption('learning');
    await answer(page, /We can perform manual audits/, true);
    await answer(page, /We can report data throughout ImPower/, true);
    const risks = page.locator('details.fold');
    assert.equal(await risks.evaluate((d) => d.open), false, 'the risks start folded on a phone');
    assert.equal(await page.getByText(/Without engaged front-line staff/).isVisible(), false);
    const whys = await page.locator('main details.why').evaluateAll((ds) => ds.map((d) => d.open));
    assert.ok(whys.length > 0 && whys.every((open) => !open), 'every Why? starts folded');
    await page.getByText('What each missing factor risks').click();
    assert.equal(await page.getByText(/Without engaged front-line staff/).isVisible(), true, 'a tap unfolds them');
    await screenshot(page, 'phone-readiness-risks');
    await noAxeViolations(page, 'the readiness view on a phone');

    await show(page, 'Summary');
    await noAxeViolations(page, 'the summary on a phone');
    await screenshot(page, 'summary-phone');

    const wide = await site.page.context().browser().newPage({ viewport: { width: 1280, height: 900 } });
    await settle(page);
    await wide.goto(page.url());
    await show(wide, 'Readiness');
    assert.equal(await wide.locator('details.fold').evaluate((d) => d.open), true, 'open on a wide screen');
    await wide.close();
    assert.deepEqual(site.consoleErrors, []);
  });
});
