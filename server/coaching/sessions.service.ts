// Coaching sessions: scheduled and held dates, agenda, shared and private notes, skills worked on,
// deals discussed and action items. A session is about its coachee: whoever reaches the coachee's
// coaching records reads it (coaching-scope.ts); its coach and admins write it; the private notes
// are the coach's alone. A linked deal must be one the writer can see at the moment of writing.
import type { ActionItemInput, CoachingSession, SessionCreate, SessionList, SessionListQuery, SessionPatch } from '../../api/coaching-sessions.js';
import { type Ctx, inTransaction } from '../context.js';
import { getDeal } from '../crm/deals.service.js';
import { NOT_VISIBLE } from '../crm/references.service.js';
import { calendarDate } from '../dates.js';
import { AppError, type FieldProblem, forbidden, invalidField, invalidInput, notFound, stale } from '../errors.js';
import { userInWorkspace } from '../identity/users.service.js';
import { getWorkspace } from '../identity/workspaces.service.js';
import { newId } from '../ids.js';
import { type CoachingScope, coachingScope, coachingScopeOrNull, reaches } from './coaching-scope.service.js';
import {
  type ActionItemRow,
  actionItemsOf,
  findSessionRow,
  insertActionItems,
  insertSession,
  listSessionRows,
  replaceSessionDeals,
  type SessionRow,
  sessionDeals,
  updateSession,
} from './sessions.repo.js';
import { loadSkillModel } from './skills.service.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

async function namesOf(ctx: Ctx, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of new Set(ids)) out.set(id, (await userInWorkspace(ctx, ctx.actor.workspaceId, id))?.name ?? '(deleted user)');
  return out;
}

export async function today(ctx: Ctx): Promise<string> {
  const ws = await getWorkspace(ctx);
  return calendarDate(ctx.now(), ws.timezone);
}

export function toActionItem(r: ActionItemRow, names: Map<string, string>, todayDate: string) {
  return {
    id: r.id,
    sessionId: r.session_id,
    owner: { id: r.owner_id, name: names.get(r.owner_id) ?? '(deleted user)' },
    text: r.text,
    dueDate: r.due_date,
    completedAt: iso(r.completed_at),
    overdue: r.completed_at === null && r.due_date !== null && r.due_date < todayDate,
    version: r.version,
  };
}

/** Sessions as the caller may read them: private notes only for the session's coach. */
export async function toSessions(ctx: Ctx, rows: readonly SessionRow[]): Promise<CoachingSession[]> {
  const ids = rows.map((r) => r.id);
  const [deals, items, todayDate] = await Promise.all([
    sessionDeals(ctx.db, ctx.actor.workspaceId, ids),
    actionItemsOf(ctx.db, ctx.actor.workspaceId, ids),
    today(ctx),
  ]);
  const names = await namesOf(ctx, [...rows.flatMap((r) => [r.coach_id, r.coachee_id]), ...items.map((i) => i.owner_id)]);
  return rows.map((r) => ({
    id: r.id,
    coach: { id: r.coach_id, name: names.get(r.coach_id) ?? '' },
    coachee: { id: r.coachee_id, name: names.get(r.coachee_id) ?? '' },
    scheduledAt: new Date(r.scheduled_at).toISOString(),
    heldAt: iso(r.held_at),
    agenda: r.agenda,
    sharedNotes: r.shared_notes,
    privateNotes: r.coach_id === ctx.actor.userId ? r.private_notes : null,
    skillKeys: JSON.parse(r.skill_keys) as string[],
    deals: deals
      .filter((d) => d.session_id === r.id)
      .map((d) => ({ id: d.id, name: d.name, stageName: d.stage_name, status: d.status, amount: d.amount, currency: d.currency, closeDate: d.close_date })),
    actionItems: items.filter((i) => i.session_id === r.id).map((i) => toActionItem(i, names, todayDate)),
    version: r.version,
  }));
}

export async function listSessions(ctx: Ctx, q: SessionListQuery): Promise<SessionList> {
  const scope = await coachingScope(ctx, 'read');
  const rows = await listSessionRows(ctx.db, ctx.actor.workspaceId, {
    scope,
    actorId: ctx.actor.userId,
    coachId: q.coachId,
    coacheeId: q.coacheeId,
    state: q.state,
    now: ctx.now(),
    limit: q.limit ?? 50,
  });
  return { items: await toSessions(ctx, rows) };
}

/** A session the caller may read, or 404 exactly as a missing one. */
export async function readableSession(ctx: Ctx, id: string): Promise<SessionRow> {
  const row = await findSessionRow(ctx.db, ctx.actor.workspaceId, id);
  if (!row || !reaches(await coachingScopeOrNull(ctx, 'read'), ctx, { coacheeId: row.coachee_id, coachId: row.coach_id })) throw notFound('Coaching session');
  return row;
}

/** A session the caller may change: its coach, or someone with update reach over the coachee. */
export async function writableSession(ctx: Ctx, id: string): Promise<SessionRow> {
  const row = await readableSession(ctx, id);
  const scope = await coachingScopeOrNull(ctx, 'update');
  const mayWrite = row.coach_id === ctx.actor.userId || (scope !== null && (scope.all || (scope.coacheeIds.has(row.coachee_id) && ctx.actor.role !== 'rep')));
  if (!mayWrite) throw forbidden('Only the session’s coach (or an admin) changes a session');
  return row;
}

export async function getSession(ctx: Ctx, id: string): Promise<CoachingSession> {
  const [session] = await toSessions(ctx, [await readableSession(ctx, id)]);
  return session as CoachingSession;
}

function instant(text: string, field: string): number {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw invalidField(field, 'is not an instant');
  return ms;
}

async function checkSkillKeys(ctx: Ctx, keys: readonly string[] | undefined): Promise<string[]> {
  if (!keys || keys.length === 0) return [];
  const model = await loadSkillModel(ctx);
  const known = new Set(model.skills.map((s) => s.key));
  const problems: FieldProblem[] = keys.flatMap((k, i) => (known.has(k) ? [] : [{ field: `skillKeys/${i}`, message: `${k} is not a skill of the model` }]));
  if (problems.length > 0) throw invalidInput(problems);
  return [...new Set(keys)];
}

/** Every linked deal must be visible to the writer now; an invisible one reads as a missing one. */
async function checkDeals(ctx: Ctx, dealIds: readonly string[] | undefined): Promise<string[]> {
  if (!dealIds) return [];
  const problems: FieldProblem[] = [];
  for (const [i, id] of dealIds.entries()) {
    try {
      await getDeal(ctx, id);
    } catch (error) {
      if (error instanceof AppError && (error.code === 'not_found' || error.code === 'forbidden'))
        problems.push({ field: `dealIds/${i}`, message: NOT_VISIBLE.deals });
      else throw error;
    }
  }
  if (problems.length > 0) throw invalidInput(problems);
  return [...new Set(dealIds)];
}

/** Action item owners: the coach or the coachee of the session. */
function checkItems(items: readonly ActionItemInput[] | undefined, coachId: string, coacheeId: string, prefix = 'actionItems'): void {
  const problems: FieldProblem[] = (items ?? []).flatMap((item, i) =>
    item.ownerId === coachId || item.ownerId === coacheeId
      ? []
      : [{ field: `${prefix}/${i}/ownerId`, message: 'an action item belongs to the coach or the coachee' }],
  );
  if (problems.length > 0) throw invalidInput(problems);
}

export function actionItemRows(ctx: Ctx, sessionId: string, items: readonly ActionItemInput[], now: number): ActionItemRow[] {
  return items.map((item) => ({
    id: newId(),
    workspace_id: ctx.actor.workspaceId,
    session_id: sessionId,
    owner_id: item.ownerId,
    text: item.text.trim(),
    due_date: item.dueDate ?? null,
    completed_at: null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
    version: 1,
  }));
}

async function assertCoachee(ctx: Ctx, scope: CoachingScope, coacheeId: string, coachId: string): Promise<void> {
  const user = await userInWorkspace(ctx, ctx.actor.workspaceId, coacheeId);
  if (!user || user.disabled || !reaches(scope, ctx, { coacheeId })) throw invalidField('coacheeId', 'no one you coach with this id');
  if (coacheeId === coachId) throw invalidField('coacheeId', 'nobody coaches themselves');
}

export async function createSession(ctx: Ctx, input: SessionCreate): Promise<CoachingSession> {
  const scope = await coachingScope(ctx, 'create');
  const coachId = input.coachId ?? ctx.actor.userId;
  if (coachId !== ctx.actor.userId) {
    if (ctx.actor.role !== 'admin') throw invalidField('coachId', 'you schedule sessions you coach yourself');
    const coach = await userInWorkspace(ctx, ctx.actor.workspaceId, coachId);
    if (!coach || coach.disabled || coach.role === 'marketing') throw invalidField('coachId', 'no active coach with this id');
  }
  await assertCoachee(ctx, scope, input.coacheeId, coachId);
  checkItems(input.actionItems, coachId, input.coacheeId);
  const scheduledAt = instant(input.scheduledAt, 'scheduledAt');
  const heldAt = input.heldAt ? instant(input.heldAt, 'heldAt') : null;
  if (heldAt !== null && heldAt > ctx.now()) throw invalidField('heldAt', 'a session cannot be held in the future');
  if (input.privateNotes && coachId !== ctx.actor.userId) throw invalidField('privateNotes', 'only the session’s coach writes private notes');
  const skills = await checkSkillKeys(ctx, input.skillKeys);
  const deals = await checkDeals(ctx, input.dealIds);
  return inTransaction(ctx, async (tx) => {
    const now = tx.now();
    const row: SessionRow = {
      id: newId(),
      workspace_id: ctx.actor.workspaceId,
      coach_id: coachId,
      coachee_id: input.coacheeId,
      scheduled_at: scheduledAt,
      held_at: heldAt,
      agenda: input.agenda?.trim() || null,
      shared_notes: input.sharedNotes?.trim() || null,
      private_notes: input.privateNotes?.trim() || null,
      skill_keys: JSON.stringify(skills),
      created_by: ctx.actor.userId,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      version: 1,
    };
    await insertSession(tx.db, row);
    await replaceSessionDeals(tx.db, row.workspace_id, row.id, deals);
    await insertActionItems(tx.db, actionItemRows(tx, row.id, input.actionItems ?? [], now));
    return getSession(tx, row.id);
  });
}

export async function patchSession(ctx: Ctx, id: string, patch: SessionPatch): Promise<CoachingSession> {
  return inTransaction(ctx, async (tx) => {
    const row = await writableSession(tx, id);
    if (row.version !== patch.version) throw stale('Coaching session', row.version);
    if (patch.privateNotes !== undefined && row.coach_id !== ctx.actor.userId)
      throw invalidField('privateNotes', 'only the session’s coach writes private notes');
    const heldAt = patch.heldAt === undefined ? undefined : patch.heldAt === null ? null : instant(patch.heldAt, 'heldAt');
    if (heldAt && heldAt > tx.now()) throw invalidField('heldAt', 'a session cannot be held in the future');
    const skills = patch.skillKeys === undefined ? undefined : await checkSkillKeys(tx, patch.skillKeys);
    const deals = patch.dealIds === undefined ? undefined : await checkDeals(tx, patch.dealIds);
    const changes = {
      ...(patch.scheduledAt !== undefined && { scheduled_at: instant(patch.scheduledAt, 'scheduledAt') }),
      ...(heldAt !== undefined && { held_at: heldAt }),
      ...(patch.agenda !== undefined && { agenda: patch.agenda?.trim() || null }),
      ...(patch.sharedNotes !== undefined && { shared_notes: patch.sharedNotes?.trim() || null }),
      ...(patch.privateNotes !== undefined && { private_notes: patch.privateNotes?.trim() || null }),
      ...(skills !== undefined && { skill_keys: JSON.stringify(skills) }),
    };
    if (!(await updateSession(tx.db, ctx.actor.workspaceId, id, patch.version, changes, tx.now()))) throw stale('Coaching session', row.version);
    if (deals !== undefined) await replaceSessionDeals(tx.db, ctx.actor.workspaceId, id, deals);
    return getSession(tx, id);
  });
}

export async function deleteSession(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await writableSession(tx, id);
    await updateSession(tx.db, ctx.actor.workspaceId, id, row.version, { deleted_at: tx.now() }, tx.now());
  });
}

export { checkItems };
