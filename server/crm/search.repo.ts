// Global search, one query per record type, each scoped exactly like that type's list. Every query
// matches and ranks through db/text-search.ts (exact title, title prefix, first-word prefix,
// elsewhere), then orders by title (activities: most recent first).
import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Dialect } from '../db/dialect.js';
import type { DB } from '../db/schema.js';
import { type OwnerScope, ownerFilter, ownerFilterOrNone } from '../db/scope.js';
import { dealWordIndexFilter, narrowedBy, wordIndexFilter } from '../db/search-word-index.js';
import { matches, rankOf } from '../db/text-search.js';

export interface SearchInput {
  workspaceId: string;
  scope: OwnerScope;
  needle: string;
  limit: number;
}

/**
 * The workspace filter of a search query. A caller who sees every row reads the workspace's whole
 * table whatever the plan, so the workspace index is not used (dialect.unindexed); a scoped caller's
 * owner filter goes through the workspace-and-owner indexes.
 */
function inWorkspace(dialect: Dialect, column: string, input: SearchInput): RawBuilder<SqlBool> {
  const ref = sql.ref<string>(column);
  return sql<SqlBool>`${input.scope.all ? dialect.unindexed(ref) : ref} = ${input.workspaceId}`;
}

export interface AccountHit {
  id: string;
  title: string;
  rank: number;
  industry: string | null;
  domain: string | null;
  owner_name: string;
}

export async function searchAccounts(db: Kysely<DB>, dialect: Dialect, input: SearchInput & { includeShared: boolean }): Promise<AccountHit[]> {
  const name = sql<string>`a.name`;
  const domain = sql<string | null>`a.domain`;
  const rows = await db
    .selectFrom('accounts as a')
    .innerJoin('users as u', 'u.id', 'a.owner_id')
    .select(['a.id', 'a.name as title', 'a.industry', 'a.domain', 'u.name as owner_name'])
    .select(rankOf(dialect, [name, domain], input.needle).as('rank'))
    .where(() => inWorkspace(dialect, 'a.workspace_id', input))
    .where('a.deleted_at', 'is', null)
    .where((eb) =>
      input.includeShared ? eb.or([ownerFilter(eb, 'a.owner_id', input.scope), eb('a.shared', '=', 1)]) : ownerFilter(eb, 'a.owner_id', input.scope),
    )
    .where(() => matches(dialect, [name, domain], input.needle))
    .$call(narrowedBy(wordIndexFilter(dialect, 'accounts', 'a', input.needle)))
    .orderBy('rank')
    .orderBy(sql`lower(a.name)`)
    .orderBy('a.id')
    .limit(input.limit)
    .execute();
  return rows.map((r) => ({ ...r, rank: Number(r.rank) }));
}

export interface ContactHit {
  id: string;
  title: string;
  rank: number;
  email: string | null;
  account_name: string | null;
}

export async function searchContacts(db: Kysely<DB>, dialect: Dialect, input: SearchInput & { includeShared: boolean }): Promise<ContactHit[]> {
  const fullName = sql<string>`c.first_name || ' ' || c.last_name`;
  const rows = await db
    .selectFrom('contacts as c')
    .leftJoin('accounts as a', 'a.id', 'c.account_id')
    .select(['c.id', fullName.as('title'), 'c.email', 'a.name as account_name'])
    .select(rankOf(dialect, [fullName, sql`c.last_name`, sql`c.email`], input.needle).as('rank'))
    .where(() => inWorkspace(dialect, 'c.workspace_id', input))
    .where('c.deleted_at', 'is', null)
    .where((eb) => {
      const owned = ownerFilter(eb, 'c.owner_id', input.scope);
      return input.includeShared ? eb.or([owned, eb.and([eb('a.shared', '=', 1), eb('a.deleted_at', 'is', null)])]) : owned;
    })
    .where(() => matches(dialect, [fullName, sql`c.email`], input.needle))
    .$call(narrowedBy(wordIndexFilter(dialect, 'contacts', 'c', input.needle)))
    .orderBy('rank')
    .orderBy(sql`lower(c.last_name)`)
    .orderBy(sql`lower(c.first_name)`)
    .orderBy('c.id')
    .limit(input.limit)
    .execute();
  return rows.map((r) => ({ ...r, rank: Number(r.rank) }));
}

export interface DealHit {
  id: string;
  title: string;
  rank: number;
  account_name: string | null;
  stage_name: string;
  amount: number;
  currency: string;
}

export async function searchDeals(db: Kysely<DB>, dialect: Dialect, input: SearchInput): Promise<DealHit[]> {
  const name = sql<string>`d.name`;
  const rows = await db
    .selectFrom('deals as d')
    .innerJoin('stages as s', 's.id', 'd.stage_id')
    .leftJoin('accounts as a', 'a.id', 'd.account_id')
    .select(['d.id', 'd.name as title', 'a.name as account_name', 's.name as stage_name', 'd.amount', 'd.currency'])
    .select(rankOf(dialect, [name], input.needle).as('rank'))
    .where(() => inWorkspace(dialect, 'd.workspace_id', input))
    .where('d.deleted_at', 'is', null)
    .where((eb) => ownerFilter(eb, 'd.owner_id', input.scope))
    .where(() => matches(dialect, [name, sql<string | null>`a.name`], input.needle))
    .$call(narrowedBy(dealWordIndexFilter(dialect, 'd', input.workspaceId, input.needle)))
    .orderBy('rank')
    .orderBy(sql`lower(d.name)`)
    .orderBy('d.id')
    .limit(input.limit)
    .execute();
  return rows.map((r) => ({ ...r, rank: Number(r.rank), amount: Number(r.amount) }));
}

export interface ActivityHit {
  id: string;
  title: string;
  rank: number;
  type: string;
  deal_id: string | null;
  deal_name: string | null;
  contact_id: string | null;
  contact_name: string | null;
  account_id: string | null;
  account_name: string | null;
}

/**
 * Activities by subject or body, scoped like the activity list. The linked deal, contact and
 * account join only when the caller may read them (each by its own list's scope, shared accounts
 * included for the roles that read them), so a hit never names a record its reader cannot open.
 */
export async function searchActivities(
  db: Kysely<DB>,
  dialect: Dialect,
  input: SearchInput & { dealScope: OwnerScope | null; contactScope: OwnerScope | null; accountScope: OwnerScope | null; includeShared: boolean },
): Promise<ActivityHit[]> {
  const subject = sql<string>`t.subject`;
  const sharedAccount = (accountId: string) =>
    sql<SqlBool>`exists (select 1 from accounts sa where sa.id = ${sql.ref(accountId)} and sa.shared = 1 and sa.deleted_at is null)`;
  const rows = await db
    .selectFrom('activities as t')
    .leftJoin('deals as d', (join) =>
      join
        .onRef('d.id', '=', 't.deal_id')
        .on('d.deleted_at', 'is', null)
        .on((eb) => ownerFilterOrNone(eb, 'd.owner_id', input.dealScope)),
    )
    .leftJoin('contacts as c', (join) =>
      join
        .onRef('c.id', '=', 't.contact_id')
        .on('c.deleted_at', 'is', null)
        .on((eb) => {
          const owned = ownerFilterOrNone(eb, 'c.owner_id', input.contactScope);
          return input.includeShared && input.contactScope ? eb.or([owned, sharedAccount('c.account_id')]) : owned;
        }),
    )
    .leftJoin('accounts as a', (join) =>
      join
        .onRef('a.id', '=', 't.account_id')
        .on('a.deleted_at', 'is', null)
        .on((eb) => {
          const owned = ownerFilterOrNone(eb, 'a.owner_id', input.accountScope);
          return input.includeShared && input.accountScope ? eb.or([owned, eb('a.shared', '=', 1)]) : owned;
        }),
    )
    .select([
      't.id',
      't.subject as title',
      't.type',
      'd.id as deal_id',
      'd.name as deal_name',
      'c.id as contact_id',
      'a.id as account_id',
      'a.name as account_name',
    ])
    .select(sql<string | null>`case when c.id is null then null else c.first_name || ' ' || c.last_name end`.as('contact_name'))
    .select(rankOf(dialect, [subject], input.needle).as('rank'))
    .where(() => inWorkspace(dialect, 't.workspace_id', input))
    .where('t.deleted_at', 'is', null)
    .where((eb) => ownerFilter(eb, 't.owner_id', input.scope))
    .where(() => matches(dialect, [subject, sql<string | null>`t.body`], input.needle))
    .$call(narrowedBy(wordIndexFilter(dialect, 'activities', 't', input.needle)))
    .orderBy('rank')
    .orderBy('t.occurred_at', 'desc')
    .orderBy('t.id')
    .limit(input.limit)
    .execute();
  return rows.map((r) => ({ ...r, rank: Number(r.rank) }));
}
