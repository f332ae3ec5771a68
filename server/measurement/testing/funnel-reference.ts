// An independent computation of the funnel and compliance KPIs for tests: reads the raw lead rows,
// their history and touches, and works every figure out in plain TypeScript. The SLA due instants
// and business minutes are recomputed here from the business-hours rule and the agreement's terms
// rather than read from the stored columns, so the values written at routing are checked too.
import type { Kysely } from 'kysely';
import type { AgreementTerms } from '../../../api/lead-agreements.js';
import { addBusinessMinutes, type BusinessCalendar, businessMinutesBetween } from '../../alignment/business-hours.js';
import type { DB } from '../../db/schema.js';
import { dealsAt, loadRefData, type RefData, type RefRange } from './reference.js';

const DAY = 86_400_000;

interface Lead {
  id: string;
  owner_id: string | null;
  segment: string | null;
  source: string;
  campaign_id: string | null;
  deal_id: string | null;
  routed_at: number | null;
  agreement_id: string | null;
  deleted_at: number | null;
}

export interface FunnelData {
  leads: Lead[];
  transitions: { id: string; lead_id: string; from_status: string | null; to_status: string; reason: string | null; at: number }[];
  touches: { id: string; lead_id: string; reached: number; at: number }[];
  agreements: { id: string; terms: AgreementTerms; in_force_at: number | null; superseded_at: number | null }[];
  cal: BusinessCalendar;
  currency: string;
  deals: RefData;
}

const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export async function loadFunnelData(db: Kysely<DB>, workspaceId: string): Promise<FunnelData> {
  const [leads, transitions, touches, agreements, settings, ws] = await Promise.all([
    db
      .selectFrom('leads')
      .select(['id', 'owner_id', 'segment', 'source', 'campaign_id', 'deal_id', 'routed_at', 'agreement_id', 'deleted_at'])
      .where('workspace_id', '=', workspaceId)
      .execute(),
    db.selectFrom('lead_transitions').select(['id', 'lead_id', 'from_status', 'to_status', 'reason', 'at']).where('workspace_id', '=', workspaceId).execute(),
    db.selectFrom('lead_touches').select(['id', 'lead_id', 'reached', 'at']).where('workspace_id', '=', workspaceId).execute(),
    db.selectFrom('lead_agreements').select(['id', 'terms', 'in_force_at', 'superseded_at']).where('workspace_id', '=', workspaceId).execute(),
    db.selectFrom('lead_settings').select('business_hours').where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow(),
    db.selectFrom('workspaces').select(['timezone', 'currency']).where('id', '=', workspaceId).executeTakeFirstOrThrow(),
  ]);
  return {
    leads: leads.map((l) => ({ ...l, routed_at: n(l.routed_at), deleted_at: n(l.deleted_at) })),
    transitions: transitions.map((t) => ({ ...t, at: Number(t.at) })),
    touches: touches.map((t) => ({ ...t, reached: Number(t.reached), at: Number(t.at) })),
    agreements: agreements.map((a) => ({ id: a.id, terms: JSON.parse(a.terms), in_force_at: n(a.in_force_at), superseded_at: n(a.superseded_at) })),
    cal: { ...JSON.parse(settings.business_hours), timezone: ws.timezone },
    currency: ws.currency,
    deals: await loadRefData(db, workspaceId),
  };
}

export interface FunnelQuery {
  range: RefRange;
  at: number;
  owners: Set<string> | null;
  group?: 'source' | 'campaign' | 'segment';
}

const median = (xs: number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const div = (a: number, b: number) => (b > 0 ? a / b : null);

/** Every funnel KPI's value for one query (groups: each KPI's value per group key). */
export function funnelFigures(data: FunnelData, q: FunnelQuery): Record<string, number | null> {
  const inRange = (t: number) => t >= q.range.start && t < q.range.end && t <= q.at;
  const inScope = (l: Lead) => l.deleted_at === null && (q.owners === null || (l.owner_id !== null && q.owners.has(l.owner_id)));
  const history = (l: Lead) => data.transitions.filter((t) => t.lead_id === l.id && t.at <= q.at);
  const deals = dealsAt(data.deals, q.at);
  const reached = (l: Lead, stage: string) => {
    const h = history(l);
    if (stage === 'mql') return true;
    if (stage === 'won') return h.some((t) => t.to_status === 'converted') && l.deal_id !== null && deals.get(l.deal_id)?.status === 'won';
    return h.some((t) => t.to_status === stage);
  };
  const firstMql = (l: Lead) => {
    const ats = history(l)
      .filter((t) => t.to_status === 'mql')
      .map((t) => t.at);
    return ats.length ? Math.min(...ats) : null;
  };
  const cohort = data.leads.filter((l) => {
    const m = firstMql(l);
    return inScope(l) && m !== null && inRange(m);
  });
  const out: Record<string, number | null> = {};
  out.lead_mqls = cohort.length;
  // Before the funnel: leads by the instant of their first `new` row, the workspace's only.
  const arrivedAt = (l: Lead) => {
    const ats = history(l)
      .filter((t) => t.to_status === 'new')
      .map((t) => t.at);
    return ats.length ? Math.min(...ats) : null;
  };
  const arrived = data.leads.filter((l) => {
    const a = arrivedAt(l);
    return l.deleted_at === null && a !== null && inRange(a);
  });
  out.new_to_mql = q.owners === null ? div(arrived.filter((l) => firstMql(l) !== null).length, arrived.length) : null;
  const conv = (from: string, to: string) => {
    const base = cohort.filter((l) => reached(l, from));
    return div(base.filter((l) => reached(l, to)).length, base.length);
  };
  out.mql_to_sal = conv('mql', 'accepted');
  out.sal_to_sql = conv('accepted', 'sql');
  out.sql_to_opportunity = conv('sql', 'converted');
  out.opportunity_to_won = conv('converted', 'won');
  out.mql_to_won = conv('mql', 'won');

  // Velocity and revenue: leads converted by the instant whose deal is won with its close date in
  // the period (a lost or open deal is left out); a deal several leads name, once (smallest lead id).
  const wonLeads = data.leads.filter((l) => {
    if (!inScope(l) || l.deal_id === null || !history(l).some((t) => t.to_status === 'converted')) return false;
    const deal = deals.get(l.deal_id);
    if (deal?.status !== 'won' || deal.closeDate < q.range.from || deal.closeDate > q.range.to) return false;
    return !data.leads.some((o) => o.deal_id === l.deal_id && o.deleted_at === null && o.id < l.id);
  });
  const wonDeal = (l: Lead) => deals.get(l.deal_id as string) as NonNullable<ReturnType<typeof deals.get>>;
  const days = wonLeads.flatMap((l) => {
    const from = firstMql(l) ?? arrivedAt(l);
    return from === null ? [] : [((wonDeal(l).closedAt as number) - from) / DAY];
  });
  out.lead_to_won_days = median(days);
  out.lead_revenue = wonLeads.filter((l) => wonDeal(l).currency === data.currency).reduce((sum, l) => sum + wonDeal(l).amount, 0);

  // Speed to lead: each lead's first touch since routing, when it falls in the period.
  const minutes: number[] = [];
  for (const l of data.leads) {
    if (!inScope(l) || l.routed_at === null) continue;
    const first = data.touches
      .filter((t) => t.lead_id === l.id && t.at >= (l.routed_at as number) && t.at <= q.at)
      .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1))[0];
    if (first && inRange(first.at)) minutes.push(businessMinutesBetween(data.cal, l.routed_at, first.at));
  }
  const med = median(minutes);
  out.speed_to_lead = med === null ? null : med / 60;
  const sorted = [...minutes].sort((a, b) => a - b);
  out.speed_to_lead_p95 = sorted.length === 0 ? null : (sorted[Math.ceil(0.95 * sorted.length) - 1] as number) / 60;
  for (const within of [5, 15, 60]) out[`speed_to_lead_${within}m`] = div(minutes.filter((m) => m <= within).length, minutes.length);

  // The clocks: recomputed from the terms of the agreement that qualified the lead.
  let accept = [0, 0];
  let touch = [0, 0];
  let attempts = [0, 0];
  for (const l of data.leads) {
    if (!inScope(l) || l.routed_at === null || !inRange(l.routed_at)) continue;
    const sla = data.agreements.find((a) => a.id === l.agreement_id)?.terms.sla;
    if (!sla) continue;
    const routedAt = l.routed_at;
    const since = (xs: { at: number }[]) => xs.filter((x) => x.at >= routedAt && x.at <= q.at).map((x) => x.at);
    const first = (xs: number[]) => (xs.length ? Math.min(...xs) : null);
    const h = data.transitions.filter((t) => t.lead_id === l.id);
    const decided = first(since(h.filter((t) => t.from_status === 'mql' && (t.to_status === 'accepted' || t.to_status === 'rejected'))));
    const rejected = first(since(h.filter((t) => t.to_status === 'rejected')));
    const touches = data.touches.filter((t) => t.lead_id === l.id);
    const touched = first(since(touches));
    const clock = (due: number, stop: number | null) => {
      if (stop !== null) return stop <= due ? 'met' : 'missed';
      return due < q.at ? 'missed' : 'open';
    };
    const tally = (acc: number[], state: string) => (state === 'open' ? acc : [(acc[0] as number) + (state === 'met' ? 1 : 0), (acc[1] as number) + 1]);
    accept = tally(accept, clock(addBusinessMinutes(data.cal, routedAt, sla.acceptWithinHours * 60) as number, decided));
    touch = tally(touch, clock(addBusinessMinutes(data.cal, routedAt, sla.firstTouchWithinHours * 60) as number, touched ?? rejected));
    const windowEnd = routedAt + sla.attemptsWithinDays * DAY;
    const until = Math.min(windowEnd, q.at);
    const inWindow = touches.filter((t) => t.at >= routedAt && t.at <= until);
    const met = inWindow.some((t) => t.reached === 1) || inWindow.length >= sla.attempts;
    const excused = !met && h.some((t) => t.to_status === 'rejected' && t.at >= routedAt && t.at <= until);
    if (met) attempts = tally(attempts, 'met');
    else if (!excused && q.at >= windowEnd) attempts = tally(attempts, 'missed');
  }
  out.lead_accept_sla = div(accept[0] as number, accept[1] as number);
  out.lead_touch_sla = div(touch[0] as number, touch[1] as number);
  out.lead_attempts_sla = div(attempts[0] as number, attempts[1] as number);

  // Delivery: MQLs of committed segments ÷ commitments prorated by days, month by month.
  const inForce = (at: number) =>
    data.agreements.find((a) => a.in_force_at !== null && a.in_force_at <= at && (a.superseded_at === null || a.superseded_at > at));
  const committed = (segment: string | null, at: number) =>
    segment !== null && (inForce(at)?.terms.commitments ?? []).some((c) => c.segment.trim().toLowerCase() === segment);
  let commitment = 0;
  for (let day = Date.parse(`${q.range.from}T00:00:00Z`); day <= Date.parse(`${q.range.to}T00:00:00Z`); day += DAY) {
    const date = new Date(day);
    const daysInMonth = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
    // The month's commitment is read on the first day of the period in that month.
    const firstOfSlice = Math.max(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1), Date.parse(`${q.range.from}T00:00:00Z`));
    const readAt = Math.min(q.range.start + (firstOfSlice - Date.parse(`${q.range.from}T00:00:00Z`)), q.at);
    for (const c of inForce(readAt)?.terms.commitments ?? []) commitment += c.mqlsPerMonth / daysInMonth;
  }
  const delivered = cohort.filter((l) => committed(l.segment, firstMql(l) as number)).length;
  out.marketing_delivery = q.owners === null ? div(delivered, commitment) : null;

  out.lead_rejections = data.transitions.filter((t) => {
    const l = data.leads.find((x) => x.id === t.lead_id) as Lead;
    return t.to_status === 'rejected' && inRange(t.at) && inScope(l);
  }).length;
  return out;
}

/** Rejections per reason in the range (the mix). */
export function rejectionMix(data: FunnelData, q: FunnelQuery): Map<string, number> {
  const mix = new Map<string, number>();
  for (const t of data.transitions) {
    if (t.to_status !== 'rejected' || t.at < q.range.start || t.at >= q.range.end || t.at > q.at) continue;
    mix.set(t.reason ?? '(none)', (mix.get(t.reason ?? '(none)') ?? 0) + 1);
  }
  return mix;
}
