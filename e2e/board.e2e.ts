// The board enforces the process: a drag past an unmet exit criterion is refused and explains
// itself, the card goes back, and where the stage allows it the rep moves anyway with a reason.
// The "Move to…" menu moves a card without a mouse; closing as lost asks for the reason.
import dayjs from 'dayjs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './support/api-client.js';
import { launchBrowser } from './support/browser.js';
import { createOrg, type Org, PASSWORD, startServer, type TestServer } from './support/server.js';

let server: TestServer;
let org: Org;
let browser: Browser;
let page: Page;
const gated = 'Umbrella – pilot';
const other = 'Hooli – licences';
const filled = 'Initrode – pilot';

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

  const rep = await ApiClient.login(server.url, org.repA.email, PASSWORD);
  const closeDate = dayjs().add(30, 'day').format('YYYY-MM-DD');
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
      .getByRole('button', { name: /Blocked for Solution/ })
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
