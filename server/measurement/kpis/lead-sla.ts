// The sales side of the lead agreement: speed to lead and compliance with the SLA's three rules
// (accept or reject within N business hours, first touch within M, K attempts within D days while
// unreached). Business-hours arithmetic is done once, when the lead is routed or touched, and
// stored (the due instants on the lead, the business minutes on the touch; decision 0041), so
// these are comparisons of instants from the history, as of any date. Counted for the lead's owner.
import { type RawBuilder, sql } from 'kysely';
import { leadGroupOf } from './lead-funnel.js';
import { NO_NUMBER } from './sql-blocks.js';
import type { FactScope, FactSql, Facts, KpiMeta, SimpleKpi } from './types.js';

const base = {
  measure: 'count',
  version: 1,
  better: 'higher',
  cumulative: false,
  audience: 'funnel',
  breakdown: null,
} as const satisfies Partial<KpiMeta>;

/** Leads routed in the period whose clock is stored, in scope. */
const routed = (s: FactScope, q: FactSql, due: string) =>
  sql`l.workspace_id = ${s.workspaceId} and l.deleted_at is null and ${sql.ref(`l.${due}`)} is not null
    and ${q.inInstants('l.routed_at')} and l.routed_at <= ${s.at} and ${q.owner('l.owner_id')}`;

/** The first history row of the lead since its routing, known by the instant. */
const firstSince = (s: FactScope, table: 'lead_transitions' | 'lead_touches', where: RawBuilder<unknown>) =>
  sql`(select min(x.at) from ${sql.table(table)} x
      where x.workspace_id = ${s.workspaceId} and x.lead_id = l.id and x.at >= l.routed_at and x.at <= ${s.at} and ${where})`;

/**
 * One row per lead first touched in the period (its first touch since its latest routing, business
 * minutes known), with the given num, den and v over the touch `t`: the speed-to-lead KPIs differ
 * only in what they make of the minutes.
 */
export function firstTouchFacts(num: RawBuilder<unknown>, den: RawBuilder<unknown>, v: RawBuilder<unknown>) {
  return (s: FactScope, q: FactSql): Facts => ({
    needs: [],
    select: sql`select l.id as record_id, cast(null as text) as deal_id, ${leadGroupOf(s, null)} as grp, l.owner_id as own,
        ${q.instantBucket('t.at')} as b, ${num} as num, ${den} as den, ${v} as v, t.at as at
      from lead_touches t
      join leads l on l.id = t.lead_id
      where t.workspace_id = ${s.workspaceId} and ${q.inInstants('t.at')} and t.at <= ${s.at} and t.business_minutes is not null
        and l.deleted_at is null and l.routed_at is not null and t.at >= l.routed_at and ${q.owner('l.owner_id')}
        and not exists (
          select 1 from lead_touches e
          where e.workspace_id = ${s.workspaceId} and e.lead_id = t.lead_id and e.at >= l.routed_at and (e.at < t.at or (e.at = t.at and e.id < t.id))
        )`,
  });
}

export const speedToLead: SimpleKpi = {
  kind: 'simple',
  meta: {
    ...base,
    id: 'speed_to_lead',
    name: 'Speed to lead',
    formula: 'median business hours from routing to the first human touch, leads first touched in the period',
    unit: 'hours',
    basis: 'first_touch',
    better: 'lower',
    numeratorLabel: 'First touches',
    denominatorLabel: null,
    notes: [
      'Business hours of the workspace (working days, hours, holidays, time zone) as they were when the touch was logged.',
      'The first touch after the lead’s latest routing; a lead never touched has no time yet (the first-touch SLA counts it).',
    ],
  },
  aggregate: 'median',
  scale: 1 / 60,
  records: 'lead',
  facts: firstTouchFacts(NO_NUMBER, NO_NUMBER, sql`t.business_minutes`),
};

/** A clock rule: met when it stopped by its due instant; settled once stopped or overdue. */
function clockRule(due: 'accept_due_at' | 'touch_due_at', stop: (s: FactScope) => RawBuilder<unknown>) {
  return (s: FactScope, q: FactSql): Facts => ({
    needs: [],
    select: sql`select z.id as record_id, cast(null as text) as deal_id, z.grp, z.own, ${q.instantBucket('z.routed_at')} as b,
        case when z.stopped_at is not null and z.stopped_at <= z.due then 1 else 0 end as num, 1 as den, ${NO_NUMBER} as v, z.routed_at as at
      from (
        select l.id, ${leadGroupOf(s, null)} as grp, l.owner_id as own, l.routed_at, ${sql.ref(`l.${due}`)} as due, ${stop(s)} as stopped_at
        from leads l
        where ${routed(s, q, due)}
      ) z
      where z.stopped_at is not null or z.due < ${s.at}`,
  });
}

const clockNotes = (what: string) => [
  `Leads routed in the period, once their ${what} clock is settled: stopped, or past its due instant by the as-of instant (a clock still running does not count yet).`,
  'The due instant is fixed when the lead is routed, from the SLA of the agreement that qualified it and the business hours then.',
];

export const leadAcceptSla: SimpleKpi = {
  kind: 'simple',
  meta: {
    ...base,
    id: 'lead_accept_sla',
    name: 'Accept SLA compliance',
    formula: 'leads accepted or rejected within the agreed business hours of routing ÷ leads routed in the period whose accept clock is settled',
    unit: 'ratio',
    basis: 'routed',
    numeratorLabel: 'Decided in time',
    denominatorLabel: 'Accept clocks settled',
    notes: clockNotes('accept'),
  },
  aggregate: 'ratio',
  scale: 1,
  records: 'lead',
  facts: clockRule('accept_due_at', (s) => firstSince(s, 'lead_transitions', sql`x.from_status = 'mql' and x.to_status in ('accepted', 'rejected')`)),
};

export const leadTouchSla: SimpleKpi = {
  kind: 'simple',
  meta: {
    ...base,
    id: 'lead_touch_sla',
    name: 'First-touch SLA compliance',
    formula: 'leads first touched (or rejected) within the agreed business hours of routing ÷ leads routed in the period whose first-touch clock is settled',
    unit: 'ratio',
    basis: 'routed',
    numeratorLabel: 'Touched in time',
    denominatorLabel: 'First-touch clocks settled',
    notes: [...clockNotes('first-touch'), 'A rejection stops the clock too: a rejected lead needs no touch.'],
  },
  aggregate: 'ratio',
  scale: 1,
  records: 'lead',
  facts: clockRule(
    'touch_due_at',
    (s) => sql`coalesce(${firstSince(s, 'lead_touches', sql`1 = 1`)}, ${firstSince(s, 'lead_transitions', sql`x.to_status = 'rejected'`)})`,
  ),
};

export const leadAttemptsSla: SimpleKpi = {
  kind: 'simple',
  meta: {
    ...base,
    id: 'lead_attempts_sla',
    name: 'Attempts SLA compliance',
    formula:
      'leads reached, or given the agreed number of attempts, within the agreed days of routing ÷ leads routed in the period whose attempts rule is settled',
    unit: 'ratio',
    basis: 'routed',
    numeratorLabel: 'Reached or attempted enough',
    denominatorLabel: 'Attempt windows settled',
    notes: [
      'Met as soon as a touch reaches the lead, or the agreed number of touches is made, inside the window (calendar days from routing).',
      'A lead rejected inside the window without either needs no attempts and does not count; a window still open does not count yet.',
    ],
  },
  aggregate: 'ratio',
  scale: 1,
  records: 'lead',
  facts: (s, q) => {
    // The window as known at the instant: it ends at its due instant or now, whichever is first.
    const until = sql`case when l.attempts_due_at < ${s.at} then l.attempts_due_at else ${s.at} end`;
    const inWindow = (table: string, extra: RawBuilder<unknown>) =>
      sql`(select count(*) from ${sql.table(table)} x
          where x.workspace_id = ${s.workspaceId} and x.lead_id = l.id and x.at >= l.routed_at and x.at <= ${until} and ${extra})`;
    return {
      needs: [],
      select: sql`select z.id as record_id, cast(null as text) as deal_id, z.grp, z.own, ${q.instantBucket('z.routed_at')} as b,
          case when z.reached > 0 or z.attempts >= z.required then 1 else 0 end as num, 1 as den, ${NO_NUMBER} as v, z.routed_at as at
        from (
          select l.id, ${leadGroupOf(s, null)} as grp, l.owner_id as own, l.routed_at, l.attempts_due_at as due, l.attempts_required as required,
            ${inWindow('lead_touches', sql`1 = 1`)} as attempts,
            ${inWindow('lead_touches', sql`x.reached = 1`)} as reached,
            ${inWindow('lead_transitions', sql`x.to_status = 'rejected'`)} as rejected
          from leads l
          where ${routed(s, q, 'attempts_due_at')}
        ) z
        where z.reached > 0 or z.attempts >= z.required or (z.rejected = 0 and z.due <= ${s.at})`,
    };
  },
};
