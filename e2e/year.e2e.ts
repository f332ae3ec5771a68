// The Year journey on the demo year: the CSO opens the Year page, sees who is planting enough and a
// team's planting calendar, the discipline index and cramming by quarter, overrides that team's win rate, sees the plan change and the override
// recorded (on the page, in the override history and in the audit log); the page passes axe. Home's
// discipline card links a manager to their team's weekly index, a person's index is a link of its own
// (?userId=), and a person outside the manager's reach answers like one who does not exist.
// The guide's screenshots are retaken only on request (FURROW_SCREENSHOTS=1), so a test run leaves the tree clean.
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient } from './support/api-client.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { DEMO, DEMO_PASSWORD, type DemoJourney, signInToDemo, startDemoJourney } from './support/demo.js';
import { settled } from './support/settle.js';

const SCREENSHOTS = process.env.FURROW_SCREENSHOTS === '1' ? resolve(import.meta.dirname, '../docs/screenshots') : null;

/** A screenshot for docs/rhythm.md, of the page or of one part of it, when asked for. */
async function shot(page: Page, name: string, part?: Locator): Promise<void> {
  if (!SCREENSHOTS) return;
  await settled(page);
  await page.mouse.move(1270, 5);
  const path = resolve(SCREENSHOTS, `${name}.png`);
  await (part ?? page).screenshot({ path });
}
const CSO = DEMO.cso;

let demo: DemoJourney;
let server: DemoJourney['server'];

beforeAll(async () => {
  demo = await startDemoJourney();
  server = demo.server;
}, 120_000);

afterAll(async () => {
  await demo?.close();
});

async function signInCso(): Promise<Page> {
  return signIn(CSO);
}

async function signIn(email: string): Promise<Page> {
  return signInToDemo(demo.browser, server.url, email, { viewport: { width: 1280, height: 1000 } });
}

/** The figure under a label in the planting calendar's headline ("Needed to date" …). */
const figure = (page: Page, label: string) =>
  page.getByRole('region', { name: 'Planting calendar' }).getByText(label, { exact: true }).locator('xpath=following-sibling::*[1]');

it('the CSO overrides a team’s win rate on the Year page and sees the plan change and the override recorded', async () => {
  const page = await signInCso();
  const card = page.getByRole('region', { name: 'Discipline index' });
  await card
    .getByText(/^\d{1,3}$/)
    .first()
    .waitFor();
  await shot(page, 'home-discipline', card);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Year', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Year' }).waitFor();
  await page.getByRole('heading', { name: 'Who is planting enough' }).waitFor();
  await page.getByRole('table', { name: /^Discipline index of / }).waitFor();
  await shot(page, 'year');

  // Open Enterprise's plan: its planting calendar and assumptions, from history.
  await page.getByRole('button', { name: 'Enterprise', exact: true }).click();
  await page.getByRole('heading', { name: 'Planting calendar — Enterprise' }).waitFor();
  await expect.poll(() => page.url()).toContain('plan=team');
  // The discipline index and cramming by quarter come with it.
  await page.getByRole('table', { name: /^Discipline index of / }).waitFor();
  await page.getByRole('region', { name: 'Cramming by quarter' }).getByRole('heading', { name: 'Cramming by quarter' }).waitFor();
  await settled(page);
  expect(describeViolations(await seriousViolations(page))).toBe('');
  await shot(page, 'year-planting', page.getByRole('region', { name: 'Planting calendar' }));
  await shot(page, 'year-discipline', page.getByRole('region', { name: 'Discipline index' }));
  await shot(page, 'year-cramming', page.getByRole('region', { name: 'Cramming by quarter' }));
  // Inside each quarter: the bookings curve, and its table, where every finished quarter with a win ends at 100 %.
  const curve = page.getByRole('region', { name: 'Bookings inside each quarter' });
  await curve.getByRole('heading', { name: /^Bookings inside each quarter/ }).waitFor();
  await shot(page, 'year-bookings-curve', curve);
  await curve.getByText('Table', { exact: true }).click();
  const curveTable = curve.getByRole('table', { name: /^Bookings inside each quarter of / });
  await curveTable.getByRole('rowheader', { name: 'Week 1', exact: true }).waitFor();
  await expect(curveTable.getByRole('cell', { name: '100 %' }).count()).resolves.toBeGreaterThan(0);

  // By week: a team, then one of its people; each part is listed with its weight (hygiene from history).
  const index = page.getByRole('region', { name: 'Discipline index' });
  await index.getByText('By week', { exact: true }).click();
  await page.getByRole('table', { name: /^Discipline index of .+ by week$/ }).waitFor();
  await index.getByLabel('Team of the discipline index').click();
  await page.getByRole('option', { name: 'Enterprise', exact: true }).click();
  await page.getByRole('table', { name: 'Discipline index of Enterprise by week' }).waitFor();
  await expect.poll(() => page.url()).toContain('by=week');
  await shot(page, 'year-discipline-weekly', index);
  await index.getByLabel('Person of the discipline index').click();
  const person = page.getByRole('option').nth(1);
  const personName = ((await person.textContent()) ?? '').trim();
  await person.click();
  await page.getByRole('table', { name: `Discipline index of ${personName} by week` }).waitFor();
  await index.getByText(/Measurement: Pipeline hygiene \(KPI pipeline_hygiene\)/).waitFor();
  expect(await index.getByText('20 %').count()).toBeGreaterThan(0);
  await settled(page);
  expect(describeViolations(await seriousViolations(page))).toBe('');
  const before = (await figure(page, 'Needed to date').textContent()) ?? '';
  const assumptions = page.getByRole('table').filter({ hasText: 'Assumption' });
  await expect.poll(async () => (await assumptions.getByRole('row', { name: /^Win rate/ }).textContent()) ?? '').toContain('from history');

  // Override the win rate with 90 %: far above what history says, so far less must be planted.
  const form = page.getByRole('form', { name: 'Override the assumptions of Enterprise' });
  await form.getByLabel('Win rate (%)').fill('90');
  await form.getByRole('button', { name: 'Save override' }).click();
  await expect.poll(async () => (await assumptions.getByRole('row', { name: /^Win rate/ }).textContent()) ?? '').toContain('overridden');
  expect(await assumptions.getByRole('row', { name: /^Win rate/ }).textContent()).toContain('90 %');
  await expect.poll(async () => (await figure(page, 'Needed to date').textContent()) ?? '').not.toBe(before);
  await page.getByText(/Overridden by Morgan Chief/).waitFor();
  const history = page.getByRole('table', { name: 'Override history' });
  await expect.poll(async () => (await history.getByRole('row').nth(1).textContent()) ?? '').toMatch(/Morgan Chief.*Win rate.*history.*90 %/);
  // The plans table marks the team as overridden.
  await page.getByRole('row', { name: /Enterprise.*overridden/ }).waitFor();

  // Recorded in the audit log too.
  const api = await ApiClient.login(server.url, CSO, DEMO_PASSWORD);
  const log = await api.get<{ items: { action: string; summary: string }[] }>('/api/v1/audit-log?action=harvest.override_changed');
  expect(log.items[0]?.summary).toMatch(/Enterprise: win_rate history → 0.9/);

  await settled(page);
  expect(describeViolations(await seriousViolations(page))).toBe('');
}, 180_000);

it('Home shows the weekly discipline index for a rep (their own) and a manager (their team), linking to the Year page', async () => {
  for (const [email, scope] of [
    ['rep1@demo.furrow.test', null],
    ['manager2@demo.furrow.test', 'Enterprise'],
  ] as const) {
    const page = await signIn(email);
    const card = page.getByRole('region', { name: 'Discipline index' });
    // The last finished week's score: a whole number 0–100 once the headline has arrived.
    const score = card.getByText(/^\d{1,3}$/).first();
    await score.waitFor();
    const value = Number(await score.textContent());
    expect(value, email).toBeGreaterThanOrEqual(0);
    expect(value, email).toBeLessThanOrEqual(100);
    await card.getByText(/^of 100/).waitFor();
    await card.getByText(/Drags it down most:|No discipline costs it a point/).waitFor();
    if (scope) await card.getByText(new RegExp(`^${scope} · Week \\d+`)).waitFor();
    await settled(page);
    expect(describeViolations(await seriousViolations(page))).toBe('');
    await card.getByRole('link', { name: 'Open the Year page' }).click();
    await page.getByRole('heading', { level: 1, name: 'Year' }).waitFor();
    await page.context().close();
  }
}, 180_000);

it('a manager opens their team’s weekly index from Home and links to one rep’s; a rep outside their teams answers like nobody', async () => {
  const page = await signIn('manager2@demo.furrow.test');
  await page.getByRole('region', { name: 'Discipline index' }).getByRole('link', { name: 'Open the Year page' }).click();
  // The team's weeks are computed on the first visit: tens of seconds on a loaded CI box.
  await page.getByRole('table', { name: 'Discipline index of Enterprise by week' }).waitFor({ timeout: 120_000 });
  const teamId = new URL(page.url()).searchParams.get('team');
  expect(new URL(page.url()).searchParams.get('by')).toBe('week');
  expect(teamId).toMatch(/^[0-9a-f-]{36}$/);

  // Pick one of the team's people: the URL names them, so it is a link to send.
  const index = page.getByRole('region', { name: 'Discipline index' });
  await index.getByLabel('Person of the discipline index').click();
  const option = page.getByRole('option').nth(1);
  const name = ((await option.textContent()) ?? '').trim();
  await option.click();
  await page.getByRole('table', { name: `Discipline index of ${name} by week` }).waitFor();
  await expect.poll(() => new URL(page.url()).searchParams.get('userId')).toMatch(/^[0-9a-f-]{36}$/);

  // The link opened afresh shows that person, by week, named in the list of the team's people.
  const linked = await page.context().newPage();
  linked.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  await linked.goto(page.url());
  await linked.getByRole('table', { name: `Discipline index of ${name} by week` }).waitFor();
  const linkedIndex = linked.getByRole('region', { name: 'Discipline index' });
  await expect.poll(() => linkedIndex.getByLabel('Person of the discipline index').inputValue()).toBe(name);
  await settled(linked);
  expect(describeViolations(await seriousViolations(linked))).toBe('');
  await shot(linked, 'year-discipline-person', linkedIndex);

  // A rep of Field Sales, the team above Enterprise, is outside this manager's reach: the page says
  // the index could not be loaded, exactly as for an id nobody has.
  const api = await ApiClient.login(server.url, CSO, DEMO_PASSWORD);
  const users = await api.get<{ items: { id: string; email: string }[] }>('/api/v1/users');
  const outsider = users.items.find((u) => u.email === 'rep1@demo.furrow.test');
  expect(outsider).toBeDefined();
  const answers: string[] = [];
  for (const userId of [outsider?.id, '01890000-0000-7000-8000-000000000000']) {
    await linked.goto(`${server.url}/year?by=week&team=${teamId}&userId=${userId}`);
    const alert = linked.getByRole('alert').filter({ hasText: 'The discipline index could not be loaded' });
    await alert.waitFor();
    answers.push(((await alert.textContent()) ?? '').replace(/Request id \S+/, ''));
  }
  expect(answers[0]).toMatch(/not found/i);
  expect(answers[0]).toBe(answers[1]);
  await page.context().close();
}, 180_000);
