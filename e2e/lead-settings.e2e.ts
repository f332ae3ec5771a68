// An admin sets up lead routing and business hours in the browser (issue 12): rules by segment,
// territory and size to a team or a named rep, in the order they are tried; the business hours SLA
// clocks run in (working days, hours, a holiday, the time zone). A mistake comes back from the server
// under its field; another admin's save meanwhile (409) loads their values; a new lead then follows
// the rules; saving one form of the page keeps the other's unsaved edits.
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TERMS } from '../server/alignment/testing.js';
import { ApiClient } from './support/api-client.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { launchBrowser } from './support/browser.js';
import { createOrg, type Org, PASSWORD, startServer, type TestServer } from './support/server.js';
import { settled } from './support/settle.js';
import { signInAs } from './support/sign-in.js';

const SHOTS = process.env.FURROW_SCREENSHOTS === '1' ? resolve(import.meta.dirname, '../docs/screenshots') : null;

let server: TestServer;
let org: Org;
let browser: Browser;
let marketingApi: ApiClient;
const suffix = Math.random().toString(36).slice(2, 7);
const teamName: Record<string, string> = {};

interface Settings {
  version: number;
  timezone: string;
  routing: { mode: string; defaultTeamId: string | null; rules: Record<string, unknown>[]; awayUserIds: string[] };
  businessHours: { workingDays: number[]; startMinute: number; endMinute: number; holidays: string[] };
}

beforeAll(async () => {
  server = await startServer();
  org = await createOrg(server);
  browser = await launchBrowser();
  for (const t of (await org.adminApi.get<{ items: { id: string; name: string }[] }>('/api/v1/teams')).items) teamName[t.id] = t.name;
  const email = `mia-${suffix}@example.test`;
  await org.adminApi.post('/api/v1/users', { email, name: 'Mia Marketing', role: 'marketing', teamId: null, password: PASSWORD });
  marketingApi = await ApiClient.login(server.url, email, PASSWORD);
  // An agreement in force, so a hot lead becomes an MQL and is routed.
  const draft = await marketingApi.post<{ id: string; version: number }>('/api/v1/lead-agreements', { terms: TERMS });
  const proposed = await marketingApi.post<{ version: number }>(`/api/v1/lead-agreements/${draft.id}/propose`, { version: draft.version });
  const approved = await marketingApi.post<{ version: number }>(`/api/v1/lead-agreements/${draft.id}/approve`, { version: proposed.version });
  await org.adminApi.post(`/api/v1/lead-agreements/${draft.id}/approve`, { version: approved.version });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a select and picks an option; typing first narrows a long list (the time zones). */
async function pick(page: Page, scope: ReturnType<Page['getByRole']>, label: string, option: string, typed?: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true }).first();
  await input.click();
  if (typed) await input.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
}

let admin: Page;
let saved: Settings;
// The machine may be loaded by other suites: each step gets room.
const STEP = 300_000;

describe('lead routing and business hours in the browser', () => {
  it(
    'an admin edits the rules, their order and the business hours; a refused closing time shows under its field',
    async () => {
      const east = teamName[org.teams.east] as string;
      const west = teamName[org.teams.west] as string;
      admin = await signInAs(browser, server, org.admin, { height: 1400, timeout: 30_000 });
      await admin.getByRole('link', { name: 'Lead settings' }).click();
      await admin.getByRole('heading', { level: 1, name: 'Lead settings' }).waitFor();
      const form = admin.getByRole('form', { name: 'Routing and business hours' });

      await pick(admin, form, 'Team when no rule matches', west);
      // Rule 1: German companies of 10 to 500 people → West.
      await form.getByRole('button', { name: 'Add a rule' }).click();
      const first = form.getByRole('group', { name: 'Rule 1' });
      await first.getByLabel('Country (territory)').fill('DE');
      await first.getByLabel('Company size from').fill('10');
      await first.getByLabel('Company size up to').fill('500');
      await pick(admin, first, 'Team', west);
      // Rule 2: the enterprise segment → East, straight to Riley; then tried first.
      await form.getByRole('button', { name: 'Add a rule' }).click();
      const second = form.getByRole('group', { name: 'Rule 2' });
      await second.getByLabel('Segment').fill('enterprise');
      await pick(admin, second, 'Team', east);
      await pick(admin, second, 'Rep (optional)', org.repA.name);
      await second.getByRole('button', { name: 'Move rule 2 up' }).click();
      await expect.poll(() => form.getByRole('group', { name: 'Rule 1' }).getByLabel('Segment').inputValue()).toBe('enterprise');

      // Business hours: Monday to Thursday, a holiday, Berlin; closing before opening is the server's to refuse.
      await form.getByRole('checkbox', { name: 'Friday' }).uncheck();
      await form.getByLabel('Opens at').fill('08:00');
      await form.getByLabel('Closes at').fill('07:30');
      await form.getByLabel('Holidays').fill('2026-12-25');
      await form.getByLabel('Holidays').press('Enter');
      await pick(admin, form, 'Time zone', 'Europe/Berlin', 'Berlin');
      await form.getByRole('button', { name: 'Save routing and hours' }).click();
      await form.getByText('Must be after the opening time').waitFor();
      await form.getByLabel('Closes at').fill('18:00');
      await form.getByRole('button', { name: 'Save routing and hours' }).click();
      await admin.getByText('Routing and business hours saved').waitFor();
      if (SHOTS) {
        await settled(admin).catch(() => undefined);
        await admin.screenshot({ path: resolve(SHOTS, 'alignment-lead-settings.png'), timeout: 60_000 });
      }
      expect(describeViolations(await seriousViolations(admin))).toBe('');

      saved = await org.adminApi.get<Settings>('/api/v1/lead-settings');
      expect(saved).toMatchObject({
        timezone: 'Europe/Berlin',
        routing: {
          mode: 'round_robin',
          defaultTeamId: org.teams.west,
          rules: [
            { segment: 'enterprise', teamId: org.teams.east, ownerId: org.repA.id },
            { country: 'DE', minSize: 10, maxSize: 500, teamId: org.teams.west },
          ],
        },
        businessHours: { workingDays: [1, 2, 3, 4], startMinute: 480, endMinute: 1080, holidays: ['2026-12-25'] },
      });
    },
    STEP,
  );

  it(
    'new leads follow the saved rules: the enterprise segment to the named rep, a German company to its team',
    async () => {
      const hot = {
        firstName: 'Dana',
        lastName: 'Buyer',
        company: 'Acme Soft',
        title: 'VP Sales',
        industry: 'Software',
        companySize: 300,
        behaviours: [{ event: 'demo_request' }],
      };
      const ent = await marketingApi.post<{ lead: { ownerId: string; status: string } }>('/api/v1/leads', {
        ...hot,
        email: `e-${suffix}@ent.example`,
        segment: 'enterprise',
      });
      expect(ent.lead).toMatchObject({ status: 'mql', ownerId: org.repA.id });
      const de = await marketingApi.post<{ lead: { ownerId: string } }>('/api/v1/leads', { ...hot, email: `d-${suffix}@de.example`, country: 'DE' });
      expect(de.lead.ownerId).toBe(org.repB.id);
    },
    STEP,
  );

  it(
    'another admin saved meanwhile: the save is refused (409) and their values are loaded',
    async () => {
      const form = admin.getByRole('form', { name: 'Routing and business hours' });
      await org.adminApi.request('PUT', '/api/v1/lead-settings', {
        version: saved.version,
        routing: saved.routing,
        businessHours: { ...saved.businessHours, holidays: ['2026-12-25', '2026-12-31'] },
      });
      await form.getByRole('checkbox', { name: 'Saturday' }).check();
      await form.getByRole('button', { name: 'Save routing and hours' }).click();
      await admin.getByText('Another admin changed the lead settings meanwhile', { exact: false }).waitFor();
      await form.getByText('2026-12-31').waitFor();
      expect(await form.getByRole('checkbox', { name: 'Saturday' }).isChecked()).toBe(false);
      const after = await org.adminApi.get<Settings>('/api/v1/lead-settings');
      expect(after.businessHours.workingDays).toEqual([1, 2, 3, 4]);
    },
    STEP,
  );

  it(
    'saving one form keeps the unsaved edits of the other: both saves land',
    async () => {
      const saved = () => admin.waitForResponse((r) => r.url().endsWith('/api/v1/lead-settings') && r.request().method() === 'PUT' && r.ok());
      const routing = admin.getByRole('form', { name: 'Routing and business hours' });
      const reassign = admin.getByRole('form', { name: 'Reassignment on SLA breach' });
      const onBreach = reassign.getByRole('switch', { name: 'Reassign a lead whose SLA is breached' });
      const most = reassign.getByLabel('Reassignments per lead, at most');
      // Reassignment edited, not saved; then routing saved (a new version of the one record).
      await onBreach.check();
      await most.fill('3');
      await routing.getByRole('checkbox', { name: 'Friday' }).check();
      // The save's own answer, not its toast: an earlier step's "saved" toast may still be showing.
      await Promise.all([saved(), routing.getByRole('button', { name: 'Save routing and hours' }).click()]);
      await expect
        .poll(() => org.adminApi.get<Settings>('/api/v1/lead-settings').then((s) => s.businessHours.workingDays), { timeout: 15_000 })
        .toEqual([1, 2, 3, 4, 5]);
      expect(await onBreach.isChecked()).toBe(true);
      expect(await most.inputValue()).toBe('3');
      // And the other way round: routing edited, reassignment saved.
      await routing.getByRole('checkbox', { name: 'Friday' }).uncheck();
      const saveReassign = reassign.getByRole('button', { name: 'Save' });
      await Promise.all([saved(), saveReassign.click()]);
      // Settled: the answer is in and the button is no longer busy (the toast text may be an earlier one's).
      await expect.poll(() => saveReassign.getAttribute('data-loading'), { timeout: 15_000 }).toBeNull();
      expect(await routing.getByRole('checkbox', { name: 'Friday' }).isChecked()).toBe(false);
      await Promise.all([saved(), routing.getByRole('button', { name: 'Save routing and hours' }).click()]);
      await expect
        .poll(() => org.adminApi.get<Settings & { slaReassign: unknown }>('/api/v1/lead-settings'), { timeout: 15_000 })
        .toMatchObject({ businessHours: { workingDays: [1, 2, 3, 4] }, slaReassign: { enabled: true, maxPerLead: 3 } });
    },
    STEP,
  );
});
