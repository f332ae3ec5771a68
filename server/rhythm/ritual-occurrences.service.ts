// Occurrences of rituals: materialised ahead from the RRULE (so the adherence KPI is SQL over rows
// and any past instant can be asked), listed for a window, and completed — held or skipped, with
// notes — under a version, every completion kept as it was recorded.
import type { Occurrence, OccurrenceComplete, OccurrenceListQuery } from '../../api/rituals.js';
import { type Ctx, inTransaction } from '../context.js';
import { forbidden, invalidField, notFound, stale } from '../errors.js';
import { getWorkspace } from '../identity/workspaces.service.js';
import { newId } from '../ids.js';
import { localToInstant, occurrencesBetween, parseLocal } from './ritual-recurrence.js';
import { mayWriteTeam, ritualReadScope } from './ritual-scope.service.js';
import {
  findOccurrenceView,
  insertCompletion,
  insertOccurrences,
  listOccurrenceViews,
  listRitualViews,
  type OccurrenceRow,
  type OccurrenceView,
  occurrenceSlots,
  type RitualRow,
  setCancelled,
  updateOccurrence,
} from './rituals.repo.js';

const DAY = 86_400_000;
/** How far ahead occurrences exist as rows: a quarter, extended daily by rhythm.extend-rituals. */
export const HORIZON_MS = 92 * DAY;
/** Held no later than a day after the scheduled start counts as on time (the KPI says the same). */
export const ON_TIME_MS = DAY;
const MAX_WINDOW_MS = 400 * DAY;

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/**
 * Makes the rows of a ritual's occurrences from its creation (nothing was scheduled before the
 * ritual existed) up to `until` (default: the horizon). Idempotent: existing slots stay as they are;
 * a slot a recurrence change cancelled and the new rule brings back is live again.
 */
export async function materialize(ctx: Pick<Ctx, 'db' | 'now' | 'actor' | 'memo' | 'config' | 'dialect'>, ritual: RitualRow, until?: number): Promise<number> {
  const ws = await getWorkspace(ctx as Ctx);
  const local = parseLocal(ritual.starts_local);
  if (!local) return 0;
  const now = ctx.now();
  const from = Math.max(localToInstant(local, ws.timezone), Number(ritual.created_at));
  const to = Math.min(until ?? now + HORIZON_MS, now + MAX_WINDOW_MS);
  const slots = occurrencesBetween(ritual.rrule, ritual.starts_local, ws.timezone, from, to);
  if (slots.length === 0) return 0;
  const existing = new Map((await occurrenceSlots(ctx.db, ritual.id)).map((s) => [Number(s.scheduled_at), s]));
  const revive = slots.flatMap((at) => {
    const s = existing.get(at);
    return s && s.cancelled_at !== null && at > now ? [s.id] : [];
  });
  await setCancelled(ctx.db, revive, null, now);
  const rows: OccurrenceRow[] = slots
    .filter((at) => !existing.has(at))
    .map((at) => ({
      id: newId(),
      workspace_id: ritual.workspace_id,
      ritual_id: ritual.id,
      scheduled_at: at,
      status: 'scheduled',
      held_at: null,
      notes: null,
      completed_by: null,
      completed_at: null,
      reminded_at: null,
      cancelled_at: null,
      created_at: now,
      updated_at: now,
      version: 1,
    }));
  await insertOccurrences(ctx.db, rows);
  return rows.length;
}

/** After a recurrence change: future occurrences nobody completed leave the series (kept, cancelled). */
export async function cancelFuture(ctx: Ctx, ritualId: string): Promise<void> {
  const now = ctx.now();
  const future = (await occurrenceSlots(ctx.db, ritualId)).filter((s) => Number(s.scheduled_at) > now && s.status === 'scheduled' && s.cancelled_at === null);
  await setCancelled(
    ctx.db,
    future.map((s) => s.id),
    now,
    now,
  );
}

export function onTime(scheduledAt: number, heldAt: number | null): boolean | null {
  return heldAt === null ? null : heldAt <= scheduledAt + ON_TIME_MS;
}

export async function toOccurrence(ctx: Ctx, r: OccurrenceView): Promise<Occurrence> {
  const scheduled = Number(r.scheduled_at);
  const held = r.held_at === null ? null : Number(r.held_at);
  return {
    id: r.id,
    ritualId: r.ritual_id,
    kind: r.kind as Occurrence['kind'],
    title: r.title,
    teamName: r.team_name,
    scheduledAt: iso(scheduled) as string,
    endsAt: iso(scheduled + r.duration_minutes * 60_000) as string,
    status: r.status as Occurrence['status'],
    heldAt: iso(held),
    onTime: r.status === 'held' ? onTime(scheduled, held) : null,
    notes: r.notes,
    completedBy: r.completed_by ? { id: r.completed_by, name: r.completed_by_name ?? '(deleted user)' } : null,
    completedAt: iso(r.completed_at),
    canComplete: r.owner_id === ctx.actor.userId || (await mayWriteTeam(ctx, r.team_id, 'update')),
    version: r.version,
  };
}

export async function listOccurrences(ctx: Ctx, q: OccurrenceListQuery): Promise<{ items: Occurrence[] }> {
  const from = Date.parse(q.from);
  const to = Date.parse(q.to);
  if (Number.isNaN(from)) throw invalidField('from', 'is not an instant');
  if (Number.isNaN(to) || to < from) throw invalidField('to', 'must be an instant after from');
  if (to - from > MAX_WINDOW_MS) throw invalidField('to', 'the window is at most 400 days');
  const scope = await ritualReadScope(ctx);
  const rituals = await listRitualViews(ctx.db, ctx.actor.workspaceId, { scope, teamId: q.teamId, ids: q.ritualId ? [q.ritualId] : undefined });
  // A window beyond the horizon makes its rows on the way (bounded by MAX_WINDOW_MS from now).
  if (to > ctx.now() + HORIZON_MS) await inTransaction(ctx, async (tx) => Promise.all(rituals.map((r) => materialize(tx, r, to))));
  const rows = await listOccurrenceViews(
    ctx.db,
    ctx.actor.workspaceId,
    rituals.map((r) => r.id),
    from,
    to,
  );
  return { items: await Promise.all(rows.map((r) => toOccurrence(ctx, r))) };
}

/** An occurrence of a ritual the caller may read, or 404 exactly as a missing one. */
export async function readableOccurrence(ctx: Ctx, id: string): Promise<OccurrenceView> {
  const row = await findOccurrenceView(ctx.db, ctx.actor.workspaceId, id);
  if (!row) throw notFound('Ritual occurrence');
  const scope = await ritualReadScope(ctx);
  const [ritual] = await listRitualViews(ctx.db, ctx.actor.workspaceId, { scope, ids: [row.ritual_id] });
  if (!ritual) throw notFound('Ritual occurrence');
  return row;
}

export async function getOccurrence(ctx: Ctx, id: string): Promise<Occurrence> {
  return toOccurrence(ctx, await readableOccurrence(ctx, id));
}

export async function completeOccurrence(ctx: Ctx, id: string, input: OccurrenceComplete): Promise<Occurrence> {
  return inTransaction(ctx, async (tx) => {
    const row = await readableOccurrence(tx, id);
    if (row.owner_id !== tx.actor.userId && !(await mayWriteTeam(tx, row.team_id, 'update')))
      throw forbidden('The ritual’s owner or the team’s manager records whether it was held');
    if (row.version !== input.version) throw stale('Ritual occurrence', row.version);
    const now = tx.now();
    let heldAt: number | null = null;
    if (input.status === 'held') {
      heldAt = input.heldAt ? Date.parse(input.heldAt) : Math.min(now, Number(row.scheduled_at));
      if (Number.isNaN(heldAt)) throw invalidField('heldAt', 'is not an instant');
      if (heldAt > now) throw invalidField('heldAt', 'a ritual cannot be held in the future');
    } else if (input.heldAt) throw invalidField('heldAt', `only a held occurrence has a time it was held (status is ${input.status})`);
    const done = input.status !== 'scheduled';
    const changes = {
      status: input.status,
      held_at: heldAt,
      completed_by: done ? tx.actor.userId : null,
      completed_at: done ? now : null,
      ...(input.notes !== undefined && { notes: input.notes?.trim() || null }),
    };
    if (!(await updateOccurrence(tx.db, id, input.version, changes, now))) throw stale('Ritual occurrence', row.version);
    await insertCompletion(tx.db, {
      id: newId(),
      workspace_id: tx.actor.workspaceId,
      occurrence_id: id,
      status: input.status,
      held_at: heldAt,
      recorded_by: tx.actor.userId,
      recorded_at: now,
    });
    return getOccurrence(tx, id);
  });
}
