// A manager moves a rep's deal; the rep sees the bell's count, opens the inbox and the deal, and
// the preferences screen under Settings. Accessible (axe) on the inbox and the preferences.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient } from './support/api-client.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { launchBrowser } from './support/browser.js';
import { createOrg, type Org, PASSWORD, startServer, type TestServer } from './support/server.js';
import { settled } from './support/settle.js';
import { signInAs } from './support/sign-in.js';

let server: TestServer;
let org: Org;
let browser: Browser;
const dealName = 'Stark Industries – rollout';

beforeAll(async () => {
  server = await startServer();
  org = await createOrg(server);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('a manager moves a rep’s deal: the rep sees the bell count, the notification, and opens the deal', async () => {
  const rep = await ApiClient.login(server.url, org.repA.email, PASSWORD);
  const deal = await rep.post<{ id: string; version: number }>('/api/v1/deals', { name: dealName, amount: 900_000, closeDate: '2027-06-30' });
  const pipelines = await rep.get<{ items: { stages: { id: string; name: string }[] }[] }>('/api/v1/pipelines');
  const solution = pipelines.items[0]?.stages.find((s) => s.name === 'Solution')?.id as string;

  const manager = await ApiClient.login(server.url, org.manager.email, PASSWORD);
  await manager.post(`/api/v1/deals/${deal.id}/move`, { version: deal.version, stageId: solution });

  const page = await signInAs(browser, server, org.repA);
  const bell = page.getByRole('button', { name: 'Notifications, 1 unread' });
  await bell.waitFor();
  await bell.click();
  const drawer = page.getByRole('dialog', { name: 'Notifications' });
  await drawer.getByText(`moved ${dealName} to Solution`).waitFor();
  await settled(page);
  const violations = await seriousViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);

  await drawer
    .getByRole('button', { name: new RegExp(`^\\S.* moved ${dealName} to Solution`) })
    .first()
    .click();
  await page.getByRole('heading', { level: 1, name: dealName }).waitFor();
  expect(new URL(page.url()).pathname).toBe(`/deals/${deal.id}`);
  await page.getByRole('button', { name: 'Notifications, none unread' }).waitFor();

  await page.goto(`${server.url}/settings/notifications`);
  await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
  const emailBox = page.getByRole('checkbox', { name: 'A deal is assigned to you: by email' });
  await emailBox.waitFor();
  expect(await emailBox.isChecked()).toBe(true);
  await emailBox.click();
  await expect.poll(() => emailBox.isChecked()).toBe(false);
  const prefs = await rep.get<{ items: { kind: string; email: boolean }[] }>('/api/v1/notifications/preferences');
  expect(prefs.items.find((p) => p.kind === 'crm.deal-assigned')?.email).toBe(false);
  await settled(page);
  const settingsViolations = await seriousViolations(page);
  expect(settingsViolations, describeViolations(settingsViolations)).toEqual([]);
});
