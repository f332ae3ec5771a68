// Forms: a save that lost a race (409 stale) shows what the other person changed and merges it
// with the edits; a problem only the server can see lands under its field.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './support/api-client.js';
import { launchBrowser } from './support/browser.js';
import { createOrg, type Org, PASSWORD, type Person, startServer, type TestServer } from './support/server.js';

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

async function signedIn(person: Person): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Email').fill(person.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: /week/ }).waitFor();
  return page;
}

describe('forms', () => {
  it('a stale save shows what changed meanwhile and keeps the person’s own edits', async () => {
    const rep = await ApiClient.login(server.url, org.repA.email, PASSWORD);
    const account = await rep.post<{ id: string; version: number }>('/api/v1/accounts', { name: 'Vandelay Industries', industry: 'Import' });
    const page = await signedIn(org.repA);
    await page.goto(`${server.url}/accounts/${account.id}/edit`);
    await page.getByRole('heading', { level: 1, name: 'Edit Vandelay Industries' }).waitFor();

    // Someone else saves first.
    await rep.patch(`/api/v1/accounts/${account.id}`, { version: account.version, industry: 'Import/Export' });

    await page.getByRole('textbox', { name: 'Name' }).fill('Vandelay Industries Inc.');
    await page.getByRole('button', { name: 'Save' }).click();
    const dialog = page.getByRole('dialog', { name: 'This account was changed while you were editing' });
    await dialog.waitFor();
    const row = dialog.getByRole('row', { name: /Industry/ });
    await expect(row.textContent()).resolves.toContain('Import');
    await expect(row.textContent()).resolves.toContain('Import/Export');
    await dialog.getByRole('button', { name: 'Load their version, keep my other edits' }).click();
    await expect(page.getByRole('textbox', { name: 'Industry' }).inputValue()).resolves.toBe('Import/Export');
    await expect(page.getByRole('textbox', { name: 'Name' }).inputValue()).resolves.toBe('Vandelay Industries Inc.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vandelay Industries Inc.' }).waitFor();
    await page.getByText('Import/Export').first().waitFor();
    await page.context().close();
  });

  it('a problem only the server knows appears under its field', async () => {
    const page = await signedIn(org.admin);
    await page.goto(`${server.url}/settings/users`);
    await page.getByRole('button', { name: 'Add user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a user' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Riley Again');
    await dialog.getByRole('textbox', { name: 'Email' }).fill(org.repA.email);
    await dialog.getByRole('textbox', { name: 'Password' }).fill('another long password');
    await dialog.getByRole('button', { name: 'Add user' }).click();
    await dialog.getByText('Is already used by another user').waitFor();
    const email = dialog.getByRole('textbox', { name: 'Email' });
    await expect(email.getAttribute('aria-invalid')).resolves.toBe('true');
    await page.context().close();
  });
});
