// The demo's leads: a year of leads from four sources and campaigns, scored under the agreement in
// force when each arrived (version 2 replaces version 1 mid-year: a lower threshold, webinars
// count, a tighter SLA), routed round robin to the reps, accepted or rejected with realistic SLA
// misses (some reps are slower), touched, qualified or recycled. Deterministic for a workspace.
import type { Insertable, Kysely } from 'kysely';
import type { AgreementTerms } from '../../../api/lead-agreements.js';
import { addBusinessMinutes, type BusinessCalendar, businessMinutesBetween } from '../../alignment/business-hours.js';
import { scoreLead } from '../../alignment/scoring.js';
import { slaDues } from '../../alignment/sla.js';
import { newWebhookSecret } from '../../alignment/webhook-signature.js';
import type { LeadsTable, LeadTouchesTable, LeadTransitionsTable } from '../../db/schema/alignment.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { convertDemoLeads } from './lead-conversions.js';
import { hash32, stringSeed } from './random.js';

const DAY = 86_400_000;
const unit = (...parts: (string | number)[]) => hash32(...parts.map((p) => (typeof p === 'number' ? p : stringSeed(p)))) / 2 ** 32;
const pick = <T>(list: readonly T[], u: number): T => list[Math.min(list.length - 1, Math.floor(u * list.length))] as T;

const V1: AgreementTerms = {
  fit: [
    { id: 'software', label: 'Software or SaaS company', field: 'industry', values: ['Software', 'SaaS'], points: 25 },
    { id: 'mid', label: '50–2000 employees', field: 'companySize', min: 50, max: 2000, points: 20 },
    { id: 'leader', label: 'Sales leader', field: 'title', values: ['vp', 'head of sales', 'cso', 'director'], points: 15 },
    { id: 'student', label: 'Student', field: 'title', values: ['student'], points: -40 },
  ],
  behaviours: [
    { id: 'demo', label: 'Asked for a demo', event: 'demo_request', points: 40 },
    { id: 'pricing', label: 'Visited pricing', event: 'pricing_page', points: 10, maxTimes: 2 },
  ],
  mqlThreshold: 60,
  salDefinition: 'A real person at a company that fits, reachable by phone or email',
  sqlDefinition: 'Need confirmed, budget owner known, next meeting booked',
  rejectionReasons: ['Not a fit', 'Duplicate', 'Student or job seeker', 'Unreachable', 'Competitor'],
  sla: { acceptWithinHours: 8, firstTouchWithinHours: 4, attempts: 3, attemptsWithinDays: 5 },
  commitments: [
    { segment: 'mid', mqlsPerMonth: 40 },
    { segment: 'enterprise', mqlsPerMonth: 10 },
  ],
};
const V2: AgreementTerms = {
  ...V1,
  behaviours: [...V1.behaviours, { id: 'webinar', label: 'Attended a webinar', event: 'webinar', points: 20 }],
  mqlThreshold: 55,
  sla: { acceptWithinHours: 4, firstTouchWithinHours: 1, attempts: 4, attemptsWithinDays: 5 },
  commitments: [
    { segment: 'mid', mqlsPerMonth: 50 },
    { segment: 'enterprise', mqlsPerMonth: 12 },
  ],
};

const SOURCES = ['Website form', 'Paid search', 'Events', 'Partner referral'] as const;
const CAMPAIGNS = [
  { name: 'Spring pipeline webinar', channel: 'webinar', month: 2, budget: 800_000 },
  { name: 'Paid search — sales coaching', channel: 'paid_search', month: 0, budget: 2_400_000 },
  { name: 'Autumn trade fair', channel: 'event', month: 8, budget: 3_500_000 },
  { name: 'Forecasting guide', channel: 'content', month: 5, budget: 400_000 },
] as const;
const INDUSTRIES = ['Software', 'SaaS', 'Manufacturing', 'Retail', 'Banking', 'Healthcare'];
const TITLES = ['VP Sales', 'Head of Sales', 'Sales Director', 'Account Executive', 'CSO', 'Student', 'Marketing Manager', 'Founder'];
const COUNTRIES = ['DE', 'FR', 'NL', 'GB', 'AT', 'CH'];
const FIRST = ['Dana', 'Lea', 'Jonas', 'Mila', 'Tom', 'Ava', 'Noah', 'Ida', 'Finn', 'Lina', 'Omar', 'Sara'];
const LAST = ['Berger', 'Keller', 'Novak', 'Dubois', 'Smit', 'Rossi', 'Lang', 'Meyer', 'Costa', 'Walsh', 'Ito', 'Berg'];
const COMPANIES = ['Northwind', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne', 'Soylent', 'Acme'];

export async function seedLeads(db: Kysely<DB>, input: { workspaceId: string; now: number; log?: (m: string) => void }): Promise<{ leads: number }> {
  const wsId = input.workspaceId;
  const ws = await db.selectFrom('workspaces').selectAll().where('id', '=', wsId).executeTakeFirstOrThrow();
  const users = await db.selectFrom('users').select(['id', 'role', 'team_id']).where('workspace_id', '=', wsId).orderBy('id').execute();
  const reps = users.filter((u) => u.role === 'rep');
  const admin = users.find((u) => u.role === 'admin');
  const marketing = users.find((u) => u.role === 'marketing');
  if (reps.length === 0 || !admin || !marketing) return { leads: 0 };
  const cal: BusinessCalendar = { timezone: ws.timezone, workingDays: [1, 2, 3, 4, 5], startMinute: 9 * 60, endMinute: 17 * 60, holidays: [] };
  const start = input.now - 365 * DAY;
  const mid = input.now - 182 * DAY;

  const agreements = [
    { id: newId(), number: 1, terms: V1, from: start, to: mid as number | null },
    { id: newId(), number: 2, terms: V2, from: mid, to: null },
  ];
  for (const a of agreements) {
    await db
      .insertInto('lead_agreements')
      .values({
        id: a.id,
        workspace_id: wsId,
        number: a.number,
        status: a.to === null ? 'in_force' : 'superseded',
        terms: JSON.stringify(a.terms),
        note: a.number === 1 ? 'First agreement between sales and marketing' : 'Mid-year review: webinars count, faster SLA, lower threshold',
        created_by: marketing.id,
        created_at: a.from - 7 * DAY,
        proposed_at: a.from - 5 * DAY,
        sales_approved_by: admin.id,
        sales_approved_at: a.from - 2 * DAY,
        marketing_approved_by: marketing.id,
        marketing_approved_at: a.from,
        in_force_at: a.from,
        superseded_at: a.to,
        updated_at: a.to ?? a.from,
        version: 4,
      })
      .execute();
    await db
      .insertInto('lead_commitments')
      .values(a.terms.commitments.map((c) => ({ workspace_id: wsId, agreement_id: a.id, segment: c.segment, mqls_per_month: c.mqlsPerMonth })))
      .execute();
  }
  const year = new Date(start).getUTCFullYear();
  const campaigns = CAMPAIGNS.map((c) => ({ ...c, id: newId() }));
  for (const c of campaigns) {
    const startsOn = new Date(Date.UTC(year, new Date(start).getUTCMonth() + c.month, 1)).toISOString().slice(0, 10);
    await db
      .insertInto('campaigns')
      .values({
        id: c.id,
        workspace_id: wsId,
        name: c.name,
        channel: c.channel,
        starts_on: startsOn,
        ends_on: null,
        budget: c.budget,
        currency: ws.currency,
        follow_up: JSON.stringify({
          touches: [
            { day: 0, type: 'call', note: 'Call within the SLA' },
            { day: 1, type: 'email', note: 'Send the guide' },
            { day: 3, type: 'call', note: null },
          ],
          ownerTeamId: reps[0]?.team_id ?? null,
          note: null,
        }),
        created_at: start,
        updated_at: start,
        version: 1,
      })
      .execute();
  }
  for (const name of SOURCES) {
    await db
      .insertInto('lead_sources')
      .values({ id: newId(), workspace_id: wsId, name, secret: newWebhookSecret(), created_by: marketing.id, created_at: start, version: 1 })
      .execute();
  }
  await db
    .insertInto('lead_settings')
    .values({
      workspace_id: wsId,
      routing: JSON.stringify({ mode: 'round_robin', defaultTeamId: reps[0]?.team_id ?? null, rules: [], awayUserIds: [] }),
      business_hours: JSON.stringify({ workingDays: cal.workingDays, startMinute: cal.startMinute, endMinute: cal.endMinute, holidays: [] }),
      last_assigned: '{}',
      sla_reassign: null,
      updated_at: start,
      version: 1,
    })
    .execute();

  const leads: Insertable<LeadsTable>[] = [];
  const transitions: Insertable<LeadTransitionsTable>[] = [];
  const touches: Insertable<LeadTouchesTable>[] = [];
  let rr = 0;
  for (let d = 0; d < 365; d++) {
    const dayStart = start + d * DAY;
    const weekday = new Date(dayStart).getUTCDay();
    const perDay = weekday === 0 || weekday === 6 ? 1 : 3 + Math.floor(unit(wsId, 'n', d) * 4);
    for (let i = 0; i < perDay; i++) {
      const u = (k: string) => unit(wsId, d, i, k);
      const received = dayStart + Math.floor((6 + u('h') * 12) * 3_600_000);
      if (received > input.now) continue;
      const agreement = received < mid ? agreements[0] : agreements[1];
      if (!agreement) continue;
      const campaign = u('c') < 0.6 ? pick(campaigns, u('cc')) : null;
      const behaviours = [
        ...(u('b1') < 0.35 ? [{ event: 'demo_request', at: received }] : []),
        ...(u('b2') < 0.5 ? [{ event: 'pricing_page', at: received }] : []),
        ...(u('b3') < 0.3 || campaign?.channel === 'webinar' ? [{ event: 'webinar', at: received }] : []),
      ];
      const first = pick(FIRST, u('f'));
      const last = pick(LAST, u('l'));
      const company = `${pick(COMPANIES, u('co'))} ${pick(['GmbH', 'BV', 'Ltd', 'SA', 'AG'], u('cs'))}`;
      const facts = {
        industry: pick(INDUSTRIES, u('i')),
        companySize: Math.floor(10 + u('s') ** 2 * 5000),
        title: pick(TITLES, u('t')),
        country: pick(COUNTRIES, u('k')),
        segment: u('seg') < 0.2 ? 'enterprise' : 'mid',
        behaviours,
      };
      const scored = scoreLead(agreement.terms, facts);
      const id = newId();
      const domain = `${company.split(' ')[0]?.toLowerCase()}${d % 50}.example`;
      const row: Insertable<LeadsTable> = {
        id,
        workspace_id: wsId,
        email: `${first.toLowerCase()}.${last.toLowerCase()}${d}${i}@${domain}`,
        domain,
        first_name: first,
        last_name: last,
        company,
        title: facts.title,
        industry: facts.industry,
        company_size: facts.companySize,
        country: facts.country,
        segment: facts.segment,
        source: campaign
          ? campaign.channel === 'paid_search'
            ? 'Paid search'
            : campaign.channel === 'event'
              ? 'Events'
              : 'Website form'
          : pick(SOURCES, u('src')),
        campaign_id: campaign?.id ?? null,
        status: 'new',
        score: scored.score,
        score_explanation: JSON.stringify(scored.points),
        behaviours: JSON.stringify(behaviours),
        agreement_id: null,
        owner_id: null,
        team_id: null,
        rejection_reason: null,
        matched_contact_id: null,
        matched_account_id: null,
        deal_id: null,
        received_at: received,
        mql_at: null,
        routed_at: null,
        first_touch_at: null,
        touches: 0,
        accepted_at: null,
        rejected_at: null,
        sql_at: null,
        converted_at: null,
        external_id: null,
        created_at: received,
        updated_at: received,
        deleted_at: null,
        version: 1,
      };
      const move = (from: string | null, to: string, at: number, reason: string | null = null) =>
        transitions.push({
          id: newId(),
          workspace_id: wsId,
          lead_id: id,
          from_status: from,
          to_status: to,
          actor_id: from === null || to === 'mql' ? null : (row.owner_id ?? null),
          owner_id: row.owner_id ?? null,
          reason,
          agreement_id: row.agreement_id ?? null,
          at,
        });
      move(null, 'new', received);
      if (scored.isMql) {
        const rep = reps[rr++ % reps.length] as (typeof reps)[number];
        // Slow reps (every third) miss the SLA far more often: the compliance figures have a story.
        const slow = reps.indexOf(rep) % 3 === 0;
        const allowance = agreement.terms.sla.acceptWithinHours * 60;
        const late = u('late') < (slow ? 0.35 : 0.08);
        const acceptAfter = late ? allowance * (1.2 + u('lm') * 2) : allowance * (0.05 + u('om') * 0.8);
        Object.assign(row, {
          status: 'mql',
          mql_at: received,
          routed_at: received,
          owner_id: rep.id,
          team_id: rep.team_id,
          agreement_id: agreement.id,
          ...slaDues(cal, agreement.terms.sla, received),
        });
        move('new', 'mql', received);
        const decided = addBusinessMinutes(cal, received, acceptAfter) as number;
        // The last days' MQLs are partly still waiting in the reps' queues, their clocks running.
        const waiting = received > input.now - 3 * DAY && u('open') < 0.6;
        if (decided < input.now && !waiting) {
          const touchAt = addBusinessMinutes(cal, received, Math.max(5, acceptAfter * (0.5 + u('tm') * 0.6))) as number;
          const count = 1 + Math.floor(u('tc') * 4);
          Object.assign(row, { first_touch_at: Math.min(touchAt, input.now), touches: count });
          // Attempts a day apart; slow reps give up after one or two unanswered calls more often.
          for (let t = 0; t < count; t++) {
            const at = Math.min(touchAt + t * DAY, input.now);
            touches.push({
              id: newId(),
              workspace_id: wsId,
              lead_id: id,
              actor_id: rep.id,
              type: t % 2 === 0 ? 'call' : 'email',
              reached: t === count - 1 && u('reach') < 0.7 ? 1 : 0,
              note: null,
              at,
              business_minutes: businessMinutesBetween(cal, received, at),
            });
          }
          if (u('rej') < 0.18) {
            const reason = pick(agreement.terms.rejectionReasons, u('rr') ** 1.5);
            Object.assign(row, { status: 'rejected', rejected_at: decided, rejection_reason: reason, updated_at: decided });
            move('mql', 'rejected', decided, reason);
          } else {
            Object.assign(row, { status: 'accepted', accepted_at: decided, updated_at: decided });
            move('mql', 'accepted', decided);
            const sqlAt = decided + Math.floor((2 + u('sq') * 12) * DAY);
            if (u('q') < 0.45 && sqlAt < input.now) {
              Object.assign(row, { status: 'sql', sql_at: sqlAt, updated_at: sqlAt });
              move('accepted', 'sql', sqlAt);
            } else if (u('rc') < 0.3 && sqlAt < input.now) {
              Object.assign(row, { status: 'recycled', updated_at: sqlAt });
              move('accepted', 'recycled', sqlAt);
            }
          }
        }
      }
      leads.push(row);
    }
  }
  for (let i = 0; i < leads.length; i += 300)
    await db
      .insertInto('leads')
      .values(leads.slice(i, i + 300))
      .execute();
  for (let i = 0; i < transitions.length; i += 300)
    await db
      .insertInto('lead_transitions')
      .values(transitions.slice(i, i + 300))
      .execute();
  for (let i = 0; i < touches.length; i += 300)
    await db
      .insertInto('lead_touches')
      .values(touches.slice(i, i + 300))
      .execute();
  const converted = await convertDemoLeads(db, { workspaceId: wsId, now: input.now });
  input.log?.(
    `  ${leads.length} leads (${converted} converted to deals), ${transitions.length + converted} lead transitions, 2 agreement versions, ${campaigns.length} campaigns`,
  );
  return { leads: leads.length };
}
