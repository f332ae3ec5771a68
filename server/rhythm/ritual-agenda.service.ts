// The agenda of an occurrence, prepared from live data for its kind and read through the caller's
// own visibility: a section the caller may not see says so instead of showing it. "Since" is the
// last held occurrence of the same ritual (or the ritual's interval back when none was held).

import type { AgreementTerms } from '../../api/lead-agreements.js';
import type { Agenda } from '../../api/rituals.js';
import { agreementInForce } from '../alignment/agreements.service.js';
import { listLeads } from '../alignment/leads.service.js';
import { listActionItems } from '../coaching/action-items.service.js';
import { listSessions } from '../coaching/sessions.service.js';
import type { Ctx } from '../context.js';
import { calendarDate } from '../dates.js';
import { AppError } from '../errors.js';
import { getWorkspace } from '../identity/workspaces.service.js';
import { forecastView } from '../measurement/forecast.service.js';
import { kpiValue } from '../measurement/kpi.service.js';
import { adherenceDeals, adherenceMoves } from '../process/adherence-drilldown.service.js';
import { getOccurrence, readableOccurrence } from './ritual-occurrences.service.js';
import { attendeesOf, lastHeldBefore } from './rituals.repo.js';

type Section = Agenda['sections'][number];
const DAY = 86_400_000;
const LOOKBACK: Record<string, number> = {
  pipeline_review: 7,
  forecast_call: 7,
  one_on_one: 14,
  practice_lab: 14,
  adherence_review: 31,
  lead_agreement_review: 92,
};

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);

function money(minor: number, currency: string): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency, maximumFractionDigits: 0 }).format(minor / 100);
}

/** A section that needs data the caller may not read shows why instead of failing the agenda. */
async function guarded(key: string, title: string, build: () => Promise<Section>): Promise<Section> {
  try {
    return await build();
  } catch (error) {
    if (error instanceof AppError && (error.code === 'forbidden' || error.code === 'not_found'))
      return { key, title, figures: [], items: [], note: 'Not shown: your role does not see these records.' };
    throw error;
  }
}

async function pipelineSections(ctx: Ctx, teamId: string, since: number, tz: string): Promise<Section[]> {
  const today = calendarDate(ctx.now(), tz);
  const risk = await guarded('at-risk', 'Deals at risk', async () => {
    const [aging, noNext] = await Promise.all([
      adherenceDeals(ctx, { filter: 'aging', teamId, limit: 25 }),
      adherenceDeals(ctx, { filter: 'noNextStep', teamId, limit: 25 }),
    ]);
    const seen = new Set<string>();
    const items = [
      ...aging.items.map((d) => ({ d, why: `${d.daysInStage} days in ${d.stageName} (limit ${d.agingDays})` })),
      ...noNext.items.map((d) => ({ d, why: `no next step, in ${d.stageName}` })),
    ]
      .filter(({ d }) => !seen.has(d.dealId) && seen.add(d.dealId))
      .map(({ d, why }) => ({ label: `${d.dealName} — ${d.ownerName}`, detail: `${why}; ${money(d.amount, d.currency)}`, path: `/deals/${d.dealId}` }));
    return {
      key: 'at-risk',
      title: 'Deals at risk',
      figures: [
        { label: 'Past their stage aging limit', value: `${aging.items.length}${aging.nextCursor ? '+' : ''}` },
        { label: 'Without a next step', value: `${noNext.items.length}${noNext.nextCursor ? '+' : ''}` },
      ],
      items,
      note: items.length === 0 ? 'No deal is past its aging limit or without a next step.' : null,
    };
  });
  const moves = await guarded('moves', 'Stage moves since the last review', async () => {
    const page = await adherenceMoves(ctx, { from: calendarDate(since, tz), to: today, teamId, limit: 50 });
    const recent = page.items.filter((m) => Date.parse(m.at) >= since);
    return {
      key: 'moves',
      title: 'Stage moves since the last review',
      figures: [
        { label: 'Moves', value: `${recent.length}${page.nextCursor ? '+' : ''}` },
        { label: 'Forward', value: String(recent.filter((m) => m.direction > 0).length) },
        { label: 'With an override', value: String(recent.filter((m) => m.overrideReason !== null).length) },
      ],
      items: recent.slice(0, 20).map((m) => ({
        label: `${m.dealName}: ${m.fromStageName ?? '(new)'} → ${m.toStageName}`,
        detail: `${m.ownerName}, ${m.at.slice(0, 10)}${m.adherent ? '' : ' — not adherent'}`,
        path: `/deals/${m.dealId}`,
      })),
      note: recent.length === 0 ? 'No stage moved since the last review.' : null,
    };
  });
  return [risk, moves];
}

async function forecastSection(ctx: Ctx, ownerId: string, currency: string): Promise<Section> {
  return guarded('forecast', 'Forecast roll-up', async () => {
    const view = await forecastView(ctx, { userId: ownerId });
    const total = view.rollup?.total ?? null;
    return {
      key: 'forecast',
      title: `Forecast roll-up — ${view.period.label}`,
      figures: [
        { label: 'Won so far', value: money(view.totals.won, currency) },
        { label: 'Commit (open)', value: money(view.totals.commit, currency) },
        { label: 'Best case (open)', value: money(view.totals.bestCase, currency) },
        { label: 'Pipeline', value: money(view.totals.pipeline, currency) },
        ...(total ? [{ label: 'Team call: commit', value: money(total.commit, currency) }] : []),
      ],
      items: (view.rollup?.rows ?? []).map((r) => ({
        label: r.name,
        detail: `commit ${money(r.commit, currency)}, best case ${money(r.bestCase, currency)}, won ${money(r.won, currency)} (${r.source === 'submitted' ? 'called' : r.source === 'rollup' ? 'rolled up' : 'no call yet'})`,
        path: r.userId ? `/forecast?userId=${r.userId}` : null,
      })),
      note: null,
    };
  });
}

async function adherenceSection(ctx: Ctx, teamId: string): Promise<Section> {
  return guarded('adherence', 'Process adherence', async () => {
    const month = await kpiValue(ctx, 'process_adherence', { scope: 'team', scopeId: teamId, period: undefined });
    return {
      key: 'adherence',
      title: `Process adherence — ${month.period.label}`,
      figures: [
        { label: 'Adherent stage moves', value: pct(month.value) },
        { label: 'Adherent / all moves', value: `${month.numerator ?? 0} / ${month.denominator ?? 0}` },
      ],
      items: [{ label: 'Open the adherence figures', detail: month.kpi.formula, path: `/kpis/process_adherence?scope=team&scopeId=${teamId}` }],
      note: month.value === null ? 'No stage moves in the period yet.' : null,
    };
  });
}

async function leadSection(ctx: Ctx, since: number): Promise<Section> {
  return guarded('lead-sla', 'Lead agreement and SLA', async () => {
    const agreement = await agreementInForce(ctx);
    const terms = agreement ? (JSON.parse(agreement.terms) as AgreementTerms) : null;
    const tally = { routed: 0, acceptMet: 0, acceptBreached: 0, touchMet: 0, touchBreached: 0, openAtRisk: 0 };
    // Newest routed first; stop at the last review (at most 1,000 leads, the SLA figures of the period).
    let cursor: string | undefined;
    for (let page = 0; page < 5; page++) {
      const res = await listLeads(ctx, { sort: '-routedAt', limit: 200, ...(cursor ? { cursor } : {}) });
      let older = false;
      for (const l of res.items) {
        if (!l.routedAt) continue;
        if (Date.parse(l.routedAt) < since) {
          older = true;
          break;
        }
        tally.routed += 1;
        if (l.sla.accept.state === 'met') tally.acceptMet += 1;
        if (l.sla.accept.state === 'breached') tally.acceptBreached += 1;
        if (l.sla.firstTouch.state === 'met') tally.touchMet += 1;
        if (l.sla.firstTouch.state === 'breached') tally.touchBreached += 1;
        if (l.sla.accept.state === 'at_risk' || l.sla.firstTouch.state === 'at_risk') tally.openAtRisk += 1;
      }
      if (older || !res.nextCursor) break;
      cursor = res.nextCursor;
    }
    const share = (a: number, b: number) => (b === 0 ? '—' : pct(a / b));
    return {
      key: 'lead-sla',
      title: agreement ? `Lead agreement v${agreement.number} and its SLA since the last review` : 'Lead agreement',
      figures: [
        { label: 'Leads routed', value: String(tally.routed) },
        { label: 'Accepted or rejected in time', value: share(tally.acceptMet, tally.acceptMet + tally.acceptBreached) },
        { label: 'First touch in time', value: share(tally.touchMet, tally.touchMet + tally.touchBreached) },
        { label: 'Breaches', value: String(tally.acceptBreached + tally.touchBreached) },
        { label: 'Open and at risk now', value: String(tally.openAtRisk) },
        ...(terms
          ? [
              { label: 'SLA: accept within', value: `${terms.sla.acceptWithinHours} business hours` },
              { label: 'SLA: first touch within', value: `${terms.sla.firstTouchWithinHours} business hours` },
              { label: 'MQLs committed per month', value: String(terms.commitments.reduce((s, c) => s + c.mqlsPerMonth, 0)) },
            ]
          : []),
      ],
      items: [{ label: 'Open the lead agreement', detail: null, path: '/lead-agreement' }],
      note: agreement ? null : 'No lead agreement is in force yet: agreeing one is the first item.',
    };
  });
}

async function coachingSection(ctx: Ctx, ritualId: string, ownerId: string): Promise<Section> {
  return guarded('coaching', 'Coaching', async () => {
    const people = (await attendeesOf(ctx.db, ctx.actor.workspaceId, [ritualId])).filter((a) => a.id !== ownerId);
    const coachee = people[0];
    if (!coachee) return { key: 'coaching', title: 'Coaching', figures: [], items: [], note: 'The 1:1 has nobody to coach: add an attendee.' };
    const [held, items] = await Promise.all([
      listSessions(ctx, { coacheeId: coachee.id, state: 'held', limit: 1 }),
      listActionItems(ctx, { coacheeId: coachee.id, open: true }),
    ]);
    const last = held.items[0];
    return {
      key: 'coaching',
      title: `Coaching with ${coachee.name}`,
      figures: [
        { label: 'Last session held', value: last?.heldAt ? last.heldAt.slice(0, 10) : 'none yet' },
        { label: 'Open action items', value: String(items.items.length) },
      ],
      items: [
        ...(last?.sharedNotes ? [{ label: 'Notes from the last session', detail: last.sharedNotes, path: null }] : []),
        ...items.items.map((i) => ({
          label: i.text,
          detail: `${i.owner.name}${i.dueDate ? `, due ${i.dueDate}` : ''}${i.overdue ? ' — overdue' : ''}`,
          path: null,
        })),
        { label: 'Open the coaching home', detail: 'Sessions, skills and focus suggestions', path: '/' },
      ],
      note: null,
    };
  });
}

export async function occurrenceAgenda(ctx: Ctx, id: string): Promise<Agenda> {
  const row = await readableOccurrence(ctx, id);
  const ws = await getWorkspace(ctx);
  const scheduled = Number(row.scheduled_at);
  const last = await lastHeldBefore(ctx.db, row.ritual_id, scheduled);
  const since = last ? Number(last.held_at ?? last.scheduled_at) : Math.min(scheduled, ctx.now()) - (LOOKBACK[row.kind] ?? 7) * DAY;
  let sections: Section[] = [];
  if (row.kind === 'pipeline_review') sections = await pipelineSections(ctx, row.team_id, since, ws.timezone);
  else if (row.kind === 'forecast_call') sections = [await forecastSection(ctx, row.owner_id, ws.currency)];
  else if (row.kind === 'adherence_review') sections = [await adherenceSection(ctx, row.team_id)];
  else if (row.kind === 'lead_agreement_review') sections = [await leadSection(ctx, since)];
  else if (row.kind === 'one_on_one') sections = [await coachingSection(ctx, row.ritual_id, row.owner_id)];
  else
    sections = [
      {
        key: 'practice',
        title: 'Practice lab',
        figures: [],
        items: [{ label: 'Open the scenario library', detail: 'Pick the scenarios the team is least ready for', path: '/practice' }],
        note: null,
      },
    ];
  return { occurrence: await getOccurrence(ctx, id), since: new Date(since).toISOString(), sections };
}
