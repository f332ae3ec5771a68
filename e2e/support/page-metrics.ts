// What a person waits for on a page, read from the browser itself: long tasks (main-thread work
// over 50 ms), Largest Contentful Paint and the size of the DOM. Install before the page loads;
// read once the screen has settled. Used by the journeys and by e2e/support/web-perf.ts.
import type { BrowserContext, Page } from 'playwright-core';

export interface PageMetrics {
  /** Long tasks since the page loaded. */
  longTasks: number;
  /** Their summed and longest durations, ms. */
  longTaskMs: number;
  longestTaskMs: number;
  /** The page's Largest Contentful Paint, ms from navigation; null if none was reported. */
  lcpMs: number | null;
  /** What the LCP was: the element's tag and the start of its text (a chart, a table, a heading…). */
  lcpElement: string | null;
  /** Every element in the document. */
  domNodes: number;
  /** Cumulative layout shift without user input (0: nothing jumped). */
  layoutShift: number;
}

interface Recorded {
  longTasks: number[];
  lcp: number | null;
  lcpElement: string | null;
  shift: number;
}
type PerfGlobals = {
  __furrowPerf?: Recorded;
  PerformanceObserver: new (
    cb: (list: {
      getEntries(): {
        duration: number;
        startTime: number;
        renderTime?: number;
        loadTime?: number;
        value?: number;
        hadRecentInput?: boolean;
        element?: { tagName: string; textContent: string | null } | null;
      }[];
    }) => void,
  ) => { observe(o: { type: string; buffered: boolean }): void };
  document: { getElementsByTagName(name: string): { length: number } };
};

/** Starts recording long tasks and LCP in every page of the context, before its scripts run. */
export async function recordPageMetrics(context: BrowserContext): Promise<void> {
  // A function, not a string: the app's CSP forbids eval, also for the driver's snippets.
  await context.addInitScript(() => {
    const g = globalThis as unknown as PerfGlobals;
    const recorded: Recorded = { longTasks: [], lcp: null, lcpElement: null, shift: 0 };
    g.__furrowPerf = recorded;
    new g.PerformanceObserver((list) => {
      for (const e of list.getEntries()) recorded.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
    new g.PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        recorded.lcp = e.renderTime || e.loadTime || e.startTime;
        recorded.lcpElement = e.element ? `${e.element.tagName.toLowerCase()} “${(e.element.textContent ?? '').trim().slice(0, 40)}”` : null;
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    new g.PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) recorded.shift += e.value ?? 0;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The figures so far. LCP stops being updated at the first input, as in the browser. */
export async function readPageMetrics(page: Page): Promise<PageMetrics> {
  const raw = await page.evaluate(() => {
    const g = globalThis as unknown as PerfGlobals;
    return { recorded: g.__furrowPerf ?? null, domNodes: g.document.getElementsByTagName('*').length };
  });
  if (!raw.recorded) throw new Error('recordPageMetrics was not called before the page loaded');
  const tasks = raw.recorded.longTasks;
  return {
    longTasks: tasks.length,
    longTaskMs: Math.round(tasks.reduce((a, b) => a + b, 0)),
    longestTaskMs: Math.round(Math.max(0, ...tasks)),
    lcpMs: raw.recorded.lcp === null ? null : Math.round(raw.recorded.lcp),
    lcpElement: raw.recorded.lcpElement,
    domNodes: raw.domNodes,
    layoutShift: Math.round(raw.recorded.shift * 1000) / 1000,
  };
}
