// The process journey: a rep drags a deal into a gated stage, sees what is missing, fills it in on
// the deal page (a required field in place, a checklist tick), drags again and the move succeeds;
// the admin then finds that move in the adherence figures and opens it.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './support/api-client.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { launchBrowser } from './support/browser.js';
import { createOrg, type Org, PASSWORD, type Person, startServer, type TestServer } from './support/server.js';
import { signInAs } from './support/sign-in.js';

let server: TestServer;
let org: Org;
let browser: Browser;
const GUIDANCE = 'Ask who owns the problem. <img src=x onerror="window.__xss=1"><script>window.__xss=2</script> **Name the budget holder.**';
const dealName = `Initech ${Math.random().toString(36).slice(2, 7)} – pilot`;

beforeAll(async () => {
  server = await startServer();
  org = await createOrg(server);
  browser = await launchBrowser();
  // The admin's process: leaving Qualify needs an agreed next step and confirmed pain.
  const { items } = await org.adminApi.get<{ items: { id: string }[] }>('/api/v1/pipelines');
  const pipelineId = items[0]?.id as string;
  let process = await org.adminApi.get(`/api/v1/pipelines/${pipelineId}/process`);
  const qualify = process.stages[0].id as string;
  process = await org.adminApi.post(`/api/v1/stages/${qualify}/criteria`, {
    version: process.pipeline.version,
    kind: 'field',
    field: 'nextStep',
    label: 'Next step agreed with the buyer',
  });
  process = await org.adminApi.post(`/api/v1/stages/${qualify}/criteria`, {
    version: process.pipeline.version,
    kind: 'checklist',
    label: 'Pain confirmed in their words',
  });
  // Guidance is shown as text, never as HTML, whatever an admin types.
  await org.adminApi.patch(`/api/v1/stages/${qualify}`, { version: process.pipeline.version, guidance: GUIDANCE });
  const rep = await ApiClient.login(server.url, org.repA.email, PASSWORD);
  await rep.post('/api/v1/deals', { name: dealName, amount: 1_800_000, closeDate: new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10) });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const signIn = (person: Person): Promise<Page> => signInAs(browser, server, person, { height: 900 });

async function drag(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('drag: element not visible');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 12, a.y + a.height / 2 + 4, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + 120, { steps: 20 });
  await page.mouse.up();
}

const column = (page: Page, stage: string) => page.locator(`[data-testid="board-column"][data-stage-name="${stage}"]`);

describe('the stage gate in the browser', () => {
  it('refuses a drag with what is missing, lets the rep fill it in place, then moves; the admin sees the move in adherence', async () => {
    const page = await signIn(org.repA);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline board' }).click();
    const card = () => column(page, 'Qualify').getByTestId('deal-card').filter({ hasText: dealName });
    await card().waitFor();
    await drag(page, card(), column(page, 'Discovery'));

    const refusal = page.getByTestId('gate-blocked');
    await refusal.waitFor();
    await refusal.getByText('Next step agreed with the buyer').waitFor();
    await refusal.getByText('Pain confirmed in their words').waitFor();
    await refusal.getByText('This stage does not allow overrides', { exact: false }).waitFor();
    await refusal.getByRole('link', { name: 'Open the deal to complete these' }).click();

    await page.getByRole('heading', { level: 1, name: dealName }).waitFor();
    const gate = page.getByRole('region', { name: /In Qualify/ });
    await gate.getByText('To move to Discovery — 2 missing').waitFor();
    await gate.getByText('<img src=x onerror="window.__xss=1">', { exact: false }).waitFor();
    await expect(gate.locator('img, script').count()).resolves.toBe(0);
    await expect(gate.locator('strong').filter({ hasText: 'Name the budget holder.' }).count()).resolves.toBe(1);
    await expect(page.evaluate(() => (globalThis as { __xss?: number }).__xss)).resolves.toBeUndefined();
    await gate.getByRole('textbox', { name: 'Next step agreed with the buyer' }).fill('Workshop with the CFO on Tuesday');
    await gate.getByRole('button', { name: 'Save' }).click();
    await gate.getByText('To move to Discovery — 1 missing').waitFor();
    // The tick shows once the server has recorded it (who and when).
    await gate.getByRole('checkbox', { name: 'Pain confirmed in their words' }).click();
    await gate.getByText('To move to Discovery — all met').waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline board' }).click();
    await card().waitFor();
    await drag(page, card(), column(page, 'Discovery'));
    await column(page, 'Discovery').getByTestId('deal-card').filter({ hasText: dealName }).waitFor();
    await page.getByText(`${dealName} moved to Discovery`).waitFor();
    await page.context().close();

    const admin = await signIn(org.admin);
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Process', exact: true }).click();
    const adherence = admin.getByRole('link', { name: /^Adherence\s*100%\s*1 of 1 move/ });
    await adherence.waitFor();
    await admin.getByRole('link', { name: /^Overrides\s*0\s/ }).waitFor();
    await admin.getByRole('link', { name: /^Skipped\s*0\s/ }).waitFor();
    // Every number opens its records: the rep's move count lists the move.
    const repRow = admin.getByRole('region', { name: 'By rep' }).getByRole('row', { name: new RegExp(org.repA.name) });
    await repRow.getByRole('link', { name: '1', exact: true }).first().click();
    await admin.getByRole('heading', { level: 1, name: 'Stage moves' }).waitFor();
    const row = admin.getByRole('row', { name: new RegExp(dealName) });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/Qualify → Discovery.*Kept the process/);

    // By process version: the move was checked against the version the guidance change made (v4).
    await admin.getByRole('link', { name: 'Process figures' }).click();
    const versions = admin.getByRole('region', { name: 'By process version' });
    const v4 = versions.getByRole('row', { name: /^v4\b/ });
    await v4.waitFor();
    await expect(v4.textContent()).resolves.toMatch(/Changed Qualify: guidance.*1100%/);
    await v4.getByRole('link', { name: '1', exact: true }).click();
    await admin.getByText('Process v4 only').waitFor();
    await admin.getByRole('row', { name: new RegExp(dealName) }).waitFor();
    await admin.context().close();
  });

  it('lets the admin add an exit criterion and change a stage in their forms, with the refused input named under it', async () => {
    const admin = await signIn(org.admin);
    await admin.goto(`${server.url}/settings/process`);
    await admin.getByRole('heading', { level: 1, name: 'Sales process', exact: true }).waitFor();
    const stage = admin.getByRole('region', { name: /^Stage / }).nth(1);
    const stageName = ((await stage.getAttribute('aria-label')) ?? '').replace(/^Stage /, '');
    await stage.getByRole('button', { name: 'Add exit criterion' }).click();
    const dialog = admin.getByRole('dialog', { name: `Add an exit criterion to ${stageName}` });
    await dialog.getByLabel('Kind', { exact: true }).click();
    await admin.getByRole('option', { name: 'Reviewed call plan' }).click();
    // What the rep will need, in words (it once said the capability was not enabled yet).
    await dialog.getByText('Met when the deal’s next meeting has a call plan a manager has reviewed.').waitFor();
    await dialog.getByLabel('Kind', { exact: true }).click();
    await admin.getByRole('option', { name: 'Qualification score' }).click();
    await dialog.getByLabel(/^Minimum total/).fill('6');
    await dialog.getByRole('button', { name: 'Save' }).click();
    // No framework chosen: the server's refusal shows under the framework, not as a generic failure.
    await dialog.getByText('Is required for a qualification criterion').waitFor();
    const framework = dialog.getByLabel(/^Framework/);
    await expect.poll(() => framework.getAttribute('aria-invalid')).toBe('true');
    await framework.click();
    await admin.getByRole('option', { name: /^BANT/ }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await stage.getByText(/BANT total ≥ 6/).waitFor();

    await stage.getByRole('button', { name: `Change ${stageName}` }).click();
    const stageDialog = admin.getByRole('dialog', { name: `Change ${stageName}` });
    await stageDialog.getByLabel('Aging limit (days)', { exact: true }).fill('45');
    await stageDialog.getByRole('switch', { name: /Allow overrides/ }).check();
    await stageDialog.getByRole('button', { name: 'Save' }).click();
    await stageDialog.waitFor({ state: 'detached' });
    await stage.getByText('limit 45 days').waitFor();
    await stage.getByText('overrides allowed').waitFor();
    await admin.context().close();
  });

  it('keeps the process screens free of serious accessibility violations', async () => {
    const admin = await signIn(org.admin);
    for (const [path, heading] of [
      ['/process', 'Process'],
      ['/process?view=table', 'Process'],
      ['/process/moves?from=2026-01-05&to=2026-12-31&filter=all', 'Stage moves'],
      ['/process/deals?filter=open', 'Open deals'],
      ['/settings/process', 'Sales process'],
      ['/settings/process?tab=fields', 'Sales process'],
      ['/settings/process?tab=frameworks', 'Sales process'],
      ['/settings/process?tab=versions', 'Sales process'],
    ] as const) {
      await admin.goto(`${server.url}${path}`);
      await admin.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
      await admin.waitForLoadState('networkidle');
      await expect.poll(() => admin.locator('[aria-busy="true"]').count(), { timeout: 15_000 }).toBe(0);
      const violations = await seriousViolations(admin);
      expect(violations, `${path}\n${describeViolations(violations)}`).toEqual([]);
    }
    await admin.context().close();
  });
});
