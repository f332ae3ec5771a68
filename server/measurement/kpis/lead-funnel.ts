// Marketing's funnel, read from the lead history (lead_transitions) so any figure can be asked as of
// a past date: MQLs delivered, conversion stage by stage for the MQLs of a period (MQL → SAL → SQL →
// opportunity → won), delivery against marketing's commitment and the rejection mix. Each lead is
// counted in the period of its first MQL; it counts for its current owner. Deals are read only to
// know whether a converted lead's deal is won (`da`, as of the instant); no deal column leaves here.
import { type RawBuilder, sql } from 'kysely';
import { NO_NUMBER } from './sql-blocks.js';
import type { Breakdown, FactScope, FactSql, Facts, KpiMeta, SimpleKpi } from './types.js';

const NONE = '(none)';

/** The group column: the dashboard's lead group when asked, else the KPI's own breakdown. */
export function leadGroupOf(s: FactScope, own: Breakdown | null, alias = 'l'): RawBuilder<unknown> {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  switch (s.leadGroup ?? null) {
    case 'source':
      return sql`${col('source')}`;
    case 'campaign':
      return sql`coalesce(${col('campaign_id')}, ${NONE})`;
    case 'segment':
      return sql`coalesce(${col('segment')}, ${NONE})`;
    case 'agreement':
      return sql`coalesce(${col('agreement_id')}, ${NONE})`;
    default:
      return own === 'segment' ? sql`coalesce(${col('segment')}, ${NONE})` : sql`cast(null as text)`;
  }
}

/** Each lead's first MQL known by the instant: the cohort every funnel figure starts from. */
export const firstMql = (s: FactScope) =>
  sql`(select t.lead_id, min(t.at) as mql_at from lead_transitions t
      where t.workspace_id = ${s.workspaceId} and t.to_status = 'mql' and t.at <= ${s.at}
      group by t.lead_id)`;

export type FunnelStage = 'mql' | 'accepted' | 'sql' | 'converted' | 'won';

/** 1 when the lead had reached the stage by the instant. Won: converted, and its deal won as of then. */
function reached(s: FactScope, stage: FunnelStage): RawBuilder<unknown> {
  const entered = (to: string) =>
    sql`exists (select 1 from lead_transitions x where x.workspace_id = ${s.workspaceId} and x.lead_id = l.id and x.to_status = ${to} and x.at <= ${s.at})`;
  switch (stage) {
    case 'mql':
      return sql`1`;
    case 'won':
      return sql`case when ${entered('converted')} and exists (select 1 from da where da.id = l.deal_id and da.status = 'won') then 1 else 0 end`;
    default:
      return sql`case when ${entered(stage)} then 1 else 0 end`;
  }
}

function cohort(from: FunnelStage, to: FunnelStage | null, breakdown: Breakdown | null) {
  return (s: FactScope, q: FactSql): Facts => ({
    needs: to === 'won' || from === 'won' ? ['da'] : [],
    select: sql`select l.id as record_id, cast(null as text) as deal_id, ${leadGroupOf(s, breakdown)} as grp, l.owner_id as own,
        ${q.instantBucket('m.mql_at')} as b, ${to === null ? sql`1` : reached(s, to)} as num, ${to === null ? NO_NUMBER : sql`1`} as den,
        ${NO_NUMBER} as v, m.mql_at as at
      from leads l
      join ${firstMql(s)} m on m.lead_id = l.id
      where l.workspace_id = ${s.workspaceId} and l.deleted_at is null and ${q.inInstants('m.mql_at')} and ${q.owner('l.owner_id')}
        ${from === 'mql' ? sql`` : sql`and ${reached(s, from)} = 1`}`,
  });
}

const cohortNotes = [
  'A lead counts in the period of its first MQL (a recycled lead that qualifies again stays in its first period), for its current owner.',
  'A stage counts when the lead’s history reached it by the as-of instant; won means the deal the lead converted into is won by then.',
];

const base = {
  basis: 'mql',
  measure: 'count',
  version: 1,
  better: 'higher',
  cumulative: false,
  audience: 'funnel',
  breakdown: null,
} as const satisfies Partial<KpiMeta>;

export const leadMqls: SimpleKpi = {
  kind: 'simple',
  meta: {
    ...base,
    id: 'lead_mqls',
    name: 'MQLs delivered',
    formula: 'leads whose first MQL falls in the period',
    unit: 'count',
    cumulative: true,
    breakdown: 'segment',
    numeratorLabel: 'MQLs',
    denominatorLabel: null,
    notes: [cohortNotes[0] as string, 'Broken down by segment (leads without one: (none)).'],
  },
  aggregate: 'sum',
  scale: 1,
  records: 'lead',
  facts: cohort('mql', null, 'segment'),
};

function conversion(id: string, name: string, from: FunnelStage, to: FunnelStage, labels: [string, string]): SimpleKpi {
  return {
    kind: 'simple',
    meta: {
      ...base,
      id,
      name,
      formula: `MQLs of the period that reached ${labels[0].toLowerCase()} ÷ those that reached ${labels[1].toLowerCase()}, by the as-of instant`,
      unit: 'ratio',
      numeratorLabel: labels[0],
      denominatorLabel: labels[1],
      notes: [...cohortNotes, `No ${labels[1].toLowerCase()} among the period’s MQLs: no data.`],
    },
    aggregate: 'ratio',
    scale: 1,
    records: 'lead',
    facts: cohort(from, to, null),
  };
}

export const mqlToSal = conversion('mql_to_sal', 'MQL → SAL conversion', 'mql', 'accepted', ['Accepted (SAL)', 'MQLs']);
export const salToSql = conversion('sal_to_sql', 'SAL → SQL conversion', 'accepted', 'sql', ['Qualified (SQL)', 'Accepted (SAL)']);
export const sqlToOpportunity = conversion('sql_to_opportunity', 'SQL → opportunity conversion', 'sql', 'converted', [
  'Converted to a deal',
  'Qualified (SQL)',
]);
export const opportunityToWon = conversion('opportunity_to_won', 'Opportunity → won conversion', 'converted', 'won', ['Deal won', 'Converted to a deal']);
export const mqlToWon = conversion('mql_to_won', 'MQL → won conversion', 'mql', 'won', ['Deal won', 'MQLs']);

/** Each lead's arrival known by the instant: its first `new` row (intake writes one for every lead, a lead brought in with its dates at its original date). */
const received = (s: FactScope) =>
  sql`(select t.lead_id, min(t.at) as new_at from lead_transitions t
      where t.workspace_id = ${s.workspaceId} and t.to_status = 'new' and t.at <= ${s.at}
      group by t.lead_id)`;

/**
 * The step before the funnel: of the leads received in the period, how many became MQLs by the
 * as-of instant. Marketing's side, before routing: a lead that never qualified has no owner, so
 * the figure is the workspace's only (a team or a rep: no data), like delivery against commitment.
 */
export const newToMql: SimpleKpi = {
  kind: 'simple',
  meta: {
    ...base,
    id: 'new_to_mql',
    name: 'New → MQL conversion',
    formula: 'leads received in the period that became MQLs by the as-of instant ÷ leads received in the period',
    unit: 'ratio',
    basis: 'received',
    numeratorLabel: 'Became MQL',
    denominatorLabel: 'Leads received',
    notes: [
      'A lead counts in the period it was received (the first row of its history; a lead imported with its dates, on its original date), wherever its MQL falls.',
      'A lead merged into an open lead with the same email is not received again: its behaviours go to the first.',
      'Before qualification a lead has no owner: for a team or a rep there is no data.',
      'No lead received in the period: no data.',
    ],
  },
  aggregate: 'ratio',
  scale: 1,
  records: 'lead',
  facts: (s, q) => {
    const workspaceOnly = s.ownerIds === null ? sql`1 = 1` : sql`1 = 0`;
    const mql = sql`exists (select 1 from lead_transitions x where x.workspace_id = ${s.workspaceId} and x.lead_id = l.id and x.to_status = 'mql' and x.at <= ${s.at})`;
    return {
      needs: [],
      select: sql`select l.id as record_id, cast(null as text) as deal_id, ${leadGroupOf(s, null)} as grp, l.owner_id as own,
          ${q.instantBucket('r.new_at')} as b, case when ${mql} then 1 else 0 end as num, 1 as den, ${NO_NUMBER} as v, r.new_at as at
        from leads l
        join ${received(s)} r on r.lead_id = l.id
        where l.workspace_id = ${s.workspaceId} and l.deleted_at is null and ${q.inInstants('r.new_at')} and ${workspaceOnly}`,
    };
  },
};

const DAY = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/**
 * The calendar months each bucket overlaps, with the share of the month it covers (days ÷ days in
 * the month) and the instant the commitment is read at: the slice's first day (bucket start plus
 * whole days, near enough for agreements that change at most a few times a year), or the as-of
 * instant when that is earlier.
 */
export function commitmentSlices(s: FactScope): { b: number; share: number; at: number }[] {
  const out: { b: number; share: number; at: number }[] = [];
  s.buckets.forEach((bucket, b) => {
    let day = dayNumber(bucket.from);
    const last = dayNumber(bucket.to);
    while (day <= last) {
      const date = isoOf(day);
      const [y, m] = date.split('-').map(Number) as [number, number];
      const monthEnd = Date.UTC(y, m, 0) / DAY;
      const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
      const sliceEnd = Math.min(monthEnd, last);
      const at = Math.min(bucket.start + (day - dayNumber(bucket.from)) * DAY, s.at);
      out.push({ b, share: (sliceEnd - day + 1) / daysInMonth, at });
      day = sliceEnd + 1;
    }
  });
  return out;
}

/** In force at an instant (a column or literal): approved by both sides then, not superseded yet. */
const inForceAt = (a: string, at: RawBuilder<unknown>) =>
  sql`${sql.ref(`${a}.in_force_at`)} is not null and ${sql.ref(`${a}.in_force_at`)} <= ${at} and (${sql.ref(`${a}.superseded_at`)} is null or ${sql.ref(`${a}.superseded_at`)} > ${at})`;

export const marketingDelivery: SimpleKpi = {
  kind: 'simple',
  meta: {
    ...base,
    id: 'marketing_delivery',
    name: 'Marketing delivery vs commitment',
    formula: 'MQLs of committed segments whose first MQL falls in the period ÷ MQLs committed for the period (MQLs per month per segment, prorated by days)',
    unit: 'ratio',
    breakdown: 'segment',
    numeratorLabel: 'MQLs delivered in committed segments',
    denominatorLabel: 'MQLs committed',
    notes: [
      'The commitment is that of the agreement in force on each day (read at the start of each month of the period, or at the as-of instant).',
      'An MQL counts when its segment is committed in the agreement in force when it qualified.',
      'A month in progress compares the MQLs so far with the whole month’s commitment.',
      'Marketing’s commitment is to the workspace: for a team or a rep there is no data.',
    ],
  },
  aggregate: 'ratio',
  scale: 1,
  records: 'lead',
  facts: (s, q) => {
    const slices = commitmentSlices(s);
    const table = sql.join(
      slices.map((x) => sql`select ${sql.lit(x.b)} as b, ${sql.lit(x.share)} as share, ${sql.lit(x.at)} as at`),
      sql` union all `,
    );
    const workspaceOnly = s.ownerIds === null ? sql`1 = 1` : sql`1 = 0`;
    return {
      needs: [],
      select: sql`select l.id as record_id, cast(null as text) as deal_id, ${leadGroupOf(s, 'segment')} as grp, l.owner_id as own,
          ${q.instantBucket('m.mql_at')} as b, 1 as num, 0 as den, ${NO_NUMBER} as v, m.mql_at as at
        from leads l
        join ${firstMql(s)} m on m.lead_id = l.id
        where l.workspace_id = ${s.workspaceId} and l.deleted_at is null and ${q.inInstants('m.mql_at')} and ${workspaceOnly}
          and exists (
            select 1 from lead_commitments lc join lead_agreements a on a.id = lc.agreement_id
            where lc.workspace_id = ${s.workspaceId} and lc.segment = l.segment and ${inForceAt('a', sql`m.mql_at`)}
          )
      union all
      select 'commitment:' || lc.agreement_id || ':' || lc.segment || ':' || cast(sl.b as text) || ':' || cast(sl.at as text) as record_id,
          cast(null as text) as deal_id, ${s.leadGroup && s.leadGroup !== 'segment' ? sql`cast(null as text)` : sql`lc.segment`} as grp,
          cast(null as text) as own, sl.b as b, 0 as num, sl.share * lc.mqls_per_month as den, ${NO_NUMBER} as v, sl.at as at
        from (${table}) sl
        join lead_agreements a on a.workspace_id = ${s.workspaceId} and ${inForceAt('a', sql`sl.at`)}
        join lead_commitments lc on lc.agreement_id = a.id
        where ${workspaceOnly}`,
    };
  },
};

export const leadRejections: SimpleKpi = {
  kind: 'simple',
  meta: {
    ...base,
    id: 'lead_rejections',
    name: 'Rejected leads',
    formula: 'rejections made in the period, by reason (the mix is each reason’s share)',
    unit: 'count',
    basis: 'decision',
    better: 'lower',
    cumulative: true,
    breakdown: 'reason',
    numeratorLabel: 'Rejections',
    denominatorLabel: null,
    notes: [
      'Every rejection counts, when it was made; a lead rejected, recycled and rejected again counts twice.',
      'The reasons are those of the agreement that qualified the lead; marketing sees them.',
    ],
  },
  aggregate: 'sum',
  scale: 1,
  records: 'lead_transition',
  facts: (s, q) => ({
    needs: [],
    select: sql`select t.id as record_id, cast(null as text) as deal_id,
        ${s.leadGroup ? leadGroupOf(s, null) : sql`coalesce(t.reason, ${NONE})`} as grp, l.owner_id as own,
        ${q.instantBucket('t.at')} as b, 1 as num, ${NO_NUMBER} as den, ${NO_NUMBER} as v, t.at as at
      from lead_transitions t
      join leads l on l.id = t.lead_id
      where t.workspace_id = ${s.workspaceId} and t.to_status = 'rejected' and ${q.inInstants('t.at')} and t.at <= ${s.at}
        and l.deleted_at is null and ${q.owner('l.owner_id')}`,
  }),
};
