// The coaching objectives and suggested focus screenshots in docs/screenshots/, from the demo year as the Field Sales
// manager sees a rep's coaching page (objectives measured in summer with their verified effect, and
// one still running), and the same rep's own view:
//   npx tsx e2e/support/coaching-screenshots.ts [base-url]
// Without a URL it starts its own in-memory server with the demo data. It also says what it saw, so
// a demo without objectives on the manager's reps fails here rather than in a reader's browser.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { ObjectiveList } from '../../api/coaching-objectives.js';
import { launchBrowser } from './browser.js';
import { demoTarget } from './demo-target.js';
import { settled } from './settle.js';

const OUT = resolve(import.meta.dirname, '../../docs/screenshots');
const DEMO_PASSWORD = 'furrow-demo-2026';

async function shot(page: Page, name: string): Promise<void> {
  await settled(page).catch(() => undefined);
  await page.mouse.move(1430, 890);
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: false });
  console.log(`  docs/screenshots/${name}.png`);
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Home ("This week …"), not the login page's own heading: signed in.
  await page.getByRole('heading', { level: 1, name: /week/ }).waitFor({ timeout: 60_000 });
}

const { base, server } = await demoTarget(process.argv[2]);
mkdirSync(OUT, { recursive: true });
const browser = await launchBrowser();
try {
  const options = { viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, locale: 'en-GB', timezoneId: 'Europe/Berlin' } as const;
  const page = await (await browser.newContext(options)).newPage();
  page.setDefaultTimeout(60_000);
  page.on('console', (m) => m.type() === 'error' && console.log(`  [console] ${m.text()}`));
  await signIn(page, 'manager1@demo.furrow.test');
  const session = await page.request.get(`${base}/api/v1/auth/session`);
  if (!session.ok()) throw new Error(`session: ${session.status()} ${await session.text()}`);
  const me = (await session.json()) as { user: { id: string } };
  const all = ((await (await page.request.get(`${base}/api/v1/coaching-objectives?archived=true`)).json()) as ObjectiveList).items;
  console.log(`  manager1 sees ${all.length} objectives: ${all.map((o) => `${o.coachee.name} ${o.kpiId} ${o.status}`).join('; ')}`);
  // Their own rep with the most objectives (one reviewed and one running, where the demo has it).
  const mine = all.filter((o) => o.coach.id === me.user.id);
  const counts = new Map<string, number>();
  for (const o of mine) counts.set(o.coachee.id, (counts.get(o.coachee.id) ?? 0) + 1);
  const repId = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!repId) throw new Error('The demo manager coaches no rep with an objective');
  const rep = mine.find((o) => o.coachee.id === repId)?.coachee.name ?? '';
  await page.goto(`${base}/coaching/people/${repId}`);
  const table = page.getByRole('table', { name: `Objectives of ${rep}` });
  await table.waitFor();
  console.log(`  ${rep}'s page lists ${(await table.getByRole('row').count()) - 1} objectives`);
  await page.getByRole('heading', { level: 2, name: 'Objectives' }).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await shot(page, 'coaching-objectives');
  // The same rep's suggested focus: the levers against the team with their evidence.
  const focus = page.getByRole('list', { name: `Suggested focus for ${rep}` });
  await focus
    .or(page.getByRole('region', { name: 'Too little data' }))
    .first()
    .waitFor();
  console.log(`  ${rep}'s suggested focus: ${(await focus.getByRole('listitem').allInnerTexts()).map((t) => t.split('\n')[0]).join('; ') || 'none'}`);
  // Below the sticky header, with the heading in view.
  await page.getByRole('heading', { level: 2, name: 'Suggested focus' }).evaluate((el) => {
    el.scrollIntoView({ block: 'start' });
    el.ownerDocument.defaultView?.scrollBy(0, -90);
  });
  await shot(page, 'coaching-focus');
} finally {
  await browser.close();
  await server?.close();
}
