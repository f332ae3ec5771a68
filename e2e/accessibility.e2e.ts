// axe-core on the main screens, with data on them: no serious or critical violations.
import dayjs from 'dayjs';
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
const ids = { account: '', contact: '', deal: '' };

beforeAll(async () => {
  server = await startServer();
  org = await createOrg(server);
  const rep = await ApiClient.login(server.url, org.repA.email, PASSWORD);
  const account = await rep.post<{ id: string }>('/api/v1/accounts', { name: 'Initech', domain: 'initech.example', industry: 'Software', size: 250 });
  const contact = await rep.post<{ id: string }>('/api/v1/contacts', {
    firstName: 'Peter',
    lastName: 'Gibbons',
    accountId: account.id,
    email: 'peter@initech.example',
  });
  const deal = await rep.post<{ id: string; version: number }>('/api/v1/deals', {
    name: 'Initech – TPS rollout',
    accountId: account.id,
    contactId: contact.id,
    amount: 4_500_000,
    closeDate: dayjs().add(10, 'day').format('YYYY-MM-DD'),
    nextStep: 'Demo for the team leads',
  });
  const pipelines = await rep.get<{ items: { stages: { id: string; name: string }[] }[] }>('/api/v1/pipelines');
  const discovery = pipelines.items[0]?.stages.find((s) => s.name === 'Discovery');
  await rep.post(`/api/v1/deals/${deal.id}/move`, { version: deal.version, stageId: discovery?.id, via: 'form' });
  await rep.post('/api/v1/deals', {
    name: 'Initech – Support plan',
    accountId: account.id,
    amount: 120_000,
    closeDate: dayjs().subtract(3, 'day').format('YYYY-MM-DD'),
  });
  await rep.post('/api/v1/activities', {
    type: 'call',
    subject: 'Discovery call',
    dealId: deal.id,
    occurredAt: dayjs().subtract(2, 'day').toISOString(),
    body: 'Budget confirmed.',
  });
  await rep.post('/api/v1/activities', {
    type: 'task',
    subject: 'Send the proposal',
    dealId: deal.id,
    occurredAt: dayjs().subtract(1, 'day').toISOString(),
    completed: false,
  });
  await rep.post('/api/v1/activities', { type: 'meeting', subject: 'Demo', dealId: deal.id, occurredAt: dayjs().add(2, 'day').toISOString() });
  Object.assign(ids, { account: account.id, contact: contact.id, deal: deal.id });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const signedIn = (person: Person): Promise<Page> => signInAs(browser, server, person);

async function expectAccessible(page: Page, screen: string): Promise<void> {
  await settled(page);
  const violations = await seriousViolations(page);
  expect(violations, `${screen}:\n${describeViolations(violations)}`).toEqual([]);
}

describe('accessibility of the main screens', () => {
  it('sign-in page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await expectAccessible(page, 'login');
    await context.close();
  });

  it('a rep’s screens', async () => {
    const page = await signedIn(org.repA);
    await expectAccessible(page, 'home');
    const screens: [string, string, string][] = [
      ['deals list', '/deals', 'Deals'],
      ['deal page', `/deals/${ids.deal}`, 'Initech – TPS rollout'],
      ['board', '/board', 'Pipeline board'],
      ['accounts list', '/accounts', 'Accounts'],
      ['account page', `/accounts/${ids.account}`, 'Initech'],
      ['contacts list', '/contacts', 'Contacts'],
      ['contact page', `/contacts/${ids.contact}`, 'Peter Gibbons'],
      ['activities list', '/activities', 'Activities'],
      ['new deal form', '/deals/new', 'New deal'],
      ['import page', '/import', 'Import from CSV'],
      ['edit account form', `/accounts/${ids.account}/edit`, 'Edit Initech'],
      ['API tokens', '/settings/api-tokens', 'API tokens'],
    ];
    for (const [screen, path, heading] of screens) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
      await expectAccessible(page, screen);
    }
    // Overlays: the search palette and a form with its errors showing.
    await page.goto(`${server.url}/deals/new`);
    await page.getByRole('button', { name: 'Create deal' }).click();
    await expectAccessible(page, 'new deal form with errors');
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Your week' }).waitFor();
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Search' }).getByRole('combobox').fill('Initech');
    await page.getByRole('option').first().waitFor();
    await expectAccessible(page, 'search palette');
    await page.context().close();
  });

  it('an admin’s settings', async () => {
    const page = await signedIn(org.admin);
    for (const [path, heading] of [
      ['/settings/users', 'Users'],
      ['/settings/teams', 'Teams'],
      ['/settings/invitations', 'Invitations'],
      ['/settings/workspace', 'Workspace'],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
      await expectAccessible(page, path);
    }
    await page.context().close();
  });
});
