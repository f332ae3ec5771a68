// The forecast journey: a rep moves a deal into commit, is stopped by a best case below the commit,
// then submits the call for the current quarter; the manager of the rep's team sees that exact call
// in the team roll-up. Then an admin edits a quota in place (and meets another admin's change as a
// 409), imports a CSV with bad rows and sees each with its line; and the screens pass axe.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './support/api-client.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { launchBrowser } from './support/browser.js';
import { createOrg, type Org, PASSWORD, type Person, startServer, type TestServer } from './support/server.js';
import { signInAs } from './support/sign-in.js';

let server: TestServer;
let org: Org;
let browser: Browser;
const dealName = `Globex ${Math.random().toString(36).slice(2, 7)} – rollout`;

// The workspace's fiscal year starts in January (the default): the current quarter is the calendar one.
const now = new Date();
const fy = now.getFullYear();
const quarter = Math.floor(now.getMonth() / 3) + 1;
const periodKey = `FY${fy}-Q${quarter}`;

beforeAll(async () => {
  server = await startServer();
  org = await createOrg(server);
  browser = await launchBrowser();
  const rep = await ApiClient.login(server.url, org.repA.email, PASSWORD);
  // Closes today: inside the current quarter whatever the date.
  await rep.post('/api/v1/deals', { name: dealName, amount: 4_200_000, closeDate: now.toISOString().slice(0, 10) });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const signIn = (person: Person): Promise<Page> => signInAs(browser, server, person, { height: 900 });

async function openForecast(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Forecast' }).click();
  await page.getByRole('heading', { level: 1, name: 'Forecast' }).waitFor();
}

describe('the forecast in the browser', () => {
  it('a rep commits a deal and submits a call; their manager sees that call in the team roll-up', async () => {
    const rep = await signIn(org.repA);
    await openForecast(rep);
    const deals = rep.getByRole('region', { name: 'My deals this period' });
    await deals.getByRole('link', { name: dealName }).waitFor();

    // The owner moves the deal into commit.
    await deals.getByLabel(`Forecast category of ${dealName}`).click();
    await rep.getByRole('option', { name: 'Commit', exact: true }).click();
    await rep.getByText(`${dealName}: Commit`).waitFor();
    await expect.poll(async () => (await deals.getByRole('table', { name: 'Commit deals' }).textContent()) ?? '').toContain(dealName);
    await rep
      .getByRole('group', { name: /What the deals say/ })
      .getByText('€42,000')
      .first()
      .waitFor();

    // A best case below the commit is refused before it is sent, under the field.
    const form = rep.getByRole('form', { name: 'Submit my call' });
    await form.getByRole('textbox', { name: 'Commit' }).fill('30000');
    await form.getByRole('textbox', { name: 'Best case' }).fill('20000');
    await form.getByText('Must be at least the commit').waitFor();
    await form.getByRole('button', { name: 'Submit call' }).click();
    await form.getByText('Must be at least the commit').waitFor();

    await form.getByRole('textbox', { name: 'Commit' }).fill('12345');
    await form.getByRole('textbox', { name: 'Note' }).fill('Globex signs after legal review');
    await expect.poll(() => form.getByText('Must be at least the commit').count()).toBe(0);
    await form.getByRole('button', { name: 'Submit call' }).click();
    await rep.getByText(/Call submitted for Q\d FY\d{4}: commit €12,345, best case €20,000/).waitFor();
    const history = rep.getByRole('region', { name: 'My calls' });
    await history.getByRole('row', { name: /€12,345.*€20,000.*Globex signs after legal review/ }).waitFor();
    await rep.context().close();

    const manager = await signIn(org.manager);
    await openForecast(manager);
    const rollup = manager.getByRole('region', { name: 'Team roll-up' });
    const row = rollup.getByRole('row', { name: new RegExp(org.repA.name) });
    await row.waitFor();
    await expect.poll(async () => (await row.textContent()) ?? '').toMatch(/Riley Rep€12,345€20,000€0Called/);
    await expect.poll(async () => (await rollup.locator('tfoot tr').textContent()) ?? '').toMatch(/^Total€12,345€20,000/);
    // The manager's own call starts from that roll-up; the adjustment reads zero until they change it.
    await manager.getByTestId('call-adjustment').getByText('±€0').waitFor();
    // Every call the manager may see, the rep's among them.
    await manager.getByText('Everyone I see').click();
    await manager
      .getByRole('region', { name: 'All calls' })
      .getByRole('row', { name: /Riley Rep.*€12,345/ })
      .waitFor();
    // The rep's name opens their forecast: their deals and calls.
    await rollup.getByRole('link', { name: org.repA.name }).click();
    await manager.getByRole('heading', { level: 1, name: `Forecast: ${org.repA.name}` }).waitFor();
    await manager
      .getByRole('region', { name: `${org.repA.name}’s deals this period` })
      .getByRole('link', { name: dealName })
      .waitFor();
    await manager.context().close();
  });

  it('an admin sets and changes quotas in place, meets another admin’s change, and sees every bad CSV row', async () => {
    const admin = await signIn(org.admin);
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quotas' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Quotas' }).waitFor();
    const cell = `${org.repA.name}, Q${quarter} FY${fy}`;
    await admin.getByRole('button', { name: `Set quota for ${cell}` }).click();
    const input = admin.getByRole('textbox', { name: `Quota for ${cell}` });
    await input.fill('50000');
    await input.press('Enter');
    await admin.getByRole('button', { name: `Change quota €50,000 for ${cell}` }).waitFor();
    const saved = await org.adminApi.get<{ items: { id: string; amount: number; version: number }[] }>(
      `/api/v1/quotas?period=${periodKey}&scopeType=user&scopeId=${org.repA.id}`,
    );
    expect(saved.items.map((q) => q.amount)).toEqual([5_000_000]);

    // Another admin changes it while this one edits: the save is refused and the change shown.
    await admin.getByRole('button', { name: `Change quota €50,000 for ${cell}` }).click();
    const quota = saved.items[0] as { id: string; version: number };
    await org.adminApi.patch(`/api/v1/quotas/${quota.id}`, { version: quota.version, amount: 6_000_000 });
    await admin.getByRole('textbox', { name: `Quota for ${cell}` }).fill('55000');
    await admin.getByRole('textbox', { name: `Quota for ${cell}` }).press('Enter');
    const dialog = admin.getByRole('dialog', { name: 'This quota was changed while you were editing' });
    await dialog.getByRole('row', { name: /€50,000.*€60,000/ }).waitFor();
    await dialog.getByRole('button', { name: /Load their version/ }).click();
    await expect.poll(() => admin.getByRole('textbox', { name: `Quota for ${cell}` }).inputValue()).toBe('60,000');
    await admin.getByRole('textbox', { name: `Quota for ${cell}` }).fill('65000');
    await admin.getByRole('textbox', { name: `Quota for ${cell}` }).press('Enter');
    await admin.getByRole('button', { name: `Change quota €65,000 for ${cell}` }).waitFor();

    // The team's quota beside what its members' add up to (repA's €65,000; the manager has none).
    await org.adminApi.request('PUT', '/api/v1/quotas', { items: [{ scopeType: 'team', scopeId: org.teams.east, periodKey, amount: 10_000_000 }] });
    await admin.reload();
    const east = admin.getByTestId('quota-row').filter({ has: admin.getByRole('rowheader', { name: /^East / }) });
    await east.getByRole('button', { name: /^Change quota €100,000 for East / }).waitFor();
    await east.getByTitle('Members’ quotas add up to €65,000, €35K less than the team’s').waitFor();
    // Months fit the screen: the editor opens over the grid without widening it.
    await admin
      .locator('label')
      .filter({ hasText: /^Months$/ })
      .click();
    await admin.waitForURL(/grain=month/);
    const monthCell = admin.getByRole('button', { name: new RegExp(`^Set quota for ${org.repA.name}, `) }).last();
    await monthCell.click();
    const grid = admin.locator('.mantine-ScrollArea-viewport').first();
    expect(await grid.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await admin.keyboard.press('Escape');
    await admin.getByRole('textbox', { name: new RegExp(`^Quota for ${org.repA.name}, `) }).waitFor({ state: 'detached' });
    await admin.goto(`${server.url}/quotas`);
    await admin.getByRole('button', { name: `Change quota €65,000 for ${cell}` }).waitFor();

    // A CSV with bad rows: each listed with its line and reason, nothing written.
    const csv = [
      'scope_type,scope,period,amount',
      `user,${org.repA.email},FY${fy}-Q${quarter},70000`,
      'user,nobody@example.test,FY2026-Q1,100',
      `team,${'No Such Team'},FY2026-Q1,100`,
      `user,${org.repA.email},FY2026-Q9,100`,
    ].join('\n');
    const chooser = admin.waitForEvent('filechooser');
    await admin.getByRole('button', { name: 'Import CSV' }).click();
    await (await chooser).setFiles({ name: 'quotas.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const problems = admin.getByTestId('quota-import-problems');
    await problems.getByRole('row', { name: /^3 scope no user with the email "nobody@example.test"/ }).waitFor();
    await problems.getByRole('row', { name: /^4 scope no team named "No Such Team"/ }).waitFor();
    await problems.getByRole('row', { name: /^5 period must be a month/ }).waitFor();
    expect(await problems.getByRole('row').count()).toBe(4);
    await admin.getByRole('button', { name: 'Close' }).first().click();
    await admin.getByRole('button', { name: `Change quota €65,000 for ${cell}` }).waitFor();
    await admin.context().close();
  });

  it('keeps the forecast and quota screens free of serious accessibility violations', async () => {
    for (const [person, paths] of [
      [org.admin, ['/forecast', '/forecast/accuracy', '/forecast/accuracy?view=table', '/quotas', '/quotas?grain=month']],
      [org.manager, ['/forecast', `/forecast?calls=all&period=${periodKey}`, '/quotas']],
      [org.repA, ['/forecast', '/quotas']],
    ] as const) {
      const page = await signIn(person);
      for (const path of paths) {
        await page.goto(`${server.url}${path}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.waitForLoadState('networkidle');
        await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
        const violations = await seriousViolations(page);
        expect(violations, `${person.name} ${path}\n${describeViolations(violations)}`).toEqual([]);
      }
      await page.context().close();
    }
  });
});
