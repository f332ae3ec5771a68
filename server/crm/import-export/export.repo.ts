// Pages of visible records for CSV export, keyset-ordered by id so a million rows stream through
// in constant memory and rows added meanwhile never shift a page. Names of linked records come
// along so the file reads on its own and imports back.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type OwnerScope, ownerFilter } from '../../db/scope.js';

export interface ExportPage {
  workspaceId: string;
  scope: OwnerScope;
  /** Reps and managers also see shared accounts (and their contacts). */
  includeShared: boolean;
  afterId: string | null;
  limit: number;
}

const contactLabel = (alias: string) =>
  sql<
    string | null
  >`case when ${sql.ref(`${alias}.id`)} is null then null else coalesce(${sql.ref(`${alias}.email`)}, ${sql.ref(`${alias}.first_name`)} || ' ' || ${sql.ref(`${alias}.last_name`)}) end`;

export function accountsPage(db: Kysely<DB>, p: ExportPage) {
  let q = db
    .selectFrom('accounts as a')
    .innerJoin('users as u', 'u.id', 'a.owner_id')
    .selectAll('a')
    .select('u.email as owner_email')
    .where('a.workspace_id', '=', p.workspaceId)
    .where('a.deleted_at', 'is', null)
    .where((eb) => (p.includeShared ? eb.or([ownerFilter(eb, 'a.owner_id', p.scope), eb('a.shared', '=', 1)]) : ownerFilter(eb, 'a.owner_id', p.scope)));
  if (p.afterId) q = q.where('a.id', '>', p.afterId);
  return q.orderBy('a.id').limit(p.limit).execute();
}

export function contactsPage(db: Kysely<DB>, p: ExportPage) {
  let q = db
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
  if (p.afterId) q = q.where('c.id', '>', p.afterId);
  return q.orderBy('c.id').limit(p.limit).execute();
}

export function dealsPage(db: Kysely<DB>, p: ExportPage) {
  let q = db
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
  if (p.afterId) q = q.where('d.id', '>', p.afterId);
  return q.orderBy('d.id').limit(p.limit).execute();
}

export function activitiesPage(db: Kysely<DB>, p: ExportPage) {
  let q = db
    .selectFrom('activities as t')
    .innerJoin('users as u', 'u.id', 't.owner_id')
    .leftJoin('deals as d', 'd.id', 't.deal_id')
    .leftJoin('contacts as c', 'c.id', 't.contact_id')
    .leftJoin('accounts as a', 'a.id', 't.account_id')
    .selectAll('t')
    .select(['u.email as owner_email', 'd.name as deal_name', 'a.name as account_name'])
    .select(contactLabel('c').as('contact_label'))
    .where('t.workspace_id', '=', p.workspaceId)
    .where('t.deleted_at', 'is', null)
    .where((eb) => ownerFilter(eb, 't.owner_id', p.scope));
  if (p.afterId) q = q.where('t.id', '>', p.afterId);
  return q.orderBy('t.id').limit(p.limit).execute();
}
