// The screenshots in docs/screenshots/, taken from the demo year as a manager sees it:
//   npx tsx e2e/support/screenshots.ts [base-url]
// Without a URL it starts its own in-memory server with the demo data.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { demoTarget } from './demo-target.js';
import { settled } from './settle.js';

const OUT = resolve(import.meta.dirname, '../../docs/screenshots');
const DEMO_PASSWORD = 'furrow-demo-2026';

async function settle(page: Page): Promise<void> {
  await settled(page).catch(() => undefined);
  // Let notifications fade and transitions end.
  await page.waitForTimeout(300);
}

async function shot(page: Page, name: string): Promise<void> {
  await settle(page);
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: false });
  console.log(`  docs/screenshots/${name}.png`);
}

const { base, server } = await demoTarget(process.argv[2]);
mkdirSync(OUT, { recursive: true });
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, locale: 'en-GB', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && console.log(`  [console] ${m.text()}`));
  await page.goto(`${base}/login`);
  await shot(page, 'login');
  await page.getByLabel('Email').fill('manager1@demo.furrow.test');
  await page.getByRole('textbox', { name: 'Password' }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await shot(page, 'home');
  await page.goto(`${base}/deals`);
  await shot(page, 'deals-list');
  await page.getByRole('table').getByRole('link').first().click();
  await page.getByRole('navigation', { name: 'Stages' }).waitFor();
  await shot(page, 'deal-page');
  await page.goto(`${base}/board`);
  await page.getByTestId('board').waitFor();
  await shot(page, 'board');
  await page.goto(`${base}/accounts`);
  await shot(page, 'accounts-list');
  await page.goto(`${base}/forecast`);
  await page.getByRole('region', { name: 'Team roll-up' }).waitFor();
  await shot(page, 'forecast-rollup');
} finally {
  await browser.close();
  await server?.close();
}
