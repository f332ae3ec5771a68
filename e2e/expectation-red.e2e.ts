// An expectation turns red: the morning's evaluation tells the rep who owns it and their manager;
// the manager sees it in the bell, opens it and lands on the expectations off track, where it
// shows. A rep of another team hears nothing. Accessible (axe) on the open inbox.
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { enqueue } from '../server/jobs/jobs.service.js';
import { createJobRunner } from '../server/jobs/runner.js';
import { evaluateExpectationsJob } from '../server/measurement/expectation-alerts.jobs.js';
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
  await page.screenshot({ path: resolve(SHOTS, `expectation-red-${name}.png`), timeout: 60_000 });
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

it('an expectation turns red: the owner and their manager are told, and the link opens it among those off track', async () => {
  // A closed quarter with no activity from the rep: judged on the whole quarter, it is red whatever today is.
  const made = await org.adminApi.post<{ id: string; current: { status: string; period: { label: string } } }>('/api/v1/expectations', {
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
  expect(made.current.status).toBe('red');
  const title = `Activity volume for ${org.repA.name} went red for ${made.current.period.label}`;

  const { workspace_id: workspaceId } = await server.database.db
    .selectFrom('users')
    .select('workspace_id')
    .where('id', '=', org.admin.id)
    .executeTakeFirstOrThrow();
  const runner = createJobRunner({ database: server.database, config: server.config, now: Date.now, jobs: [evaluateExpectationsJob] });
  await enqueue({ db: server.database.db, now: Date.now }, evaluateExpectationsJob, {}, { workspaceId });
  await runner.runDue();

  const page = await signInAs(browser, server, org.manager);
  const bell = page.getByRole('button', { name: 'Notifications, 1 unread' });
  await bell.waitFor();
  await bell.click();
  const drawer = page.getByRole('dialog', { name: 'Notifications' });
  await drawer.getByText(title).waitFor();
  await settled(page);
  const violations = await seriousViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
  await shot(page, 'inbox');

  await drawer
    .getByRole('button', { name: new RegExp(title) })
    .first()
    .click();
  await page.getByRole('heading', { level: 1, name: 'Expectations' }).waitFor();
  expect(new URL(page.url()).search).toBe('?status=off_track');
  await page.getByRole('table', { name: 'Expectations off track' }).getByText('Activity volume').first().waitFor();
  await shot(page, 'off-track');

  const inboxOf = async (email: string) =>
    (await (await ApiClient.login(server.url, email, PASSWORD)).get<{ items: { kind: string; title: string }[] }>('/api/v1/notifications')).items
      .filter((n) => n.kind === 'measurement.expectation-red')
      .map((n) => n.title);
  expect(await inboxOf(org.repA.email)).toEqual([title]);
  expect(await inboxOf(org.repB.email)).toEqual([]);
});
