// The three streams a record page's timeline merges: field changes, stage moves and activities.
// Each is read newest first, after a cursor in the merged order, one row more than the page.
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { AnyExpressionBuilder } from '../db/query-types.js';
import type { EntityType } from '../db/schema/crm.js';
import type { DB } from '../db/schema.js';
import { type OwnerScope, ownerFilter } from '../db/scope.js';

/** A position in the merged stream: newest first by instant, then kind rank, then id. */
export interface StreamPosition {
  at: number;
  rank: number;
  id: string;
}

/**
 * Rows strictly after the cursor in the merged order, for a stream whose rows all have `rank`.
 * Comparing ranks in JS keeps each query a plain (at, id) range the indexes serve.
 */
function afterCursor(eb: AnyExpressionBuilder, atColumn: string, idColumn: string, rank: number, cursor: StreamPosition | null): Expression<SqlBool> {
  if (!cursor) return sql<SqlBool>`1 = 1`;
  const at = eb.ref(atColumn);
  if (rank < cursor.rank) return eb(at, '<=', cursor.at);
  if (rank > cursor.rank) return eb(at, '<', cursor.at);
  return eb.or([eb(at, '<', cursor.at), eb.and([eb(at, '=', cursor.at), eb(eb.ref(idColumn), '<', cursor.id)])]);
}

export interface ChangeView {
  id: string;
  at: number;
  field: string;
  from_value: string | null;
  to_value: string | null;
  via: string;
  actor_id: string | null;
  actor_name: string | null;
}

export async function changesAfter(
  db: Kysely<DB>,
  workspaceId: string,
  entity: EntityType,
  entityId: string,
  rank: number,
  cursor: StreamPosition | null,
  limit: number,
): Promise<ChangeView[]> {
  let q = db
    .selectFrom('changes as ch')
    .leftJoin('users as u', 'u.id', 'ch.actor_id')
    .select(['ch.id', 'ch.at', 'ch.field', 'ch.from_value', 'ch.to_value', 'ch.via', 'ch.actor_id', 'u.name as actor_name'])
    .where('ch.workspace_id', '=', workspaceId)
    .where('ch.entity', '=', entity)
    .where('ch.entity_id', '=', entityId)
    .where((eb) => afterCursor(eb, 'ch.at', 'ch.id', rank, cursor));
  if (entity === 'deal') {
    // A stage change is written twice (stage move + stage_id change); the richer stage move tells it.
    q = q.where((eb) =>
      eb.or([
        eb('ch.field', '!=', 'stage_id'),
        eb.not(
          eb.exists(
            eb
              .selectFrom('stage_moves as m')
              .select('m.id')
              .whereRef('m.deal_id', '=', 'ch.entity_id')
              .whereRef('m.at', '=', 'ch.at')
              .whereRef('m.to_stage_id', '=', 'ch.to_value'),
          ),
        ),
      ]),
    );
  }
  const rows = await q.orderBy('ch.at', 'desc').orderBy('ch.id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ ...r, at: Number(r.at) }));
}

export interface StageMoveView {
  id: string;
  at: number;
  from_stage: string | null;
  to_stage: string;
  criteria_met: number;
  override_reason: string | null;
  skipped: number;
  imported: number;
  direction: number;
  via: string;
  actor_id: string | null;
  actor_name: string | null;
  review_verdict: 'accepted' | 'challenged' | null;
  review_comment: string | null;
  review_at: number | null;
  review_version: number | null;
  reviewer_id: string | null;
  reviewer_name: string | null;
}

export async function stageMovesAfter(
  db: Kysely<DB>,
  workspaceId: string,
  dealId: string,
  rank: number,
  cursor: StreamPosition | null,
  limit: number,
): Promise<StageMoveView[]> {
  const rows = await db
    .selectFrom('stage_moves as m')
    .leftJoin('users as u', 'u.id', 'm.actor_id')
    .leftJoin('stages as fs', 'fs.id', 'm.from_stage_id')
    .leftJoin('stages as ts', 'ts.id', 'm.to_stage_id')
    .leftJoin('override_reviews as r', (j) => j.onRef('r.stage_move_id', '=', 'm.id').onRef('r.workspace_id', '=', 'm.workspace_id'))
    .leftJoin('users as rv', 'rv.id', 'r.reviewer_id')
    .select(['m.id', 'm.at', 'm.criteria_met', 'm.override_reason', 'm.skipped', 'm.direction', 'm.via', 'm.imported', 'm.actor_id', 'u.name as actor_name'])
    .select([
      'r.verdict as review_verdict',
      'r.comment as review_comment',
      'r.reviewed_at as review_at',
      'r.version as review_version',
      'r.reviewer_id',
      'rv.name as reviewer_name',
    ])
    .select(sql<string | null>`case when m.from_stage_id is null then null else coalesce(fs.name, m.from_stage_id) end`.as('from_stage'))
    .select(sql<string>`coalesce(ts.name, m.to_stage_id)`.as('to_stage'))
    .where('m.workspace_id', '=', workspaceId)
    .where('m.deal_id', '=', dealId)
    .where((eb) => afterCursor(eb, 'm.at', 'm.id', rank, cursor))
    .orderBy('m.at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    ...r,
    at: Number(r.at),
    criteria_met: Number(r.criteria_met),
    skipped: Number(r.skipped),
    direction: Number(r.direction),
    imported: Number(r.imported),
  }));
}

export type ActivityTarget = { dealId: string } | { contactId: string } | { accountId: string };

export interface TimelineActivityView {
  id: string;
  at: number;
  type: string;
  subject: string;
  body: string | null;
  completed_at: number | null;
  owner_id: string;
  owner_name: string;
}

function linkedTo(eb: AnyExpressionBuilder, workspaceId: string, target: ActivityTarget): Expression<SqlBool> {
  if ('dealId' in target) return eb('t.deal_id', '=', target.dealId);
  if ('contactId' in target) return eb('t.contact_id', '=', target.contactId);
  // An account's story includes the work on its deals and with its people, however it was linked.
  return eb.or([
    eb('t.account_id', '=', target.accountId),
    eb('t.deal_id', 'in', eb.selectFrom('deals').select('id').where('workspace_id', '=', workspaceId).where('account_id', '=', target.accountId)),
    eb('t.contact_id', 'in', eb.selectFrom('contacts').select('id').where('workspace_id', '=', workspaceId).where('account_id', '=', target.accountId)),
  ]);
}

/** Activities linked to the target that the caller may see (activities policy, by owner). */
export async function activitiesAfter(
  db: Kysely<DB>,
  workspaceId: string,
  scope: OwnerScope,
  target: ActivityTarget,
  rank: number,
  cursor: StreamPosition | null,
  limit: number,
): Promise<TimelineActivityView[]> {
  const rows = await db
    .selectFrom('activities as t')
    .innerJoin('users as u', 'u.id', 't.owner_id')
    .select(['t.id', 't.occurred_at', 't.type', 't.subject', 't.body', 't.completed_at', 't.owner_id', 'u.name as owner_name'])
    .where('t.workspace_id', '=', workspaceId)
    .where('t.deleted_at', 'is', null)
    .where((eb) => ownerFilter(eb, 't.owner_id', scope))
    .where((eb) => linkedTo(eb, workspaceId, target))
    .where((eb) => afterCursor(eb, 't.occurred_at', 't.id', rank, cursor))
    .orderBy('t.occurred_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(({ occurred_at, completed_at, ...r }) => ({
    ...r,
    at: Number(occurred_at),
    completed_at: completed_at === null ? null : Number(completed_at),
  }));
}

/** A deal the caller may read: in the owner scope for deals, not deleted. */
export interface CommentView {
  id: string;
  at: number;
  body: string;
  author_id: string;
  author_name: string | null;
}

/** A deal's comments after the cursor, newest first (the deal's visibility is checked by the caller). */
export async function commentsAfter(
  db: Kysely<DB>,
  workspaceId: string,
  dealId: string,
  rank: number,
  cursor: StreamPosition | null,
  limit: number,
): Promise<CommentView[]> {
  const rows = await db
    .selectFrom('deal_comments as c')
    .leftJoin('users as u', 'u.id', 'c.author_id')
    .select(['c.id', 'c.created_at as at', 'c.body', 'c.author_id', 'u.name as author_name'])
    .where('c.workspace_id', '=', workspaceId)
    .where('c.deal_id', '=', dealId)
    .where((eb) => afterCursor(eb, 'c.created_at', 'c.id', rank, cursor))
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, at: Number(r.at) }));
}

export async function dealVisible(db: Kysely<DB>, workspaceId: string, scope: OwnerScope, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('deals as d')
    .select('d.id')
    .where('d.workspace_id', '=', workspaceId)
    .where('d.id', '=', id)
    .where('d.deleted_at', 'is', null)
    .where((eb) => ownerFilter(eb, 'd.owner_id', scope))
    .executeTakeFirst();
  return row !== undefined;
}

export type LabelTable = 'users' | 'stages' | 'accounts' | 'contacts' | 'deals';

/**
 * Names for ids that appear as history values. Deleted records keep their names: history talks
 * about the past, when they existed.
 */
export async function namesOf(db: Kysely<DB>, workspaceId: string, table: LabelTable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const unique = [...new Set(ids)];
  const rows =
    table === 'contacts'
      ? await db
          .selectFrom('contacts')
          .select(['id', sql<string>`first_name || ' ' || last_name`.as('name')])
          .where('workspace_id', '=', workspaceId)
          .where('id', 'in', unique)
          .execute()
      : await db.selectFrom(table).select(['id', 'name']).where('workspace_id', '=', workspaceId).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Custom field labels of the entity by key, retired fields included (their history remains). */
export async function customFieldLabels(db: Kysely<DB>, workspaceId: string, entity: EntityType): Promise<Map<string, string>> {
  const rows = await db.selectFrom('custom_fields').select(['key', 'label']).where('workspace_id', '=', workspaceId).where('entity', '=', entity).execute();
  return new Map(rows.map((r) => [r.key, r.label]));
}
