// A manager adds a practice scenario in the browser: the form names each problem under its field
// (as you type, from the API's schema), then the scenario joins the library; an edit changes only
// what was changed. A rep reads the library but is offered no form. axe-clean with the dialog open.
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeViolations, seriousViolations } from './support/axe.js';
import { launchBrowser } from './support/browser.js';
import { createOrg, type Org, startServer, type TestServer } from './support/server.js';
import { settled } from './support/settle.js';
import { signInAs } from './support/sign-in.js';

// The guide's pictures are retaken only on request (FURROW_SCREENSHOTS=1), so a test run leaves the tree clean.
const SHOTS = process.env.FURROW_SCREENSHOTS === '1' ? resolve(import.meta.dirname, '../docs/screenshots') : resolve(tmpdir(), 'furrow-screenshots');

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

it('lets a manager add and edit a scenario with field errors, and keeps the form from reps', async () => {
  const page = await signInAs(browser, server, org.manager);
  await page.goto(`${server.url}/practice`);
  await page.getByRole('heading', { level: 2, name: 'Scenario library' }).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'New scenario' }).click();
  const dialog = page.getByRole('dialog', { name: 'New practice scenario' });
  await dialog.waitFor();
  await dialog.getByLabel('Pass threshold (readiness 1–100)').fill('150');
  // Checked as you leave the field, before anything is sent.
  await dialog.getByLabel('Pass threshold (readiness 1–100)').press('Tab');
  await dialog.getByText('At most 100').waitFor();
  await dialog.getByRole('button', { name: 'Add scenario' }).click();
  // Every problem under its field; nothing was sent.
  for (const label of ['Name', 'Buyer persona', 'Situation', 'Objectives', 'Rubric skills']) {
    const input = dialog.getByLabel(label, { exact: false }).first();
    await expect.poll(async () => input.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
  }
  await settled(page);
  expect(describeViolations(await seriousViolations(page))).toBe('');
  await page.screenshot({ path: resolve(SHOTS, 'practice-scenario-form.png') });

  await dialog.getByLabel('Name', { exact: false }).first().fill('Renewal at risk');
  await dialog.getByLabel('Buyer persona', { exact: false }).fill('Head of sales ops whose CFO wants to cut tools');
  await dialog.getByLabel('Situation', { exact: false }).fill('Renewal in 60 days; usage fell in two teams');
  await dialog.getByLabel('Objectives', { exact: false }).fill('Show the value delivered\nAgree a success plan');
  await dialog.getByLabel('Rubric skills', { exact: false }).fill('Negotiation\nObjection handling');
  await dialog.getByLabel('Pass threshold (readiness 1–100)').fill('75');
  await dialog.getByRole('button', { name: 'Add scenario' }).click();
  await dialog.waitFor({ state: 'detached' });
  // The card in the library, not the readiness table's cell that appears for the same scenario.
  const card = page.getByRole('list', { name: 'Scenario library' }).getByRole('listitem', { name: 'Renewal at risk' });
  await card.waitFor();
  await page.getByText('Scored on Negotiation, Objection handling · pass at 75').waitFor();

  await page.getByRole('button', { name: 'Edit Renewal at risk' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit “Renewal at risk”' });
  await edit.getByLabel('Pass threshold (readiness 1–100)').fill('80');
  await edit.getByRole('button', { name: 'Save scenario' }).click();
  await edit.waitFor({ state: 'detached' });
  await page.getByText('Scored on Negotiation, Objection handling · pass at 80').waitFor();
  const saved = await org.adminApi.get<{ items: { name: string; passThreshold: number; version: number; objectives: string[] }[] }>(
    '/api/v1/practice-scenarios',
  );
  expect(saved.items.find((s) => s.name === 'Renewal at risk')).toMatchObject({
    passThreshold: 80,
    version: 2,
    objectives: ['Show the value delivered', 'Agree a success plan'],
  });

  const rep = await signInAs(browser, server, org.repA);
  await rep.goto(`${server.url}/practice`);
  await rep.getByRole('list', { name: 'Scenario library' }).getByRole('listitem', { name: 'Renewal at risk' }).waitFor();
  expect(await rep.getByRole('button', { name: 'New scenario' }).count()).toBe(0);
  expect(await rep.getByRole('button', { name: 'Edit Renewal at risk' }).count()).toBe(0);
});
