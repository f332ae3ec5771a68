// The measurement screenshots in docs/screenshots/ (dashboard, a KPI drill-down, expectations),
// taken from the demo year as a manager sees them, and marketing's funnel dashboard:
//   npx tsx e2e/support/measurement-screenshots.ts [base-url]
// Without a URL it starts its own in-memory server with the demo data. The other screens' shots
// come from screenshots.ts.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { demoTarget } from './demo-target.js';
import { settled } from './settle.js';

const OUT = resolve(import.meta.dirname, '../../docs/screenshots');
const DEMO_PASSWORD = 'furrow-demo-2026';

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await settled(page).catch(() => undefined);
  // No hover highlight or tooltip in the picture.
  await page.mouse.move(1430, 890);
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage });
  console.log(`  docs/screenshots/${name}.png`);
}

const { base, server } = await demoTarget(process.argv[2]);
mkdirSync(OUT, { recursive: true });
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, locale: 'en-GB', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && !m.text().includes('401') && console.log(`  [console] ${m.text()}`));
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill('manager1@demo.furrow.test');
  await page.getByRole('textbox', { name: 'Password' }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await page.getByRole('heading', { level: 1, name: 'Team dashboard' }).waitFor();
  await shot(page, 'dashboard');
  await shot(page, 'dashboard-full', true);
  await page
    .getByRole('link', { name: /^Win rate/ })
    .first()
    .click();
  await page.getByTestId('kpi-formula').waitFor();
  await shot(page, 'kpi-win-rate');
  await page.goto(`${base}/expectations`);
  await page.getByRole('heading', { level: 1, name: 'Expectations' }).waitFor();
  await shot(page, 'expectations');

  const marketing = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, locale: 'en-GB', timezoneId: 'Europe/Berlin' });
  const funnel = await marketing.newPage();
  await funnel.goto(`${base}/login`);
  await funnel.getByLabel('Email').fill('marketing@demo.furrow.test');
  await funnel.getByRole('textbox', { name: 'Password' }).fill(DEMO_PASSWORD);
  await funnel.getByRole('button', { name: 'Sign in' }).click();
  await funnel.getByRole('heading', { level: 1 }).waitFor();
  await funnel.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await funnel.getByRole('heading', { level: 1, name: 'Funnel dashboard' }).waitFor();
  await funnel.getByRole('group', { name: 'Headline figures' }).waitFor();
  await shot(funnel, 'dashboard-funnel');
} finally {
  await browser.close();
  await server?.close();
}
