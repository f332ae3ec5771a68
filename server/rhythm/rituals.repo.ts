// SQL of rituals, their attendees, their materialised occurrences and the completion history.
import { type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { RitualOccurrencesTable, RitualsTable } from '../db/schema/rituals.js';
import type { DB } from '../db/schema.js';

export type RitualRow = Selectable<RitualsTable>;
export type OccurrenceRow = Selectable<RitualOccurrencesTable>;
export type RitualView = RitualRow & { team_name: string; owner_name: string };

/** Who may read which rituals: everything, or the teams in reach plus what the person owns or attends. */
export type RitualReadScope = { all: true } | { all: false; teamIds: readonly string[]; userId: string };

export interface RitualFilter {
  scope: RitualReadScope;
  teamId?: string | undefined;
  kind?: string | undefined;
  ids?: readonly string[] | undefined;
}

function baseRituals(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('rituals as r')
    .innerJoin('teams as t', 't.id', 'r.team_id')
    .innerJoin('users as u', 'u.id', 'r.owner_id')
    .selectAll('r')
    .select(['t.name as team_name', 'u.name as owner_name'])
    .where('r.workspace_id', '=', workspaceId)
    .where('r.deleted_at', 'is', null);
}

export function listRitualViews(db: Kysely<DB>, workspaceId: string, f: RitualFilter): Promise<RitualView[]> {
  let q = baseRituals(db, workspaceId);
  const scope = f.scope;
  if (!scope.all) {
    q = q.where((eb) =>
      eb.or([
        ...(scope.teamIds.length > 0 ? [eb('r.team_id', 'in', [...scope.teamIds])] : []),
        eb('r.owner_id', '=', scope.userId),
        eb.exists(eb.selectFrom('ritual_attendees as a').select('a.ritual_id').whereRef('a.ritual_id', '=', 'r.id').where('a.user_id', '=', scope.userId)),
      ]),
    );
  }
  if (f.teamId) q = q.where('r.team_id', '=', f.teamId);
  if (f.kind) q = q.where('r.kind', '=', f.kind);
  if (f.ids) q = f.ids.length === 0 ? q.where(sql<boolean>`1 = 0`) : q.where('r.id', 'in', [...f.ids]);
  return q.orderBy('t.name').orderBy('r.kind').orderBy('r.title').orderBy('r.id').execute();
}

export function findRitualView(db: Kysely<DB>, workspaceId: string, id: string): Promise<RitualView | undefined> {
  return baseRituals(db, workspaceId).where('r.id', '=', id).executeTakeFirst();
}

/** Every live ritual of a workspace (the jobs extend and remind them all). */
export function allRitualRows(db: Kysely<DB>, workspaceId: string): Promise<RitualRow[]> {
  return db.selectFrom('rituals').selectAll().where('workspace_id', '=', workspaceId).where('deleted_at', 'is', null).execute();
}

export async function insertRitual(db: Kysely<DB>, row: RitualRow): Promise<void> {
  await db.insertInto('rituals').values(row).execute();
}

export async function updateRitual(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  version: number,
  changes: Updateable<RitualsTable>,
  now: number,
): Promise<boolean> {
  const r = await db
    .updateTable('rituals')
    .set({ ...changes, updated_at: now, version: version + 1 })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('version', '=', version)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function attendeesOf(
  db: Kysely<DB>,
  workspaceId: string,
  ritualIds: readonly string[],
): Promise<{ ritual_id: string; id: string; name: string }[]> {
  if (ritualIds.length === 0) return [];
  return db
    .selectFrom('ritual_attendees as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.ritual_id', 'u.id', 'u.name'])
    .where('a.workspace_id', '=', workspaceId)
    .where('a.ritual_id', 'in', [...ritualIds])
    .orderBy('u.name')
    .execute();
}

export async function replaceAttendees(db: Kysely<DB>, workspaceId: string, ritualId: string, userIds: readonly string[]): Promise<void> {
  await db.deleteFrom('ritual_attendees').where('workspace_id', '=', workspaceId).where('ritual_id', '=', ritualId).execute();
  const ids = [...new Set(userIds)];
  if (ids.length > 0)
    await db
      .insertInto('ritual_attendees')
      .values(ids.map((user_id) => ({ ritual_id: ritualId, user_id, workspace_id: workspaceId })))
      .execute();
}

/** Active users of the workspace among ids, with their role and team. */
export function usersAmong(db: Kysely<DB>, workspaceId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .select(['id', 'name', 'role', 'team_id'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [...ids])
    .where('disabled_at', 'is', null)
    .execute();
}

export function usersOfTeams(db: Kysely<DB>, workspaceId: string, teamIds: readonly string[]) {
  if (teamIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .select(['id', 'name', 'role', 'team_id'])
    .where('workspace_id', '=', workspaceId)
    .where('team_id', 'in', [...teamIds])
    .where('disabled_at', 'is', null)
    .orderBy('name')
    .execute();
}

export function marketingUsers(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'marketing')
    .where('disabled_at', 'is', null)
    .execute();
}

// ---- occurrences -------------------------------------------------------------------------------

export function occurrenceSlots(db: Kysely<DB>, ritualId: string): Promise<Pick<OccurrenceRow, 'id' | 'scheduled_at' | 'cancelled_at' | 'status'>[]> {
  return db.selectFrom('ritual_occurrences').select(['id', 'scheduled_at', 'cancelled_at', 'status']).where('ritual_id', '=', ritualId).execute();
}

export async function insertOccurrences(db: Kysely<DB>, rows: readonly OccurrenceRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    // Two writers materialising the same slot (a job and a request) keep the first row.
    await db
      .insertInto('ritual_occurrences')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.columns(['ritual_id', 'scheduled_at']).doNothing())
      .execute();
  }
}

export async function setCancelled(db: Kysely<DB>, ids: readonly string[], cancelledAt: number | null, now: number): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('ritual_occurrences')
    .set({ cancelled_at: cancelledAt, updated_at: now })
    .where('id', 'in', [...ids])
    .execute();
}

export type OccurrenceView = OccurrenceRow & {
  kind: string;
  title: string;
  team_id: string;
  team_name: string;
  owner_id: string;
  duration_minutes: number;
  completed_by_name: string | null;
};

function baseOccurrences(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('ritual_occurrences as o')
    .innerJoin('rituals as r', 'r.id', 'o.ritual_id')
    .innerJoin('teams as t', 't.id', 'r.team_id')
    .leftJoin('users as cu', 'cu.id', 'o.completed_by')
    .selectAll('o')
    .select(['r.kind', 'r.title', 'r.team_id', 't.name as team_name', 'r.owner_id', 'r.duration_minutes', 'cu.name as completed_by_name'])
    .where('o.workspace_id', '=', workspaceId)
    .where('o.cancelled_at', 'is', null)
    .where('r.deleted_at', 'is', null);
}

export function listOccurrenceViews(db: Kysely<DB>, workspaceId: string, ritualIds: readonly string[], from: number, to: number): Promise<OccurrenceView[]> {
  if (ritualIds.length === 0) return Promise.resolve([]);
  return baseOccurrences(db, workspaceId)
    .where('o.ritual_id', 'in', [...ritualIds])
    .where('o.scheduled_at', '>=', from)
    .where('o.scheduled_at', '<=', to)
    .orderBy('o.scheduled_at')
    .orderBy('o.id')
    .limit(2000)
    .execute() as Promise<OccurrenceView[]>;
}

export function findOccurrenceView(db: Kysely<DB>, workspaceId: string, id: string): Promise<OccurrenceView | undefined> {
  return baseOccurrences(db, workspaceId).where('o.id', '=', id).executeTakeFirst() as Promise<OccurrenceView | undefined>;
}

/** The next occurrence of each ritual at or after an instant. */
export async function nextOccurrences(db: Kysely<DB>, ritualIds: readonly string[], at: number): Promise<Map<string, { id: string; scheduled_at: number }>> {
  if (ritualIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('ritual_occurrences')
    .select(['ritual_id', 'id', 'scheduled_at'])
    .where('ritual_id', 'in', [...ritualIds])
    .where('cancelled_at', 'is', null)
    .where('scheduled_at', '>=', at)
    .where('status', '=', 'scheduled')
    .orderBy('scheduled_at')
    .execute();
  const out = new Map<string, { id: string; scheduled_at: number }>();
  for (const r of rows) if (!out.has(r.ritual_id)) out.set(r.ritual_id, { id: r.id, scheduled_at: Number(r.scheduled_at) });
  return out;
}

/** The last occurrence of a ritual held before an instant: "since the last review". */
export function lastHeldBefore(db: Kysely<DB>, ritualId: string, before: number): Promise<OccurrenceRow | undefined> {
  return db
    .selectFrom('ritual_occurrences')
    .selectAll()
    .where('ritual_id', '=', ritualId)
    .where('status', '=', 'held')
    .where('cancelled_at', 'is', null)
    .where('scheduled_at', '<', before)
    .orderBy('scheduled_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function updateOccurrence(
  db: Kysely<DB>,
  id: string,
  version: number,
  changes: Updateable<RitualOccurrencesTable>,
  now: number,
): Promise<boolean> {
  const r = await db
    .updateTable('ritual_occurrences')
    .set({ ...changes, updated_at: now, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertCompletion(db: Kysely<DB>, row: Selectable<DB['ritual_completions']>): Promise<void> {
  await db.insertInto('ritual_completions').values(row).execute();
}

/** Occurrences starting in (from, to] not yet reminded, of live rituals. */
export function dueForReminder(db: Kysely<DB>, workspaceId: string, from: number, to: number) {
  return db
    .selectFrom('ritual_occurrences as o')
    .innerJoin('rituals as r', 'r.id', 'o.ritual_id')
    .select(['o.id', 'o.scheduled_at'])
    .where('o.workspace_id', '=', workspaceId)
    .where('o.cancelled_at', 'is', null)
    .where('o.reminded_at', 'is', null)
    .where('o.status', '=', 'scheduled')
    .where('r.deleted_at', 'is', null)
    .where('o.scheduled_at', '>', from)
    .where('o.scheduled_at', '<=', to)
    .execute();
}

/** Marks an occurrence reminded; false when someone did already (the reminder goes out once). */
export async function claimReminder(db: Kysely<DB>, id: string, now: number): Promise<boolean> {
  const r = await db.updateTable('ritual_occurrences').set({ reminded_at: now }).where('id', '=', id).where('reminded_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** People reminded of an occurrence: the owner and the attendees of its ritual. */
export async function peopleOf(db: Kysely<DB>, ritualId: string): Promise<string[]> {
  const r = await db.selectFrom('rituals').select('owner_id').where('id', '=', ritualId).executeTakeFirst();
  const a = await db.selectFrom('ritual_attendees').select('user_id').where('ritual_id', '=', ritualId).execute();
  return [...new Set([...(r ? [r.owner_id] : []), ...a.map((x) => x.user_id)])];
}

export function ritualNames(db: Kysely<DB>, workspaceId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('ritual_occurrences as o')
    .innerJoin('rituals as r', 'r.id', 'o.ritual_id')
    .select(['o.id', 'o.ritual_id', 'r.title'])
    .where('o.workspace_id', '=', workspaceId)
    .where('o.id', 'in', [...ids])
    .where('r.deleted_at', 'is', null)
    .execute();
}
