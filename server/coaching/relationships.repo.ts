// SQL of coaching relationships: the full set (defaults from the team tree + explicit ones) with
// each pair's last held and next scheduled session, and the explicit rows.
import { type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import { updateVersioned } from '../db/records.js';
import type { CoachingRelationshipsTable } from '../db/schema/coaching.js';
import type { DB } from '../db/schema.js';
import { relationshipsSelect } from './relationships.sql.js';

export type ExplicitRelationshipRow = Selectable<CoachingRelationshipsTable>;

export interface RelationshipView {
  coach_id: string;
  coach_name: string;
  coachee_id: string;
  coachee_name: string;
  coachee_role: string;
  cadence_days: number;
  source: 'team' | 'explicit';
  rel_id: string | null;
  rel_version: number | null;
  last_held_at: number | null;
  next_scheduled_at: number | null;
}

const n = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

// A session not held a day after its time was missed (or not written up), not the next one: a year
// of skipped 1:1s would otherwise name one from the spring as "next".
const NEXT_GRACE_MS = 86_400_000;

export async function listRelationshipViews(db: Kysely<DB>, workspaceId: string, now: number): Promise<RelationshipView[]> {
  const result = await sql<RelationshipView>`with r as (${relationshipsSelect(workspaceId)})
    select r.coach_id, c.name as coach_name, r.coachee_id, ce.name as coachee_name, ce.role as coachee_role, r.cadence_days, r.source,
      r.rel_id, r.rel_version,
      (select max(s.held_at) from coaching_sessions s
        where s.workspace_id = ${workspaceId} and s.coach_id = r.coach_id and s.coachee_id = r.coachee_id
          and s.deleted_at is null and s.held_at is not null and s.held_at <= ${now}) as last_held_at,
      (select min(s.scheduled_at) from coaching_sessions s
        where s.workspace_id = ${workspaceId} and s.coach_id = r.coach_id and s.coachee_id = r.coachee_id
          and s.deleted_at is null and s.held_at is null and s.scheduled_at >= ${now - NEXT_GRACE_MS}) as next_scheduled_at
    from r join users c on c.id = r.coach_id join users ce on ce.id = r.coachee_id
    order by ce.name, c.name`.execute(db);
  return result.rows.map((r) => ({
    ...r,
    cadence_days: Number(r.cadence_days),
    rel_version: n(r.rel_version),
    last_held_at: n(r.last_held_at),
    next_scheduled_at: n(r.next_scheduled_at),
  }));
}

export function findExplicit(db: Kysely<DB>, workspaceId: string, id: string): Promise<ExplicitRelationshipRow | undefined> {
  return db
    .selectFrom('coaching_relationships')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
}

export function findExplicitPair(db: Kysely<DB>, workspaceId: string, coachId: string, coacheeId: string): Promise<ExplicitRelationshipRow | undefined> {
  return db
    .selectFrom('coaching_relationships')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('coach_id', '=', coachId)
    .where('coachee_id', '=', coacheeId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
}

export async function insertExplicit(db: Kysely<DB>, row: ExplicitRelationshipRow): Promise<void> {
  await db.insertInto('coaching_relationships').values(row).execute();
}

export async function updateExplicit(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  version: number,
  changes: Updateable<CoachingRelationshipsTable>,
  now: number,
): Promise<boolean> {
  return (await updateVersioned(db, 'coaching_relationships', { workspaceId, id, version }, changes, now, { live: 'ended_at' })) !== undefined;
}

/** Coachees of a coach, defaults included: what a coach role's reach is made of. */
export async function coacheeIdsOf(db: Kysely<DB>, workspaceId: string, coachId: string): Promise<string[]> {
  const result = await sql<{ coachee_id: string }>`with r as (${relationshipsSelect(workspaceId)})
    select r.coachee_id from r where r.coach_id = ${coachId}`.execute(db);
  return result.rows.map((r) => r.coachee_id);
}
