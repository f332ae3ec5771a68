// The heaviest screens at real size, on the demo year (issue 16, point 11): the board as the CSO and
// as a manager, the CSO's dashboard and the Process page. Each is opened a few times in the signed-in
// browser (a full page load, scripts from the cache as for anyone who has used the app) and the page's
// own timeline is read (e2e/support/page-metrics.ts): Largest Contentful Paint and long tasks. The
// targets are LCP ≤ 1 s and no long task over 200 ms; the journey asserts them on the best load with
// a margin for a shared, loaded machine (BOUND below) and prints the medians and the best, which
// docs/performance.md records.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type DemoJourney, signInToDemo, startDemoJourney } from './support/demo.js';
import { type PageMetrics, readPageMetrics, recordPageMetrics } from './support/page-metrics.js';
import { settled } from './support/settle.js';

const CSO = DEMO.cso;
const MANAGER = DEMO.manager;
/**
 * Loads per screen. The best of them is asserted: noise from other processes only ever adds time, while
 * a page that does too much (every card drawn, every chart in the first commit) is slow in every load.
 * The medians are printed beside it.
 */
const LOADS = 5;
/** The targets, and the bound asserted: the target times FURROW_SPEED_MARGIN (2 unless set; 1 on a quiet machine). */
const TARGET = { lcpMs: 1000, longestTaskMs: 200 };
const MARGIN = Number(process.env.FURROW_SPEED_MARGIN ?? 2);
const BOUND = { lcpMs: TARGET.lcpMs * MARGIN, longestTaskMs: TARGET.longestTaskMs * MARGIN };

let demo: DemoJourney;

beforeAll(async () => {
  demo = await startDemoJourney();
}, 180_000);

afterAll(async () => {
  await demo?.close();
});

async function signIn(email: string): Promise<Page> {
  const page = await signInToDemo(demo.browser, demo.server.url, email, {
    viewport: { width: 1440, height: 900 },
    timeout: 60_000,
    prepare: recordPageMetrics,
  });
  await settled(page, 60_000);
  return page;
}

type Figures = PageMetrics & { cards: number };
interface Measured {
  median: Figures;
  best: { lcpMs: number; longestTaskMs: number };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Opens the path LOADS times, each a full load read once the screen has settled; returns the medians and the best. */
async function measure(page: Page, label: string, path: string, ready: (page: Page) => Promise<void>): Promise<Measured> {
  const runs: Figures[] = [];
  for (let i = 0; i < LOADS; i++) {
    await page.goto(`${demo.server.url}${path}`);
    await ready(page);
    await settled(page, 60_000);
    runs.push({ ...(await readPageMetrics(page)), cards: await page.getByTestId('deal-card').count() });
  }
  const m = (k: keyof Figures) => median(runs.map((r) => Number(r[k] ?? 0)));
  const figures: Figures = {
    lcpMs: m('lcpMs'),
    longTasks: m('longTasks'),
    longTaskMs: m('longTaskMs'),
    longestTaskMs: m('longestTaskMs'),
    lcpElement: runs.map((r) => r.lcpElement).join(' | '),
    domNodes: m('domNodes'),
    layoutShift: m('layoutShift'),
    cards: m('cards'),
  };
  const best = { lcpMs: Math.min(...runs.map((r) => r.lcpMs ?? Number.POSITIVE_INFINITY)), longestTaskMs: Math.min(...runs.map((r) => r.longestTaskMs)) };
  console.log(
    `page speed · ${label}: median LCP ${figures.lcpMs} ms · longest task ${figures.longestTaskMs} ms (${figures.longTasks} long tasks, ${figures.longTaskMs} ms) · DOM nodes ${figures.domNodes} · cards ${figures.cards}; best LCP ${best.lcpMs} ms, longest task ${best.longestTaskMs} ms` +
      `\n  runs (LCP / longest task): ${runs.map((r) => `${r.lcpMs}/${r.longestTaskMs}`).join(' · ')}\n  LCP elements: ${figures.lcpElement}`,
  );
  return { median: figures, best };
}

function expectFast({ best }: Measured): void {
  expect(best.lcpMs, `LCP, ms (best of ${LOADS})`).toBeLessThanOrEqual(BOUND.lcpMs);
  expect(best.longestTaskMs, `longest task, ms (best of ${LOADS})`).toBeLessThanOrEqual(BOUND.longestTaskMs);
}

const boardReady = (page: Page) => page.getByTestId('deal-card').first().waitFor();

describe('the heaviest screens draw fast on the demo year', () => {
  it('the board, as the CSO and as a manager', async () => {
    const cso = await signIn(CSO);
    const asCso = await measure(cso, 'board (CSO)', '/board', boardReady);
    await cso.context().close();
    const manager = await signIn(MANAGER);
    const asManager = await measure(manager, 'board (manager)', '/board', boardReady);
    await manager.context().close();
    expectFast(asCso);
    expectFast(asManager);
  });

  it('the dashboard, as the CSO', async () => {
    const page = await signIn(CSO);
    expectFast(
      await measure(page, 'dashboard (CSO)', '/dashboard', (p) => p.getByRole('group', { name: 'Headline figures' }).getByRole('link').first().waitFor()),
    );
    await page.context().close();
  });

  it('the Process page, as the CSO', async () => {
    const page = await signIn(CSO);
    expectFast(
      await measure(page, 'Process (CSO)', '/process', (p) =>
        p
          .getByRole('link', { name: /Adherence/ })
          .first()
          .waitFor(),
      ),
    );
    await page.context().close();
  });
});
