import { type Kysely, type Selectable, sql } from 'kysely';
import type { Deal, DealListQuery } from '../../api/deals.js';
import { insertChunks } from '../db/batch-insert.js';
import type { Dialect } from '../db/dialect.js';
import { sortedPage } from '../db/keyset.js';
import type { AnySelectQuery } from '../db/query-types.js';
import { updateVersioned } from '../db/records.js';
import type { DealsTable } from '../db/schema/crm.js';
import type { StageMovesTable } from '../db/schema/process.js';
import type { DB } from '../db/schema.js';
import { type OwnerScope, ownerFilter } from '../db/scope.js';
import { parseCustomJson } from './custom-values.js';

export type DealRow = Selectable<DealsTable>;
export type StageMoveRow = Selectable<StageMovesTable>;
type DealView = DealRow & { owner_name: string; account_name: string | null; contact_name: string | null; stage_name: string };

/** Fields whose every change is kept in history (custom fields are kept as custom.<key>). */
export const DEAL_TRACKED = [
  'name',
  'amount',
  'currency',
  'close_date',
  'owner_id',
  'stage_id',
  'status',
  'lost_reason',
  'account_id',
  'contact_id',
  'source',
  'campaign',
  'next_step',
  'external_id',
] as const;

const iso = (ms: number) => new Date(ms).toISOString();

export const toDeal = (r: DealView): Deal => ({
  id: r.id,
  name: r.name,
  accountId: r.account_id,
  accountName: r.account_name,
  contactId: r.contact_id,
  contactName: r.contact_name,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  pipelineId: r.pipeline_id,
  stageId: r.stage_id,
  stageName: r.stage_name,
  amount: Number(r.amount),
  currency: r.currency,
  closeDate: r.close_date,
  status: r.status,
  lostReason: r.lost_reason,
  source: r.source,
  campaign: r.campaign,
  nextStep: r.next_step,
  custom: parseCustomJson(r.custom),
  externalId: r.external_id,
  stageEnteredAt: iso(r.stage_entered_at),
  closedAt: r.closed_at === null ? null : iso(r.closed_at),
  createdAt: iso(r.created_at),
  createdUnknown: Number(r.created_unknown) === 1,
  updatedAt: iso(r.updated_at),
  version: r.version,
});

export const customOf = (row: DealRow): Deal['custom'] => parseCustomJson(row.custom);

function visibleDeals(db: Kysely<DB>, workspaceId: string, scope: OwnerScope) {
  return db
    .selectFrom('deals as d')
    .innerJoin('users as u', 'u.id', 'd.owner_id')
    .innerJoin('stages as s', 's.id', 'd.stage_id')
    .leftJoin('accounts as a', 'a.id', 'd.account_id')
    .leftJoin('contacts as c', 'c.id', 'd.contact_id')
    .selectAll('d')
    .select(['u.name as owner_name', 'a.name as account_name', 's.name as stage_name'])
    .select(sql<string | null>`case when c.id is null then null else c.first_name || ' ' || c.last_name end`.as('contact_name'))
    .where('d.workspace_id', '=', workspaceId)
    .where('d.deleted_at', 'is', null)
    .where((eb) => ownerFilter(eb, 'd.owner_id', scope));
}

/** The list's filters and search (its query without paging and sort); the CSV export takes the same. */
export type DealFilter = Omit<DealListQuery, 'limit' | 'cursor' | 'sort'>;

/**
 * Applies the list's filters and search to a query over `deals as d` left-joined to `accounts as a`.
 * The list and the CSV export both call it, so an export holds exactly what the list shows.
 */
export function whereDealFilter<QB extends AnySelectQuery>(qb: QB, dialect: Dialect, filter: DealFilter): QB {
  let q = qb as AnySelectQuery;
  if (filter.ownerId) q = q.where('d.owner_id', '=', filter.ownerId);
  if (filter.stageId) q = q.where('d.stage_id', '=', filter.stageId);
  if (filter.pipelineId) q = q.where('d.pipeline_id', '=', filter.pipelineId);
  if (filter.accountId) q = q.where('d.account_id', '=', filter.accountId);
  if (filter.contactId) q = q.where('d.contact_id', '=', filter.contactId);
  if (filter.status) q = q.where('d.status', '=', filter.status);
  if (filter.closeFrom) q = q.where('d.close_date', '>=', filter.closeFrom);
  if (filter.closeTo) q = q.where('d.close_date', '<=', filter.closeTo);
  const needle = filter.q?.trim();
  if (needle) q = q.where((eb) => eb.or([dialect.containsInsensitive(eb.ref('d.name'), needle), dialect.containsInsensitive(eb.ref('a.name'), needle)]));
  return q as QB;
}

/** The list's sort orders (over `deals as d`), shared with the export. */
export const DEAL_SORT_EXPR = {
  name: sql`d.name`,
  amount: sql`d.amount`,
  closeDate: sql`d.close_date`,
  createdAt: sql`d.created_at`,
  updatedAt: sql`d.updated_at`,
  stageEnteredAt: sql`d.stage_entered_at`,
} as const;

export async function listDeals(
  db: Kysely<DB>,
  dialect: Dialect,
  workspaceId: string,
  scope: OwnerScope,
  query: DealListQuery,
): Promise<{ items: Deal[]; nextCursor: string | null }> {
  const q = whereDealFilter(visibleDeals(db, workspaceId, scope), dialect, query);
  const page = await sortedPage<DealView, keyof typeof DEAL_SORT_EXPR>(q, DEAL_SORT_EXPR, query, { fallback: 'closeDate', idColumn: 'd.id' });
  return { items: page.rows.map(toDeal), nextCursor: page.nextCursor };
}

export async function findDeal(db: Kysely<DB>, workspaceId: string, scope: OwnerScope, id: string): Promise<Deal | undefined> {
  const row = (await visibleDeals(db, workspaceId, scope).where('d.id', '=', id).executeTakeFirst()) as DealView | undefined;
  return row ? toDeal(row) : undefined;
}

/** The board's order inside a column: soonest close first, then id (the keyset). */
const BOARD_ORDER = { closeDate: sql`d.close_date` } as const;

/**
 * One page of the visible deals of one stage for the board, soonest close first, after `cursor`
 * (a keyset over close date and id, so a page never repeats or skips a deal between requests).
 */
export async function dealsInStage(
  db: Kysely<DB>,
  dialect: Dialect,
  workspaceId: string,
  scope: OwnerScope,
  filter: { stageId: string; ownerId?: string | undefined; q?: string | undefined; closedSince?: number | undefined },
  page: { cursor?: string | undefined; limit: number },
): Promise<{ items: Deal[]; nextCursor: string | null }> {
  let q = visibleDeals(db, workspaceId, scope).where('d.stage_id', '=', filter.stageId);
  if (filter.ownerId) q = q.where('d.owner_id', '=', filter.ownerId);
  if (filter.closedSince !== undefined) q = q.where('d.closed_at', '>=', filter.closedSince);
  const needle = filter.q?.trim();
  if (needle) q = q.where((eb) => eb.or([dialect.containsInsensitive(eb.ref('d.name'), needle), dialect.containsInsensitive(eb.ref('a.name'), needle)]));
  const rows = await sortedPage<DealView, keyof typeof BOARD_ORDER>(q, BOARD_ORDER, page, { fallback: 'closeDate', idColumn: 'd.id' });
  return { items: rows.rows.map(toDeal), nextCursor: rows.nextCursor };
}

/** Count and amount of visible deals per stage, in one grouped query. */
export async function stageTotals(
  db: Kysely<DB>,
  dialect: Dialect,
  workspaceId: string,
  scope: OwnerScope,
  filter: { pipelineId: string; ownerId?: string; q?: string; closedSince: number; currency: string },
): Promise<Map<string, { count: number; amount: number }>> {
  // Amounts in another currency cannot be added to the workspace's: they count as deals, not money
  // (the KPIs make the same choice).
  let q = db
    .selectFrom('deals as d')
    .leftJoin('accounts as a', 'a.id', 'd.account_id')
    .select([
      'd.stage_id',
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`coalesce(sum(case when d.currency = ${filter.currency} then d.amount else 0 end), 0)`.as('total'),
    ])
    .where('d.workspace_id', '=', workspaceId)
    .where('d.pipeline_id', '=', filter.pipelineId)
    .where('d.deleted_at', 'is', null)
    .where((eb) => eb.or([eb('d.status', '=', 'open'), eb('d.closed_at', '>=', filter.closedSince)]))
    .where((eb) => ownerFilter(eb, 'd.owner_id', scope));
  if (filter.ownerId) q = q.where('d.owner_id', '=', filter.ownerId);
  if (filter.q) {
    const needle = filter.q.trim();
    q = q.where((eb) => eb.or([dialect.containsInsensitive(eb.ref('d.name'), needle), dialect.containsInsensitive(eb.ref('a.name'), needle)]));
  }
  const rows = await q.groupBy('d.stage_id').execute();
  return new Map(rows.map((r) => [r.stage_id, { count: Number(r.n), amount: Number(r.total) }]));
}

/** The raw row inside the scope, for writes. */
export function findDealRow(db: Kysely<DB>, workspaceId: string, scope: OwnerScope, id: string): Promise<DealRow | undefined> {
  return db
    .selectFrom('deals as d')
    .selectAll('d')
    .where('d.workspace_id', '=', workspaceId)
    .where('d.id', '=', id)
    .where('d.deleted_at', 'is', null)
    .where((eb) => ownerFilter(eb, 'd.owner_id', scope))
    .executeTakeFirst();
}

export function findDealRows(db: Kysely<DB>, workspaceId: string, scope: OwnerScope, ids: readonly string[]): Promise<DealRow[]> {
  return db
    .selectFrom('deals as d')
    .selectAll('d')
    .where('d.workspace_id', '=', workspaceId)
    .where('d.id', 'in', [...ids])
    .where('d.deleted_at', 'is', null)
    .where((eb) => ownerFilter(eb, 'd.owner_id', scope))
    .execute();
}

/** Names of the deals among ids inside the scope (notifications name only what their reader may read). */
export async function readableDealNames(db: Kysely<DB>, workspaceId: string, scope: OwnerScope, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('deals as d')
    .select(['d.id', 'd.name'])
    .where('d.workspace_id', '=', workspaceId)
    .where('d.id', 'in', [...ids])
    .where('d.deleted_at', 'is', null)
    .where((eb) => ownerFilter(eb, 'd.owner_id', scope))
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function insertDeal(db: Kysely<DB>, row: DealRow): Promise<void> {
  await db.insertInto('deals').values(row).execute();
}

/** Many new deals in multi-row statements (an import's slice). */
export async function insertDeals(db: Kysely<DB>, rows: readonly DealRow[]): Promise<void> {
  for (const chunk of insertChunks(rows)) await db.insertInto('deals').values(chunk).execute();
}

export type DealChanges = Partial<Omit<DealRow, 'id' | 'workspace_id' | 'version' | 'created_at' | 'updated_at' | 'deleted_at'>>;

/** Writes the changes when the row is still at `version`; false means someone else wrote first. */
export async function updateDeal(db: Kysely<DB>, workspaceId: string, id: string, version: number, changes: DealChanges, now: number): Promise<boolean> {
  return (await updateVersioned(db, 'deals', { workspaceId, id, version }, changes, now, { live: 'deleted_at' })) !== undefined;
}

export async function softDeleteDeal(db: Kysely<DB>, workspaceId: string, id: string, now: number): Promise<void> {
  await db.updateTable('deals').set({ deleted_at: now, updated_at: now }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export async function insertStageMove(db: Kysely<DB>, row: StageMoveRow): Promise<void> {
  await db.insertInto('stage_moves').values(row).execute();
}

/** Many stage moves in multi-row statements (an import's slice). */
export async function insertStageMoves(db: Kysely<DB>, rows: readonly StageMoveRow[]): Promise<void> {
  for (const chunk of insertChunks(rows)) await db.insertInto('stage_moves').values(chunk).execute();
}

/** Does a contact exist in the workspace (and, when given, belong to the account)? */
export async function contactAccount(db: Kysely<DB>, workspaceId: string, contactId: string): Promise<{ accountId: string | null } | undefined> {
  const row = await db
    .selectFrom('contacts')
    .select('account_id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', contactId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row ? { accountId: row.account_id } : undefined;
}

/** The stage a deal was in before it entered `stageId` most recently (to reopen where it was). */
export async function stageBeforeClosing(db: Kysely<DB>, dealId: string, stageId: string): Promise<string | null> {
  const row = await db
    .selectFrom('stage_moves')
    .select('from_stage_id')
    .where('deal_id', '=', dealId)
    .where('to_stage_id', '=', stageId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.from_stage_id ?? null;
}
