// The foundation journey: a rep signs in, creates an account, a contact and a deal through the
// forms, drags the deal on the board and finds the move in its history; another rep cannot find
// the deal anywhere, the rep's manager can (and finds the rep's call on it, which opens the deal);
// signing out ends the session on the server.
import dayjs from 'dayjs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { createOrg, type Org, PASSWORD, type Person, startServer, type TestServer } from './support/server.js';

let server: TestServer;
let org: Org;
let browser: Browser;

const suffix = Math.random().toString(36).slice(2, 7);
const accountName = `Globex ${suffix}`;
const dealName = `Globex ${suffix} – 200 seats`;
const callSubject = `Kickoff call ${suffix}`;
let dealPath = '';

/** The rep's call on the deal, logged through the API (the form is another journey's). */
async function logCall(): Promise<void> {
  const dealId = dealPath.split('/').pop();
  await org.adminApi.post('/api/v1/activities', { type: 'call', subject: callSubject, dealId, ownerId: org.repA.id, occurredAt: new Date().toISOString() });
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

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  return { context, page };
}

async function signIn(page: Page, person: Person): Promise<void> {
  await page.goto(`${server.url}/`);
  await page.waitForURL(/\/login/);
  await page.getByLabel('Email').fill(person.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: /week/ }).waitFor();
}

/** A real pointer drag with intermediate moves, as dnd-kit's pointer sensor needs to start. */
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

describe('a rep works a deal from sign-in to the board', () => {
  it('creates an account, a contact and a deal, moves it on the board and sees the move in the history, then signs out', async () => {
    const { context, page } = await newPage();
    await signIn(page, org.repA);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Your week');

    // Account: the form says what is wrong before anything is sent.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click();
    await page.getByRole('link', { name: 'New account' }).first().click();
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.getByText('Required').count()).toBeGreaterThan(0);
    await page.getByRole('textbox', { name: 'Name' }).fill(accountName);
    await page.getByRole('textbox', { name: 'Website domain' }).fill('globex.example');
    await page.getByRole('textbox', { name: 'Industry' }).fill('Manufacturing');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 1, name: accountName }).waitFor();

    // Contact, from the account page: the account is filled in already.
    await page.getByRole('link', { name: 'New contact' }).click();
    await page.getByRole('textbox', { name: 'First name' }).fill('Jane');
    await page.getByRole('textbox', { name: 'Last name' }).fill(`Doe ${suffix}`);
    await page.getByRole('textbox', { name: 'Email' }).fill('jane@');
    await page.getByText('Enter an email address such as name@example.com').waitFor();
    await page.getByRole('textbox', { name: 'Email' }).fill('jane@globex.example');
    await expect.poll(() => page.getByText('Enter an email address such as name@example.com').count()).toBe(0);
    await page.getByRole('button', { name: 'Create contact' }).click();
    await page.getByRole('heading', { level: 1, name: `Jane Doe ${suffix}` }).waitFor();
    await page.getByRole('link', { name: accountName }).first().waitFor();

    // Deal, from the contact page.
    await page.getByRole('link', { name: 'New deal' }).click();
    await page.getByRole('textbox', { name: 'Deal name' }).fill(dealName);
    await page.getByRole('textbox', { name: 'Amount' }).fill('24000');
    const closeDate = dayjs().add(45, 'day');
    await page.getByRole('textbox', { name: 'Expected close date' }).fill(closeDate.format('D MMM YYYY'));
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Create deal' }).click();
    await page.getByRole('heading', { level: 1, name: dealName }).waitFor();
    dealPath = new URL(page.url()).pathname;
    expect(dealPath).toMatch(/^\/deals\/[\w-]+$/);
    await page.getByRole('button', { name: 'Qualify, current stage' }).waitFor();
    await page.getByText('€24,000').first().waitFor();
    await page.getByText(closeDate.format('D MMM YYYY')).first().waitFor();

    // The board: drag the card from Qualify to Discovery.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline board' }).click();
    const card = column(page, 'Qualify').getByTestId('deal-card').filter({ hasText: dealName });
    await card.waitFor();
    await drag(page, card, column(page, 'Discovery'));
    await column(page, 'Discovery').getByTestId('deal-card').filter({ hasText: dealName }).waitFor();
    await page.getByText(`${dealName} moved to Discovery`).waitFor();
    await expect(column(page, 'Qualify').getByText(dealName).count()).resolves.toBe(0);

    // The deal's history shows the move, who made it and that it came from the board.
    await column(page, 'Discovery').getByRole('link', { name: dealName }).click();
    await page.getByRole('heading', { level: 1, name: dealName }).waitFor();
    await page.getByRole('button', { name: 'Discovery, current stage' }).waitFor();
    const timeline = page.getByTestId('timeline');
    await timeline.getByText('Stage: Qualify', { exact: true }).waitFor();
    await expect(timeline.textContent()).resolves.toMatch(/Stage: Qualify\s*Discovery/);
    await expect(timeline.textContent()).resolves.toContain(`${org.repA.name} ·`);
    await expect(timeline.textContent()).resolves.toContain('on the board');
    await expect(timeline.textContent()).resolves.toContain('Created the deal');

    // Sign out: the session ends on the server, not just in this tab.
    const [sessionCookie] = (await context.cookies()).filter((c) => c.name === 'furrow_session');
    expect(sessionCookie).toBeDefined();
    await page.getByRole('button', { name: new RegExp(org.repA.name) }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    const reused = await fetch(`${server.url}/api/v1/auth/session`, { headers: { cookie: `furrow_session=${sessionCookie?.value}` } });
    expect(reused.status).toBe(401);
    await context.close();
  });
});

describe('who can find the deal', () => {
  it('another rep finds it neither in search, nor in the list, nor by its address', async () => {
    expect(dealPath).not.toBe('');
    await logCall();
    const { context, page } = await newPage();
    await signIn(page, org.repB);

    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.getByRole('combobox').fill(`Globex ${suffix}`);
    await dialog.getByText(`Nothing matches “Globex ${suffix}”`).waitFor();
    await dialog.getByRole('combobox').fill(`${suffix} kick`);
    await dialog.getByText(`Nothing matches “${suffix} kick”`).waitFor();
    await page.keyboard.press('Escape');

    await page.goto(`${server.url}/deals?status=all`);
    await page.getByRole('searchbox', { name: 'Search deals by name' }).fill(`Globex ${suffix}`);
    await page
      .getByText(/No deals (match|yet)|No open deals/)
      .first()
      .waitFor();
    await expect(page.getByRole('link', { name: dealName }).count()).resolves.toBe(0);

    await page.goto(`${server.url}${dealPath}`);
    await page.getByTestId('not-found').waitFor();
    await expect(page.getByRole('heading', { name: dealName }).count()).resolves.toBe(0);
    await context.close();
  });

  it('the manager of the rep’s team finds it in search and in the list, and opens it', async () => {
    const { context, page } = await newPage();
    await signIn(page, org.manager);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Your team’s week');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deals' }).click();
    await page.getByRole('searchbox', { name: 'Search deals by name' }).fill(`Globex ${suffix}`);
    await page.getByRole('table').getByRole('link', { name: dealName }).waitFor();

    // The top bar says what search covers: leads and activities too, not only the CRM records.
    await page
      .getByRole('banner')
      .getByRole('button', { name: /^Search deals, accounts, contacts, leads/ })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.getByRole('combobox').fill(`Globex ${suffix}`);
    await dialog.getByRole('option', { name: new RegExp(dealName) }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await dialog.getByRole('option', { name: new RegExp(dealName) }).click();
    await page.getByRole('heading', { level: 1, name: dealName }).waitFor();
    expect(new URL(page.url()).pathname).toBe(dealPath);

    // The rep's call on the deal, found by two word prefixes in any order, opens the deal.
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: /week/ }).waitFor();
    await page.keyboard.press('Control+k');
    await dialog.getByRole('combobox').fill(`${suffix} kick`);
    const call = dialog.getByRole('group', { name: 'Activities' }).getByRole('option', { name: new RegExp(callSubject) });
    await expect(call.textContent()).resolves.toContain(`Call · ${dealName}`);
    await call.click();
    await page.getByRole('heading', { level: 1, name: dealName }).waitFor();
    expect(new URL(page.url()).pathname).toBe(dealPath);
    await context.close();
  });
});
