// Daily use (issue 16): what a week of real work trips over, each step the way a person meets it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './support/api-client.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { launchBrowser } from './support/browser.js';
import { createOrg, type Org, PASSWORD, startServer, type TestServer } from './support/server.js';
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

describe('daily use', () => {
  it('a planned meeting defaults to a coming working slot, not to now', async () => {
    const page = await signInAs(browser, server, org.repA, { timeout: 30_000 });
    await page.goto(`${server.url}/activities`);
    // With no activities yet, the empty list offers the same action as the header: either opens the form.
    await page.getByRole('button', { name: 'Log activity' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Meeting', { exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Subject' }).fill('Planned kick-off');
    await dialog.getByRole('checkbox', { name: /It took place/ }).uncheck();
    const before = Date.now();
    await dialog.getByRole('button', { name: 'Log it' }).click();
    await dialog.waitFor({ state: 'detached' });
    const rep = await ApiClient.login(server.url, org.repA.email, PASSWORD);
    const list = await rep.get<{ items: { subject: string; occurredAt: string; completedAt: string | null }[] }>('/api/v1/activities?limit=20');
    const planned = list.items.find((a) => a.subject === 'Planned kick-off');
    expect(planned?.completedAt).toBeNull();
    const at = new Date(planned?.occurredAt ?? 0);
    expect(at.getTime()).toBeGreaterThan(before + 10 * 60_000);
    expect(at.getUTCMinutes()).toBe(0);
    await page.context().close();
  });

  it('a new expectation on a person or a team belongs to its manager by default', async () => {
    const page = await signInAs(browser, server, org.admin, { timeout: 30_000 });
    await page.goto(`${server.url}/expectations/new?scope=rep:${org.repA.id}`);
    const owner = page.getByRole('combobox', { name: 'Owner', exact: true });
    await expect.poll(() => owner.inputValue(), { timeout: 30_000 }).toBe(org.manager.name);
    await page.goto(`${server.url}/expectations/new?scope=team:${org.teams.east}`);
    await expect.poll(() => owner.inputValue(), { timeout: 30_000 }).toBe(org.manager.name);
    await page.goto(`${server.url}/expectations/new?scope=workspace`);
    await expect.poll(() => owner.inputValue(), { timeout: 30_000 }).toBe(`${org.admin.name} (me)`);
    await page.context().close();
  });

  it('a form opens only for a role that can submit it; at its address the others read why', async () => {
    const email = `mark-${Date.now()}@example.test`;
    await org.adminApi.post('/api/v1/users', { email, name: 'Mark Eting', role: 'marketing', teamId: null, password: PASSWORD });
    const page = await signInAs(browser, server, { id: '', name: 'Mark Eting', email }, { timeout: 30_000 });
    await page.goto(`${server.url}/contacts`);
    await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
    expect(await page.getByRole('link', { name: 'New contact' }).count()).toBe(0);
    await page.goto(`${server.url}/contacts/new`);
    await page.getByText('You cannot create contacts').waitFor();
    await page.getByText('marketing can read contacts but not create them').waitFor();
    expect(await page.getByRole('textbox', { name: 'First name' }).count()).toBe(0);
    await page.context().close();

    const rep = await signInAs(browser, server, org.repA, { timeout: 30_000 });
    await rep.goto(`${server.url}/expectations/new`);
    await rep.getByText('Expectations are set by managers and admins').waitFor();
    expect(await rep.getByRole('combobox', { name: 'KPI' }).count()).toBe(0);
    await rep.context().close();
  });

  it('the keyboard skips to the page, and Won and Lost stay reachable on the board at 1280 px', async () => {
    const rep = await ApiClient.login(server.url, org.repA.email, PASSWORD);
    await rep.post('/api/v1/deals', { name: 'Board width check', amount: 1_000_00, closeDate: '2027-03-31' });
    const page = await signInAs(browser, server, org.repA, { timeout: 30_000 });
    await page.goto(`${server.url}/board`);
    await page.getByTestId('board').waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect.poll(() => skip.evaluate((el) => el.matches(':focus'))).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(':focus').getAttribute('id')).toBe('main-content');
    const width = page.viewportSize()?.width ?? 0;
    expect(width).toBe(1280);
    for (const name of ['Closed Won', 'Closed Lost']) {
      const box = await page.locator(`[data-testid="board-column"][data-stage-name="${name}"]`).boundingBox();
      expect(box, name).not.toBeNull();
      expect((box?.x ?? 0) + (box?.width ?? 0), name).toBeLessThanOrEqual(width);
    }
    await page.context().close();
  });

  it('the forecast shows a manager the team’s deals by category, each with its owner', async () => {
    const rep = await ApiClient.login(server.url, org.repA.email, PASSWORD);
    const view = await rep.get<{ period: { to: string } }>('/api/v1/forecast');
    await rep.post('/api/v1/deals', { name: 'Forecast team deal', amount: 12_000_00, closeDate: view.period.to });
    const page = await signInAs(browser, server, org.manager, { timeout: 30_000 });
    await page.goto(`${server.url}/forecast`);
    const deals = page.getByRole('region', { name: 'My teams’ deals this period' });
    await deals.waitFor({ timeout: 30_000 });
    const row = deals.getByRole('row', { name: /Forecast team deal/ });
    await row.waitFor();
    expect(await row.getByRole('cell', { name: org.repA.name }).count()).toBe(1);
    await page.context().close();
  });

  it('a manager sets the quotas of the people in the team they run, not their own', async () => {
    const page = await signInAs(browser, server, org.manager, { timeout: 30_000 });
    await page.goto(`${server.url}/quotas`);
    await page.getByRole('heading', { level: 1, name: 'Quotas' }).waitFor({ timeout: 30_000 });
    const set = page.getByRole('button', { name: new RegExp(`^Set quota for ${org.repA.name}, FY\\d{4}$`) });
    await set.click();
    const input = page.getByRole('textbox', { name: new RegExp(`^Quota for ${org.repA.name}, FY\\d{4}$`) });
    await input.fill('80000');
    await input.press('Enter');
    await page.getByRole('button', { name: new RegExp(`^Change quota €80,000 for ${org.repA.name}, FY\\d{4}$`) }).waitFor();
    expect(await page.getByRole('button', { name: new RegExp(`quota .*for ${org.manager.name},`) }).count()).toBe(0);
    const rep = await ApiClient.login(server.url, org.repA.email, PASSWORD);
    const quotas = await rep.get<{ items: { amount: number; scopeId: string }[] }>('/api/v1/quotas');
    expect(quotas.items.filter((q) => q.scopeId === org.repA.id).map((q) => q.amount)).toEqual([80_000_00]);
    await page.context().close();
  });

  it('a manager challenges a rep’s override with a comment, and the rep reads the outcome on the deal', async () => {
    // Qualify needs a next step, and its gate may be overridden with a reason.
    const pipelines = await org.adminApi.get<{ items: { id: string; stages: { id: string; name: string }[] }[] }>('/api/v1/pipelines');
    const pipeline = pipelines.items[0]!;
    const stage = (name: string) => pipeline.stages.find((st) => st.name === name)?.id as string;
    const proc = await org.adminApi.get<{ pipeline: { version: number } }>(`/api/v1/pipelines/${pipeline.id}/process`);
    await org.adminApi.post(`/api/v1/stages/${stage('Qualify')}/criteria`, { version: proc.pipeline.version, kind: 'field', field: 'nextStep' });
    const after = await org.adminApi.get<{ pipeline: { version: number } }>(`/api/v1/pipelines/${pipeline.id}/process`);
    await org.adminApi.patch(`/api/v1/stages/${stage('Qualify')}`, { version: after.pipeline.version, allowOverride: true });
    const rep = await ApiClient.login(server.url, org.repA.email, PASSWORD);
    const deal = await rep.post<{ id: string; version: number }>('/api/v1/deals', { name: 'Override review deal', amount: 5_000_00, closeDate: '2027-03-31' });
    await rep.post(`/api/v1/deals/${deal.id}/move`, { version: deal.version, stageId: stage('Discovery'), overrideReason: 'Customer insists on a demo first' });

    const page = await signInAs(browser, server, org.manager, { timeout: 30_000 });
    await page.goto(`${server.url}/deals/${deal.id}`);
    await page.getByText('Reason: Customer insists on a demo first').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: /^Review override: Qualify → Discovery/ }).click();
    const dialog = page.getByRole('dialog', { name: /Review the override/ });
    await dialog.getByText('Challenge', { exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Comment' }).fill('Book the discovery call before the demo');
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save verdict' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Override challenged', { exact: true }).waitFor();
    await page.getByRole('button', { name: /^Change verdict: Qualify → Discovery/ }).waitFor();
    await page.context().close();

    const repPage = await signInAs(browser, server, org.repA, { timeout: 30_000 });
    await repPage.goto(`${server.url}/deals/${deal.id}`);
    await repPage.getByText('Override challenged', { exact: true }).waitFor({ timeout: 30_000 });
    await repPage.getByText('“Book the discovery call before the demo”').waitFor();
    expect(await repPage.getByRole('button', { name: /override/i }).count()).toBe(0);
    await repPage.context().close();
  });
  it('a manager comments on a rep’s deal, the rep is told and answers on the deal page', async () => {
    const rep = await ApiClient.login(server.url, org.repA.email, PASSWORD);
    const deal = await rep.post<{ id: string }>('/api/v1/deals', { name: 'Commented deal', amount: 7_000_00, closeDate: '2027-03-31' });

    const page = await signInAs(browser, server, org.manager, { timeout: 30_000 });
    await page.goto(`${server.url}/deals/${deal.id}`);
    const panel = page.getByRole('region', { name: 'Comments' });
    await panel.getByText('No comments yet. The owner is told when you comment.').waitFor({ timeout: 30_000 });
    await panel.getByRole('textbox', { name: 'Comment' }).fill('Who signs? Get the CFO on the next call.');
    await panel.getByRole('button', { name: 'Comment' }).click();
    await expect.poll(() => panel.getByRole('textbox', { name: 'Comment' }).inputValue()).toBe('');
    await panel.getByText('Who signs? Get the CFO on the next call.').waitFor();
    // The timeline carries it too (the panel and the timeline: twice on the page).
    await page.getByText('Who signs? Get the CFO on the next call.').nth(1).waitFor();
    expect(await page.getByText('Who signs? Get the CFO on the next call.').count()).toBe(2);
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.context().close();

    const told = await rep.get<{ items: { kind: string; title: string }[] }>('/api/v1/notifications');
    expect(told.items.filter((n) => n.kind === 'crm.deal-commented').map((n) => n.title)).toEqual([`${org.manager.name} commented on Commented deal`]);

    const repPage = await signInAs(browser, server, org.repA, { timeout: 30_000 });
    await repPage.goto(`${server.url}/deals/${deal.id}`);
    const repPanel = repPage.getByRole('region', { name: 'Comments' });
    await repPanel.getByText('Who signs? Get the CFO on the next call.').waitFor({ timeout: 30_000 });
    await repPanel.getByRole('textbox', { name: 'Reply' }).fill('Booked her for Thursday.');
    await repPanel.getByRole('button', { name: 'Reply' }).click();
    // Sent: the box is empty again and the reply is in the list.
    await expect.poll(() => repPanel.getByRole('textbox', { name: 'Reply' }).inputValue()).toBe('');
    await repPanel.getByText('Booked her for Thursday.').waitFor();
    await repPage.context().close();

    const manager = await ApiClient.login(server.url, org.manager.email, PASSWORD);
    const answered = await manager.get<{ items: { kind: string; title: string }[] }>('/api/v1/notifications');
    expect(answered.items.filter((n) => n.kind === 'crm.deal-commented').map((n) => n.title)).toEqual([`${org.repA.name} commented on Commented deal`]);
  });
});
