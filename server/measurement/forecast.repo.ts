// The forecast in SQL: deals by category for a period, the per-owner figures a roll-up adds up,
// submissions and the deals they stood on, and commit conversion.
import { type Kysely, type Selectable, sql } from 'kysely';
import type { ForecastSubmissionsTable } from '../db/schema/measurement.js';
import type { DB } from '../db/schema.js';

export type SubmissionRow = Selectable<ForecastSubmissionsTable>;

export interface ForecastFilter {
  workspaceId: string;
  /** null: every owner. */
  ownerIds: readonly string[] | null;
  from: string;
  to: string;
  currency: string;
}

const owners = (f: ForecastFilter) =>
  f.ownerIds === null ? sql`` : f.ownerIds.length === 0 ? sql`and 1 = 0` : sql`and d.owner_id in (${sql.join([...f.ownerIds])})`;

/** The category a stage maps to; stages of the won and lost kinds map to closed and omitted. */
const STAGE_CATEGORY = sql`case when st.forecast_category in ('commit', 'best_case', 'pipeline', 'omitted') then st.forecast_category else 'pipeline' end`;
/** The category that counts: won deals are closed; an open deal's owner may override its stage's. */
const CATEGORY = sql`case when d.status = 'won' then 'closed' else coalesce(fc.category, ${STAGE_CATEGORY}) end`;

/** Open deals closing in the period and deals won in it, in the workspace currency. */
const IN_FORECAST = (f: ForecastFilter) => sql`d.workspace_id = ${f.workspaceId} and d.deleted_at is null and d.currency = ${f.currency}
  and d.status in ('open', 'won') and d.close_date >= ${f.from} and d.close_date <= ${f.to} ${owners(f)}`;

export interface ForecastDealRow {
  id: string;
  name: string;
  owner_id: string;
  owner_name: string;
  stage_name: string;
  status: 'open' | 'won';
  amount: number;
  close_date: string;
  stage_category: string;
  category: string;
  overridden: number;
}

export async function forecastDeals(db: Kysely<DB>, f: ForecastFilter): Promise<ForecastDealRow[]> {
  const r = await sql<ForecastDealRow>`
    select d.id, d.name, d.owner_id, u.name as owner_name, st.name as stage_name, d.status, d.amount, d.close_date,
      ${STAGE_CATEGORY} as stage_category, ${CATEGORY} as category, case when fc.category is null then 0 else 1 end as overridden
    from deals d
    join stages st on st.id = d.stage_id
    join users u on u.id = d.owner_id
    left join deal_forecast_categories fc on fc.deal_id = d.id
    where ${IN_FORECAST(f)}
    order by d.close_date, d.amount desc, d.id
    limit 500`.execute(db);
  return r.rows.map((row) => ({ ...row, amount: Number(row.amount), overridden: Number(row.overridden) }));
}

export interface OwnerFigures {
  ownerId: string;
  won: number;
  commit: number;
  bestCase: number;
  pipeline: number;
  omitted: number;
}

/** Won and open amounts by category, per owner. */
export async function figuresByOwner(db: Kysely<DB>, f: ForecastFilter): Promise<OwnerFigures[]> {
  const sum = (category: string) => sql`sum(case when ${CATEGORY} = ${category} then d.amount else 0 end)`;
  const r = await sql<Record<string, unknown>>`
    select d.owner_id, ${sum('closed')} as won, ${sum('commit')} as commit_amount, ${sum('best_case')} as best_case,
      ${sum('pipeline')} as pipeline, ${sum('omitted')} as omitted
    from deals d
    join stages st on st.id = d.stage_id
    left join deal_forecast_categories fc on fc.deal_id = d.id
    where ${IN_FORECAST(f)}
    group by d.owner_id`.execute(db);
  return r.rows.map((row) => ({
    ownerId: String(row.owner_id),
    won: Number(row.won ?? 0),
    commit: Number(row.commit_amount ?? 0),
    bestCase: Number(row.best_case ?? 0),
    pipeline: Number(row.pipeline ?? 0),
    omitted: Number(row.omitted ?? 0),
  }));
}

export async function insertSubmission(db: Kysely<DB>, row: SubmissionRow, f: ForecastFilter): Promise<void> {
  await db.insertInto('forecast_submissions').values(row).execute();
  // The deals behind the call as they stand now, so commit conversion can be read after the period.
  await sql`insert into forecast_submission_deals (id, workspace_id, submission_id, deal_id, owner_id, category, stage_id, amount, close_date)
    select cast(${row.id} as text) || ':' || d.id, d.workspace_id, cast(${row.id} as text), d.id, d.owner_id, ${CATEGORY}, d.stage_id, d.amount, d.close_date
    from deals d
    join stages st on st.id = d.stage_id
    left join deal_forecast_categories fc on fc.deal_id = d.id
    where ${IN_FORECAST(f)}`.execute(db);
}

export function listSubmissions(db: Kysely<DB>, workspaceId: string, periodKey: string, userId?: string): Promise<SubmissionRow[]> {
  let q = db.selectFrom('forecast_submissions').selectAll().where('workspace_id', '=', workspaceId).where('period_key', '=', periodKey);
  if (userId) q = q.where('user_id', '=', userId);
  return q.orderBy('submitted_at', 'desc').orderBy('id', 'desc').execute();
}

export interface ConversionRow {
  submission_id: string;
  deals: number;
  committed: number;
  won: number;
  won_deals: number;
}

/** Of the deals in commit at each submission, how much was won with a close date in the period. */
export async function commitConversion(
  db: Kysely<DB>,
  workspaceId: string,
  submissionIds: readonly string[],
  from: string,
  to: string,
): Promise<ConversionRow[]> {
  if (submissionIds.length === 0) return [];
  const wonInPeriod = sql`d.status = 'won' and d.deleted_at is null and d.close_date >= ${from} and d.close_date <= ${to}`;
  const r = await sql<ConversionRow>`
    select sd.submission_id, count(*) as deals, sum(sd.amount) as committed,
      sum(case when ${wonInPeriod} then sd.amount else 0 end) as won,
      sum(case when ${wonInPeriod} then 1 else 0 end) as won_deals
    from forecast_submission_deals sd
    join deals d on d.id = sd.deal_id
    where sd.workspace_id = ${workspaceId} and sd.submission_id in (${sql.join([...submissionIds])}) and sd.category = 'commit'
    group by sd.submission_id`.execute(db);
  return r.rows.map((row) => ({
    submission_id: row.submission_id,
    deals: Number(row.deals),
    committed: Number(row.committed ?? 0),
    won: Number(row.won ?? 0),
    won_deals: Number(row.won_deals ?? 0),
  }));
}

export function findLiveDeal(db: Kysely<DB>, workspaceId: string, id: string): Promise<{ id: string; owner_id: string; status: string } | undefined> {
  return db
    .selectFrom('deals')
    .select(['id', 'owner_id', 'status'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export function findCategory(db: Kysely<DB>, dealId: string): Promise<{ category: string } | undefined> {
  return db.selectFrom('deal_forecast_categories').select('category').where('deal_id', '=', dealId).executeTakeFirst();
}

/** Sets (or clears) a deal's category; the service records the change in the deal's history. */
export async function setCategory(
  db: Kysely<DB>,
  c: { workspaceId: string; dealId: string; category: string | null; actorId: string; at: number },
): Promise<void> {
  await db.deleteFrom('deal_forecast_categories').where('deal_id', '=', c.dealId).execute();
  if (c.category !== null) {
    await db
      .insertInto('deal_forecast_categories')
      .values({ deal_id: c.dealId, workspace_id: c.workspaceId, category: c.category, set_by: c.actorId, set_at: c.at })
      .execute();
  }
}
