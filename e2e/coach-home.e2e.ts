// An outside coach signs in and sees their coachees with the cadence status, and no seller screen:
// no deal navigation, no leads (the policy gives a coach none), nothing that answers 403.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeViolations, seriousViolations } from './support/axe.js';
import { launchBrowser } from './support/browser.js';
import { createOrg, type Org, PASSWORD, startServer, type TestServer } from './support/server.js';
import { settled } from './support/settle.js';
import { signInAs } from './support/sign-in.js';

let server: TestServer;
let org: Org;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  org = await createOrg(server);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('shows an outside coach their coachees and cadence, and none of the seller screens', async () => {
  const email = `cora-${org.teams.east.slice(-6)}@example.test`;
  const coach = await org.adminApi.post<{ id: string }>('/api/v1/users', { email, name: 'Cora Coach', role: 'coach', teamId: null, password: PASSWORD });
  await org.adminApi.post('/api/v1/coaching-relationships', { coachId: coach.id, coacheeId: org.repA.id, cadenceDays: 14 });

  const page = await signInAs(browser, server, { id: coach.id, name: 'Cora Coach', email });
  await page.getByRole('heading', { level: 1, name: 'Your coachees this week' }).waitFor();
  const row = page.getByRole('table', { name: 'Coachees' }).getByRole('row').nth(1);
  await expect.poll(async () => (await row.textContent()) ?? '').toContain(org.repA.name);
  expect(await row.textContent()).toContain('every 14 days');
  expect(await row.textContent()).toContain('No session yet');
  const nav = page.getByRole('navigation').first();
  for (const hidden of ['Deals', 'Pipeline board', 'Leads', 'Campaigns']) expect(await nav.getByRole('link', { name: hidden, exact: true }).count()).toBe(0);
  await settled(page);
  expect(describeViolations(await seriousViolations(page))).toBe('');
});
