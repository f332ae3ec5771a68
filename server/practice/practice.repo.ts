// All SQL of practice: scenarios, attempts, certifications and the scored attempts readiness reads.
import { type Kysely, type Selectable, sql } from 'kysely';
import { updateVersioned } from '../db/records.js';
import type { CertificationsTable, PracticeAttemptsTable, PracticeScenariosTable } from '../db/schema/practice.js';
import type { DB } from '../db/schema.js';
import { type OwnerScope, ownerFilter } from '../db/scope.js';

export type ScenarioRow = Selectable<PracticeScenariosTable>;
export type AttemptRow = Selectable<PracticeAttemptsTable>;
export type CertificationRow = Selectable<CertificationsTable>;
export type AttemptView = AttemptRow & {
  scenario_name: string;
  scenario_skills: string;
  user_name: string;
  partner_name: string | null;
  scored_by_name: string | null;
};

export function listScenarioRows(db: Kysely<DB>, workspaceId: string, includeArchived = false): Promise<ScenarioRow[]> {
  let q = db.selectFrom('practice_scenarios').selectAll().where('workspace_id', '=', workspaceId);
  if (!includeArchived) q = q.where('archived_at', 'is', null);
  return q.orderBy('name').orderBy('id').execute();
}

export function findScenario(db: Kysely<DB>, workspaceId: string, id: string): Promise<ScenarioRow | undefined> {
  return db.selectFrom('practice_scenarios').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/** The live scenario a certification criterion names, matched case-insensitively. */
export function findScenarioByName(db: Kysely<DB>, workspaceId: string, name: string): Promise<ScenarioRow | undefined> {
  return db
    .selectFrom('practice_scenarios')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('archived_at', 'is', null)
    .where(sql`lower(name)`, '=', name.trim().toLowerCase())
    .orderBy('created_at')
    .executeTakeFirst();
}

export async function insertScenario(db: Kysely<DB>, row: ScenarioRow): Promise<void> {
  await db.insertInto('practice_scenarios').values(row).execute();
}

export async function updateScenario(db: Kysely<DB>, workspaceId: string, id: string, version: number, changes: Partial<ScenarioRow>): Promise<boolean> {
  return (await updateVersioned(db, 'practice_scenarios', { workspaceId, id, version }, changes, null)) !== undefined;
}

/** Attempts the caller can see: those of the owners in scope, and those they partner on. */
function visibleAttempts(db: Kysely<DB>, workspaceId: string, scope: OwnerScope | null, actorId: string) {
  return db
    .selectFrom('practice_attempts as t')
    .innerJoin('practice_scenarios as s', 's.id', 't.scenario_id')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .leftJoin('users as p', 'p.id', 't.partner_id')
    .leftJoin('users as b', 'b.id', 't.scored_by')
    .selectAll('t')
    .select(['s.name as scenario_name', 's.skills as scenario_skills', 'u.name as user_name', 'p.name as partner_name', 'b.name as scored_by_name'])
    .where('t.workspace_id', '=', workspaceId)
    .where((eb) => (scope ? eb.or([ownerFilter(eb, 't.user_id', scope), eb('t.partner_id', '=', actorId)]) : eb('t.partner_id', '=', actorId)));
}

export interface AttemptFilter {
  userId?: string;
  scenarioId?: string;
  unscored?: boolean;
  limit?: number;
}

export async function listAttemptViews(
  db: Kysely<DB>,
  workspaceId: string,
  scope: OwnerScope | null,
  actorId: string,
  f: AttemptFilter,
): Promise<AttemptView[]> {
  let q = visibleAttempts(db, workspaceId, scope, actorId);
  if (f.userId) q = q.where('t.user_id', '=', f.userId);
  if (f.scenarioId) q = q.where('t.scenario_id', '=', f.scenarioId);
  if (f.unscored) q = q.where('t.scored_at', 'is', null);
  return (await q
    .orderBy('t.created_at', 'desc')
    .orderBy('t.id')
    .limit(f.limit ?? 50)
    .execute()) as AttemptView[];
}

export async function findAttemptView(
  db: Kysely<DB>,
  workspaceId: string,
  scope: OwnerScope | null,
  actorId: string,
  id: string,
): Promise<AttemptView | undefined> {
  return (await visibleAttempts(db, workspaceId, scope, actorId).where('t.id', '=', id).executeTakeFirst()) as AttemptView | undefined;
}

export async function insertAttempt(db: Kysely<DB>, row: AttemptRow): Promise<void> {
  await db.insertInto('practice_attempts').values(row).execute();
}

export async function updateAttempt(db: Kysely<DB>, workspaceId: string, id: string, version: number, changes: Partial<AttemptRow>): Promise<boolean> {
  return (await updateVersioned(db, 'practice_attempts', { workspaceId, id, version }, changes, null)) !== undefined;
}

export function scoredAttempts(db: Kysely<DB>, workspaceId: string, userIds: readonly string[] | null, scenarioIds: readonly string[] | null) {
  let q = db
    .selectFrom('practice_attempts')
    .select(['user_id', 'scenario_id', 'score', 'scored_at'])
    .where('workspace_id', '=', workspaceId)
    .where('scored_at', 'is not', null)
    .where('score', 'is not', null);
  if (userIds) q = userIds.length === 0 ? q.where(sql<boolean>`1 = 0`) : q.where('user_id', 'in', [...userIds]);
  if (scenarioIds) q = scenarioIds.length === 0 ? q.where(sql<boolean>`1 = 0`) : q.where('scenario_id', 'in', [...scenarioIds]);
  return q.execute();
}

export async function insertCertification(db: Kysely<DB>, row: CertificationRow): Promise<void> {
  await db.insertInto('certifications').values(row).execute();
}

export function listCertificationViews(db: Kysely<DB>, workspaceId: string, scope: OwnerScope, f: { userId?: string; scenarioId?: string }) {
  let q = db
    .selectFrom('certifications as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .innerJoin('practice_scenarios as s', 's.id', 'c.scenario_id')
    .leftJoin('users as g', 'g.id', 'c.granted_by')
    .selectAll('c')
    .select(['u.name as user_name', 's.name as scenario_name', 'g.name as granted_by_name'])
    .where('c.workspace_id', '=', workspaceId)
    .where('c.revoked_at', 'is', null)
    .where((eb) => ownerFilter(eb, 'c.user_id', scope));
  if (f.userId) q = q.where('c.user_id', '=', f.userId);
  if (f.scenarioId) q = q.where('c.scenario_id', '=', f.scenarioId);
  return q.orderBy('c.granted_at', 'desc').orderBy('c.id').limit(500).execute();
}

/** The latest expiry of a live certification of the user on the scenario, or null. */
export async function certifiedUntil(db: Kysely<DB>, workspaceId: string, userId: string, scenarioId: string, now: number): Promise<number | null> {
  const row = await db
    .selectFrom('certifications')
    .select((eb) => eb.fn.max('expires_at').as('until'))
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('scenario_id', '=', scenarioId)
    .where('revoked_at', 'is', null)
    .where('granted_at', '<=', now)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row?.until == null ? null : Number(row.until);
}

/** Active users (reps and managers) among the given owners, or all of the workspace. */
export function practisingUsers(db: Kysely<DB>, workspaceId: string, ids: readonly string[] | null) {
  let q = db
    .selectFrom('users')
    .select(['id', 'name', 'role'])
    .where('workspace_id', '=', workspaceId)
    .where('disabled_at', 'is', null)
    .where('role', 'in', ['rep', 'manager']);
  if (ids) q = ids.length === 0 ? q.where(sql<boolean>`1 = 0`) : q.where('id', 'in', [...ids]);
  return q.orderBy('name').orderBy('id').execute();
}

export function findUserRow(db: Kysely<DB>, workspaceId: string, id: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'role', 'team_id', 'disabled_at'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}
