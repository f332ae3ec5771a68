import { type Kysely, type Selectable, sql } from 'kysely';
import type { Account, AccountListQuery } from '../../api/accounts.js';
import type { Dialect } from '../db/dialect.js';
import { sortedPage } from '../db/keyset.js';
import type { AnySelectQuery } from '../db/query-types.js';
import { updateVersioned } from '../db/records.js';
import type { AccountsTable } from '../db/schema/crm.js';
import type { DB } from '../db/schema.js';
import { type OwnerScope, ownerFilter } from '../db/scope.js';
import { parseCustomJson } from './custom-values.js';

export type AccountRow = Selectable<AccountsTable>;
type AccountView = AccountRow & { owner_name: string; open_deals: number | null };

/** Fields whose changes are kept in history (custom fields are kept as custom.<key>). */
export const ACCOUNT_TRACKED = ['name', 'domain', 'industry', 'size', 'country', 'owner_id', 'shared', 'external_id'] as const;

const iso = (ms: number) => new Date(ms).toISOString();

export const toAccount = (r: AccountView): Account => ({
  id: r.id,
  name: r.name,
  domain: r.domain,
  industry: r.industry,
  size: r.size,
  country: r.country,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  shared: r.shared === 1,
  custom: parseCustomJson(r.custom),
  externalId: r.external_id,
  openDeals: r.open_deals === null ? null : Number(r.open_deals),
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
  version: r.version,
});

/** Who reads an account, and which of its deals they may count (null: their role reads no deals). */
export interface AccountReader {
  scope: OwnerScope;
  includeShared: boolean;
  dealScope: OwnerScope | null;
}

/**
 * Readable accounts: in the owner scope, or shared when the role may read shared accounts. The
 * open-deal count is an aggregate over deals, so it counts only the deals the caller may see.
 */
function readable(db: Kysely<DB>, workspaceId: string, reader: AccountReader) {
  const { scope, includeShared, dealScope } = reader;
  return db
    .selectFrom('accounts as a')
    .innerJoin('users as u', 'u.id', 'a.owner_id')
    .selectAll('a')
    .select('u.name as owner_name')
    .select((eb) =>
      dealScope === null
        ? sql<number | null>`null`.as('open_deals')
        : eb
            .selectFrom('deals as d')
            .select(eb.fn.countAll<number>().as('n'))
            // The workspace term lets the (workspace_id, account_id) index answer the count.
            .whereRef('d.workspace_id', '=', 'a.workspace_id')
            .whereRef('d.account_id', '=', 'a.id')
            .where('d.status', '=', 'open')
            .where('d.deleted_at', 'is', null)
            .where((deb) => ownerFilter(deb, 'd.owner_id', dealScope))
            .as('open_deals'),
    )
    .where('a.workspace_id', '=', workspaceId)
    .where('a.deleted_at', 'is', null)
    .where((eb) => (includeShared ? eb.or([ownerFilter(eb, 'a.owner_id', scope), eb('a.shared', '=', 1)]) : ownerFilter(eb, 'a.owner_id', scope)));
}

/** The list's filters and search (its query without paging and sort); the CSV export takes the same. */
export type AccountFilter = Omit<AccountListQuery, 'limit' | 'cursor' | 'sort'>;

/** Applies the list's filters and search to a query over `accounts as a`; the list and the CSV export both call it. */
export function whereAccountFilter<QB extends AnySelectQuery>(qb: QB, dialect: Dialect, filter: AccountFilter): QB {
  let q = qb as AnySelectQuery;
  if (filter.ownerId) q = q.where('a.owner_id', '=', filter.ownerId);
  if (filter.industry) q = q.where('a.industry', '=', filter.industry);
  const needle = filter.q?.trim();
  if (needle) q = q.where((eb) => eb.or([dialect.containsInsensitive(eb.ref('a.name'), needle), dialect.containsInsensitive(eb.ref('a.domain'), needle)]));
  return q as QB;
}

/** The list's sort orders (over `accounts as a`), shared with the export. */
export const ACCOUNT_SORT_EXPR = {
  name: sql`a.name`,
  createdAt: sql`a.created_at`,
  updatedAt: sql`a.updated_at`,
  industry: sql`coalesce(a.industry, '')`,
} as const;

export async function listAccounts(
  db: Kysely<DB>,
  dialect: Dialect,
  workspaceId: string,
  reader: AccountReader,
  query: AccountListQuery,
): Promise<{ items: Account[]; nextCursor: string | null }> {
  const q = whereAccountFilter(readable(db, workspaceId, reader), dialect, query);
  const page = await sortedPage<AccountView, keyof typeof ACCOUNT_SORT_EXPR>(q, ACCOUNT_SORT_EXPR, query, { fallback: 'name', idColumn: 'a.id' });
  return { items: page.rows.map(toAccount), nextCursor: page.nextCursor };
}

export async function findAccount(db: Kysely<DB>, workspaceId: string, reader: AccountReader, id: string): Promise<Account | undefined> {
  const row = (await readable(db, workspaceId, reader).where('a.id', '=', id).executeTakeFirst()) as AccountView | undefined;
  return row ? toAccount(row) : undefined;
}

/** The raw row, scoped, for writes. */
export function findAccountRow(db: Kysely<DB>, workspaceId: string, scope: OwnerScope, id: string): Promise<AccountRow | undefined> {
  return db
    .selectFrom('accounts as a')
    .selectAll('a')
    .where('a.workspace_id', '=', workspaceId)
    .where('a.id', '=', id)
    .where('a.deleted_at', 'is', null)
    .where((eb) => ownerFilter(eb, 'a.owner_id', scope))
    .executeTakeFirst();
}

export async function insertAccount(db: Kysely<DB>, row: AccountRow): Promise<void> {
  await db.insertInto('accounts').values(row).execute();
}

export type AccountChanges = Partial<Pick<AccountRow, 'name' | 'domain' | 'industry' | 'size' | 'country' | 'owner_id' | 'shared' | 'custom' | 'external_id'>>;

export async function updateAccount(db: Kysely<DB>, workspaceId: string, id: string, version: number, changes: AccountChanges, now: number): Promise<boolean> {
  return (await updateVersioned(db, 'accounts', { workspaceId, id, version }, changes, now, { live: 'deleted_at' })) !== undefined;
}

export async function softDeleteAccount(db: Kysely<DB>, workspaceId: string, id: string, now: number): Promise<void> {
  await db.updateTable('accounts').set({ deleted_at: now, updated_at: now }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export async function accountHasOpenWork(db: Kysely<DB>, workspaceId: string, id: string): Promise<boolean> {
  const deal = await db
    .selectFrom('deals')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', id)
    .where('status', '=', 'open')
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return deal !== undefined;
}
