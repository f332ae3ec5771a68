// The Year page's screenshots in docs/screenshots/ (year-*.png, and Home's discipline card), taken from the demo year as the
// CSO sees it: npx tsx e2e/support/year-screenshots.ts [base-url]. Without a URL it starts its own
// in-memory server with the demo data.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { demoTarget } from './demo-target.js';
import { settled } from './settle.js';

const OUT = resolve(import.meta.dirname, '../../docs/screenshots');

async function shot(page: Page, name: string, part?: Locator): Promise<void> {
  await settled(page).catch(() => undefined);
  await page.mouse.move(1430, 10);
  await page.waitForTimeout(400);
  const path = join(OUT, `${name}.png`);
  if (part) await part.screenshot({ path });
  else await page.screenshot({ path });
  console.log(`  docs/screenshots/${name}.png`);
}

const { base, server } = await demoTarget(process.argv[2]);
mkdirSync(OUT, { recursive: true });
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, locale: 'en-GB', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill('cso@demo.furrow.test');
  await page.getByRole('textbox', { name: 'Password' }).fill('furrow-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  // Home's card: the organisation's weekly index, its teams under it.
  const card = page.getByRole('region', { name: 'Discipline index' });
  await card
    .getByText(/^\d{1,3}$/)
    .first()
    .waitFor();
  await shot(page, 'home-discipline', card);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Year', exact: true }).click();
  await page.getByRole('table', { name: /^Discipline index of / }).waitFor();
  await shot(page, 'year');
  await page.getByRole('button', { name: 'Enterprise', exact: true }).click();
  await page.getByRole('heading', { name: 'Planting calendar — Enterprise' }).waitFor();
  await shot(page, 'year-planting', page.getByRole('region', { name: 'Planting calendar' }));
  await shot(page, 'year-discipline', page.getByRole('region', { name: 'Discipline index' }));
  // By week, a team: every part with its weight, hygiene judged from history each week.
  const index = page.getByRole('region', { name: 'Discipline index' });
  await index.getByText('By week', { exact: true }).click();
  await index.getByLabel('Team of the discipline index').click();
  await page.getByRole('option', { name: 'Enterprise', exact: true }).click();
  await page.getByRole('table', { name: 'Discipline index of Enterprise by week' }).waitFor();
  await shot(page, 'year-discipline-weekly', index);
  await shot(page, 'year-cramming', page.getByRole('region', { name: 'Cramming by quarter' }));
} finally {
  await browser.close();
  await server?.close();
}
