// Coaching relationships: the list with each pair's cadence status, and the explicit ones an admin
// adds (an outside coach, the CSO's coach, another cadence for a default pair).
import type { CoachingRelationship, RelationshipCreate, RelationshipList, RelationshipListQuery, RelationshipPatch } from '../../api/coaching-relationships.js';
import { type Ctx, inTransaction } from '../context.js';
import { conflict, forbidden, invalidField, notFound, stale } from '../errors.js';
import { userInWorkspace } from '../identity/users.service.js';
import { newId } from '../ids.js';
import { cadenceStatus } from './cadence.js';
import { coachingScope, reaches } from './coaching-scope.service.js';
import { findExplicit, findExplicitPair, insertExplicit, listRelationshipViews, type RelationshipView, updateExplicit } from './relationships.repo.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function toRelationship(v: RelationshipView, now: number): CoachingRelationship {
  const c = cadenceStatus(v.last_held_at, v.cadence_days, now);
  return {
    id: v.rel_id,
    source: v.source,
    coach: { id: v.coach_id, name: v.coach_name },
    coachee: { id: v.coachee_id, name: v.coachee_name },
    coacheeRole: v.coachee_role,
    cadenceDays: v.cadence_days,
    lastHeldAt: iso(v.last_held_at),
    nextScheduledAt: iso(v.next_scheduled_at),
    dueAt: new Date(c.dueAt).toISOString(),
    status: c.status,
    version: v.rel_version,
  };
}

/** Relationships the caller may see: those about people they reach, and those they coach in. */
export async function visibleRelationships(ctx: Ctx): Promise<RelationshipView[]> {
  const scope = await coachingScope(ctx, 'read');
  const views = await listRelationshipViews(ctx.db, ctx.actor.workspaceId, ctx.now());
  return views.filter((v) => reaches(scope, ctx, { coacheeId: v.coachee_id, coachId: v.coach_id }));
}

export async function listRelationships(ctx: Ctx, q: RelationshipListQuery): Promise<RelationshipList> {
  const now = ctx.now();
  const items = (await visibleRelationships(ctx))
    .filter((v) => (!q.coachId || v.coach_id === q.coachId) && (!q.coacheeId || v.coachee_id === q.coacheeId))
    .map((v) => toRelationship(v, now))
    .filter((r) => !q.status || r.status === q.status);
  return { items };
}

function assertAdmin(ctx: Ctx): void {
  if (ctx.actor.role !== 'admin') throw forbidden('Only an admin sets explicit coaching relationships');
}

async function assertPerson(ctx: Ctx, id: string, field: string, asCoach: boolean): Promise<void> {
  const user = await userInWorkspace(ctx, ctx.actor.workspaceId, id);
  if (!user || user.disabled) throw invalidField(field, 'no active user with this id in the workspace');
  if (user.role === 'marketing') throw invalidField(field, 'marketing users are not part of sales coaching');
  if (!asCoach && user.role === 'coach') throw invalidField(field, 'an outside coach is not coached in Furrow');
}

async function viewOf(ctx: Ctx, coachId: string, coacheeId: string): Promise<CoachingRelationship> {
  const v = (await listRelationshipViews(ctx.db, ctx.actor.workspaceId, ctx.now())).find((x) => x.coach_id === coachId && x.coachee_id === coacheeId);
  if (!v) throw new Error('a relationship just written is missing');
  return toRelationship(v, ctx.now());
}

export async function createRelationship(ctx: Ctx, input: RelationshipCreate): Promise<CoachingRelationship> {
  assertAdmin(ctx);
  if (input.coachId === input.coacheeId) throw invalidField('coacheeId', 'nobody coaches themselves');
  await assertPerson(ctx, input.coachId, 'coachId', true);
  await assertPerson(ctx, input.coacheeId, 'coacheeId', false);
  return inTransaction(ctx, async (tx) => {
    if (await findExplicitPair(tx.db, ctx.actor.workspaceId, input.coachId, input.coacheeId)) {
      throw conflict('This coach already has an explicit relationship with this person; change its cadence instead');
    }
    const now = tx.now();
    await insertExplicit(tx.db, {
      id: newId(),
      workspace_id: ctx.actor.workspaceId,
      coach_id: input.coachId,
      coachee_id: input.coacheeId,
      cadence_days: input.cadenceDays,
      note: input.note?.trim() || null,
      created_by: ctx.actor.userId,
      created_at: now,
      updated_at: now,
      ended_at: null,
      version: 1,
    });
    return viewOf(tx, input.coachId, input.coacheeId);
  });
}

export async function patchRelationship(ctx: Ctx, id: string, patch: RelationshipPatch): Promise<CoachingRelationship> {
  assertAdmin(ctx);
  return inTransaction(ctx, async (tx) => {
    const row = await findExplicit(tx.db, ctx.actor.workspaceId, id);
    if (!row) throw notFound('Coaching relationship');
    if (row.version !== patch.version) throw stale('Coaching relationship', row.version);
    const changes = {
      ...(patch.cadenceDays !== undefined && { cadence_days: patch.cadenceDays }),
      ...(patch.note !== undefined && { note: patch.note?.trim() || null }),
    };
    if (!(await updateExplicit(tx.db, ctx.actor.workspaceId, id, patch.version, changes, tx.now()))) throw stale('Coaching relationship', row.version);
    return viewOf(tx, row.coach_id, row.coachee_id);
  });
}

/** Ends an explicit relationship; a default pair from the team tree comes back with its default cadence. */
export async function endRelationship(ctx: Ctx, id: string): Promise<void> {
  assertAdmin(ctx);
  const row = await findExplicit(ctx.db, ctx.actor.workspaceId, id);
  if (!row) throw notFound('Coaching relationship');
  await updateExplicit(ctx.db, ctx.actor.workspaceId, id, row.version, { ended_at: ctx.now() }, ctx.now());
}
