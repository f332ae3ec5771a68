// The admin adds a webhook endpoint in Settings, a deal is created, the first delivery fails and the
// retry succeeds; the admin reads the delivery log and finds the endpoint's audit entry, then runs a
// scheduled job now from Settings → Background jobs. Axe-clean.
// FURROW_SCREENSHOTS=1 keeps the jobs page in docs/screenshots/settings-jobs.png.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../server/config.js';
import { createJobRunner } from '../server/jobs/runner.js';
import { deliverWebhookJob } from '../server/ops/webhooks.jobs.js';
import { planWeeklyDigestJob } from '../server/rhythm/digest.jobs.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { launchBrowser } from './support/browser.js';
import { createOrg, type Org, startServer, type TestServer } from './support/server.js';
import { settled } from './support/settle.js';
import { signInAs } from './support/sign-in.js';

const SHOTS = process.env.FURROW_SCREENSHOTS === '1' ? resolve(import.meta.dirname, '../docs/screenshots') : null;

let server: TestServer;
let org: Org;
let browser: Browser;
let receiver: Server;
let receiverUrl: string;
const answers = [500];
let received = 0;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received += 1;
      res.statusCode = answers.shift() ?? 204;
      res.end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/furrow`;
  server = await startServer();
  org = await createOrg(server);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await new Promise((r) => receiver?.close(r));
});

it('shows the admin the webhook delivery log with its retry, and the audit entry', async () => {
  const page = await signInAs(browser, server, org.admin, { height: 1300 });
  await page.goto(`${server.url}/settings/webhooks`);
  await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
  await page.getByLabel('Endpoint URL').fill(receiverUrl);
  await page.getByLabel('Description').fill('Data warehouse');
  await page.getByRole('checkbox', { name: 'deal.created' }).check();
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  await expect.poll(async () => (await page.getByTestId('secret').textContent()) ?? '').toMatch(/^whsec_/);
  await settled(page);
  expect(describeViolations(await seriousViolations(page))).toBe('');

  // A deal is created; the runner delivers: the receiver answers 500, then (after the backoff) 204.
  await org.adminApi.post('/api/v1/deals', { name: 'Webhook journey deal', amount: 100_000, closeDate: '2027-03-31' });
  let offset = 0;
  const runner = createJobRunner({
    database: server.database,
    config: loadConfig({ NODE_ENV: 'test', WEBHOOK_ALLOW_PRIVATE: 'true' }),
    now: () => Date.now() + offset,
    jobs: [deliverWebhookJob],
  });
  await runner.runDue();
  offset = 31_000;
  await runner.runDue();
  expect(received).toBe(2);

  await page.getByRole('button', { name: `Deliveries to ${receiverUrl}` }).click();
  const log = page.getByRole('table', { name: 'Deliveries' });
  await log.waitFor();
  const row = log.getByRole('row').nth(1);
  await expect.poll(async () => (await row.textContent()) ?? '').toContain('succeeded');
  expect(await row.getByRole('cell').nth(0).textContent()).toBe('deal.created');
  expect(await row.getByRole('cell').nth(2).textContent()).toBe('2');
  expect(await row.getByRole('cell').nth(3).textContent()).toBe('204');
  await settled(page);
  expect(describeViolations(await seriousViolations(page))).toBe('');

  await page.goto(`${server.url}/settings/audit-log?action=webhook.created`);
  await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
  const entries = page.getByRole('table', { name: 'Audit entries' });
  await entries.waitFor();
  await expect.poll(async () => (await entries.textContent()) ?? '').toContain(`Registered the webhook endpoint ${receiverUrl}`);
  expect(await entries.textContent()).toContain('Ada');
  await settled(page);
  expect(describeViolations(await seriousViolations(page))).toBe('');

  // Background jobs: run the weekly digest's planning now; its last run shows up in the schedule row.
  // The system's own clean-up is listed without Run now (it works for every workspace).
  await page.goto(`${server.url}/settings/jobs`);
  await page.getByRole('heading', { level: 1, name: 'Background jobs' }).waitFor();
  const schedules = page.getByRole('table', { name: 'Schedules' });
  await schedules.waitFor();
  const cleanUp = schedules.getByRole('row').filter({ hasText: 'identity.delete-expired-sessions' });
  expect(await cleanUp.getByRole('button').count()).toBe(0);
  const digest = schedules.getByRole('row').filter({ hasText: 'rhythm.plan-weekly-digest' });
  expect(await digest.textContent()).toContain('Not yet');
  // No runner has written this workspace's schedule rows: the next run is computed on the
  // workspace's wall clock (Europe/Berlin), the system's own clean-up on UTC.
  expect(await digest.getByRole('cell').nth(1).textContent()).toContain('Europe/Berlin');
  expect(await cleanUp.getByRole('cell').nth(1).textContent()).toContain('UTC');
  expect(await digest.getByRole('cell').nth(2).textContent()).not.toBe('—');
  await digest.getByRole('button', { name: 'Run now' }).click();
  await expect.poll(async () => (await digest.textContent()) ?? '').toMatch(/queued|running|done/);
  const recent = page.getByRole('table', { name: 'Recent jobs' });
  await expect.poll(async () => (await recent.textContent()) ?? '').toContain('rhythm.plan-weekly-digest');

  // A runner takes the job: the list shows when its attempt started and how long it took.
  await createJobRunner({ database: server.database, config: server.config, now: Date.now, jobs: [planWeeklyDigestJob] }).runDue();
  await page.reload();
  const ran = recent.getByRole('row').filter({ hasText: 'rhythm.plan-weekly-digest' });
  await expect.poll(async () => (await ran.getByRole('cell').nth(1).textContent()) ?? '').toBe('done');
  expect(await ran.getByRole('cell').nth(4).textContent()).not.toBe('—');
  expect(await ran.getByRole('cell').nth(5).textContent()).toMatch(/^\d+ (ms|s)$/);
  await settled(page);
  expect(describeViolations(await seriousViolations(page))).toBe('');
  if (SHOTS) {
    await page.mouse.move(1270, 1290);
    await page.screenshot({ path: resolve(SHOTS, 'settings-jobs.png'), timeout: 60_000 });
  }
  await page.context().close();
});
