// The measurement journey: a manager opens the dashboard, clicks win rate, and sees its formula
// and the very deals behind numerator and denominator; sets an expectation on it (thresholds the
// wrong way round are refused on the field) and finds it off track; an edit that lost a race shows
// what changed. The dashboard, KPI, catalogue and expectation screens pass axe.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './support/api-client.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { launchBrowser } from './support/browser.js';
import { createOrg, type Org, PASSWORD, type Person, startServer, type TestServer } from './support/server.js';
import { settled } from './support/settle.js';
import { signInAs } from './support/sign-in.js';

let server: TestServer;
let org: Org;
let browser: Browser;
const tag = Math.random().toString(36).slice(2, 7);
const wonDeal = `Globex ${tag} – platform rollout`;
const lostDeal = `Hooli ${tag} – pilot`;
const openDeal = `Initech ${tag} – renewal`;
const otherTeamDeal = `Umbrella ${tag} – expansion`;

beforeAll(async () => {
  server = await startServer();
  org = await createOrg(server);
  browser = await launchBrowser();
  // Riley (in Maya's team East) wins one deal and loses one today; one stays open. Sam, in
  // another team, wins one that Maya must not see.
  const soon = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const riley = await ApiClient.login(server.url, org.repA.email, PASSWORD);
  const won = await riley.post<{ id: string; version: number }>('/api/v1/deals', { name: wonDeal, amount: 4_200_000, closeDate: soon });
  await riley.patch(`/api/v1/deals/${won.id}`, { version: won.version, status: 'won' });
  const lost = await riley.post<{ id: string; version: number }>('/api/v1/deals', { name: lostDeal, amount: 900_000, closeDate: soon });
  await riley.patch(`/api/v1/deals/${lost.id}`, { version: lost.version, status: 'lost', lostReason: 'Budget' });
  await riley.post('/api/v1/deals', { name: openDeal, amount: 1_500_000, closeDate: soon });
  const sam = await ApiClient.login(server.url, org.repB.email, PASSWORD);
  const other = await sam.post<{ id: string; version: number }>('/api/v1/deals', { name: otherTeamDeal, amount: 700_000, closeDate: soon });
  await sam.patch(`/api/v1/deals/${other.id}`, { version: other.version, status: 'won' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const signIn = (person: Person): Promise<Page> => signInAs(browser, server, person, { height: 900, timeout: 20_000 });

async function pick(page: Page, label: string, option: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).first().click();
}

describe('dashboard, KPI drill-down and expectations in the browser', () => {
  it('a manager clicks win rate on the dashboard and sees the formula and the deals behind it', async () => {
    const page = await signIn(org.manager);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Team dashboard' }).waitFor();
    // One won of two closed: 50 %, and the tile says what it is made of.
    const winRate = page.getByRole('link', { name: /^Win rate\s*50%\s*1 of 2 closed deals/ });
    await winRate.waitFor();
    await page.getByRole('link', { name: /^Bookings \(won amount\)\s*€42K/ }).waitFor();
    await winRate.click();

    await page.getByRole('heading', { level: 1, name: 'Win rate' }).waitFor();
    await expect.poll(() => page.getByTestId('kpi-formula').textContent()).toContain('won deals ÷ (won + lost deals)');
    await expect(page.getByTestId('kpi-value').textContent()).resolves.toBe('50%');
    await page.getByText('Version 1').waitFor();
    expect(page.url()).toMatch(/\/kpis\/win_rate\?scope=team&scopeId=[^&]+&period=FY\d{4}-Q[1-4]/);

    const records = page.getByRole('region', { name: 'Records behind the figure' });
    await records.getByRole('tab', { name: 'Won deals (1)' }).waitFor();
    await records.getByRole('row', { name: new RegExp(wonDeal) }).waitFor();
    await expect(records.getByRole('row').filter({ hasText: lostDeal }).count()).resolves.toBe(0);
    await records.getByRole('tab', { name: /Closed deals \(won \+ lost\) \(2\)/ }).click();
    const lostRow = records.getByRole('row', { name: new RegExp(lostDeal) });
    await lostRow.waitFor();
    await expect(lostRow.textContent()).resolves.toMatch(/Riley Rep.*Lost.*€9,000/);
    await records.getByRole('row', { name: new RegExp(wonDeal) }).waitFor();
    // Open deals and other teams' deals are not behind this figure.
    expect(await records.getByRole('row').filter({ hasText: openDeal }).count()).toBe(0);
    expect(await records.getByRole('row').filter({ hasText: otherTeamDeal }).count()).toBe(0);
    // A deal name opens the deal.
    await records.getByRole('link', { name: wonDeal }).click();
    await page.getByRole('heading', { level: 1, name: wonDeal }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Win rate' }).waitFor();
    expect(page.url()).toContain('part=denominator');
    await page.context().close();
  });

  it('opens a chart figure from the keyboard: arrow keys move between points, Enter opens one', async () => {
    const page = await signIn(org.manager);
    await page.goto(`${server.url}/dashboard`);
    await page.getByRole('heading', { level: 1, name: 'Team dashboard' }).waitFor();
    // The one open deal's stage is the only bar: focus the chart, Enter opens that stage's deals.
    const stages = page.getByRole('application', { name: /^Open pipeline by stage/ });
    await stages.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Open pipeline' }).waitFor();
    expect(page.url()).toMatch(/\/kpis\/open_pipeline\?.*group=/);
    await page
      .getByRole('region', { name: 'Records behind the figure' })
      .getByRole('row', { name: new RegExp(openDeal) })
      .waitFor();
    await page.goBack();
    // A month of a trend: the arrow keys move the tooltip, Enter opens that month.
    const bookings = page.getByRole('application', { name: /^Bookings \(won amount\) per month/ });
    await bookings.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/kpis\/won_amount\?.*period=\d{4}-\d{2}/);
    await page.context().close();
  });

  it('a manager sets an expectation on win rate, sees it off track, and a stale edit shows what changed', async () => {
    const page = await signIn(org.manager);
    await page.goto(`${server.url}/expectations`);
    await page.getByRole('heading', { level: 1, name: 'Expectations' }).waitFor();
    await page.getByText('Nothing off track').waitFor();
    await page.getByRole('link', { name: 'New expectation' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'New expectation' }).waitFor();
    await pick(page, 'KPI', 'Win rate');
    await pick(page, 'Scope', /^East .* \(team\)$/);
    await page.getByRole('textbox', { name: 'Target' }).fill('60');
    await page.getByRole('textbox', { name: 'Amber below' }).fill('70');
    await page.getByRole('textbox', { name: 'Red below' }).fill('40');
    await page.getByRole('button', { name: 'Set expectation' }).click();
    // Amber above the target is the wrong way round for a KPI where higher is better.
    await page.getByText('Must not be above the target').waitFor();
    await page.getByRole('textbox', { name: 'Amber below' }).fill('55');
    await page.getByRole('button', { name: 'Set expectation' }).click();

    await page.getByRole('heading', { level: 1, name: 'Expectations' }).waitFor();
    const row = page.getByRole('row', { name: /Win rate/ });
    await row.waitFor();
    // 50 % is below amber (55 %) but not below red (40 %): at risk.
    await expect(row.textContent()).resolves.toMatch(/At risk.*Win rate.*East.*50%.*60%.*amber below 55%, red below 40%.*Maya Manager/);
    await page.locator('label[for$="-off_track"]').click();
    await page.waitForURL(/status=off_track/);
    await page.getByRole('row', { name: /Win rate/ }).waitFor();

    // The dashboard shows it too, and Home lists it under what needs attention.
    await page.goto(`${server.url}/dashboard`);
    await page
      .getByRole('region', { name: 'Expectations' })
      .getByRole('row', { name: /At risk.*Win rate/ })
      .waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    const home = page.getByRole('region', { name: 'Expectations off track' });
    await home.getByRole('link', { name: /^Win rate · East/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Win rate' }).waitFor();
    await expect(page.getByTestId('kpi-value').textContent()).resolves.toBe('50%');

    // Someone else raises the target while the manager edits the note.
    const mayaApi = await ApiClient.login(server.url, org.manager.email, PASSWORD);
    const [expectation] = (await mayaApi.get<{ items: { id: string; version: number }[] }>('/api/v1/expectations')).items;
    await page.goto(`${server.url}/expectations/${expectation?.id}/edit`);
    await page.getByRole('heading', { level: 1, name: /Edit expectation: Win rate/ }).waitFor();
    await mayaApi.patch(`/api/v1/expectations/${expectation?.id}`, { version: expectation?.version, target: 0.65 });
    await page.getByRole('textbox', { name: 'Note' }).fill('Board wants a stronger close rate');
    await page.getByRole('button', { name: 'Save' }).click();
    const dialog = page.getByRole('dialog', { name: 'This expectation was changed while you were editing' });
    await dialog.waitFor();
    await expect(dialog.getByRole('row', { name: /Target/ }).textContent()).resolves.toMatch(/60%.*65%/);
    await dialog.getByRole('button', { name: 'Load their version, keep my other edits' }).click();
    await expect(page.getByRole('textbox', { name: 'Target' }).inputValue()).resolves.toBe('65');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Expectations' }).waitFor();
    const saved = (await mayaApi.get<{ items: { target: number; note: string | null }[] }>('/api/v1/expectations')).items[0];
    expect(saved).toMatchObject({ target: 0.65, note: 'Board wants a stronger close rate' });
    await page.context().close();
  });

  it('marketing opens the funnel dashboard: aggregates by source, a figure opens its formula, no deal in sight', async () => {
    const email = `mo-${tag}@example.test`;
    await org.adminApi.post('/api/v1/users', { email, name: 'Mo Marketing', role: 'marketing', password: PASSWORD });
    const page = await signIn({ id: '', name: 'Mo Marketing', email });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Funnel dashboard' }).waitFor();
    // The four deals created today (no source given) are the pipeline created; the KPI's formula on the tile.
    const created = page.getByRole('button', { name: /^Pipeline created\s*€73K\s*4 deals created/ });
    await created.waitFor();
    const bySource = page.getByRole('region', { name: /by source$/ });
    await expect(bySource.getByRole('row', { name: /^No source given/ }).textContent()).resolves.toMatch(/4€73,000/);
    await created.click();
    const drawer = page.getByRole('dialog', { name: /^Pipeline created, / });
    await expect.poll(() => drawer.getByTestId('funnel-formula').textContent()).toContain('Σ amount of deals created in the period');
    await page.keyboard.press('Escape');
    // Aggregates only: no deal's name anywhere, and the deal screens stay closed.
    for (const name of [wonDeal, lostDeal, openDeal, otherTeamDeal]) expect(await page.getByText(name).count()).toBe(0);
    const chart = page.getByRole('application', { name: /^Pipeline created per month/ });
    await chart.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/dashboard\?period=\d{4}-\d{2}$/);
    await page.getByRole('heading', { level: 1, name: 'Funnel dashboard' }).waitFor();
    await settled(page);
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.context().close();
  });

  it('keeps the measurement screens free of serious accessibility violations', async () => {
    const page = await signIn(org.manager);
    for (const [path, heading] of [
      ['/dashboard', 'Team dashboard'],
      ['/dashboard?view=table', 'Team dashboard'],
      ['/kpis', 'KPIs'],
      ['/kpis/win_rate', 'Win rate'],
      ['/kpis/win_rate?part=denominator&view=table', 'Win rate'],
      ['/kpis/open_pipeline', 'Open pipeline'],
      ['/kpis/pipeline_coverage?by=quarter&view=table', 'Pipeline coverage'],
      ['/', 'Your team’s week'],
      ['/expectations?status=all', 'Expectations'],
      ['/expectations/new', 'New expectation'],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
      await settled(page);
      const violations = await seriousViolations(page);
      expect(violations, `${path}\n${describeViolations(violations)}`).toEqual([]);
    }
    await page.context().close();
  });
});
