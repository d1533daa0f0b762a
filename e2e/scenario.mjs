// The full application of the end-to-end tests (3 projects, 12 people, readiness answered,
// credits from the Team), typed in as a user would, for the tests that need it.

import { addAndType } from './harness.mjs';

/** Answers a yes/no question, found by the start of its wording. */
export async function answer(page, question, yes) {
  await page.getByRole('group', { name: question }).getByLabel(yes ? 'Yes' : 'No', { exact: true }).check();
}

/** Shows a view by its navigation link and waits for its heading. */
export async function show(page, name) {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name, exact: true }).click();
  await page.locator('main h2').first().waitFor();
}

/**
 * Types in the full application: Mercy Radiology, every commitment met with a coach who is
 * learning QI, 3 projects, the 4 starter people (named after their roles) plus 8 team
 * members at 4.5 h a week, and a graduation date (the people's credits come from the Team).
 */
export async function typeApplication(page) {
  await page.getByLabel('Name of your organization').fill('Mercy Radiology');
  await answer(page, /We have named an organizational sponsor/, true);
  await answer(page, /We have named a clinical leader/, true);
  await page.getByLabel('Our QI coach…').selectOption('learning');
  await answer(page, /We can perform manual audits/, true);
  await answer(page, /We can report data throughout ImPower/, true);
  await answer(page, /^S1:/, true);
  await show(page, 'Team');
  // The starter roster's four people are examples until named.
  for (const [id, name] of [[1, 'Project sponsor'], [2, 'Physician leader'], [3, 'Team leader'], [4, 'QI coach']]) {
    await page.getByLabel(`Name of person ${id}`, { exact: true }).fill(name);
  }
  await page.getByLabel('Number of projects').fill('3');
  for (let i = 0; i < 8; i++) {
    const id = 5 + i;
    await addAndType(page, '#add-person', `Member ${i + 1}`);
    await page.getByLabel(`Hours a week person ${id} can give`).fill('4.5');
    await page.locator(`#person-${id}-new-role`).selectOption('team_member');
    await page.locator(`#person-${id}-new-project`).selectOption(String(1 + (i % 3)));
    await page.locator(`#person-${id}`).getByRole('button', { name: 'Add role' }).click();
  }
  await show(page, 'Credits');
  await page.getByLabel('Graduation date (YYYY-MM-DD)').fill('2027-08-31');
}

/** Opens a person's card on the Team view (each person is one line until opened). */
export async function openPerson(page, id) {
  const card = page.locator('details.person-card', { has: page.locator(`#person-${id}-row`) });
  if ((await card.getAttribute('open')) === null) await page.locator(`#person-${id}-row`).click();
  await page.locator(`#person-${id}`).waitFor();
}
