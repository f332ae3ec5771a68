// The Year journey on the demo year: the CSO opens the Year page, sees who is planting enough and a
// team's planting calendar, the discipline index and cramming by quarter, overrides that team's win rate, sees the plan change and the override
// recorded (on the page, in the override history and in the audit log); the page passes axe.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../server/cli/demo-seed.js';
import { ApiClient } from './support/api-client.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { launchBrowser } from './support/browser.js';
import { startServer, type TestServer } from './support/server.js';
import { settled } from './support/settle.js';

const DEMO_PASSWORD = 'furrow-demo-2026';
const CSO = 'cso@demo.furrow.test';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  await seedDemo(server.database, { now: Date.now() });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signInCso(): Promise<Page> {
  return signIn(CSO);
}

async function signIn(email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'en-GB', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

/** The figure under a label in the planting calendar's headline ("Needed to date" …). */
const figure = (page: Page, label: string) =>
  page.getByRole('region', { name: 'Planting calendar' }).getByText(label, { exact: true }).locator('xpath=following-sibling::*[1]');

it('the CSO overrides a team’s win rate on the Year page and sees the plan change and the override recorded', async () => {
  const page = await signInCso();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Year', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Year' }).waitFor();
  await page.getByRole('heading', { name: 'Who is planting enough' }).waitFor();

  // Open Enterprise's plan: its planting calendar and assumptions, from history.
  await page.getByRole('button', { name: 'Enterprise', exact: true }).click();
  await page.getByRole('heading', { name: 'Planting calendar — Enterprise' }).waitFor();
  await expect.poll(() => page.url()).toContain('plan=team');
  // The discipline index and cramming by quarter come with it.
  await page.getByRole('table', { name: /^Discipline index of / }).waitFor();
  await page.getByRole('region', { name: 'Cramming by quarter' }).getByRole('heading', { name: 'Cramming by quarter' }).waitFor();
  await settled(page);
  expect(describeViolations(await seriousViolations(page))).toBe('');

  // By week: a team, then one of its people; each part is listed with its weight (hygiene from history).
  const index = page.getByRole('region', { name: 'Discipline index' });
  await index.getByText('By week', { exact: true }).click();
  await page.getByRole('table', { name: /^Discipline index of .+ by week$/ }).waitFor();
  await index.getByLabel('Team of the discipline index').click();
  await page.getByRole('option', { name: 'Enterprise', exact: true }).click();
  await page.getByRole('table', { name: 'Discipline index of Enterprise by week' }).waitFor();
  await expect.poll(() => page.url()).toContain('by=week');
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
