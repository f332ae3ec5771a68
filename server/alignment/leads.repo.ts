// SQL for leads and their history. Every read goes through leadFilter (visibility in SQL); every
// write is guarded by version (or, for a claim, by the lead still being unowned).
import { type Expression, type Kysely, type Selectable, type SqlBool, sql, type Updateable } from 'kysely';
import type { LeadListQuery } from '../../api/leads.js';
import type { Dialect } from '../db/dialect.js';
import { sortedPage } from '../db/keyset.js';
import type { AnyExpressionBuilder } from '../db/query-types.js';
import { updateVersioned } from '../db/records.js';
import type { LeadsTable, LeadTransitionsTable } from '../db/schema/alignment.js';
import type { DB } from '../db/schema.js';
import { ownerFilter } from '../db/scope.js';
import type { LeadScope } from './lead-scope.service.js';
import type { SlaDues } from './sla.js';

export type LeadRow = Selectable<LeadsTable>;
export type LeadView = LeadRow & {
  owner_name: string | null;
  campaign_name: string | null;
  agreement_number: number | null;
  agreement_terms: string | null;
  same_company_lead_id: string | null;
};
export type TransitionRow = Selectable<LeadTransitionsTable>;

function views(db: Kysely<DB>, workspaceId: string, scope: LeadScope) {
  return (
    db
      .selectFrom('leads as l')
      .leftJoin('users as u', 'u.id', 'l.owner_id')
      .leftJoin('campaigns as c', 'c.id', 'l.campaign_id')
      .leftJoin('lead_agreements as a', 'a.id', 'l.agreement_id')
      .selectAll('l')
      .select(['u.name as owner_name', 'c.name as campaign_name', 'a.number as agreement_number', 'a.terms as agreement_terms'])
      // Read, not stored: the company's first other lead the reader may see, so the flag never goes
      // stale when that lead is deleted or moves out of reach, and never names an invisible lead.
      .select((eb) =>
        eb
          .selectFrom('leads as l2')
          .select('l2.id')
          .whereRef('l2.workspace_id', '=', 'l.workspace_id')
          .whereRef('l2.domain', '=', 'l.domain')
          .whereRef('l2.id', '<>', 'l.id')
          .where('l2.deleted_at', 'is', null)
          .where((inner) => leadFilter(inner, scope, 'l2'))
          .orderBy('l2.received_at')
          .orderBy('l2.id')
          .limit(1)
          .as('same_company_lead_id'),
      )
      .where('l.workspace_id', '=', workspaceId)
      .where('l.deleted_at', 'is', null)
      .where((eb) => leadFilter(eb, scope))
  );
}

export async function findLeadView(db: Kysely<DB>, workspaceId: string, scope: LeadScope, id: string): Promise<LeadView | undefined> {
  return views(db, workspaceId, scope).where('l.id', '=', id).executeTakeFirst();
}

export async function findLeadRow(db: Kysely<DB>, workspaceId: string, scope: LeadScope, id: string): Promise<LeadRow | undefined> {
  return db
    .selectFrom('leads as l')
    .selectAll('l')
    .where('l.workspace_id', '=', workspaceId)
    .where('l.deleted_at', 'is', null)
    .where('l.id', '=', id)
    .where((eb) => leadFilter(eb, scope))
    .executeTakeFirst();
}

const SORT_EXPR = { receivedAt: sql`l.received_at`, score: sql`l.score`, updatedAt: sql`l.updated_at`, routedAt: sql`coalesce(l.routed_at, 0)` } as const;

export async function listLeadViews(
  db: Kysely<DB>,
  dialect: Dialect,
  workspaceId: string,
  scope: LeadScope,
  actorId: string,
  query: LeadListQuery,
): Promise<{ rows: LeadView[]; nextCursor: string | null }> {
  let q = views(db, workspaceId, scope);
  if (query.status) q = q.where('l.status', '=', query.status);
  if (query.ownerId) q = q.where('l.owner_id', '=', query.ownerId);
  if (query.campaignId) q = q.where('l.campaign_id', '=', query.campaignId);
  if (query.source) q = q.where('l.source', '=', query.source);
  if (query.queue === 'mine') q = q.where('l.owner_id', '=', actorId).where('l.status', 'in', ['mql', 'accepted', 'sql']);
  if (query.queue === 'open') q = q.where('l.status', '=', 'mql');
  const needle = query.q?.trim();
  if (needle) {
    q = q.where((eb) =>
      eb.or(['l.email', 'l.first_name', 'l.last_name', 'l.company', 'l.domain'].map((c) => dialect.containsInsensitive(eb.ref(c as 'l.email'), needle))),
    );
  }
  return sortedPage<LeadView, keyof typeof SORT_EXPR>(q, SORT_EXPR, query, { fallback: '-receivedAt', idColumn: 'l.id' });
}

export async function insertLead(db: Kysely<DB>, row: LeadRow): Promise<void> {
  await db.insertInto('leads').values(row).execute();
}

export async function updateLead(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  version: number,
  changes: Updateable<LeadsTable>,
  now: number,
): Promise<boolean> {
  return (await updateVersioned(db, 'leads', { workspaceId, id, version }, changes, now, { live: 'deleted_at' })) !== undefined;
}

/** The claim: only an unowned MQL changes hands, so of concurrent claims exactly one updates a row. */
export async function claimLead(db: Kysely<DB>, workspaceId: string, id: string, userId: string, now: number): Promise<boolean> {
  const r = await db
    .updateTable('leads')
    .set((eb) => ({ owner_id: userId, routed_at: eb.fn.coalesce('routed_at', eb.val(now)), updated_at: now, version: eb('version', '+', 1) }))
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('owner_id', 'is', null)
    .where('status', '=', 'mql')
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Derived columns, written in the transaction of the change that routed the lead: no version bump. */
export async function setSlaDues(db: Kysely<DB>, workspaceId: string, id: string, dues: SlaDues): Promise<void> {
  await db.updateTable('leads').set(dues).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export async function insertTransition(db: Kysely<DB>, row: TransitionRow): Promise<void> {
  await db.insertInto('lead_transitions').values(row).execute();
}

export async function listTransitions(db: Kysely<DB>, workspaceId: string, leadId: string): Promise<(TransitionRow & { actor_name: string | null })[]> {
  return db
    .selectFrom('lead_transitions as t')
    .leftJoin('users as u', 'u.id', 't.actor_id')
    .selectAll('t')
    .select('u.name as actor_name')
    .where('t.workspace_id', '=', workspaceId)
    .where('t.lead_id', '=', leadId)
    .orderBy('t.at')
    .orderBy('t.id')
    .execute();
}

export async function insertTouch(db: Kysely<DB>, row: Selectable<DB['lead_touches']>): Promise<void> {
  await db.insertInto('lead_touches').values(row).execute();
}

/** An open lead with this email (not converted, rejected or recycled): a new form fill joins it. */
export async function findOpenLeadByEmail(db: Kysely<DB>, workspaceId: string, email: string): Promise<LeadRow | undefined> {
  return db
    .selectFrom('leads')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('email', '=', email)
    .where('status', 'in', ['new', 'mql', 'accepted', 'sql'])
    .where('deleted_at', 'is', null)
    .orderBy('received_at', 'desc')
    .executeTakeFirst();
}

/** A lead an import matched: enough to tell whether the file moves it on. */
export type ImportMatch = Pick<LeadRow, 'id' | 'email' | 'external_id' | 'status' | 'version' | 'deal_id'> & { latest_at: number };

/** Leads of the workspace with any of these emails or external ids, whoever's they are, with their last history instant: an import matches them rather than duplicating them. */
export async function findLeadKeys(
  db: Kysely<DB>,
  workspaceId: string,
  keys: { emails: readonly string[]; externalIds: readonly string[] },
): Promise<ImportMatch[]> {
  const found = new Map<string, ImportMatch>();
  for (const [column, values] of [
    ['email', [...new Set(keys.emails)]],
    ['external_id', [...new Set(keys.externalIds)]],
  ] as const) {
    for (let i = 0; i < values.length; i += 500) {
      const rows = await db
        .selectFrom('leads as l')
        .select(['l.id', 'l.email', 'l.external_id', 'l.status', 'l.version', 'l.deal_id', 'l.received_at'])
        .select((eb) =>
          eb
            .selectFrom('lead_transitions as t')
            .select((t) => t.fn.max('t.at').as('at'))
            .whereRef('t.lead_id', '=', 'l.id')
            .whereRef('t.workspace_id', '=', 'l.workspace_id')
            .as('latest_at'),
        )
        .where('l.workspace_id', '=', workspaceId)
        .where('l.deleted_at', 'is', null)
        .where(`l.${column}`, 'in', values.slice(i, i + 500))
        .execute();
      for (const { received_at, latest_at, ...r } of rows) found.set(r.id, { ...r, latest_at: Number(latest_at ?? received_at) });
    }
  }
  return [...found.values()];
}

/** Deals of the workspace by Furrow id or external id, whoever's they are (an imported lead's link to the deal it became). */
export async function findDealKeys(
  db: Kysely<DB>,
  workspaceId: string,
  keys: { ids: readonly string[]; externalIds: readonly string[] },
): Promise<{ id: string; external_id: string | null }[]> {
  const found: { id: string; external_id: string | null }[] = [];
  for (const [column, values] of [
    ['id', [...new Set(keys.ids)]],
    ['external_id', [...new Set(keys.externalIds)]],
  ] as const) {
    for (let i = 0; i < values.length; i += 500) {
      found.push(
        ...(await db
          .selectFrom('deals')
          .select(['id', 'external_id'])
          .where('workspace_id', '=', workspaceId)
          .where('deleted_at', 'is', null)
          .where(column, 'in', values.slice(i, i + 500))
          .execute()),
      );
    }
  }
  return found;
}

export async function findContactByEmail(db: Kysely<DB>, workspaceId: string, email: string): Promise<{ id: string; account_id: string | null } | undefined> {
  return db
    .selectFrom('contacts')
    .select(['id', 'account_id'])
    .where('workspace_id', '=', workspaceId)
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email))
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The account of a contact whose email is at this domain (the oldest such contact): a colleague's company. */
export async function findAccountByContactDomain(db: Kysely<DB>, workspaceId: string, domain: string): Promise<{ id: string } | undefined> {
  const pattern = `%@${domain.replace(/[\\%_]/g, (c) => `\\${c}`)}`;
  const row = await db
    .selectFrom('contacts')
    .select('account_id')
    .where('workspace_id', '=', workspaceId)
    .where('account_id', 'is not', null)
    .where('deleted_at', 'is', null)
    .where(sql<SqlBool>`lower(email) like ${pattern} escape '\\'`)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
  return row?.account_id ? { id: row.account_id } : undefined;
}

export async function findAccountByDomain(db: Kysely<DB>, workspaceId: string, domain: string): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('accounts')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('domain', '=', domain)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function softDeleteLead(db: Kysely<DB>, workspaceId: string, id: string, now: number): Promise<void> {
  await db.updateTable('leads').set({ deleted_at: now, updated_at: now }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

/** The lead scope in SQL, over `leads as l`: owned leads in reach, or the unclaimed pools in reach. */
export function leadFilter(eb: AnyExpressionBuilder, scope: LeadScope, alias: 'l' | 'l2' = 'l'): Expression<SqlBool> {
  if (scope.owners.all) return sql<SqlBool>`1 = 1`;
  const owned = ownerFilter(eb, `${alias}.owner_id`, scope.owners);
  if (scope.poolTeamIds.length === 0) return owned;
  return eb.or([owned, eb.and([eb(eb.ref(`${alias}.owner_id`), 'is', null), eb(eb.ref(`${alias}.team_id`), 'in', [...scope.poolTeamIds])])]);
}
