// The funnel's last step in time and money (issue 12's velocity and revenue): of the deals converted
// from leads and won in the period, how long the lead took from MQL to the win, and how much they
// booked. Read from the lead side, like the rest of the funnel: a record is a lead (never a deal
// column), counted for the lead's current owner and grouped by its source, campaign or agreement
// version. The period is the won deal's close date, as for bookings (won_amount), so the revenue
// from leads is the part of bookings that traces back to marketing.
import { type RawBuilder, sql } from 'kysely';
import { firstMql, leadGroupOf } from './lead-funnel.js';
import { NO_NUMBER } from './sql-blocks.js';
import type { FactScope, FactSql, Facts, KpiMeta, SimpleKpi } from './types.js';

const DAY_MS = 86_400_000;

/** Each lead's arrival known by the instant: its first `new` row (a lead imported with its dates, at its original date). */
const arrival = (s: FactScope) =>
  sql`(select t.lead_id, min(t.at) as new_at from lead_transitions t
      where t.workspace_id = ${s.workspaceId} and t.to_status = 'new' and t.at <= ${s.at}
      group by t.lead_id)`;

/**
 * One row per lead converted (by the instant) into a deal won with its close date in the period.
 * A deal several leads name (an import may link two leads to one opportunity) counts once, for the
 * lead with the smallest id (found in one grouping pass over the leads: leads.deal_id has no index,
 * so a correlated probe per won lead would scan them all). v: milliseconds from the lead's first MQL
 * (else its arrival) to the win.
 */
function wonFromLeads(s: FactScope, q: FactSql, measure: 'amount' | 'duration'): Facts {
  const start: RawBuilder<unknown> = sql`coalesce(m.mql_at, r.new_at)`;
  return {
    needs: ['da'],
    select: sql`select l.id as record_id, cast(null as text) as deal_id, ${leadGroupOf(s, null)} as grp, l.owner_id as own,
        ${q.dateBucket('da.close_date')} as b, ${measure === 'amount' ? sql`da.amount` : sql`1`} as num, 1 as den,
        ${measure === 'duration' ? sql`(da.closed_at - ${start})` : NO_NUMBER} as v, da.closed_at as at
      from leads l
      join da on da.id = l.deal_id
      join (select o.deal_id, min(o.id) as lead_id from leads o
        where o.workspace_id = ${s.workspaceId} and o.deleted_at is null and o.deal_id is not null
        group by o.deal_id) fd on fd.lead_id = l.id
      left join ${firstMql(s)} m on m.lead_id = l.id
      left join ${arrival(s)} r on r.lead_id = l.id
      where l.workspace_id = ${s.workspaceId} and l.deleted_at is null and ${q.owner('l.owner_id')}
        and da.status = 'won' and ${q.inDates('da.close_date')}
        ${measure === 'amount' ? sql`and da.currency = ${s.currency}` : sql`and ${start} is not null`}
        and exists (select 1 from lead_transitions x where x.workspace_id = ${s.workspaceId} and x.lead_id = l.id and x.to_status = 'converted' and x.at <= ${s.at})`,
  };
}

const base = {
  basis: 'closed',
  version: 1,
  cumulative: false,
  audience: 'funnel',
  breakdown: null,
} as const satisfies Partial<KpiMeta>;

const wonNotes = [
  'A lead counts when it was converted by the as-of instant into a deal won with its close date in the period (as for bookings), for the lead’s current owner; a lead whose deal is open or lost does not count.',
  'A deal named by several leads (an import can link two leads to one opportunity) counts once, for the lead with the smallest id.',
];

export const leadToWonVelocity: SimpleKpi = {
  kind: 'simple',
  meta: {
    ...base,
    id: 'lead_to_won_days',
    name: 'Lead-to-won velocity (median)',
    formula: 'median days from a lead’s first MQL to the win of the deal it converted into, leads whose deal was won in the period',
    unit: 'days',
    measure: 'count',
    better: 'lower',
    numeratorLabel: 'Leads won',
    denominatorLabel: null,
    notes: [
      ...wonNotes,
      'Days are elapsed time (24-hour days, fractional) from the lead’s first MQL known by the as-of instant to the moment its deal was won (a deal reopened and won again: the last win).',
      'A lead with no MQL in its history counts from its arrival (the first row of its history), so velocity and revenue cover the same leads. Every way to a deal passes through MQL, and an import whose file has no MQL date dates it at the lead’s arrival: the same rule.',
      'No lead’s deal won in the period: no data.',
    ],
  },
  aggregate: 'median',
  scale: 1 / DAY_MS,
  records: 'lead',
  facts: (s, q) => wonFromLeads(s, q, 'duration'),
};

export const leadRevenue: SimpleKpi = {
  kind: 'simple',
  meta: {
    ...base,
    id: 'lead_revenue',
    name: 'Revenue from leads',
    formula: 'Σ amount of deals converted from leads and won with their close date in the period',
    unit: 'money',
    measure: 'value',
    better: 'higher',
    cumulative: true,
    numeratorLabel: 'Leads won',
    denominatorLabel: null,
    notes: [...wonNotes, 'Only deals in the workspace currency count.', 'An empty period is 0.'],
  },
  aggregate: 'sum',
  scale: 1,
  records: 'lead',
  facts: (s, q) => wonFromLeads(s, q, 'amount'),
};
