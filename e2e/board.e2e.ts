// The board enforces the process: a drag past an unmet exit criterion is refused and explains
// itself, the card goes back, and where the stage allows it the rep moves anyway with a reason.
// What is missing is fixed in the dialog (a field, a qualification score) and the move completes
// there; a detour to the deal keeps the move pending until the deal page finishes it.
// The "Move to…" menu moves a card without a mouse; closing as lost asks for the reason.
import { resolve } from 'node:path';
import dayjs from 'dayjs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './support/api-client.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { launchBrowser } from './support/browser.js';
import { crowdStage } from './support/crowd.js';
import { createOrg, type Org, PASSWORD, startServer, type TestServer } from './support/server.js';
import { settled } from './support/settle.js';
import { signInAs } from './support/sign-in.js';

let server: TestServer;
let org: Org;
let browser: Browser;
let page: Page;
const gated = 'Umbrella – pilot';
const other = 'Hooli – licences';
const filled = 'Initrode – pilot';
// In Solution, where leaving needs a BANT total of at least 6.
const scored = 'Globex – rollout';
const detour = 'Stark – expansion';
let rep: ApiClient;
let scoredId: string;
let bant: string;
// The guide's screenshot is retaken only on request (FURROW_SCREENSHOTS=1), so a run leaves the tree clean.
const SHOTS = process.env.FURROW_SCREENSHOTS === '1' ? resolve(import.meta.dirname, '../docs/screenshots') : null;

interface Pipelines {
  items: { id: string; version: number; stages: { id: string; name: string }[] }[];
}

beforeAll(async () => {
  server = await startServer();
  org = await createOrg(server);
  const admin = org.adminApi;
  const pipeline = async () => (await admin.get<Pipelines>('/api/v1/pipelines')).items[0]!;
  const stage = async (name: string) => (await pipeline()).stages.find((s) => s.name === name)!.id;
  // Leaving Discovery needs a next step; overrides are allowed there.
  await admin.patch(`/api/v1/stages/${await stage('Discovery')}`, { version: (await pipeline()).version, allowOverride: true, note: 'e2e' });
  await admin.post(`/api/v1/stages/${await stage('Discovery')}/criteria`, {
    version: (await pipeline()).version,
    kind: 'field',
    field: 'nextStep',
    label: 'Next step agreed with the buyer',
  });

  const { items: frameworks } = await admin.get<{ items: { id: string; key: string }[] }>('/api/v1/qualification-frameworks');
  bant = frameworks.find((f) => f.key === 'bant')!.id;
  await admin.post(`/api/v1/stages/${await stage('Solution')}/criteria`, {
    version: (await pipeline()).version,
    kind: 'qualification',
    frameworkId: bant,
    minScore: 6,
  });

  rep = await ApiClient.login(server.url, org.repA.email, PASSWORD);
  const closeDate = dayjs().add(30, 'day').format('YYYY-MM-DD');
  for (const name of [scored, detour]) {
    let d = await rep.post<{ id: string; version: number }>('/api/v1/deals', { name, amount: 1_200_000, closeDate, nextStep: 'Workshop booked' });
    d = await rep.post(`/api/v1/deals/${d.id}/move`, { version: d.version, stageId: await stage('Discovery'), via: 'form' });
    await rep.post(`/api/v1/deals/${d.id}/move`, { version: d.version, stageId: await stage('Solution'), via: 'form' });
    if (name === scored) scoredId = d.id;
  }
  const deal = await rep.post<{ id: string; version: number }>('/api/v1/deals', { name: gated, amount: 1_500_000, closeDate });
  await rep.post(`/api/v1/deals/${deal.id}/move`, { version: deal.version, stageId: await stage('Discovery'), via: 'form' });
  await rep.post('/api/v1/deals', { name: other, amount: 800_000, closeDate });
  const third = await rep.post<{ id: string; version: number }>('/api/v1/deals', { name: filled, amount: 2_000_000, closeDate });
  await rep.post(`/api/v1/deals/${third.id}/move`, { version: third.version, stageId: await stage('Discovery'), via: 'form' });

  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/Berlin' });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${server.url}/login?next=%2Fboard`);
  await page.getByLabel('Email').fill(org.repA.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Pipeline board' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const column = (stage: string) => page.locator(`[data-testid="board-column"][data-stage-name="${stage}"]`);
const cardIn = (stage: string, name: string) => column(stage).getByTestId('deal-card').filter({ hasText: name });

async function drag(from: Locator, to: Locator): Promise<void> {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('drag: element not visible');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 12, a.y + a.height / 2 + 4, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + 120, { steps: 20 });
  await page.mouse.up();
}

/** The card's keyboard menu: the same move as a drag, and no column has to be on screen. */
async function moveWithMenu(name: string, from: string, to: string): Promise<void> {
  await cardIn(from, name)
    .getByRole('button', { name: `Move ${name} to…` })
    .click();
  await page.getByRole('menuitem', { name: to }).click();
}

/** Picks a 0–3 score in a qualification form (the radios are hidden behind their labels). */
async function score(form: Locator, element: string, value: number): Promise<void> {
  await form
    .getByRole('radiogroup', { name: `${element} score` })
    .locator('label')
    .filter({ hasText: new RegExp(`^${value}$`) })
    .click();
}

describe('the board and the stage gate', () => {
  it('refuses a move with unmet exit criteria, lists them, puts the card back, and allows an override with a reason', async () => {
    await drag(cardIn('Discovery', gated), column('Solution'));
    const refusal = page.getByTestId('gate-blocked');
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toContain('Next step agreed with the buyer');
    await expect(refusal.textContent()).resolves.toContain('To leave Discovery');
    await page.getByRole('button', { name: 'Keep it where it is' }).click();
    await cardIn('Discovery', gated).waitFor();
    await expect(cardIn('Solution', gated).count()).resolves.toBe(0);
    // The card itself says what it is blocked for, and reopens the list.
    await cardIn('Discovery', gated)
      .getByRole('button', { name: /missing for Solution: blocked/ })
      .click();
    await refusal.waitFor();
    await page.getByRole('textbox', { name: /Move anyway/ }).fill('Buyer on holiday; next step agreed by phone');
    await page.getByRole('button', { name: 'Move anyway' }).click();
    await cardIn('Solution', gated).waitFor();

    await cardIn('Solution', gated).getByRole('link', { name: gated }).click();
    const timeline = page.getByTestId('timeline');
    await timeline.getByText('Reason: Buyer on holiday; next step agreed by phone').waitFor();
    await expect(timeline.textContent()).resolves.toContain('Override');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Pipeline board' }).waitFor();
  });

  it('lets the rep fill the missing field right in the refusal and complete the move from it, without an override', async () => {
    await drag(cardIn('Discovery', filled), column('Solution'));
    const refusal = page.getByTestId('gate-blocked');
    await refusal.waitFor();
    await refusal.getByRole('textbox', { name: 'Next step agreed with the buyer' }).fill('Pilot kick-off on Monday');
    await refusal.getByRole('button', { name: 'Save' }).click();
    // The refusal re-checks itself: with nothing missing it says so and completes the move from here.
    await page.getByRole('dialog', { name: `${filled} is ready to move to Solution` }).waitFor();
    await refusal.getByRole('button', { name: 'Move to Solution' }).click();
    await cardIn('Solution', filled).waitFor();
    await page.getByText(`${filled} moved to Solution`).waitFor();
    await expect(page.getByText(`${filled} moved to Solution (override recorded)`).count()).resolves.toBe(0);
  });

  it('lets the rep score the qualification the move waits for in the dialog, recovering from a concurrent score, and completes the move there', async () => {
    await moveWithMenu(scored, 'Solution', 'Proposal');
    const refusal = page.getByTestId('gate-blocked');
    await refusal.getByText('BANT score at least 6').waitFor();
    await refusal.getByRole('button', { name: 'Score BANT here' }).click();
    const form = refusal.getByRole('form', { name: 'Score BANT' });
    await form.waitFor();
    // Per-field errors: evidence beyond the contract's limit is named on its element, and saving waits.
    const evidence = form.getByRole('textbox', { name: 'Budget evidence' });
    await evidence.fill('x'.repeat(2001));
    await form.getByText('Evidence: at most 2000 characters').waitFor();
    await expect(form.getByRole('button', { name: 'Save BANT' }).isDisabled()).resolves.toBe(true);
    await evidence.fill('Budget approved by the CFO');
    await score(form, 'Budget', 2);
    await score(form, 'Authority', 2);
    // Someone scores the deal meanwhile: the save is refused as stale and their scores are shown.
    await rep.request('PUT', `/api/v1/deals/${scoredId}/qualification/${bant}`, { scores: [{ elementKey: 'need', score: 1 }] });
    await form.getByRole('button', { name: 'Save BANT' }).click();
    await form.getByText('Someone scored this deal meanwhile', { exact: false }).waitFor();
    await form.getByText('1 of 12').waitFor();
    await score(form, 'Budget', 2);
    await score(form, 'Authority', 2);
    await score(form, 'Need', 2);
    await form.getByText('6 of 12').waitFor();
    // The dialog with its scoring form (the board under it is checked by the accessibility journey).
    const violations = await seriousViolations(page, '[role="dialog"]');
    expect(violations, describeViolations(violations)).toEqual([]);
    if (SHOTS) {
      await settled(page).catch(() => undefined);
      await page.screenshot({ path: resolve(SHOTS, 'board-gate-scoring.png'), timeout: 60_000 });
    }
    await form.getByRole('button', { name: 'Save BANT' }).click();
    // The dialog asks the gate again: nothing is missing, and the move completes from here.
    await page.getByRole('dialog', { name: `${scored} is ready to move to Proposal` }).waitFor();
    await refusal.getByRole('button', { name: 'Move to Proposal' }).click();
    await cardIn('Proposal', scored).waitFor();
    await page.getByText(`${scored} moved to Proposal`).waitFor();
  });

  it('keeps the move pending through a detour to the deal, and finishes it from the deal page', async () => {
    await moveWithMenu(detour, 'Solution', 'Proposal');
    const refusal = page.getByTestId('gate-blocked');
    await refusal.getByText('BANT score at least 6').waitFor();
    await refusal.getByRole('link', { name: 'Score it on the deal' }).click();
    await page.getByRole('heading', { level: 1, name: detour }).waitFor();
    const pendingAt = page.url();
    expect(new URL(pendingAt).searchParams.get('move')).toBeTruthy();
    const banner = page.getByRole('region', { name: 'Finish moving to Proposal' });
    await banner.waitFor();
    // Dismissed, the banner goes and the address forgets the move; the address brings it back (a reload too).
    await banner.getByRole('button', { name: 'Dismiss the pending move' }).click();
    await expect.poll(() => banner.count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('move')).toBeNull();
    await page.goto(pendingAt);
    await banner.waitFor();
    await banner.getByText('Still missing: BANT score at least 6', { exact: false }).waitFor();
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    // Scored on the deal page; the banner asks the gate again and the move completes from it.
    const form = page.getByRole('region', { name: 'Qualification' }).getByRole('form', { name: 'Score BANT' });
    for (const element of ['Budget', 'Authority', 'Need']) await score(form, element, 2);
    await form.getByRole('button', { name: 'Save BANT' }).click();
    await banner.getByText('Everything Proposal needs is done.').waitFor();
    await banner.getByRole('button', { name: 'Move to Proposal' }).click();
    await page.getByText(`${detour} moved to Proposal`).waitFor();
    await expect(banner.count()).resolves.toBe(0);
    expect(new URL(page.url()).searchParams.get('move')).toBeNull();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline board' }).click();
    await cardIn('Proposal', detour).waitFor();
  });

  it('moves a card with the keyboard through its "Move to…" menu, asking the reason when it is lost', async () => {
    const menuButton = cardIn('Qualify', other).getByRole('button', { name: `Move ${other} to…` });
    await menuButton.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Closed Lost' }).press('Enter');
    const reason = page.getByRole('dialog', { name: `Close ${other} as lost` });
    await reason.waitFor();
    await reason.getByLabel('Lost reason').fill('Compet');
    await page.getByRole('option', { name: 'Competitor' }).click();
    await reason.getByRole('button', { name: 'Close as lost' }).click();
    await cardIn('Closed Lost', other).waitFor();
    await expect(cardIn('Qualify', other).count()).resolves.toBe(0);
  });
});

describe('a column of many deals', () => {
  it('draws only the cards in view, pages the rest in as the column is scrolled, and keeps its place through a move', async () => {
    // A workspace of its own, so the 130 deals touch no other step.
    const crowd = await createOrg(server);
    const { workspace_id: workspaceId } = await server.database.db
      .selectFrom('users')
      .select('workspace_id')
      .where('id', '=', crowd.repA.id)
      .executeTakeFirstOrThrow();
    await crowdStage(server.database.db, { workspaceId, ownerId: crowd.repA.id, stageName: 'Proposal', count: 130, prefix: 'Crowded' });
    const p = await signInAs(browser, server, crowd.repA);
    await p.goto(`${server.url}/board`);
    const proposal = p.locator('[data-testid="board-column"][data-stage-name="Proposal"]');
    const cards = proposal.getByTestId('deal-card');
    await cards.first().waitFor();
    // The count is of every deal in the stage, not of the first page.
    await expect(proposal.getByTestId('column-totals').textContent()).resolves.toMatch(/^130 deals/);

    // Scrolled down most of a column's height at a time: every deal comes into view once, the first 50 from the
    // board and the rest a page at a time, while only a screenful of cards is ever drawn.
    const scroller = proposal.getByTestId('column-cards');
    const seen = new Set<string>();
    let mostDrawn = 0;
    const started = Date.now();
    await expect
      .poll(
        async () => {
          // One round trip per step: the cards drawn now, then scroll on.
          const drawn = await scroller.evaluate((el) => {
            const names = Array.from(el.querySelectorAll('[data-testid="deal-card"] a'), (a) => (a as { textContent: string | null }).textContent ?? '');
            el.scrollTop += el.clientHeight * 0.8;
            return names;
          });
          mostDrawn = Math.max(mostDrawn, drawn.length);
          for (const name of drawn) seen.add(name);
          return seen.size;
        },
        { timeout: 120_000, interval: 50 },
      )
      .toBe(130);
    console.log(`board column: 130 deals scrolled through in ${Date.now() - started} ms, at most ${mostDrawn} cards drawn`);
    expect([...seen].sort()).toEqual(Array.from({ length: 130 }, (_, i) => `Crowded ${String(i).padStart(4, '0')}`));
    expect(mostDrawn).toBeGreaterThan(0);
    expect(mostDrawn).toBeLessThan(30);
    await expect.poll(() => proposal.getByText(/more below|Loading more/).count()).toBe(0);

    // A move from the bottom of the column goes the one way every move goes, and the column stays where it was.
    const last = 'Crowded 0129';
    await proposal
      .getByTestId('deal-card')
      .filter({ hasText: last })
      .getByRole('button', { name: `Move ${last} to…` })
      .click();
    await p.getByRole('menuitem', { name: 'Negotiation' }).click();
    await p.getByText(`${last} moved to Negotiation`).waitFor();
    await p.locator('[data-testid="board-column"][data-stage-name="Negotiation"]').getByTestId('deal-card').filter({ hasText: last }).waitFor();
    await expect.poll(() => proposal.getByTestId('column-totals').textContent()).toMatch(/^129 deals/);
    await settled(p);
    await proposal.getByTestId('deal-card').filter({ hasText: 'Crowded 0128' }).waitFor();
    expect(await cards.count()).toBeLessThan(30);
    const violations = await seriousViolations(p);
    expect(violations, describeViolations(violations)).toEqual([]);
    await p.context().close();
  });
});
