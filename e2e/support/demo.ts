// The demo year as journeys and screenshot scripts open it: one in-memory server seeded with the
// demo, one browser, and a demo person signed in through the login form in a context of their own.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/cli/demo/workspace.js';
import { seedDemo } from '../../server/cli/demo-seed.js';
import { launchBrowser } from './browser.js';
import { startServer, type TestServer } from './server.js';

export { DEMO_PASSWORD };

export const DEMO = {
  cso: 'cso@demo.furrow.test',
  manager: 'manager1@demo.furrow.test',
  rep: 'rep1@demo.furrow.test',
  marketing: 'marketing@demo.furrow.test',
} as const;

export interface DemoJourney {
  server: TestServer;
  browser: Browser;
  close(): Promise<void>;
}

/** A server with the demo year (dated from now) and a browser; close() ends both. */
export async function startDemoJourney(): Promise<DemoJourney> {
  const server = await startServer();
  await seedDemo(server.database, { now: Date.now() });
  const browser = await launchBrowser();
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export interface DemoSignIn {
  viewport?: { width: number; height: number };
  /** Default timeout of the page's actions and waits. */
  timeout?: number;
  deviceScaleFactor?: number;
  /** Runs on the new context before its first page opens (e.g. recording page metrics). */
  prepare?: (context: BrowserContext) => Promise<void>;
}

/**
 * A demo person signed in, on Home. Signed in means the app's navigation is there: the login page
 * has a level-1 heading too, and a step that went straight to another address from it landed back
 * on the login page.
 */
export async function signInToDemo(browser: Browser, baseUrl: string, email: string, options: DemoSignIn = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    locale: 'en-GB',
    timezoneId: 'Europe/Berlin',
  });
  await options.prepare?.(context);
  const page = await context.newPage();
  page.setDefaultTimeout(options.timeout ?? 30_000);
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return page;
}
