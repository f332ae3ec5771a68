// This week (issue 13): a rep whose lead ran past its SLA and whose expectation is red gets the
// weekly digest, opens it from the bell, sees both on the digest page with a link each, and follows
// the lead's link to the lead. The page passes axe; "This week" is in the navigation too.
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HOT_LEAD, TERMS } from '../server/alignment/testing.js';
import { enqueue } from '../server/jobs/jobs.service.js';
import { createJobRunner } from '../server/jobs/runner.js';
import { weeklyDigestJob } from '../server/rhythm/digest.jobs.js';
import { ApiClient } from './support/api-client.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { launchBrowser } from './support/browser.js';
import { createOrg, type Org, PASSWORD, startServer, type TestServer } from './support/server.js';
import { settled } from './support/settle.js';
import { signInAs } from './support/sign-in.js';

let server: TestServer;
let org: Org;
let browser: Browser;
const SHOTS = process.env.FURROW_SCREENSHOTS === '1' ? resolve(import.meta.dirname, '../docs/screenshots') : null;

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  await settled(page).catch(() => undefined);
  await page.screenshot({ path: resolve(SHOTS, `digest-${name}.png`), timeout: 60_000 });
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

it('a rep with a lead past its SLA and a red expectation sees both on This week and follows the lead’s link', async () => {
  // An agreement in force gives the lead its SLA clocks.
  const email = `mo-${Math.random().toString(36).slice(2, 7)}@example.test`;
  await org.adminApi.post('/api/v1/users', { email, name: 'Mo Marketing', role: 'marketing', teamId: null, password: PASSWORD });
  const marketingApi = await ApiClient.login(server.url, email, PASSWORD);
  const draft = await marketingApi.post<{ id: string; version: number }>('/api/v1/lead-agreements', { terms: TERMS });
  const proposed = await marketingApi.post<{ version: number }>(`/api/v1/lead-agreements/${draft.id}/propose`, { version: draft.version });
  const approved = await marketingApi.post<{ version: number }>(`/api/v1/lead-agreements/${draft.id}/approve`, { version: proposed.version });
  await org.adminApi.post(`/api/v1/lead-agreements/${draft.id}/approve`, { version: approved.version });

  const lead = (await org.adminApi.post<{ lead: { id: string } }>('/api/v1/leads', { ...HOT_LEAD, ownerId: org.repA.id })).lead;
  // The accept clock needs four business hours to run out: the lead is moved a week back instead of waiting.
  const weekAgo = Date.now() - 7 * 24 * 60 * 60_000;
  await server.database.db.updateTable('leads').set({ received_at: weekAgo, mql_at: weekAgo, routed_at: weekAgo }).where('id', '=', lead.id).execute();
  // A closed quarter without activity: red whatever today is.
  const expectation = await org.adminApi.post<{ current: { status: string } }>('/api/v1/expectations', {
    kpiId: 'activity_volume',
    scopeType: 'user',
    scopeId: org.repA.id,
    periodKind: 'quarter',
    periodKey: 'FY2025-Q1',
    target: 100,
    amberThreshold: 80,
    redThreshold: 50,
    ownerId: org.repA.id,
  });
  expect(expectation.current.status).toBe('red');

  const { workspace_id: workspaceId } = await server.database.db
    .selectFrom('users')
    .select('workspace_id')
    .where('id', '=', org.repA.id)
    .executeTakeFirstOrThrow();
  const runner = createJobRunner({ database: server.database, config: server.config, now: Date.now, jobs: [weeklyDigestJob] });
  await enqueue({ db: server.database.db, now: Date.now }, weeklyDigestJob, { userId: org.repA.id, week: '2026-W50' }, { workspaceId });
  await runner.runDue();

  const page = await signInAs(browser, server, org.repA, { height: 1000 });
  await page.getByRole('button', { name: /^Notifications, \d+ unread$/ }).click();
  const drawer = page.getByRole('dialog', { name: 'Notifications' });
  const digest = drawer.getByRole('button', { name: /^Your week 2026-W50: .*1 lead past the SLA.*1 expectation off track \(1 red\)/ });
  await digest.waitFor();
  await digest.click();

  await page.getByRole('heading', { level: 1, name: 'This week' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/digest');
  await expect.poll(() => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'This week' }).getAttribute('href')).toBe('/digest');
  const leads = page.getByRole('region', { name: 'Leads past their SLA' });
  const leadLink = leads.getByRole('link', { name: 'Dana Buyer, Acme Soft' });
  await leadLink.waitFor();
  const expectations = page.getByRole('region', { name: 'Your expectations off track' });
  await expectations.getByRole('link', { name: /^Activity volume/ }).waitFor();
  expect(await expectations.getByRole('link', { name: /^Activity volume/ }).getAttribute('href')).toBe('/expectations?status=off_track');
  await settled(page);
  const violations = await seriousViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
  await shot(page, 'this-week');

  await leadLink.click();
  await page.waitForURL(`**/leads/${lead.id}`);
  await page.getByRole('heading', { level: 1, name: /Dana Buyer/ }).waitFor();
});
