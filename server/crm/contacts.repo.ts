import { type Expression, type Kysely, type Selectable, type SqlBool, sql } from 'kysely';
import type { Contact, ContactListQuery } from '../../api/contacts.js';
import type { Dialect } from '../db/dialect.js';
import { sortedPage } from '../db/keyset.js';
import type { AnyExpressionBuilder, AnySelectQuery } from '../db/query-types.js';
import { updateVersioned } from '../db/records.js';
import type { ContactsTable } from '../db/schema/crm.js';
import type { DB } from '../db/schema.js';
import { type OwnerScope, ownerFilter } from '../db/scope.js';
import { parseCustomJson } from './custom-values.js';

export type ContactRow = Selectable<ContactsTable>;
type ContactView = ContactRow & { owner_name: string; account_name: string | null };

/** Fields whose changes are kept in history. */
export const CONTACT_TRACKED = ['first_name', 'last_name', 'email', 'phone', 'title', 'account_id', 'owner_id', 'external_id'] as const;

const iso = (ms: number) => new Date(ms).toISOString();

export const toContact = (r: ContactView): Contact => ({
  id: r.id,
  accountId: r.account_id,
  accountName: r.account_name,
  firstName: r.first_name,
  lastName: r.last_name,
  email: r.email,
  phone: r.phone,
  title: r.title,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  custom: parseCustomJson(r.custom),
  externalId: r.external_id,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
  version: r.version,
});

/**
 * In the owner scope, or (for roles that read shared accounts) at a shared account that is itself
 * still there. Expects `contacts as c` left-joined to `accounts as a`.
 */
function contactVisible(eb: AnyExpressionBuilder, scope: OwnerScope, includeShared: boolean): Expression<SqlBool> {
  const owned = ownerFilter(eb, 'c.owner_id', scope);
  if (!includeShared) return owned;
  return eb.or([owned, eb.and([eb('a.shared', '=', 1), eb('a.deleted_at', 'is', null)])]);
}

function readable(db: Kysely<DB>, workspaceId: string, scope: OwnerScope, includeShared: boolean) {
  return db
    .selectFrom('contacts as c')
    .innerJoin('users as u', 'u.id', 'c.owner_id')
    .leftJoin('accounts as a', 'a.id', 'c.account_id')
    .selectAll('c')
    .select(['u.name as owner_name', 'a.name as account_name'])
    .where('c.workspace_id', '=', workspaceId)
    .where('c.deleted_at', 'is', null)
    .where((eb) => contactVisible(eb, scope, includeShared));
}

/** The list's filters and search (its query without paging and sort); the CSV export takes the same. */
export type ContactFilter = Omit<ContactListQuery, 'limit' | 'cursor' | 'sort'>;

/** Applies the list's filters and search to a query over `contacts as c`; the list and the CSV export both call it. */
export function whereContactFilter<QB extends AnySelectQuery>(qb: QB, dialect: Dialect, filter: ContactFilter): QB {
  let q = qb as AnySelectQuery;
  if (filter.ownerId) q = q.where('c.owner_id', '=', filter.ownerId);
  if (filter.accountId) q = q.where('c.account_id', '=', filter.accountId);
  const needle = filter.q?.trim();
  if (needle) {
    // The full name lets "ada love" find Ada Lovelace; it also covers first and last name alone.
    q = q.where((eb) =>
      eb.or([dialect.containsInsensitive(sql<string>`c.first_name || ' ' || c.last_name`, needle), dialect.containsInsensitive(eb.ref('c.email'), needle)]),
    );
  }
  return q as QB;
}

/** The list's sort orders (over `contacts as c`), shared with the export. */
export const CONTACT_SORT_EXPR = {
  lastName: sql`c.last_name`,
  firstName: sql`c.first_name`,
  createdAt: sql`c.created_at`,
  updatedAt: sql`c.updated_at`,
} as const;

export async function listContacts(
  db: Kysely<DB>,
  dialect: Dialect,
  workspaceId: string,
  scope: OwnerScope,
  includeShared: boolean,
  query: ContactListQuery,
): Promise<{ items: Contact[]; nextCursor: string | null }> {
  const q = whereContactFilter(readable(db, workspaceId, scope, includeShared), dialect, query);
  const page = await sortedPage<ContactView, keyof typeof CONTACT_SORT_EXPR>(q, CONTACT_SORT_EXPR, query, { fallback: 'lastName', idColumn: 'c.id' });
  return { items: page.rows.map(toContact), nextCursor: page.nextCursor };
}

export async function findContact(db: Kysely<DB>, workspaceId: string, scope: OwnerScope, includeShared: boolean, id: string): Promise<Contact | undefined> {
  const row = (await readable(db, workspaceId, scope, includeShared).where('c.id', '=', id).executeTakeFirst()) as ContactView | undefined;
  return row ? toContact(row) : undefined;
}

/** The raw row, scoped without shared accounts: sharing lets others read a contact, not change it. */
export function findContactRow(db: Kysely<DB>, workspaceId: string, scope: OwnerScope, id: string): Promise<ContactRow | undefined> {
  return db
    .selectFrom('contacts as c')
    .selectAll('c')
    .where('c.workspace_id', '=', workspaceId)
    .where('c.id', '=', id)
    .where('c.deleted_at', 'is', null)
    .where((eb) => ownerFilter(eb, 'c.owner_id', scope))
    .executeTakeFirst();
}

export async function insertContact(db: Kysely<DB>, row: ContactRow): Promise<void> {
  await db.insertInto('contacts').values(row).execute();
}

export type ContactChanges = Partial<
  Pick<ContactRow, 'first_name' | 'last_name' | 'email' | 'phone' | 'title' | 'account_id' | 'owner_id' | 'custom' | 'external_id'>
>;

export async function updateContact(db: Kysely<DB>, workspaceId: string, id: string, version: number, changes: ContactChanges, now: number): Promise<boolean> {
  return (await updateVersioned(db, 'contacts', { workspaceId, id, version }, changes, now, { live: 'deleted_at' })) !== undefined;
}

export async function softDeleteContact(db: Kysely<DB>, workspaceId: string, id: string, now: number): Promise<void> {
  await db.updateTable('contacts').set({ deleted_at: now, updated_at: now }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}
