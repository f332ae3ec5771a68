// SQL of coaching sessions, their linked deals and their action items.
import { type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import { pageOf, paginate } from '../db/keyset.js';
import { updateVersioned } from '../db/records.js';
import type { CoachingActionItemsTable, CoachingSessionsTable } from '../db/schema/coaching.js';
import type { DB } from '../db/schema.js';
import type { CoachingScope } from './coaching-scope.service.js';

export type SessionRow = Selectable<CoachingSessionsTable>;
export type ActionItemRow = Selectable<CoachingActionItemsTable>;

export interface SessionFilter {
  scope: CoachingScope;
  actorId: string;
  coachId?: string | undefined;
  coacheeId?: string | undefined;
  state?: 'upcoming' | 'held' | 'overdue' | undefined;
  now: number;
  limit: number;
}

export function listSessionRows(db: Kysely<DB>, workspaceId: string, f: SessionFilter): Promise<SessionRow[]> {
  let q = db.selectFrom('coaching_sessions').selectAll().where('workspace_id', '=', workspaceId).where('deleted_at', 'is', null);
  const scope = f.scope;
  if (!scope.all) {
    const ids = [...scope.coacheeIds];
    q = q.where((eb) => eb.or([eb('coach_id', '=', f.actorId), ...(ids.length > 0 ? [eb('coachee_id', 'in', ids)] : [])]));
  }
  if (f.coachId) q = q.where('coach_id', '=', f.coachId);
  if (f.coacheeId) q = q.where('coachee_id', '=', f.coacheeId);
  if (f.state === 'held') q = q.where('held_at', 'is not', null).orderBy('held_at', 'desc');
  else if (f.state === 'upcoming') q = q.where('held_at', 'is', null).where('scheduled_at', '>=', f.now).orderBy('scheduled_at', 'asc');
  else if (f.state === 'overdue') q = q.where('held_at', 'is', null).where('scheduled_at', '<', f.now).orderBy('scheduled_at', 'asc');
  else q = q.orderBy('scheduled_at', 'desc');
  return q.orderBy('id').limit(f.limit).execute();
}

export function findSessionRow(db: Kysely<DB>, workspaceId: string, id: string): Promise<SessionRow | undefined> {
  return db
    .selectFrom('coaching_sessions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The last held session of a coachee before an instant (any coach): its notes open the next agenda. */
export function lastHeldSession(db: Kysely<DB>, workspaceId: string, coacheeId: string, before: number): Promise<SessionRow | undefined> {
  return db
    .selectFrom('coaching_sessions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('coachee_id', '=', coacheeId)
    .where('deleted_at', 'is', null)
    .where('held_at', 'is not', null)
    .where('held_at', '<=', before)
    .orderBy('held_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertSession(db: Kysely<DB>, row: SessionRow): Promise<void> {
  await db.insertInto('coaching_sessions').values(row).execute();
}

export async function updateSession(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  version: number,
  changes: Updateable<CoachingSessionsTable>,
  now: number,
): Promise<boolean> {
  return (await updateVersioned(db, 'coaching_sessions', { workspaceId, id, version }, changes, now, { live: 'deleted_at' })) !== undefined;
}

export async function replaceSessionDeals(db: Kysely<DB>, workspaceId: string, sessionId: string, dealIds: readonly string[]): Promise<void> {
  await db.deleteFrom('coaching_session_deals').where('workspace_id', '=', workspaceId).where('session_id', '=', sessionId).execute();
  if (dealIds.length > 0) {
    await db
      .insertInto('coaching_session_deals')
      .values([...new Set(dealIds)].map((deal_id) => ({ session_id: sessionId, deal_id, workspace_id: workspaceId })))
      .execute();
  }
}

export interface SessionDealRow {
  session_id: string;
  id: string;
  name: string;
  stage_name: string | null;
  status: string;
  amount: number;
  currency: string;
  close_date: string;
}

/** Linked deals of sessions, as they are now (a deleted deal drops out). */
export async function sessionDeals(db: Kysely<DB>, workspaceId: string, sessionIds: readonly string[]): Promise<SessionDealRow[]> {
  if (sessionIds.length === 0) return [];
  const rows = await db
    .selectFrom('coaching_session_deals as sd')
    .innerJoin('deals as d', 'd.id', 'sd.deal_id')
    .leftJoin('stages as s', 's.id', 'd.stage_id')
    .select(['sd.session_id', 'd.id', 'd.name', 's.name as stage_name', 'd.status', 'd.amount', 'd.currency', 'd.close_date'])
    .where('sd.workspace_id', '=', workspaceId)
    .where('sd.session_id', 'in', [...sessionIds])
    .where('d.deleted_at', 'is', null)
    .orderBy('d.name')
    .execute();
  return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
}

export function actionItemsOf(db: Kysely<DB>, workspaceId: string, sessionIds: readonly string[]): Promise<ActionItemRow[]> {
  if (sessionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('coaching_action_items')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('session_id', 'in', [...sessionIds])
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export interface ActionItemWithPair extends ActionItemRow {
  coach_id: string;
  coachee_id: string;
}

export interface ActionItemFilter {
  scope: CoachingScope;
  actorId: string;
  ownerId?: string | undefined;
  coacheeId?: string | undefined;
  open?: boolean | undefined;
  dueBy?: string | undefined;
}

function actionItemQuery(db: Kysely<DB>, workspaceId: string, f: ActionItemFilter) {
  let q = db
    .selectFrom('coaching_action_items as a')
    .innerJoin('coaching_sessions as s', 's.id', 'a.session_id')
    .where('a.workspace_id', '=', workspaceId)
    .where('a.deleted_at', 'is', null)
    .where('s.deleted_at', 'is', null);
  if (!f.scope.all) {
    const ids = [...f.scope.coacheeIds];
    q = q.where((eb) =>
      eb.or([eb('s.coach_id', '=', f.actorId), eb('a.owner_id', '=', f.actorId), ...(ids.length > 0 ? [eb('s.coachee_id', 'in', ids)] : [])]),
    );
  }
  if (f.ownerId) q = q.where('a.owner_id', '=', f.ownerId);
  if (f.coacheeId) q = q.where('s.coachee_id', '=', f.coacheeId);
  if (f.open === true) q = q.where('a.completed_at', 'is', null);
  if (f.open === false) q = q.where('a.completed_at', 'is not', null);
  if (f.dueBy) q = q.where('a.due_date', '<=', f.dueBy);
  return q;
}

const ACTION_ITEM_ORDER = 'dueDate';
// Undated items last, on both engines (they sort nulls differently): a date after any real one.
const dueSort = sql<string>`coalesce(a.due_date, '9999-12-31')`;

/** A page of action items by due date (undated last), then id; the count covers every page. */
export async function listActionItemRows(
  db: Kysely<DB>,
  workspaceId: string,
  f: ActionItemFilter,
  page: { limit: number; cursor?: string | undefined },
): Promise<{ rows: ActionItemWithPair[]; nextCursor: string | null; total: number }> {
  const q = actionItemQuery(db, workspaceId, f).selectAll('a').select(['s.coach_id', 's.coachee_id']);
  const rows = await paginate(q, {
    order: ACTION_ITEM_ORDER,
    sortExpr: dueSort,
    desc: false,
    idColumn: 'a.id',
    cursor: page.cursor,
    limit: page.limit,
  }).execute();
  const count = await actionItemQuery(db, workspaceId, f)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  const paged = pageOf(rows as (ActionItemWithPair & { sort_key: string })[], page.limit, ACTION_ITEM_ORDER);
  return { rows: paged.rows, nextCursor: paged.nextCursor, total: Number(count.n) };
}

export function findActionItem(db: Kysely<DB>, workspaceId: string, id: string): Promise<ActionItemRow | undefined> {
  return db
    .selectFrom('coaching_action_items')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function insertActionItems(db: Kysely<DB>, rows: ActionItemRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('coaching_action_items').values(rows).execute();
}

export async function updateActionItem(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  version: number,
  changes: Updateable<CoachingActionItemsTable>,
  now: number,
): Promise<boolean> {
  return (await updateVersioned(db, 'coaching_action_items', { workspaceId, id, version }, changes, now, { live: 'deleted_at' })) !== undefined;
}
