// Runs a simple KPI's facts: the sums (or the median) per bucket and group, and the records behind a
// part. Aggregation happens in SQL; the same statement text runs on SQLite and PostgreSQL.
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Dialect } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import { FOR_READS } from '../../db/sqlite-gate.js';
import { dealsAsOf, factSql, replayedDeals } from './sql-blocks.js';
import { type DealGroup, type FactScope, isOrderStatistic, type SimpleKpi } from './types.js';

export interface Sums {
  bucket: number;
  group: string | null;
  count: number;
  num: number;
  den: number;
  /** Median only: sum and number of the middle value(s), and the sum of all values. */
  midSum: number;
  midCount: number;
  valueSum: number;
}

/**
 * The CTEs of a facts statement. `inlineDeals`: `da` is read twice (the facts and the deal columns
 * of the drill-down), and PostgreSQL (SQLite too) materialises a CTE read more than once — every
 * deal of the workspace for a page of 50; NOT MATERIALIZED lets each read use its own index.
 */
function withFacts(kpi: SimpleKpi, s: FactScope, dialect: Dialect, inlineDeals = false): RawBuilder<unknown> {
  const facts = kpi.facts(s, factSql(s, dialect));
  const ctes: RawBuilder<unknown>[] = [];
  if (facts.needs.includes('da')) ctes.push(sql`da as ${inlineDeals ? sql`not materialized ` : sql``}(${dealsAsOf(s, dialect)})`);
  if (s.dealGroup) {
    // Regrouped by a field of the deal or its account: the same facts, their group replaced, so the
    // figure, the breakdown and the drill-down of a group still cannot disagree.
    ctes.push(sql`f0 as (${facts.select})`);
    ctes.push(sql`f as (
      select f0.record_id, f0.deal_id, coalesce(${dealGroupValue(s.dealGroup, dialect)}, ${NO_GROUP}) as grp, f0.own, f0.b, f0.num, f0.den, f0.v, f0.at
      from f0
      left join deals gd on gd.workspace_id = ${s.workspaceId} and gd.id = f0.deal_id
      left join accounts ga on ga.workspace_id = ${s.workspaceId} and ga.id = gd.account_id and ga.deleted_at is null)`);
  } else ctes.push(sql`f as (${facts.select})`);
  return sql`with ${sql.join(ctes, sql`, `)}`;
}

/** The group of a deal without a value (no account, no industry, the field left empty). */
export const NO_GROUP = '(none)';

function dealGroupValue(g: DealGroup, dialect: Dialect): RawBuilder<unknown> {
  if (g.kind === 'account') return sql`nullif(${sql.ref(`ga.${g.column}`)}, '')`;
  const column = sql.ref<string>(g.entity === 'deal' ? 'gd.custom' : 'ga.custom');
  return sql`nullif(${dialect.jsonText(column, g.key)}, '')`;
}

/**
 * Fills a temporary table with the deals of a workspace updated after `asOf`, as they were known
 * then (what every `da` as of that instant reads besides live rows), indexed by id: the deals
 * as of the instant drive joins by id (stage KPIs, drill-downs). Temporary tables belong to the
 * connection, so the caller runs this and the statements that read it on one connection.
 */
export async function createReplayedDeals(db: Kysely<DB>, dialect: Dialect, table: string, workspaceId: string, asOf: number): Promise<void> {
  await sql`${sql.raw(FOR_READS)}create temporary table ${sql.table(table)} as ${replayedDeals(workspaceId, asOf, dialect)}`.execute(db);
  await sql`${sql.raw(FOR_READS)}create unique index ${sql.id(`${table}_id`)} on ${sql.table(table)} (id)`.execute(db);
}

export async function dropReplayedDeals(db: Kysely<DB>, table: string): Promise<void> {
  await sql`${sql.raw(FOR_READS)}drop table if exists ${sql.table(table)}`.execute(db);
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

export type GroupBy = 'none' | 'breakdown' | 'owner';

/** Sums per bucket, and per breakdown group or per owner when asked. */
export async function factSums(db: Kysely<DB>, dialect: Dialect, kpi: SimpleKpi, s: FactScope, by: GroupBy): Promise<Sums[]> {
  const column = by === 'owner' ? sql`f.own` : sql`f.grp`;
  const byGroup = by !== 'none';
  const g = byGroup ? column : sql`cast(null as text)`;
  const groupBy = byGroup ? sql`group by f.b, ${column}` : sql`group by f.b`;
  const picked = kpi.aggregate === 'p95' ? sql`r.rn = (95 * r.cnt + 99) / 100` : sql`r.rn * 2 in (r.cnt, r.cnt + 1, r.cnt + 2)`;
  const query = isOrderStatistic(kpi.aggregate)
    ? // Order statistics with window functions and integer arithmetic only, so the statement is
      // the same on both engines. Median: the row(s) whose rank doubled is n, n+1 or n+2 are the
      // middle one(s). p95: the nearest rank, ceil(0.95 × n), as (95n + 99) div 100.
      sql`${withFacts(kpi, s, dialect)},
          r as (
            select f.b, ${g} as grp, f.v,
              row_number() over (partition by f.b${byGroup ? sql`, ${column}` : sql``} order by f.v) as rn,
              count(*) over (partition by f.b${byGroup ? sql`, ${column}` : sql``}) as cnt
            from f where f.v is not null
          )
          select r.b, r.grp, count(*) as n, 0 as num, 0 as den,
            sum(case when ${picked} then r.v else 0 end) as mid_sum,
            sum(case when ${picked} then 1 else 0 end) as mid_n,
            sum(r.v) as v_sum
          from r group by r.b, r.grp`
    : sql`${withFacts(kpi, s, dialect)}
          select f.b, ${g} as grp, count(*) as n, sum(f.num) as num, sum(f.den) as den, 0 as mid_sum, 0 as mid_n, 0 as v_sum
          from f ${groupBy}`;
  const rows = await query.execute(db);
  return (rows.rows as Record<string, unknown>[]).map((r) => ({
    bucket: num(r.b),
    group: r.grp === null || r.grp === undefined ? null : String(r.grp),
    count: num(r.n),
    num: num(r.num),
    den: num(r.den),
    midSum: num(r.mid_sum),
    midCount: num(r.mid_n),
    valueSum: num(r.v_sum),
  }));
}

export type Part = 'numerator' | 'denominator' | 'records';

export interface FactRecord {
  record_id: string;
  deal_id: string | null;
  grp: string | null;
  num: number | null;
  den: number | null;
  v: number | null;
  at: number | null;
  deal_name: string | null;
  owner_id: string | null;
  owner_name: string | null;
  stage_name: string | null;
  status: string | null;
  amount: number | null;
  currency: string | null;
  close_date: string | null;
  created_at: number | null;
  closed_at: number | null;
  detail: string | null;
  lead_id: string | null;
  lead_name: string | null;
}

/** A lead's person and company, for the drill-down of lead KPIs. */
const LEAD_NAME = sql`trim(coalesce(ld.first_name, '') || ' ' || coalesce(ld.last_name, '') || case when ld.company is not null then ' · ' || ld.company else '' end)`;

/** What each record type adds to the deal columns: the activity, the move or the lead it is. */
function detailOf(kpi: SimpleKpi): { join: RawBuilder<unknown>; detail: RawBuilder<unknown>; owner: RawBuilder<unknown>; lead?: RawBuilder<unknown> } {
  switch (kpi.records) {
    case 'lead':
      // Commitment rows of delivery have no lead: their detail is the segment.
      return { join: sql`left join leads ld on ld.id = f.record_id`, detail: sql`coalesce(ld.status, f.grp)`, owner: sql`ld.owner_id`, lead: sql`ld.id` };
    case 'lead_transition':
      return {
        join: sql`join lead_transitions lt on lt.id = f.record_id join leads ld on ld.id = lt.lead_id`,
        detail: sql`lt.to_status || coalesce(': ' || lt.reason, '')`,
        owner: sql`ld.owner_id`,
        lead: sql`ld.id`,
      };
    case 'activity':
      return {
        join: sql`join activities a on a.id = f.record_id`,
        detail: sql`a.type || ': ' || a.subject`,
        owner: sql`a.owner_id`,
      };
    case 'stage_move':
      return {
        join: sql`join stage_moves m on m.id = f.record_id left join stages mf on mf.id = m.from_stage_id join stages mt on mt.id = m.to_stage_id`,
        detail: sql`coalesce(mf.name, '(new)') || ' → ' || mt.name || case when m.override_reason is not null then ' (override: ' || m.override_reason || ')' else '' end || case when m.skipped > 0 then ' (skipped ' || cast(m.skipped as text) || ')' else '' end`,
        owner: sql`m.owner_id`,
      };
    case 'ritual_occurrence':
      return {
        join: sql`join ritual_occurrences ro on ro.id = f.record_id join rituals rr on rr.id = ro.ritual_id`,
        detail: sql`rr.title || ' (' || ro.status || ')'`,
        owner: sql`rr.owner_id`,
      };
    case 'coaching_relationship':
      // The record id starts with the coachee's id (a 36-character UUID), then the coach's and the bucket.
      return {
        join: sql`left join users rce on rce.id = substr(f.record_id, 1, 36)`,
        detail: sql`'Coaching ' || rce.name`,
        owner: sql`f.own`,
      };
    case 'coaching_action_item':
      return {
        join: sql`join coaching_action_items cai on cai.id = f.record_id`,
        detail: sql`cai.text || case when cai.completed_at is null then ' (open)' else '' end`,
        owner: sql`cai.owner_id`,
      };
    case 'coaching_objective':
      return {
        join: sql`join coaching_objectives cob on cob.id = f.record_id`,
        detail: sql`cob.skill_key || ': ' || cob.kpi_id || case when cob.met = 1 then ' (met)' else ' (not met)' end`,
        owner: sql`cob.coachee_id`,
      };
    case 'stage_interval':
    case 'stage_entry':
      return { join: sql`left join stages gs on gs.id = f.grp`, detail: sql`gs.name`, owner: sql`d.owner_id` };
    case 'deal':
      return { join: sql``, detail: sql`cast(null as text)`, owner: sql`d.owner_id` };
  }
}

/** The records behind a part, ordered by record id, one page after `afterId`. */
export async function factRecords(
  db: Kysely<DB>,
  dialect: Dialect,
  kpi: SimpleKpi,
  s: FactScope,
  part: Part,
  group: string | null,
  page: { afterId: string | null; limit: number },
): Promise<FactRecord[]> {
  // The deal columns need `da` even when the facts do not read it (activities, moves).
  const base = kpi.facts(s, factSql(s, dialect));
  const facts = { ...base, needs: base.needs.includes('da') ? base.needs : [...base.needs, 'da' as const] };
  const withed = withFacts({ ...kpi, facts: () => facts }, s, dialect, true);
  const condition = part === 'numerator' ? sql`f.num <> 0` : part === 'denominator' ? sql`f.den <> 0` : sql`f.v is not null`;
  const extra = detailOf(kpi);
  const result = await sql<FactRecord>`${withed}
    select f.record_id, f.deal_id, f.grp, f.num, f.den, f.v, f.at,
      dn.name as deal_name, ${extra.owner} as owner_id, u.name as owner_name, s.name as stage_name, d.status, d.amount, d.currency,
      d.close_date, d.created_at, d.closed_at, ${extra.detail} as detail,
      ${extra.lead ?? sql`cast(null as text)`} as lead_id, ${extra.lead ? LEAD_NAME : sql`cast(null as text)`} as lead_name
    from f
    left join da d on d.id = f.deal_id
    left join deals dn on dn.id = f.deal_id
    left join stages s on s.id = d.stage_id
    ${extra.join}
    left join users u on u.id = ${extra.owner}
    where ${condition}
      ${group === null ? sql`` : sql`and f.grp = ${group}`}
      ${page.afterId === null ? sql`` : sql`and f.record_id > ${page.afterId}`}
    order by f.record_id
    limit ${sql.lit(page.limit + 1)}`.execute(db);
  const toNum = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return result.rows.map((r) => ({
    ...r,
    num: toNum(r.num),
    den: toNum(r.den),
    v: toNum(r.v),
    at: toNum(r.at),
    amount: toNum(r.amount),
    created_at: toNum(r.created_at),
    closed_at: toNum(r.closed_at),
  }));
}
