// Pages of visible records for CSV export, keyset-ordered (by id, or by the list's sort when one is
// asked for) so a million rows stream through in constant memory and rows added meanwhile never
// shift a page. The list's own filter functions narrow them, so a filtered export holds exactly
// what the list shows. Names of linked records come along so the file reads on its own and
// imports back.
import { type Expression, type Kysely, sql } from 'kysely';
import type { Dialect } from '../../db/dialect.js';
import { sortedPage } from '../../db/keyset.js';
import type { AnySelectQuery } from '../../db/query-types.js';
import type { DB } from '../../db/schema.js';
import { type OwnerScope, ownerFilter } from '../../db/scope.js';
import { ACCOUNT_SORT_EXPR, type AccountFilter, whereAccountFilter } from '../accounts.repo.js';
import { ACTIVITY_SORT_EXPR, type ActivityFilter, readableDeal, whereActivityFilter } from '../activities.repo.js';
import { CONTACT_SORT_EXPR, type ContactFilter, whereContactFilter } from '../contacts.repo.js';
import { DEAL_SORT_EXPR, type DealFilter, whereDealFilter } from '../deals.repo.js';

export interface ExportPage<F> {
  workspaceId: string;
  dialect: Dialect;
  scope: OwnerScope;
  /** Reps and managers also see shared accounts (and their contacts). */
  includeShared: boolean;
  /** Activities: the deals the caller may read (a linked deal out of reach is exported without its name). */
  dealScope: OwnerScope | null;
  /** The list's filters and search. */
  filter: F;
  /** The list's sort (`-field` descending); without one, id order. */
  sort: string | undefined;
  /** Where the previous page ended (null: the first page). */
  cursor: string | null;
  limit: number;
}

export interface ExportRows {
  rows: Record<string, unknown>[];
  /** Where the next page starts; null after the last. */
  next: string | null;
}

type Sorts = Record<string, Expression<unknown>>;

/**
 * One page. Without a sort, rows come by id (the cursor is the last id: an index walk at any
 * depth); with one, by the list's sort then id, through the lists' own keyset paging.
 */
async function page(q: AnySelectQuery, p: ExportPage<unknown>, sorts: Sorts, idColumn: string): Promise<ExportRows> {
  if (!p.sort) {
    const rows = (await (p.cursor ? q.where(idColumn, '>', p.cursor) : q).orderBy(idColumn).limit(p.limit).execute()) as Record<string, unknown>[];
    return { rows, next: rows.length < p.limit ? null : String((rows[rows.length - 1] as Record<string, unknown>).id) };
  }
  const kept = await sortedPage<Record<string, unknown>, string>(
    q,
    sorts,
    { sort: p.sort, cursor: p.cursor ?? undefined, limit: p.limit },
    { fallback: p.sort, idColumn },
  );
  return { rows: kept.rows, next: kept.nextCursor };
}

const contactLabel = (alias: string) =>
  sql<
    string | null
  >`case when ${sql.ref(`${alias}.id`)} is null then null else coalesce(${sql.ref(`${alias}.email`)}, ${sql.ref(`${alias}.first_name`)} || ' ' || ${sql.ref(`${alias}.last_name`)}) end`;

export function accountsPage(db: Kysely<DB>, p: ExportPage<AccountFilter>): Promise<ExportRows> {
  const q = db
    .selectFrom('accounts as a')
    .innerJoin('users as u', 'u.id', 'a.owner_id')
    .selectAll('a')
    .select('u.email as owner_email')
    .where('a.workspace_id', '=', p.workspaceId)
    .where('a.deleted_at', 'is', null)
    .where((eb) => (p.includeShared ? eb.or([ownerFilter(eb, 'a.owner_id', p.scope), eb('a.shared', '=', 1)]) : ownerFilter(eb, 'a.owner_id', p.scope)));
  return page(whereAccountFilter(q, p.dialect, p.filter), p, ACCOUNT_SORT_EXPR, 'a.id');
}

export function contactsPage(db: Kysely<DB>, p: ExportPage<ContactFilter>): Promise<ExportRows> {
  const q = db
    .selectFrom('contacts as c')
    .innerJoin('users as u', 'u.id', 'c.owner_id')
    .leftJoin('accounts as a', 'a.id', 'c.account_id')
    .selectAll('c')
    .select(['u.email as owner_email', 'a.name as account_name'])
    .where('c.workspace_id', '=', p.workspaceId)
    .where('c.deleted_at', 'is', null)
    // As in the contact list: owned, or at a shared account that is itself still there.
    .where((eb) =>
      p.includeShared
        ? eb.or([ownerFilter(eb, 'c.owner_id', p.scope), eb.and([eb('a.shared', '=', 1), eb('a.deleted_at', 'is', null)])])
        : ownerFilter(eb, 'c.owner_id', p.scope),
    );
  return page(whereContactFilter(q, p.dialect, p.filter), p, CONTACT_SORT_EXPR, 'c.id');
}

export function dealsPage(db: Kysely<DB>, p: ExportPage<DealFilter>): Promise<ExportRows> {
  const q = db
    .selectFrom('deals as d')
    .innerJoin('users as u', 'u.id', 'd.owner_id')
    .innerJoin('stages as s', 's.id', 'd.stage_id')
    .innerJoin('pipelines as p', 'p.id', 'd.pipeline_id')
    .leftJoin('accounts as a', 'a.id', 'd.account_id')
    .leftJoin('contacts as c', 'c.id', 'd.contact_id')
    .selectAll('d')
    .select(['u.email as owner_email', 's.name as stage_name', 'p.name as pipeline_name', 'a.name as account_name'])
    .select(contactLabel('c').as('contact_label'))
    .where('d.workspace_id', '=', p.workspaceId)
    .where('d.deleted_at', 'is', null)
    .where((eb) => ownerFilter(eb, 'd.owner_id', p.scope));
  return page(whereDealFilter(q, p.dialect, p.filter), p, DEAL_SORT_EXPR, 'd.id');
}

export function activitiesPage(db: Kysely<DB>, p: ExportPage<Omit<ActivityFilter, 'limit' | 'cursor' | 'sort'>>): Promise<ExportRows> {
  const q = db
    .selectFrom('activities as t')
    .innerJoin('users as u', 'u.id', 't.owner_id')
    .leftJoin('deals as d', readableDeal(p.dealScope))
    .leftJoin('contacts as c', 'c.id', 't.contact_id')
    .leftJoin('accounts as a', 'a.id', 't.account_id')
    .selectAll('t')
    .select(['u.email as owner_email', 'd.name as deal_name', 'a.name as account_name'])
    .select(contactLabel('c').as('contact_label'))
    .where('t.workspace_id', '=', p.workspaceId)
    .where('t.deleted_at', 'is', null)
    .where((eb) => ownerFilter(eb, 't.owner_id', p.scope));
  return page(whereActivityFilter(q, p.dialect, p.filter), p, ACTIVITY_SORT_EXPR, 't.id');
}
