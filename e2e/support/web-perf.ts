// The web app at scale, measured in the browser (issue 16, point 11): the pipeline board with one
// stage holding thousands of deals, and the CSO's dashboard, both on the demo year.
//   npx tsx e2e/support/web-perf.ts [--deals 3000] [--runs 3] [--as-built]
// (--as-built serves dist/web as it is, without rebuilding it from the sources: to measure an
// earlier build kept there.)
// Starts its own in-memory server with the demo year, adds the deals to the first stage of the
// default pipeline (owned by one rep, e2e/support/crowd.ts), then loads each screen in a fresh browser context per run and
// prints the median of: LCP, long tasks (count, sum, longest), DOM nodes and deal cards rendered.
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { seedDemo } from '../../server/cli/demo-seed.js';
import { launchBrowser } from './browser.js';
import { crowdStage } from './crowd.js';
import { type PageMetrics, readPageMetrics, recordPageMetrics } from './page-metrics.js';
import { startServer } from './server.js';
import { settled } from './settle.js';
import { ensureWebBuilt } from './web-build.js';

const { values } = parseArgs({
  options: { deals: { type: 'string', default: '3000' }, runs: { type: 'string', default: '3' }, 'as-built': { type: 'boolean', default: false } },
});
const DEALS = Number(values.deals);
const RUNS = Number(values.runs);
const CSO = { email: 'cso@demo.furrow.test', password: 'furrow-demo-2026' };

async function signedIn(browser: Browser, base: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/Berlin' });
  await recordPageMetrics(context);
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(CSO.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(CSO.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await settled(page, 120_000);
  return page;
}

type Figures = PageMetrics & { cards: number; loadMs: number };

async function measure(browser: Browser, base: string, path: string, ready: (page: Page) => Promise<void>): Promise<Figures> {
  const page = await signedIn(browser, base);
  const started = Date.now();
  await page.goto(`${base}${path}`);
  await ready(page);
  await settled(page, 120_000);
  const loadMs = Date.now() - started;
  const figures = { ...(await readPageMetrics(page)), cards: await page.getByTestId('deal-card').count(), loadMs };
  await page.context().close();
  return figures;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
function report(label: string, runs: Figures[]): void {
  const m = (k: keyof Figures) => median(runs.map((r) => Number(r[k] ?? 0)));
  console.log(
    `${label}: LCP ${m('lcpMs')} ms · long tasks ${m('longTasks')} (sum ${m('longTaskMs')} ms, longest ${m('longestTaskMs')} ms) · DOM nodes ${m('domNodes')} · layout shift ${m('layoutShift')} · deal cards ${m('cards')} · until settled ${m('loadMs')} ms`,
  );
  console.log(`  runs: ${JSON.stringify(runs)}`);
}

if (!values['as-built']) await ensureWebBuilt();
const server = await startServer();
const browser = await launchBrowser();
try {
  const demo = await seedDemo(server.database, { now: Date.now() });
  const stageName = 'Qualify';
  const owner = await server.database.db.selectFrom('users').select('id').where('email', '=', 'rep1@demo.furrow.test').executeTakeFirstOrThrow();
  await crowdStage(server.database.db, { workspaceId: demo.workspaceId, ownerId: owner.id, stageName, count: DEALS, prefix: 'Crowded' });
  console.log(`demo year + ${DEALS} open deals in ${stageName}; ${RUNS} runs each, median`);
  const board: Figures[] = [];
  const dashboard: Figures[] = [];
  for (let i = 0; i < RUNS; i++) {
    board.push(await measure(browser, server.url, '/board', (page) => page.getByTestId('deal-card').first().waitFor()));
    console.log(`  board run ${i + 1}: ${JSON.stringify(board.at(-1))}`);
    dashboard.push(
      await measure(browser, server.url, '/dashboard', (page) => page.getByRole('group', { name: 'Headline figures' }).getByRole('link').first().waitFor()),
    );
    console.log(`  dashboard run ${i + 1}: ${JSON.stringify(dashboard.at(-1))}`);
  }
  report('board (CSO)', board);
  report('dashboard (CSO)', dashboard);
} finally {
  await browser.close();
  await server.close();
}
