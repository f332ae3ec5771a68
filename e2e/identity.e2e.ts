// First run and invitations: on an empty server the first visitor sets up the workspace and
// becomes its admin; the admin invites a rep by link; the rep joins by choosing a password, and
// later changes it, which signs out their other browser.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { startServer, type TestServer } from './support/server.js';

let server: TestServer;
let browser: Browser;
const admin = { name: 'Grace Hopper', email: 'grace@harvest.example', password: 'a long admin password' };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

describe('first run and invitations', () => {
  it('sets up the workspace and its first admin on an empty server', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Set up Furrow' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/setup');
    await page.getByRole('textbox', { name: 'Company or workspace name' }).fill('Harvest Ltd');
    await page.getByRole('textbox', { name: 'Your name' }).fill(admin.name);
    await page.getByRole('textbox', { name: 'Your email' }).fill(admin.email);
    await page.getByRole('textbox', { name: 'Password' }).fill('short');
    await page.getByText('At least 10 characters', { exact: true }).last().waitFor();
    await page.getByRole('textbox', { name: 'Password' }).fill(admin.password);
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByRole('heading', { level: 1, name: 'The organisation’s week' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).waitFor();
    await page.context().close();
  });

  it('invites a rep by link, who joins by choosing a password', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: /week/ }).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Invitations' }).click();
    const form = page.getByRole('form', { name: 'Invite someone' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Alan Turing');
    await form.getByRole('textbox', { name: 'Email' }).fill('alan@harvest.example');
    await form.getByRole('button', { name: 'Create invitation link' }).click();
    const link = (await page.getByTestId('secret').textContent())?.trim() ?? '';
    expect(link).toMatch(/\/accept-invite#.{10,}/);
    await page
      .getByRole('row', { name: /Alan Turing/ })
      .getByText('Pending')
      .waitFor();
    await page.context().close();

    const invitee = await newPage();
    await invitee.goto(link.startsWith('/') ? `${server.url}${link}` : link);
    await invitee.getByRole('heading', { name: 'Join your team on Furrow' }).waitFor();
    await invitee.getByRole('textbox', { name: 'New password' }).fill('turing complete password');
    await invitee.getByRole('textbox', { name: 'Repeat the password' }).fill('turing complete passwort');
    await invitee.getByText('The two passwords differ').waitFor();
    await invitee.getByRole('textbox', { name: 'Repeat the password' }).fill('turing complete password');
    await invitee.getByRole('button', { name: 'Join' }).click();
    await invitee.getByRole('heading', { level: 1, name: 'Your week' }).waitFor();
    await invitee.getByRole('button', { name: /Alan Turing/ }).waitFor();
    // The secret never stays in the address bar.
    expect(new URL(invitee.url()).hash).toBe('');
    await invitee.context().close();
  });

  it('changes a password from the user menu, which signs out the other browser', async () => {
    const signIn = async (password: string) => {
      const page = await newPage();
      await page.goto(`${server.url}/login`);
      await page.getByLabel('Email').fill('alan@harvest.example');
      await page.getByRole('textbox', { name: 'Password' }).fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: /week/ }).waitFor();
      return page;
    };
    const laptop = await signIn('turing complete password');
    const phone = await signIn('turing complete password');

    await laptop.getByRole('button', { name: /Alan Turing/ }).click();
    await laptop.getByRole('menuitem', { name: 'Change password' }).click();
    const dialog = laptop.getByRole('dialog', { name: 'Change your password' });
    await dialog.getByRole('textbox', { name: 'Current password' }).fill('not my password');
    await dialog.getByRole('textbox', { name: 'New password', exact: true }).fill('enigma machine password');
    await dialog.getByRole('textbox', { name: 'New password again' }).fill('enigma machine password');
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await dialog.getByText('is not your current password').waitFor();
    await dialog.getByRole('textbox', { name: 'Current password' }).fill('turing complete password');
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await laptop.getByText('Password changed; your other sessions are signed out').waitFor();

    // This browser stays signed in; the other one is sent to the sign-in page on its next request.
    await laptop.reload();
    await laptop.getByRole('heading', { level: 1, name: 'Your week' }).waitFor();
    await phone.reload();
    await phone.getByRole('heading', { name: 'Sign in' }).waitFor();
    await laptop.context().close();
    await phone.context().close();
    await (await signIn('enigma machine password')).context().close();
  });
});
