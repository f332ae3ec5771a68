// Moving in, in the browser (issue #14): an admin imports the organisation (users and teams) from a
// sheet on the Import page, then a deals file exactly as the old CRM wrote it — outcome words and a
// stage Furrow lacks. The check lists where each stage value goes (Won proposed to Closed Won,
// Engaging to nothing); the admin maps Engaging, saves the mapping, imports, and the next file goes
// in by picking the saved mapping alone. Then an accounts file with extra columns (revenue, year
// founded, parent company) lands in account fields the admin defined, the column left without one
// is listed, and the values are shown and edited on the account. Last, a Salesforce history (the
// opportunities report and its opportunity history report) goes in as an historical import. A file
// big enough to run in the background is found again, progress then report, after a reload.
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importJob } from '../server/crm/import-export/import.jobs.js';
import { createJobRunner } from '../server/jobs/runner.js';
import { launchBrowser } from './support/browser.js';
import { createOrg, type Org, startServer, type TestServer } from './support/server.js';
import { signInAs } from './support/sign-in.js';

let server: TestServer;
let org: Org;
let browser: Browser;
const shot = (name: string) =>
  process.env.FURROW_SCREENSHOTS === '1' ? resolve(import.meta.dirname, `../docs/screenshots/${name}.png`) : resolve('/tmp', `furrow-${name}.png`);
const suffix = Math.random().toString(36).slice(2, 7);

beforeAll(async () => {
  server = await startServer();
  org = await createOrg(server);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function chooseFile(page: Page, name: string, text: string, heading = true): Promise<void> {
  await page
    .locator('input[type="file"]')
    .first()
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  if (heading) await page.getByRole('heading', { name: `Columns of ${name}` }).waitFor();
}

async function pick(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('moving in through the Import page', () => {
  it('imports people, then deals with mapped values and a saved mapping', async () => {
    const page = await signInAs(browser, server, org.admin);
    await page.goto(`${server.url}/import?entity=people`);
    await page.getByRole('heading', { level: 1, name: 'Import from CSV' }).waitFor();
    const people = [
      'name,email,role,team,parent team,manager',
      `Vera ${suffix},vera-${suffix}@example.test,manager,Field ${suffix},,`,
      `Rita ${suffix},rita-${suffix}@example.test,rep,East ${suffix},Field ${suffix},vera-${suffix}@example.test`,
    ].join('\n');
    await chooseFile(page, 'org.csv', people, false);
    await page.getByLabel('Initial password of new users').fill('correct horse battery');
    await page.getByRole('button', { name: 'Check' }).click();
    await page
      .getByTestId('people-outcome')
      .getByText(/Teams: 2 created.*Users: 2 created/)
      .waitFor();
    await page.getByRole('button', { name: 'Import people' }).click();
    await page.getByTestId('people-outcome').getByText('Imported', { exact: true }).waitFor();
    await page.screenshot({ path: shot('import-people'), fullPage: true });
    const users = await org.adminApi.get<{ items: { email: string }[] }>('/api/v1/users?limit=200');
    expect(users.items.map((u) => u.email)).toEqual(expect.arrayContaining([`vera-${suffix}@example.test`, `rita-${suffix}@example.test`]));

    await pick(page, 'What to import', 'Deals');
    await page.getByText('Column names from').waitFor();
    const deals = (rows: string[]) => ['Opportunity ID,Amount,Close Date,Stage', ...rows].join('\n');
    await chooseFile(page, 'old-crm.csv', deals([`A-${suffix},100,2026-01-10,Won`, `B-${suffix},200,2027-06-30,Engaging`]));
    await pick(page, 'Field for column Opportunity ID', 'Name (required)');
    await page.getByRole('button', { name: 'Check' }).click();
    const values = page.getByTestId('import-values');
    await values.getByText('Choose where this value goes').waitFor();
    await expect(values.getByLabel('Stage for Won', { exact: true }).first().inputValue()).resolves.toBe('Closed Won');
    await pick(page, 'Stage for Engaging', 'Discovery');
    await page.getByLabel('Save the mapping as').fill(`Old CRM ${suffix}`);
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByTestId('import-outcome').getByText('Every row is valid').waitFor();
    await page.screenshot({ path: shot('import-values'), fullPage: true });
    await page.getByRole('button', { name: 'Import deals' }).click();
    await page.getByTestId('import-outcome').getByText('2 rows imported: 2 created, 0 updated, 0 unchanged.').waitFor();

    // Next month's file: the saved mapping sets the columns and values.
    await chooseFile(page, 'old-crm-2.csv', deals([`C-${suffix},300,2027-07-31,engaging`]));
    await page.getByLabel('Save the mapping as').fill('');
    await pick(page, 'Saved mapping', `Old CRM ${suffix}`);
    await page.getByRole('button', { name: 'Import deals' }).click();
    await page.getByTestId('import-outcome').getByText('1 row imported: 1 created, 0 updated, 0 unchanged.').waitFor();
    const found = await org.adminApi.get<{ items: { name: string; stageId: string }[] }>(`/api/v1/deals?q=${suffix}&limit=50`);
    expect(found.items.map((d) => d.name).sort()).toEqual([`A-${suffix}`, `B-${suffix}`, `C-${suffix}`]);
    await page.context().close();
  });
  it('runs a big file in the background, found again after a reload, and uploads a file too big for JSON as a file', async () => {
    const page = await signInAs(browser, server, org.admin);
    await page.goto(`${server.url}/import`);
    await pick(page, 'What to import', 'Deals');
    const rows = Array.from({ length: 260 }, (_, i) => `Bulk ${suffix} ${i},${100 + i},2027-05-31`);
    await chooseFile(page, 'bulk.csv', ['Deal Name,Amount,Close Date', ...rows].join('\n'));
    await page.getByRole('button', { name: 'Import deals' }).click();
    // Over 200 lines: a job, whose id the address keeps.
    await page.waitForURL(/[?&]job=/);
    expect(new URL(page.url()).searchParams.get('entity')).toBe('deals');
    await page.reload();
    // The page found the job again: its bar, until a runner (none in this server) takes the job.
    await page.getByTestId('import-progress').waitFor();
    await createJobRunner({ database: server.database, config: server.config, now: Date.now, jobs: [importJob] }).runDue();
    await page.getByTestId('import-outcome').getByText('260 rows imported: 260 created, 0 updated, 0 unchanged.').waitFor();
    const found = await org.adminApi.get<{ items: unknown[] }>(`/api/v1/deals?q=${encodeURIComponent(`Bulk ${suffix}`)}&limit=100`);
    expect(found.items).toHaveLength(100);

    // Over the JSON body limit's margin (8 MB): the file goes up as a file, streamed, never read whole by the page.
    const notes = 'n'.repeat(100_000);
    const heavy = Array.from({ length: 90 }, (_, i) => `Heavy ${suffix} ${i},${100 + i},2027-05-31,${notes}`);
    const previous = new URL(page.url()).searchParams.get('job');
    await chooseFile(page, 'heavy.csv', ['Deal Name,Amount,Close Date,Notes', ...heavy].join('\n'));
    const uploaded = page.waitForRequest((r) => r.url().endsWith('/api/v1/imports/deals/upload') && r.method() === 'POST');
    await page.getByRole('button', { name: 'Import deals' }).click();
    await uploaded;
    await page.waitForURL((url) => url.searchParams.get('job') !== null && url.searchParams.get('job') !== previous);
    await createJobRunner({ database: server.database, config: server.config, now: Date.now, jobs: [importJob] }).runDue();
    await page.getByTestId('import-outcome').getByText('90 rows imported: 90 created, 0 updated, 0 unchanged.').waitFor();
    await page.context().close();
  });
  it('keeps a resumable import’s batches before a bad row, and the fixed file fills in the rest', async () => {
    const page = await signInAs(browser, server, org.admin);
    await page.goto(`${server.url}/import`);
    await pick(page, 'What to import', 'Deals');
    // 5,010 rows: the first batch (5,000 rows, lines 2–5001) is kept; row 5,005 is bad, so nothing after.
    const file = (bad: boolean) =>
      [
        'Deal Name,Amount,Close Date',
        ...Array.from({ length: 5_010 }, (_, i) => `Batch ${suffix} ${i},${bad && i === 5_004 ? 'lots' : 100 + i},2027-05-31`),
      ].join('\n');
    await chooseFile(page, 'batches.csv', file(true));
    await page.getByLabel('Keep rows as they are written (resumable)').check();
    await page.getByRole('button', { name: 'Import deals' }).click();
    await page.waitForURL(/[?&]job=/);
    const previous = new URL(page.url()).searchParams.get('job');
    await createJobRunner({ database: server.database, config: server.config, now: Date.now, jobs: [importJob] }).runDue();
    const refused = page.getByTestId('import-outcome');
    await refused
      .getByText('Rows up to line 5001 were kept (5000 rows: 5000 created, 0 updated, 0 unchanged); nothing after them.', { exact: false })
      .waitFor();
    await page.getByRole('cell', { name: '5006', exact: true }).waitFor();
    await page.screenshot({ path: shot('import-resumable-kept'), fullPage: true });

    await chooseFile(page, 'batches-fixed.csv', file(false));
    await page.getByLabel('Keep rows as they are written (resumable)').check();
    await page.getByRole('button', { name: 'Import deals' }).click();
    await page.waitForURL((url) => url.searchParams.get('job') !== null && url.searchParams.get('job') !== previous);
    await createJobRunner({ database: server.database, config: server.config, now: Date.now, jobs: [importJob] }).runDue();
    await page.getByTestId('import-outcome').getByText('5010 rows imported: 10 created, 0 updated, 5000 unchanged.').waitFor();
    await page.context().close();
  });

  it('imports a Salesforce history with its stage-history report: moves kept as imported, a won deal’s skipped stage not counted', async () => {
    const page = await signInAs(browser, server, org.admin);
    await page.goto(`${server.url}/import`);
    await pick(page, 'What to import', 'Deals');
    const opportunities = [
      '"Opportunity ID","Opportunity Name","Stage","Amount","Close Date","Created Date"',
      `"H1-${suffix}","Won long ago ${suffix}","Closed Won","5000","2025-03-15","2025-01-10 09:00"`,
      `"H2-${suffix}","Still open ${suffix}","Proposal","7000","2027-03-31","2025-06-01 09:00"`,
    ].join('\r\n');
    const history = [
      '"Opportunity ID","Stage","Edit Date"',
      `"H1-${suffix}","Qualify","2025-01-10 09:00"`,
      `"H1-${suffix}","Solution","2025-02-01 10:00"`,
      `"H1-${suffix}","Closed Won","2025-03-15 12:00"`,
      `"H2-${suffix}","Qualify","2025-06-01 09:00"`,
      `"H2-${suffix}","Discovery","2025-06-20 09:00"`,
      `"H2-${suffix}","Proposal","2025-08-01 09:00"`,
    ].join('\r\n');
    await chooseFile(page, 'opportunities.csv', opportunities);
    await page.getByRole('checkbox', { name: 'Historical import' }).check();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Stage history file (optional)' }).click();
    await (await chooser).setFiles({ name: 'opportunity-history.csv', mimeType: 'text/csv', buffer: Buffer.from(history) });
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByTestId('import-outcome').getByText('Every row is valid').waitFor();
    await page.screenshot({ path: shot('import-historical'), fullPage: true });
    await page.getByRole('button', { name: 'Import deals' }).click();
    await page.getByTestId('import-outcome').getByText('2 rows imported: 2 created, 0 updated, 0 unchanged.').waitFor();

    const found = await org.adminApi.get<{ items: { id: string; name: string; status: string }[] }>(
      `/api/v1/deals?q=${encodeURIComponent(`Won long ago ${suffix}`)}`,
    );
    const won = found.items[0];
    expect(won?.status).toBe('won');
    await page.goto(`${server.url}/deals/${won?.id}`);
    // Qualify → Solution → Closed Won, each the other CRM's move: shown as imported, none as an override.
    await expect.poll(() => page.getByText('Imported', { exact: true }).count()).toBe(2);
    expect(await page.getByText('Override', { exact: false }).count()).toBe(0);
    await page.context().close();
  });
  it('maps an account file’s extra columns onto account fields, lists the rest, and edits them on the account', async () => {
    const page = await signInAs(browser, server, org.admin);
    await page.goto(`${server.url}/settings/process?tab=fields`);
    await page.getByText('Fields every deal can carry', { exact: false }).waitFor();
    await page.getByRole('tabpanel').getByText('Accounts', { exact: true }).click();
    await page.getByText('Fields every account can carry', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'New field' }).click();
    const dialog = page.getByRole('dialog', { name: 'New account field' });
    await dialog.getByLabel('Label').fill('Parent company');
    await dialog.getByLabel('Key', { exact: false }).fill('parent_company');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: 'custom.parent_company' }).waitFor();
    await org.adminApi.post('/api/v1/custom-fields', { entity: 'account', key: 'revenue', label: 'Revenue', type: 'number' });
    await org.adminApi.post('/api/v1/custom-fields', { entity: 'account', key: 'year_founded', label: 'Year founded', type: 'number' });

    await page.goto(`${server.url}/import`);
    await pick(page, 'What to import', 'Accounts');
    const name = `Acme ${suffix}`;
    const file = ['Account Name,Industry,Revenue,Year founded,Parent company,Fax', `${name},Manufacturing,1200000,1999,Acme Holding,+49 30 1`].join('\n');
    await chooseFile(page, 'accounts.csv', file);
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByText('Not imported (no field chosen): Fax').waitFor();
    await page.getByRole('button', { name: 'Import accounts' }).click();
    await page.getByTestId('import-outcome').getByText('1 row imported: 1 created, 0 updated, 0 unchanged.').waitFor();
    const found = await org.adminApi.get<{ items: { id: string; custom: Record<string, unknown> }[] }>(`/api/v1/accounts?q=${suffix}`);
    expect(found.items[0]?.custom).toEqual({ revenue: 1_200_000, year_founded: 1999, parent_company: 'Acme Holding' });

    const id = found.items[0]?.id;
    await page.goto(`${server.url}/accounts/${id}`);
    await page.getByText('Acme Holding', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByLabel('Parent company').fill('Acme Group');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(`${server.url}/accounts/${id}`);
    await page.getByText('Acme Group', { exact: true }).waitFor();
    await page.screenshot({ path: shot('account-custom-fields'), fullPage: true });
    const saved = await org.adminApi.get<{ custom: Record<string, unknown>; version: number }>(`/api/v1/accounts/${id}`);
    expect(saved).toMatchObject({ version: 2, custom: { revenue: 1_200_000, year_founded: 1999, parent_company: 'Acme Group' } });
    await page.context().close();
  });
});
