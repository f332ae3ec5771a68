// A manager creates a weekly pipeline review with the recurrence picker, opens its next occurrence,
// reads the agenda prepared from live data and marks it held; the rep makes a calendar feed address
// in Settings and a calendar app fetching it finds the review as a weekly event. The manager then
// hands a ritual to a rep and deletes another, confirming first.
// FURROW_SCREENSHOTS=1 keeps the screens in docs/screenshots/rituals-*.png.
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeViolations, seriousViolations } from './support/axe.js';
import { launchBrowser } from './support/browser.js';
import { createOrg, type Org, startServer, type TestServer } from './support/server.js';
import { settled } from './support/settle.js';
import { signInAs } from './support/sign-in.js';

const SHOTS = process.env.FURROW_SCREENSHOTS === '1' ? resolve(import.meta.dirname, '../docs/screenshots') : null;

let server: TestServer;
let org: Org;
let browser: Browser;

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  await settled(page).catch(() => undefined);
  await page.mouse.move(1270, 790);
  await page.screenshot({ path: resolve(SHOTS, `rituals-${name}.png`), timeout: 60_000 });
}

beforeAll(async () => {
  server = await startServer();
  org = await createOrg(server);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('lets a manager run a weekly pipeline review and a rep subscribe to it in a calendar', async () => {
  // A deal of the rep's without a next step: the review's agenda should bring it up.
  const repApi = await (await import('./support/api-client.js')).ApiClient.login(server.url, org.repA.email, 'correct horse battery');
  await repApi.post('/api/v1/deals', { name: 'Globex renewal', amount: 1_200_000, closeDate: '2027-03-31' });

  const page = await signInAs(browser, server, org.manager, { height: 900 });
  await page.getByRole('navigation').first().getByRole('link', { name: 'Rituals', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Rituals' }).waitFor();
  await page.getByRole('button', { name: 'New ritual' }).click();
  const dialog = page.getByRole('dialog', { name: 'New ritual' });
  await dialog.getByLabel('Title').fill('Monday pipeline review');
  await dialog.getByLabel('Day', { exact: true }).click();
  await page.getByRole('option', { name: 'Tuesday' }).click();
  await expect.poll(async () => dialog.getByTestId('recurrence-text').textContent()).toContain('every week on Tuesday');
  await dialog.getByLabel('Day', { exact: true }).click();
  await page.getByRole('option', { name: 'Monday' }).click();
  await expect.poll(async () => dialog.getByTestId('recurrence-text').textContent()).toContain('every week on Monday');
  await shot(page, 'new');
  await dialog.getByRole('button', { name: 'Create ritual' }).click();
  await dialog.waitFor({ state: 'detached' });
  const table = page.getByRole('table', { name: /Rituals of East/ });
  const row = table.getByRole('row', { name: /Monday pipeline review/ });
  await expect.poll(async () => (await row.textContent()) ?? '').toContain('every week on Monday');
  await shot(page, 'list');

  await row.getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: 'Monday pipeline review' }).waitFor();
  const atRisk = page.getByRole('region', { name: 'Deals at risk' });
  await expect.poll(async () => (await atRisk.textContent()) ?? '').toContain('Globex renewal');
  await page.getByLabel('Notes').fill('Agreed next steps on Globex.');
  await page.getByRole('button', { name: 'Mark as held' }).click();
  await expect.poll(async () => page.getByTestId('occurrence-status').textContent()).toContain('Held');
  await shot(page, 'occurrence');
  await settled(page);
  expect(describeViolations(await seriousViolations(page))).toBe('');

  const rep = await signInAs(browser, server, org.repA);
  await rep.goto(`${server.url}/settings/calendar-feed`);
  await rep.getByRole('heading', { level: 1, name: 'Calendar feed' }).waitFor();
  await rep.getByRole('button', { name: 'Create my feed address' }).click();
  const secret = rep.getByTestId('secret');
  await secret.waitFor();
  const url = ((await secret.textContent()) ?? '').trim();
  expect(url).toMatch(/\/feeds\/calendar\/fc_[\w-]+\.ics$/);
  await shot(rep, 'calendar-feed');
  expect(describeViolations(await seriousViolations(rep))).toBe('');

  // The calendar app: no cookie, no token but the address.
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/calendar');
  const ics = (await res.text()).replace(/\r\n[ \t]/g, '');
  const events = ics.split('BEGIN:VEVENT').slice(1);
  const review = events.find((e) => e.includes('SUMMARY:Monday pipeline review'));
  expect(review).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO');
  expect(review).toMatch(/DTSTART;TZID=Europe\/Berlin:\d{8}T090000/);
  expect(review).toContain(`${server.url}/rituals/`);
});

it('lets a manager hand a ritual to a rep and delete one the team no longer keeps', async () => {
  const page = await signInAs(browser, server, org.manager, { height: 900 });
  await page.goto(`${server.url}/rituals`);
  await page.getByRole('heading', { level: 1, name: 'Rituals' }).waitFor();
  await page.getByRole('button', { name: 'New ritual' }).click();
  const dialog = page.getByRole('dialog', { name: 'New ritual' });
  await dialog.getByLabel('Title').fill('Friday practice lab');
  await dialog.getByRole('button', { name: 'Create ritual' }).click();
  await dialog.waitFor({ state: 'detached' });
  const table = page.getByRole('table', { name: /Rituals of East/ });
  const row = table.getByRole('row', { name: /Friday practice lab/ });
  await expect.poll(async () => (await row.textContent()) ?? '').toContain(org.manager.name);

  // Hand it to the rep: the owner records whether it was held.
  await row.getByRole('button', { name: 'Edit Friday practice lab' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit ritual' });
  await edit.getByLabel('Owner', { exact: true }).click();
  await page.getByRole('option', { name: org.repA.name }).click();
  await shot(page, 'edit');
  await edit.getByRole('button', { name: 'Save ritual' }).click();
  await edit.waitFor({ state: 'detached' });
  await expect.poll(async () => (await row.textContent()) ?? '').toContain(org.repA.name);

  // Delete asks first and says what stays.
  await row.getByRole('button', { name: 'Edit Friday practice lab' }).click();
  await edit.getByRole('button', { name: 'Delete…' }).click();
  await expect.poll(async () => (await edit.textContent()) ?? '').toContain('stay in the history');
  await settled(page);
  expect(describeViolations(await seriousViolations(page))).toBe('');
  await edit.getByRole('button', { name: 'Delete ritual' }).click();
  await edit.waitFor({ state: 'detached' });
  await row.waitFor({ state: 'detached' });
  await expect.poll(async () => (await table.textContent()) ?? '').toContain('Monday pipeline review');
});
