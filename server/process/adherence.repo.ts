// Adherence in SQL, identical on both engines: move sums over stage_moves and, as of any instant,
// open deals, deals past their stage's aging limit and deals without a next step, from the stage
// history in `changes`. Nothing is loaded into JS to be aggregated.
import { expressionBuilder, type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import { type OwnerScope, ownerFilter } from '../db/scope.js';
import type { MoveSums } from './adherence-formulas.js';

export interface AdherenceFilter {
  workspaceId: string;
  scope: OwnerScope;
  /** Narrower owners (a rep or a team's members), already inside the scope; null for all in scope. */
  ownerIds: readonly string[] | null;
  pipelineId: string | null;
  /** Teams whose subtree roll-ups the caller may see (team grouping only). */
  teamIds?: readonly string[];
  /** Only moves checked against this process version (deal figures are not per version). */
  processVersionId?: string | null;
}

export type Grouping = { by: 'none' } | { by: 'owner' } | { by: 'team' } | { by: 'version' } | { by: 'week'; bounds: readonly number[] };

const eb = expressionBuilder<DB, 'deals'>();

/** Owner restriction on a column, through the one scope filter every repo uses. */
function owners(column: string, f: AdherenceFilter): RawBuilder<unknown> {
  const scoped = ownerFilter(eb, column, f.scope);
  if (f.ownerIds === null) return sql`${scoped}`;
  if (f.ownerIds.length === 0) return sql`1 = 0`;
  return sql`${scoped} and ${sql.ref(column)} in (${sql.join([...f.ownerIds])})`;
}

const pipelineOf = (f: AdherenceFilter) => (f.pipelineId === null ? sql`` : sql`and d.pipeline_id = ${f.pipelineId}`);

/**
 * Moves made in Furrow (not imported history) of deals not deleted, of the pipeline asked: a stage belongs to one pipeline, so neither
 * needs the deal row (few deals are deleted), and the covering index answers the sums alone.
 */
function liveMovesOf(f: AdherenceFilter, imported: 0 | 1 = 0): RawBuilder<unknown> {
  const pipeline = f.pipelineId === null ? sql`` : sql`and m.to_stage_id in (select id from stages where pipeline_id = ${f.pipelineId})`;
  const version = f.processVersionId ? sql`and m.process_version_id = ${f.processVersionId}` : sql``;
  // Imported history was never checked against Furrow's gate: it is neither adherent nor a skip (decision 0180).
  return sql`m.imported = ${sql.lit(imported)} and m.deal_id not in (select id from deals where workspace_id = ${f.workspaceId} and deleted_at is not null) ${pipeline} ${version}`;
}

export interface VersionRow {
  id: string;
  pipeline_id: string;
  pipeline_name: string;
  number: number;
  note: string | null;
  created_at: number;
}

/** The process versions of a pipeline (or of every pipeline), oldest first. */
export async function listProcessVersions(db: Kysely<DB>, workspaceId: string, pipelineId: string | null): Promise<VersionRow[]> {
  let q = db
    .selectFrom('process_versions as v')
    .innerJoin('pipelines as p', 'p.id', 'v.pipeline_id')
    .select(['v.id', 'v.pipeline_id', 'p.name as pipeline_name', 'v.number', 'v.note', 'v.created_at'])
    .where('v.workspace_id', '=', workspaceId)
    .orderBy('v.pipeline_id')
    .orderBy('v.number');
  if (pipelineId !== null) q = q.where('v.pipeline_id', '=', pipelineId);
  return (await q.execute()).map((r) => ({ ...r, number: Number(r.number), created_at: Number(r.created_at) }));
}

/** Each visible team with every team below it (teams nest); users belong by their current team. */
function treeCte(f: AdherenceFilter): RawBuilder<unknown> {
  return sql`tree(root_id, team_id) as (
      select t.id, t.id from teams t where t.workspace_id = ${f.workspaceId}
      union all
      select tree.root_id, t.id from teams t join tree on t.parent_id = tree.team_id where t.workspace_id = ${f.workspaceId}
    )`;
}

const teamRoots = (f: AdherenceFilter) => {
  const ids = f.teamIds ?? [];
  return ids.length === 0 ? sql`and 1 = 0` : sql`and tree.root_id in (${sql.join([...ids])})`;
};

export const ADHERENT = sql`(m.criteria_met = 1 and m.override_reason is null and m.skipped = 0)`;
/** An override a leader challenged (their current verdict); the exists runs only for overrides. */
export const CHALLENGED = sql`(m.override_reason is not null and exists (
  select 1 from override_reviews r where r.workspace_id = m.workspace_id and r.stage_move_id = m.id and r.verdict = 'challenged'))`;
export const GAIN = sql`(m.to_probability - coalesce(m.from_probability, 0))`;

/** The bucket index of an instant: weeks are [bounds[i], bounds[i+1]); exact across DST. */
function bucketOf(column: RawBuilder<unknown>, bounds: readonly number[]): RawBuilder<unknown> {
  const whens = bounds.slice(1).map((b, i) => sql`when ${column} < ${sql.lit(b)} then ${sql.lit(i)}`);
  return sql`case ${sql.join(whens, sql` `)} else ${sql.lit(bounds.length - 2)} end`;
}

export interface KeyedSums extends MoveSums {
  key: string | number | null;
}

/** Move sums over [start, end), grouped as asked. */
export async function moveSums(db: Kysely<DB>, f: AdherenceFilter, start: number, end: number, g: Grouping): Promise<KeyedSums[]> {
  const key =
    g.by === 'week'
      ? bucketOf(sql`m.at`, g.bounds)
      : g.by === 'owner'
        ? sql`m.owner_id`
        : g.by === 'team'
          ? sql`tree.root_id`
          : g.by === 'version'
            ? sql`m.process_version_id`
            : sql`null`;
  const withTree = g.by === 'team' ? sql`with recursive ${treeCte(f)}` : sql``;
  const joinTree = g.by === 'team' ? sql`join users u on u.id = m.owner_id join tree on tree.team_id = u.team_id` : sql``;
  const groupBy = g.by === 'none' ? sql`` : sql`group by ${key}`;
  const rows = await sql<Record<string, number | string | null>>`
    ${withTree}
    select ${key} as k,
      count(*) as moves,
      sum(case when ${ADHERENT} then 1 else 0 end) as adherent_moves,
      sum(case when ${GAIN} > 0 then 1 else 0 end) as forward_moves,
      sum(case when ${GAIN} > 0 then ${GAIN} else 0 end) as forward_gain,
      sum(case when ${GAIN} > 0 and ${ADHERENT} then ${GAIN} else 0 end) as adherent_gain,
      sum(case when m.override_reason is not null then 1 else 0 end) as overrides,
      sum(case when ${CHALLENGED} then 1 else 0 end) as challenged_overrides,
      sum(case when m.skipped > 0 then 1 else 0 end) as skipped_moves,
      sum(case when m.direction = -1 then 1 else 0 end) as backward_moves
    from stage_moves m
    ${joinTree}
    where m.workspace_id = ${f.workspaceId}
      and m.at >= ${start} and m.at < ${end}
      and ${owners('m.owner_id', f)}
      and ${liveMovesOf(f)}
      ${g.by === 'team' ? teamRoots(f) : sql``}
    ${groupBy}
  `.execute(db);
  return rows.rows
    .filter((r) => Number(r.moves) > 0)
    .map((r) => ({
      key: r.k === null ? null : typeof r.k === 'string' ? r.k : Number(r.k),
      moves: Number(r.moves),
      adherentMoves: Number(r.adherent_moves ?? 0),
      forwardMoves: Number(r.forward_moves ?? 0),
      forwardGain: Number(r.forward_gain ?? 0),
      adherentGain: Number(r.adherent_gain ?? 0),
      overrides: Number(r.overrides ?? 0),
      challengedOverrides: Number(r.challenged_overrides ?? 0),
      skippedMoves: Number(r.skipped_moves ?? 0),
      backwardMoves: Number(r.backward_moves ?? 0),
    }));
}

/** Moves an historical import brought in over [start, end): said beside the figures, counted in none. */
export async function importedMoveCount(db: Kysely<DB>, f: AdherenceFilter, start: number, end: number): Promise<number> {
  const r = await sql<{ n: number | string }>`
    select count(*) as n from stage_moves m
    where m.workspace_id = ${f.workspaceId} and m.at >= ${start} and m.at < ${end} and ${owners('m.owner_id', f)} and ${liveMovesOf(f, 1)}
  `.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

export interface DealCounts {
  point: number;
  key: string | null;
  openDeals: number;
  agingDeals: number;
  noNextStepDeals: number;
}

/**
 * Stage intervals of every deal from its stage history: entered at `entered_at`, left at the next
 * stage change (null: still there). Changes after `until` cannot matter to any instant asked.
 */
function intervalsCte(f: AdherenceFilter, until: number): RawBuilder<unknown> {
  return sql`iv as (
      select c.entity_id as deal_id, c.to_value as stage_id, c.at as entered_at,
        lead(c.at) over (partition by c.entity_id order by c.at, c.id) as left_at
      from changes c
      where c.workspace_id = ${f.workspaceId} and c.entity = 'deal' and c.field = 'stage_id' and c.at <= ${until}
    )`;
}

/** The instants asked, as a table (index, instant). Values are integers computed by the server. */
function pointsCte(points: readonly number[]): RawBuilder<unknown> {
  const rows = points.map((t, i) => sql`select ${sql.lit(i)}, ${sql.lit(Math.trunc(t))}`);
  return sql`w(k, t) as (${sql.join(rows, sql` union all `)})`;
}

/** A deal open at w.t was in an open stage then; "next step" is an activity known by then, due after it, not done. */
export const OPEN_AT = sql`iv.entered_at <= w.t and (iv.left_at is null or iv.left_at > w.t)`;
export const AGING_AT = sql`(s.aging_days is not null and w.t - iv.entered_at > s.aging_days * cast(86400000 as bigint))`;
export const NO_NEXT_STEP_AT = (workspaceId: string) => sql`not exists (
    select 1 from activities a
    where a.workspace_id = ${workspaceId} and a.deal_id = iv.deal_id and a.deleted_at is null
      and a.created_at <= w.t and a.occurred_at > w.t and (a.completed_at is null or a.completed_at > w.t)
  )`;

export function asOfFrom(f: AdherenceFilter, points: readonly number[], withTree: boolean): RawBuilder<unknown> {
  const until = Math.max(...points);
  return sql`with recursive ${intervalsCte(f, until)}, ${pointsCte(points)}${withTree ? sql`, ${treeCte(f)}` : sql``}`;
}

/** Open, aging and no-next-step deal counts at each instant, grouped as asked (by owner: current owner). */
export async function dealCounts(db: Kysely<DB>, f: AdherenceFilter, points: readonly number[], g: 'none' | 'owner' | 'team'): Promise<DealCounts[]> {
  if (points.length === 0) return [];
  const key = g === 'owner' ? sql`d.owner_id` : g === 'team' ? sql`tree.root_id` : sql`null`;
  const rows = await sql<Record<string, number | string | null>>`
    ${asOfFrom(f, points, g === 'team')}
    select w.k as point, ${key} as k,
      count(*) as open_deals,
      sum(case when ${AGING_AT} then 1 else 0 end) as aging_deals,
      sum(case when ${NO_NEXT_STEP_AT(f.workspaceId)} then 1 else 0 end) as no_next_step
    from iv
    join w on ${OPEN_AT}
    join stages s on s.id = iv.stage_id and s.kind = 'open'
    join deals d on d.id = iv.deal_id and d.deleted_at is null
    ${g === 'team' ? sql`join users u on u.id = d.owner_id join tree on tree.team_id = u.team_id` : sql``}
    where (iv.left_at is null or iv.left_at > ${sql.lit(Math.trunc(Math.min(...points)))})
      and d.workspace_id = ${f.workspaceId}
      and ${owners('d.owner_id', f)}
      ${pipelineOf(f)}
      ${g === 'team' ? teamRoots(f) : sql``}
    group by w.k${g === 'none' ? sql`` : sql`, ${key}`}
  `.execute(db);
  return rows.rows.map((r) => ({
    point: Number(r.point),
    key: r.k === null ? null : String(r.k),
    openDeals: Number(r.open_deals),
    agingDeals: Number(r.aging_deals ?? 0),
    noNextStepDeals: Number(r.no_next_step ?? 0),
  }));
}

export { owners as ownerRestriction, pipelineOf as pipelineRestriction };
