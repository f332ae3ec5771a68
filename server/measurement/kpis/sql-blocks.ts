// The SQL building blocks every KPI stands on. `da` is "the deals as they were known at an
// instant": the live table for now, or each tracked field's last value in `changes` at or before
// the instant (for the deals changed since; replayed once per request into a temporary table). Every deal KPI reads `da`, so any figure can be asked as of any past date and the
// answer for "now" is the same either way (tested).
import { type RawBuilder, sql } from 'kysely';
import type { Dialect } from '../../db/dialect.js';
import type { FactScope, FactSql } from './types.js';

/** Deal fields replayed from history; the rest (name, pipeline, created_at) never change meaning. */
const REPLAYED = ['owner_id', 'stage_id', 'status', 'amount', 'currency', 'close_date', 'deleted'] as const;

const lastValue = (field: string) => sql`max(case when x.field = ${field} then x.to_value end)`;

/**
 * Body of the `da` CTE: id, owner_id, pipeline_id, stage_id, status, amount, currency, close_date, created_at, closed_at (the
 * columns the KPIs' covering indexes hold; the drill-down reads the name from `deals`).
 *
 * As of a past instant: the live rows of the deals not updated since, and the replayed ones from
 * `s.replayed`, the table kpi-compute.service.ts#withDealsAsOf filled once for the request with
 * {@link replayedDeals} (a dashboard asks two dozen statements as of the same instant) — or, with
 * `s.replayed` null (a hot standby refuses temporary tables), from the same block as a CTE of
 * this statement.
 */
export function dealsAsOf(s: FactScope, dialect: Dialect): RawBuilder<unknown> {
  const pipeline = s.pipelineId === null ? sql`` : sql`and d.pipeline_id = ${s.pipelineId}`;
  if (s.asOf === null) {
    return sql`select d.id, d.owner_id, d.pipeline_id, d.stage_id, d.status, d.amount, d.currency, d.close_date, d.created_at, d.closed_at
      from deals d
      where d.workspace_id = ${s.workspaceId} and d.deleted_at is null ${pipeline}`;
  }
  // A deal not updated after the instant has not changed since: every change of a replayed field
  // goes through updateDeal or softDeleteDeal (crm/deals.repo.ts), which set updated_at to the
  // instant of that change or later, in the same transaction as its `changes` row. So its live row
  // is what was known then, and only the deals updated after the instant are replayed — a few
  // thousand of 100k for a date three months back, instead of every change ever (index
  // deals_ws_updated; docs/performance.md). Those are exactly the rows of the replayed table, so
  // the live branch leaves them out by id: an index probe in the small table, where testing
  // updated_at would read every deal's row (the KPIs' covering indexes do not hold it).
  const inline = s.replayed === null;
  const replayed = inline ? sql`r_da` : sql.table(s.replayed as string);
  return sql`${inline ? sql`with r_da as (${replayedDeals(s.workspaceId, s.asOf, dialect)}) ` : sql``}select d.id, d.owner_id, d.pipeline_id, d.stage_id, d.status, d.amount, d.currency, d.close_date, d.created_at, d.closed_at
      from deals d
      where d.workspace_id = ${s.workspaceId} and d.created_at <= ${s.asOf} and d.deleted_at is null ${pipeline}
        and not exists (select 1 from ${replayed} r where r.id = d.id)
    union all
    select d.id, d.owner_id, d.pipeline_id, d.stage_id, d.status, d.amount, d.currency, d.close_date, d.created_at, d.closed_at
      from ${replayed} d
      where d.deleted = 0 ${pipeline}`;
}

/**
 * Every deal of a workspace created by `asOf` and updated after it, as it was known at `asOf`: the
 * columns of `da`, every pipeline, and `deleted` (1 when deleted then, or with no history by then:
 * such a deal counts nowhere, and as it was updated since, its live row must not count either).
 *
 * Each field's last change at or before the instant: the one with no next change. Partitioned by
 * field then deal in time order, the same order as the index changes_ws_field_entity, so SQLite
 * does not sort; only the deals updated since are walked (index deals_ws_updated). (Probing the
 * index per deal and field instead was slower on both engines: 0.47 vs 0.34 s on SQLite, 3.0 vs
 * 1.3 s on PostgreSQL, 8k deals.) A deal closes when its status becomes won or lost, so its
 * closed_at then is the instant of that status change (the services write both in one transaction).
 */
export function replayedDeals(workspaceId: string, asOf: number, dialect: Dialect): RawBuilder<unknown> {
  return sql`select d.id, h.owner_id, d.pipeline_id, h.stage_id, h.status,
        ${dialect.textToInt(sql`h.amount`)} as amount, h.currency, h.close_date, d.created_at,
        case when h.status in ('won', 'lost') then h.status_at end as closed_at,
        case when h.entity_id is null or h.deleted = '1' then 1 else 0 end as deleted
      from deals d
      left join (
        select x.entity_id,
          ${lastValue('owner_id')} as owner_id, ${lastValue('stage_id')} as stage_id, ${lastValue('status')} as status,
          max(case when x.field = 'status' then x.at end) as status_at,
          ${lastValue('amount')} as amount, ${lastValue('currency')} as currency, ${lastValue('close_date')} as close_date,
          ${lastValue('deleted')} as deleted
        from (
          select c.entity_id, c.field, c.to_value, c.at,
            lead(c.at) over (partition by c.field, c.entity_id order by c.at, c.id) as next_at
          from changes c
          where c.workspace_id = ${workspaceId} and c.entity = 'deal' and c.at <= ${asOf}
            and c.field in (${sql.join(REPLAYED.map((f) => sql.lit(f)))})
            and c.entity_id in (
              select cd.id from deals cd
              where cd.workspace_id = ${workspaceId} and cd.updated_at > ${asOf} and cd.created_at <= ${asOf}
            )
        ) x
        where x.next_at is null
        group by x.entity_id
      ) h on h.entity_id = d.id
      where d.workspace_id = ${workspaceId} and d.updated_at > ${asOf} and d.created_at <= ${asOf}`;
}

/** CASE over the bucket ends; values outside every bucket are filtered out by the range predicate. */
function bucketCase(column: RawBuilder<unknown>, ends: readonly (string | number)[], strict: boolean): RawBuilder<unknown> {
  if (ends.length <= 1) return sql`0`;
  const op = strict ? sql`<` : sql`<=`;
  const whens = ends.slice(0, -1).map((e, i) => sql`when ${column} ${op} ${sql.lit(e)} then ${sql.lit(i)}`);
  return sql`case ${sql.join(whens, sql` `)} else ${sql.lit(ends.length - 1)} end`;
}

export function factSql(s: FactScope, dialect: Dialect): FactSql {
  const first = s.buckets[0];
  const last = s.buckets[s.buckets.length - 1];
  if (!first || !last) throw new Error('a KPI query needs at least one bucket');
  return {
    owner(column) {
      if (s.ownerIds === null) return sql`1 = 1`;
      if (s.ownerIds.length === 0) return sql`1 = 0`;
      return sql`${sql.ref(column)} in (${sql.join([...s.ownerIds])})`;
    },
    pipeline: (column) => (s.pipelineId === null ? sql`1 = 1` : sql`${sql.ref(column)} = ${s.pipelineId}`),
    // Calendar dates compare as text; buckets are consecutive, so the union is one range.
    inDates: (column) => sql`(${sql.ref(column)} >= ${first.from} and ${sql.ref(column)} <= ${last.to})`,
    inInstants: (column) => sql`(${sql.ref(column)} >= ${first.start} and ${sql.ref(column)} < ${last.end})`,
    dateBucket: (column) =>
      bucketCase(
        sql.ref(column),
        s.buckets.map((b) => b.to),
        false,
      ),
    instantBucket: (column) =>
      bucketCase(
        sql.ref(column),
        s.buckets.map((b) => b.end),
        true,
      ),
    textToInt: (column) => dialect.textToInt(column as RawBuilder<string | null>),
  };
}

/**
 * `da`'s deal has a known start: an historical import of a file without a start date keeps only the
 * first instant known of the deal as created_at (decision 0180), which must date no pipeline created
 * and start no cycle. The few such deals are read by the partial index deals_created_unknown.
 */
export const KNOWN_START = (s: FactScope) => sql`da.id not in (select u.id from deals u where u.workspace_id = ${s.workspaceId} and u.created_unknown = 1)`;

/**
 * A stay entered at a known instant: not the first stay of a deal of unknown start, whose birth in its
 * stage is only when Furrow first knew of it (an historical import), so it starts no stay and enters no cohort.
 */
export const KNOWN_ENTRY = (s: FactScope, entered: string) => sql`(${sql.ref(entered)} <> da.created_at or ${KNOWN_START(s)})`;

/** Typed nulls: PostgreSQL cannot sum or compare an untyped null column. */
export const NO_NUMBER = sql`cast(null as bigint)`;
