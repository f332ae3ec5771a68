// Every page of the app, on the demo year, as each role's navigation offers it (issue 16 points 9 and
// 10): axe finds no serious or critical violation on any page or main dialog, text cut short can be
// read in full (a title), and the layout holds at real sizes — the dashboard on a phone, the board's
// columns at 1280 px, the admin's navigation at 900 px of height, toasts clear of the user menu.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './support/api-client.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { DEMO, DEMO_PASSWORD, type DemoJourney, signInToDemo, startDemoJourney } from './support/demo.js';
import { settled } from './support/settle.js';

const CSO = DEMO.cso;
const MANAGER = DEMO.manager;
const REP = DEMO.rep;
const MARKETING = DEMO.marketing;

let demo: DemoJourney;
let server: DemoJourney['server'];

beforeAll(async () => {
  demo = await startDemoJourney();
  server = demo.server;
}, 180_000);

afterAll(async () => {
  await demo?.close();
});

async function signIn(email: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  return signInToDemo(demo.browser, server.url, email, { viewport });
}

type Doc = {
  querySelectorAll(selector: string): Iterable<El>;
  documentElement: { scrollWidth: number; clientWidth: number };
};
type El = {
  scrollWidth: number;
  clientWidth: number;
  scrollHeight: number;
  clientHeight: number;
  textContent: string | null;
  tagName: string;
  closest(selector: string): El | null;
  getAttribute(name: string): string | null;
  parentElement: El | null;
};
type Win = { document: Doc; getComputedStyle(el: El): { textOverflow: string; overflow: string; display: string; webkitLineClamp: string } };

/**
 * Text the page cuts short (an ellipsis or a line clamp) with no way to read it in
 * full: no title on it or on the element around it, and no accessible name carrying the text.
 */
function cutWithoutTitle(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = globalThis as unknown as Win;
    const found: string[] = [];
    for (const el of w.document.querySelectorAll('body *')) {
      const style = w.getComputedStyle(el);
      if (style.display === 'none') continue;
      const ellipsis = style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1;
      const clamped = style.webkitLineClamp !== 'none' && style.webkitLineClamp !== '' && el.scrollHeight > el.clientHeight + 1;
      if (!ellipsis && !clamped) continue;
      const text = (el.textContent ?? '').trim();
      if (!text) continue;
      const titled = (node: El | null) => node?.getAttribute('title') || node?.getAttribute('aria-label')?.includes(text);
      if (titled(el) || titled(el.parentElement) || el.closest('[title]')) continue;
      found.push(`${el.tagName.toLowerCase()} “${text.slice(0, 60)}”`);
    }
    return found;
  });
}

/** Badges whose own label is cut ("+…"): a number must be read whole. */
function cutBadges(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = globalThis as unknown as Win;
    const found: string[] = [];
    for (const el of w.document.querySelectorAll('.mantine-Badge-label')) {
      if (el.scrollWidth > el.clientWidth + 1) found.push(`“${(el.textContent ?? '').trim()}”`);
    }
    return found;
  });
}

/** The navigation's links for the signed-in role, in order. */
async function navLinks(page: Page): Promise<{ label: string; href: string }[]> {
  const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
  await links.first().waitFor();
  const out: { label: string; href: string }[] = [];
  for (const link of await links.all()) out.push({ label: ((await link.textContent()) ?? '').trim(), href: (await link.getAttribute('href')) ?? '' });
  return out;
}

interface Problem {
  page: string;
  what: string;
}

async function sweep(page: Page, role: string, extra: string[] = []): Promise<Problem[]> {
  const problems: Problem[] = [];
  const links = await navLinks(page);
  expect(links.length, `${role} has a navigation`).toBeGreaterThan(3);
  for (const href of [...links.map((l) => l.href), ...extra]) {
    const where = `${role} ${href}`;
    try {
      await page.goto(`${server.url}${href}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await settled(page, 30_000);
    } catch (error) {
      problems.push({ page: where, what: `did not load: ${(error as Error).message.split('\n')[0]}` });
      continue;
    }
    const violations = await seriousViolations(page);
    if (violations.length > 0) problems.push({ page: where, what: describeViolations(violations) });
    const cut = await cutWithoutTitle(page);
    if (cut.length > 0) problems.push({ page: where, what: `cut without a title: ${cut.slice(0, 5).join(', ')}` });
    const badges = await cutBadges(page);
    if (badges.length > 0) problems.push({ page: where, what: `badges cut: ${badges.slice(0, 5).join(', ')}` });
  }
  return problems;
}

const report = (problems: Problem[]) => problems.map((p) => `${p.page}: ${p.what}`).join('\n\n');

/** A deal page's path: the first deal the person sees. */
async function firstDealPath(email: string): Promise<string> {
  const api = await ApiClient.login(server.url, email, DEMO_PASSWORD);
  const deals = await api.get<{ items: { id: string }[] }>('/api/v1/deals?limit=1');
  return `/deals/${deals.items[0]?.id}`;
}

// A sweep reads every page of a role with axe: a minute or more per role on a busy machine (the
// whole file took about five minutes, one of CI's two journey workers).
const SWEEP = 600_000;

describe('every page, every role', () => {
  it(
    'the CSO’s pages pass axe and read in full',
    async () => {
      const page = await signIn(CSO);
      const deal = await firstDealPath(CSO);
      const problems = await sweep(page, 'admin', [deal]);
      expect(problems, report(problems)).toEqual([]);
      await page.context().close();
    },
    SWEEP,
  );

  it(
    'a manager’s pages pass axe and read in full',
    async () => {
      const page = await signIn(MANAGER);
      const problems = await sweep(page, 'manager');
      expect(problems, report(problems)).toEqual([]);
      await page.context().close();
    },
    SWEEP,
  );

  it(
    'a rep’s pages pass axe and read in full',
    async () => {
      const page = await signIn(REP);
      const deal = await firstDealPath(REP);
      const problems = await sweep(page, 'rep', [deal]);
      expect(problems, report(problems)).toEqual([]);
      await page.context().close();
    },
    SWEEP,
  );

  it(
    'marketing’s pages pass axe and read in full',
    async () => {
      const page = await signIn(MARKETING);
      const problems = await sweep(page, 'marketing');
      expect(problems, report(problems)).toEqual([]);
      await page.context().close();
    },
    SWEEP,
  );
});

async function expectAxeClean(page: Page, what: string): Promise<void> {
  await settled(page, 30_000);
  const violations = await seriousViolations(page);
  expect(violations, `${what}:\n${describeViolations(violations)}`).toEqual([]);
}

describe('the main dialogs', () => {
  it('the gate refusal on the board, and the card’s “missing” button after it', async () => {
    const page = await signIn(REP);
    await page.goto(`${server.url}/board`);
    await page.getByTestId('deal-card').first().waitFor();
    let card = null;
    for (const stage of ['Qualify', 'Discovery', 'Solution']) {
      const cards = page.locator(`[data-testid="board-column"][data-stage-name="${stage}"] [data-testid="deal-card"]`);
      if ((await cards.count()) > 0) {
        card = cards.first();
        break;
      }
    }
    if (!card) throw new Error('the rep has no early-stage deal on the board');
    const id = await card.getAttribute('data-deal-id');
    await card.getByRole('button', { name: /^Move .* to…$/ }).click();
    await page.getByRole('menuitem', { name: 'Negotiation' }).click();
    const refusal = page.getByTestId('gate-blocked');
    await refusal.waitFor();
    await expectAxeClean(page, 'gate refusal');
    await page.keyboard.press('Escape');
    await refusal.waitFor({ state: 'detached' });
    const missing = page.locator(`[data-deal-id="${id}"]`).getByRole('button', { name: /missing for Negotiation/ });
    await missing.waitFor();
    const text = ((await missing.textContent()) ?? '').trim();
    expect(await missing.getAttribute('aria-label')).toMatch(new RegExp(`^${text}`));
    await expectAxeClean(page, 'board with a blocked card');
    await page.context().close();
  });

  it('the funnel’s drawers and the search palette', async () => {
    const page = await signIn(MARKETING);
    await page.goto(`${server.url}/lead-funnel`);
    await page
      .getByRole('button', { name: /list them$/ })
      .first()
      .click();
    await page.getByRole('dialog').waitFor();
    await expectAxeClean(page, 'lead funnel drawer');
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.goto(`${server.url}/dashboard`);
    await page.locator('[aria-haspopup="dialog"]').first().click();
    await page.getByRole('dialog').waitFor();
    await expectAxeClean(page, 'funnel dashboard drawer');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Search' }).getByRole('combobox').fill('a');
    await page.getByRole('option').first().waitFor();
    await expectAxeClean(page, 'search palette');
    await page.context().close();
  });
});

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Whether the element is what a pointer at its centre reaches (not under another, not off screen). */
function onTop(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((selector) => {
    type E = { getBoundingClientRect(): Box; contains(other: unknown): boolean };
    const d = (globalThis as unknown as { document: { querySelector(s: string): E | null; elementFromPoint(x: number, y: number): unknown } }).document;
    const el = d.querySelector(selector);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return el.contains(d.elementFromPoint(r.x + r.width / 2, r.y + Math.min(r.height / 2, 40)));
  }, selector);
}

describe('layout at real size', () => {
  it('the dashboard fits a 390 px phone without sideways scrolling', async () => {
    const page = await signIn(MANAGER, { width: 390, height: 844 });
    await page.goto(`${server.url}/dashboard`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await settled(page, 30_000);
    const { scrollWidth, clientWidth, widest } = await page.evaluate(() => {
      type E = { getBoundingClientRect(): Box; tagName: string; className: unknown };
      const d = (
        globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number }; querySelectorAll(s: string): Iterable<E> } }
      ).document;
      const width = d.documentElement.clientWidth;
      const out: string[] = [];
      for (const el of d.querySelectorAll('main *')) {
        const r = el.getBoundingClientRect();
        if (r.x + r.width > width + 1 && out.length < 8)
          out.push(`${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} → ${Math.round(r.x + r.width)}`);
      }
      return { scrollWidth: d.documentElement.scrollWidth, clientWidth: width, widest: out };
    });
    expect(scrollWidth, widest.join('\n')).toBeLessThanOrEqual(clientWidth);
    await page.context().close();
  });

  for (const width of [1280, 1440]) {
    it(`the board at ${width} px: the Won and Lost drop targets are on screen and on top, every column reachable`, async () => {
      const page = await signIn(MANAGER, { width, height: 900 });
      await page.goto(`${server.url}/board`);
      await page.getByTestId('board').waitFor();
      await page.getByTestId('deal-card').first().waitFor();
      await settled(page, 30_000);
      const columns = page.getByTestId('board-column');
      const count = await columns.count();
      expect(count).toBeGreaterThanOrEqual(5);
      // Polled, not read once: the columns take their widths when the cards' data has arrived and
      // the layout has run, and on a cold server that can come after the first card is drawn.
      for (const kind of ['won', 'lost']) {
        const selector = `[data-testid="board-column"][data-kind="${kind}"]`;
        const reachable = async () => {
          const box = await page.locator(selector).boundingBox();
          if (box === null) return 'not drawn';
          if (box.x + box.width > width) return `ends at ${Math.round(box.x + box.width)} px`;
          return (await onTop(page, selector)) ? 'on screen, on top' : 'under another element';
        };
        await expect.poll(reachable, { message: kind, timeout: 15_000 }).toBe('on screen, on top');
      }
      await page.context().close();
    });
  }

  it('the admin’s navigation reaches its last entry at 900 px of height', async () => {
    const page = await signIn(CSO, { width: 1280, height: 900 });
    const nav = page.getByRole('navigation', { name: 'Main' });
    const last = nav.getByRole('link').last();
    await last.scrollIntoViewIfNeeded();
    const box = await last.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(900);
    await last.click();
    await page.waitForURL(/\/settings\//);
    await page.context().close();
  });

  it('a toast leaves the user menu and the bell uncovered', async () => {
    const page = await signIn(REP, { width: 1280, height: 900 });
    await page.goto(`${server.url}/activities`);
    await page.getByRole('button', { name: 'Log activity' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Subject' }).fill('Toast check call');
    await dialog.getByRole('button', { name: 'Log it' }).click();
    await dialog.waitFor({ state: 'detached' });
    const toast = page.locator('.mantine-Notification-root').first();
    await toast.waitFor();
    const toastBox = (await toast.boundingBox()) as Box;
    const header = (await page.locator('header').boundingBox()) as Box;
    expect(overlaps(toastBox, header), 'the toast covers the header (user menu, bell)').toBe(false);
    await page.context().close();
  });
});
