// Signing a person in through the login form, in a fresh browser context of their own (so two
// people can be signed in at once), landing on Home.
import type { Browser, Page } from 'playwright-core';
import { watchDomNesting } from './dom-nesting.js';
import { PASSWORD, type Person, type TestServer } from './server.js';

export interface SignInOptions {
  /** Viewport height at 1280 px wide; 800 unless a journey needs more of the page in view. */
  height?: number;
  /** Default timeout of the page's actions and waits. */
  timeout?: number;
  acceptDownloads?: boolean;
}

export async function signInAs(browser: Browser, server: TestServer, person: Person, options: SignInOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: options.height ?? 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/Berlin',
    acceptDownloads: options.acceptDownloads ?? false,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(options.timeout ?? 15_000);
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  watchDomNesting(page);
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Email').fill(person.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: /week/ }).waitFor();
  return page;
}
