// Gate calibration in SQL: for closed deals, the win rate of deals that reached each stage, and per
// criterion the win rate of deals that met it at every move that checked it versus those that did not.
import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import { pageOf, paginate } from '../db/keyset.js';
import type { CriterionKind } from '../db/schema/process.js';
import type { DB } from '../db/schema.js';
import { type AdherenceFilter, ownerRestriction } from './adherence.repo.js';

export interface ClosedFilter extends AdherenceFilter {
  pipelineId: string;
  closeFrom: string | null;
  closeTo: string | null;
}

/**
 * Closed deals of the pipeline in scope, by close date. `d` is the deal. A deal an historical import
 * brought in closed is left out: no gate stood in its way, so its outcome says nothing of the gate's.
 */
function closed(f: ClosedFilter): RawBuilder<SqlBool> {
  return sql<SqlBool>`d.workspace_id = ${f.workspaceId} and d.deleted_at is null and d.status in ('won', 'lost')
    -- By the deal alone (stage_moves_deal): with the workspace too SQLite chose the workspace index and
    -- read every move of the workspace per closed deal (the Process page waited 8 s for calibration).
    and not exists (select 1 from stage_moves im where im.deal_id = d.id and im.to_stage_id = d.stage_id and im.imported = 1)
    and d.pipeline_id = ${f.pipelineId} and ${ownerRestriction('d.owner_id', f)}
    ${f.closeFrom ? sql`and d.close_date >= ${f.closeFrom}` : sql``}
    ${f.closeTo ? sql`and d.close_date <= ${f.closeTo}` : sql``}`;
}

/**
 * The furthest open stage (by position) each closed deal's history entered. Won deals reached
 * every stage (winning meets every later stage's criteria); others reached the stages up to it.
 * The join names every column of the stage-history index (workspace, entity, field, deal), so the
 * engine reads each deal's own stage changes from that covering index.
 */
function furthest(f: ClosedFilter): RawBuilder<unknown> {
  return sql`select d.id as deal_id, d.status, max(s2.position) as pos
    from deals d
    left join changes c on c.workspace_id = ${f.workspaceId} and c.entity = 'deal' and c.field = 'stage_id' and c.entity_id = d.id
    left join stages s2 on s2.id = c.to_value and s2.kind = 'open' and s2.archived_at is null
    where ${closed(f)}
    group by d.id, d.status`;
}

/** Per deal and criterion: met at every move that checked it (1) or not (0), and whether it was won. */
function perDealChecks(f: ClosedFilter): RawBuilder<unknown> {
  return sql`select k.criterion_id, k.deal_id, min(k.met) as met, max(case when d.status = 'won' then 1 else 0 end) as won
    from stage_move_checks k join deals d on d.id = k.deal_id
    where k.workspace_id = ${f.workspaceId} and ${closed(f)}
    group by k.criterion_id, k.deal_id`;
}

export async function closedTotals(db: Kysely<DB>, f: ClosedFilter): Promise<{ closed: number; won: number }> {
  const r = await sql<{ n: number; won: number | null }>`
    select count(*) as n, sum(case when d.status = 'won' then 1 else 0 end) as won from deals d where ${closed(f)}
  `.execute(db);
  return { closed: Number(r.rows[0]?.n ?? 0), won: Number(r.rows[0]?.won ?? 0) };
}

export async function stageReach(db: Kysely<DB>, f: ClosedFilter): Promise<Map<string, { reached: number; won: number }>> {
  const r = await sql<{ stage_id: string; reached: number; won: number | null }>`
    select s.id as stage_id, count(*) as reached, sum(case when x.status = 'won' then 1 else 0 end) as won
    from (${furthest(f)}) x
    join stages s on s.pipeline_id = ${f.pipelineId} and s.kind = 'open' and s.archived_at is null
    where x.status = 'won' or x.pos >= s.position
    group by s.id
  `.execute(db);
  return new Map(r.rows.map((x) => [x.stage_id, { reached: Number(x.reached), won: Number(x.won ?? 0) }]));
}

export interface CriterionOutcome {
  metDeals: number;
  metWon: number;
  notMetDeals: number;
  notMetWon: number;
}

export async function criterionOutcomes(db: Kysely<DB>, f: ClosedFilter): Promise<Map<string, CriterionOutcome>> {
  const r = await sql<Record<string, string | number | null>>`
    select x.criterion_id,
      sum(case when x.met = 1 then 1 else 0 end) as met_deals,
      sum(case when x.met = 1 and x.won = 1 then 1 else 0 end) as met_won,
      sum(case when x.met = 0 then 1 else 0 end) as not_met_deals,
      sum(case when x.met = 0 and x.won = 1 then 1 else 0 end) as not_met_won
    from (${perDealChecks(f)}) x
    group by x.criterion_id
  `.execute(db);
  return new Map(
    r.rows.map((x) => [
      String(x.criterion_id),
      { metDeals: Number(x.met_deals ?? 0), metWon: Number(x.met_won ?? 0), notMetDeals: Number(x.not_met_deals ?? 0), notMetWon: Number(x.not_met_won ?? 0) },
    ]),
  );
}

/** Criteria of the pipeline (retired ones too, for their history), in process order. */
export function pipelineCriteria(
  db: Kysely<DB>,
  workspaceId: string,
  pipelineId: string,
): Promise<{ id: string; stage_id: string; stage_name: string; kind: CriterionKind; label: string; archived_at: number | null }[]> {
  return db
    .selectFrom('exit_criteria as c')
    .innerJoin('stages as s', 's.id', 'c.stage_id')
    .select(['c.id', 'c.stage_id', 's.name as stage_name', 'c.kind', 'c.label', 'c.archived_at'])
    .where('c.workspace_id', '=', workspaceId)
    .where('c.pipeline_id', '=', pipelineId)
    .orderBy('s.position')
    .orderBy('c.position')
    .execute();
}

export interface CalibrationDealRow {
  id: string;
  name: string;
  owner_name: string;
  status: 'won' | 'lost';
  amount: number;
  currency: string;
  close_date: string;
  sort_key: string | number;
}

/** Closed deals behind a calibration number: reached a stage, or met / did not meet a criterion. */
export async function listCalibrationDeals(
  db: Kysely<DB>,
  f: ClosedFilter,
  which: { stageId?: string | undefined; criterionId?: string | undefined; met?: boolean | undefined; outcome?: 'won' | 'lost' | undefined },
  page: { cursor: string | undefined; limit: number },
): Promise<{ rows: CalibrationDealRow[]; nextCursor: string | null }> {
  let q = db
    .selectFrom('deals as d')
    .innerJoin('users as u', 'u.id', 'd.owner_id')
    .select(['d.id', 'd.name', 'u.name as owner_name', 'd.status', 'd.amount', 'd.currency', 'd.close_date'])
    .where(closed(f));
  if (which.outcome) q = q.where('d.status', '=', which.outcome);
  if (which.stageId) {
    q = q.where(
      sql<SqlBool>`d.id in (select x.deal_id from (${furthest(f)}) x join stages s on s.id = ${which.stageId} and s.kind = 'open'
        where x.status = 'won' or x.pos >= s.position)`,
    );
  }
  if (which.criterionId) {
    const met = which.met === undefined ? sql`` : sql`having min(k.met) = ${which.met ? 1 : 0}`;
    q = q.where(
      sql<SqlBool>`d.id in (select k.deal_id from stage_move_checks k where k.workspace_id = ${f.workspaceId} and k.criterion_id = ${which.criterionId} group by k.deal_id ${met})`,
    );
  }
  const rows = (await paginate(q, {
    order: 'calibration',
    sortExpr: sql`d.close_date`,
    desc: true,
    idColumn: 'd.id',
    cursor: page.cursor,
    limit: page.limit,
  }).execute()) as CalibrationDealRow[];
  return pageOf(rows, page.limit, 'calibration');
}
