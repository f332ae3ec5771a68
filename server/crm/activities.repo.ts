import { type JoinBuilder, type Kysely, type Selectable, sql } from 'kysely';
import type { Activity, ActivityListQuery } from '../../api/activities.js';
import type { Dialect } from '../db/dialect.js';
import { sortedPage } from '../db/keyset.js';
import type { AnySelectQuery } from '../db/query-types.js';
import { updateVersioned } from '../db/records.js';
import type { ActivitiesTable, DealsTable } from '../db/schema/crm.js';
import type { DB } from '../db/schema.js';
import { type OwnerScope, ownerFilter, ownerFilterOrNone } from '../db/scope.js';

export type ActivityRow = Selectable<ActivitiesTable>;
type ActivityView = ActivityRow & { owner_name: string; deal_name: string | null; contact_name: string | null; account_name: string | null };

/**
 * Fields whose changes are kept in history. The body is left out: it is free text up to 20k
 * characters that no KPI reads, and a copy per edit would dwarf the rest of the history.
 */
export const ACTIVITY_TRACKED = [
  'type',
  'subject',
  'deal_id',
  'contact_id',
  'account_id',
  'owner_id',
  'occurred_at',
  'duration_minutes',
  'completed_at',
  'external_id',
] as const;

const iso = (ms: number) => new Date(ms).toISOString();

export const toActivity = (r: ActivityView): Activity => ({
  id: r.id,
  type: r.type,
  subject: r.subject,
  body: r.body,
  dealId: r.deal_id,
  dealName: r.deal_name,
  contactId: r.contact_id,
  contactName: r.contact_name,
  accountId: r.account_id,
  accountName: r.account_name,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  occurredAt: iso(Number(r.occurred_at)),
  durationMinutes: r.duration_minutes,
  completedAt: r.completed_at === null ? null : iso(Number(r.completed_at)),
  externalId: r.external_id,
  createdAt: iso(Number(r.created_at)),
  updatedAt: iso(Number(r.updated_at)),
  version: r.version,
});

/**
 * The linked deal joins only when the reader may read it (dealScope: the deals read scope, null for
 * none): a deal reassigned out of reach stays linked to my activity, but its name is not mine to
 * see, so dealName is null beside a dealId ("a deal you cannot see"). The export joins the same way.
 */
export const readableDeal = (dealScope: OwnerScope | null) => (join: JoinBuilder<DB & { t: ActivitiesTable; d: DealsTable }, 't' | 'd'>) =>
  join.onRef('d.id', '=', 't.deal_id').on((eb) => ownerFilterOrNone(eb, 'd.owner_id', dealScope));

function visible(db: Kysely<DB>, workspaceId: string, scope: OwnerScope, dealScope: OwnerScope | null) {
  return db
    .selectFrom('activities as t')
    .innerJoin('users as u', 'u.id', 't.owner_id')
    .leftJoin('deals as d', readableDeal(dealScope))
    .leftJoin('contacts as c', 'c.id', 't.contact_id')
    .leftJoin('accounts as a', 'a.id', 't.account_id')
    .selectAll('t')
    .select(['u.name as owner_name', 'd.name as deal_name', 'a.name as account_name'])
    .select(sql<string | null>`case when c.id is null then null else c.first_name || ' ' || c.last_name end`.as('contact_name'))
    .where('t.workspace_id', '=', workspaceId)
    .where('t.deleted_at', 'is', null)
    .where((eb) => ownerFilter(eb, 't.owner_id', scope));
}

/** The list's sort orders (over `activities as t`), shared with the export. */
export const ACTIVITY_SORT_EXPR = {
  occurredAt: sql`t.occurred_at`,
  createdAt: sql`t.created_at`,
  subject: sql`t.subject`,
} as const;

/** The list query with instants already parsed to epoch ms. */
export type ActivityFilter = Omit<ActivityListQuery, 'from' | 'to'> & { from?: number; to?: number };

/** Applies the list's filters and search to a query over `activities as t`; the list and the CSV export both call it. */
export function whereActivityFilter<QB extends AnySelectQuery>(qb: QB, dialect: Dialect, filter: Omit<ActivityFilter, 'limit' | 'cursor' | 'sort'>): QB {
  let q = qb as AnySelectQuery;
  if (filter.type) q = q.where('t.type', '=', filter.type);
  if (filter.ownerId) q = q.where('t.owner_id', '=', filter.ownerId);
  if (filter.dealId) q = q.where('t.deal_id', '=', filter.dealId);
  if (filter.contactId) q = q.where('t.contact_id', '=', filter.contactId);
  if (filter.accountId) q = q.where('t.account_id', '=', filter.accountId);
  if (filter.from !== undefined) q = q.where('t.occurred_at', '>=', filter.from);
  if (filter.to !== undefined) q = q.where('t.occurred_at', '<', filter.to);
  if (filter.completed !== undefined) q = q.where('t.completed_at', filter.completed ? 'is not' : 'is', null);
  const needle = filter.q?.trim();
  if (needle) q = q.where((eb) => eb.or([dialect.containsInsensitive(eb.ref('t.subject'), needle), dialect.containsInsensitive(eb.ref('t.body'), needle)]));
  return q as QB;
}

export async function listActivities(
  db: Kysely<DB>,
  dialect: Dialect,
  workspaceId: string,
  scope: OwnerScope,
  dealScope: OwnerScope | null,
  query: ActivityFilter,
): Promise<{ items: Activity[]; nextCursor: string | null }> {
  const q = whereActivityFilter(visible(db, workspaceId, scope, dealScope), dialect, query);
  const page = await sortedPage<ActivityView, keyof typeof ACTIVITY_SORT_EXPR>(q, ACTIVITY_SORT_EXPR, query, { fallback: '-occurredAt', idColumn: 't.id' });
  return { items: page.rows.map(toActivity), nextCursor: page.nextCursor };
}

export async function findActivity(
  db: Kysely<DB>,
  workspaceId: string,
  scope: OwnerScope,
  dealScope: OwnerScope | null,
  id: string,
): Promise<Activity | undefined> {
  const row = (await visible(db, workspaceId, scope, dealScope).where('t.id', '=', id).executeTakeFirst()) as ActivityView | undefined;
  return row ? toActivity(row) : undefined;
}

/** The raw row, scoped, for writes. */
export function findActivityRow(db: Kysely<DB>, workspaceId: string, scope: OwnerScope, id: string): Promise<ActivityRow | undefined> {
  return db
    .selectFrom('activities as t')
    .selectAll('t')
    .where('t.workspace_id', '=', workspaceId)
    .where('t.id', '=', id)
    .where('t.deleted_at', 'is', null)
    .where((eb) => ownerFilter(eb, 't.owner_id', scope))
    .executeTakeFirst();
}

/** A deal the caller may read (deals policy), with the links an activity inherits from it. */
export function findVisibleDealLinks(
  db: Kysely<DB>,
  workspaceId: string,
  scope: OwnerScope,
  id: string,
): Promise<{ id: string; account_id: string | null; contact_id: string | null } | undefined> {
  return db
    .selectFrom('deals as d')
    .select(['d.id', 'd.account_id', 'd.contact_id'])
    .where('d.workspace_id', '=', workspaceId)
    .where('d.id', '=', id)
    .where('d.deleted_at', 'is', null)
    .where((eb) => ownerFilter(eb, 'd.owner_id', scope))
    .executeTakeFirst();
}

export async function insertActivity(db: Kysely<DB>, row: ActivityRow): Promise<void> {
  await db.insertInto('activities').values(row).execute();
}

export type ActivityChanges = Partial<Omit<ActivityRow, 'id' | 'workspace_id' | 'version' | 'created_at' | 'updated_at' | 'deleted_at'>>;

export async function updateActivity(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  version: number,
  changes: ActivityChanges,
  now: number,
): Promise<boolean> {
  return (await updateVersioned(db, 'activities', { workspaceId, id, version }, changes, now, { live: 'deleted_at' })) !== undefined;
}

export async function softDeleteActivity(db: Kysely<DB>, workspaceId: string, id: string, now: number): Promise<void> {
  await db.updateTable('activities').set({ deleted_at: now, updated_at: now }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}
