// Action items of coaching sessions: the session's writers add and edit them; their owner (coach or
// coachee) ticks them off. The list feeds Home ("coaching actions due") and the next agenda.
import type { ActionItem, ActionItemInput, ActionItemList, ActionItemListQuery, ActionItemPatch } from '../../api/coaching-sessions.js';
import { type Ctx, inTransaction } from '../context.js';
import { forbidden, notFound, stale } from '../errors.js';
import { userInWorkspace } from '../identity/users.service.js';
import { coachingScope, coachingScopeOrNull, reaches } from './coaching-scope.service.js';
import { findActionItem, findSessionRow, insertActionItems, listActionItemRows, updateActionItem } from './sessions.repo.js';
import { actionItemRows, checkItems, toActionItem, today, writableSession } from './sessions.service.js';

async function names(ctx: Ctx, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of new Set(ids)) out.set(id, (await userInWorkspace(ctx, ctx.actor.workspaceId, id))?.name ?? '(deleted user)');
  return out;
}

export async function listActionItems(ctx: Ctx, q: ActionItemListQuery): Promise<ActionItemList> {
  const scope = await coachingScope(ctx, 'read');
  const { limit, cursor, ...filter } = q;
  // Without a limit, the first 500: Home and the Coaching list count every open item of a coach's
  // people at once; a screen that lists them pages (the person page, 50 at a time).
  const page = await listActionItemRows(ctx.db, ctx.actor.workspaceId, { scope, actorId: ctx.actor.userId, ...filter }, { limit: limit ?? 500, cursor });
  const rows = page.rows;
  const [n, todayDate] = await Promise.all([
    names(
      ctx,
      rows.flatMap((r) => [r.owner_id, r.coach_id, r.coachee_id]),
    ),
    today(ctx),
  ]);
  return {
    items: rows.map((r) => ({
      ...toActionItem(r, n, todayDate),
      coach: { id: r.coach_id, name: n.get(r.coach_id) ?? '' },
      coachee: { id: r.coachee_id, name: n.get(r.coachee_id) ?? '' },
    })),
    nextCursor: page.nextCursor,
    total: page.total,
  };
}

async function one(ctx: Ctx, id: string): Promise<ActionItem> {
  const row = await findActionItem(ctx.db, ctx.actor.workspaceId, id);
  if (!row) throw notFound('Action item');
  return toActionItem(row, await names(ctx, [row.owner_id]), await today(ctx));
}

export async function addActionItem(ctx: Ctx, sessionId: string, input: ActionItemInput): Promise<ActionItem> {
  return inTransaction(ctx, async (tx) => {
    const session = await writableSession(tx, sessionId);
    checkItems([input], session.coach_id, session.coachee_id, 'item');
    const [row] = actionItemRows(tx, sessionId, [input], tx.now());
    if (!row) throw new Error('no row');
    await insertActionItems(tx.db, [row]);
    return one(tx, row.id);
  });
}

export async function patchActionItem(ctx: Ctx, id: string, patch: ActionItemPatch): Promise<ActionItem> {
  return inTransaction(ctx, async (tx) => {
    const row = await findActionItem(tx.db, ctx.actor.workspaceId, id);
    const session = row ? await findSessionRow(tx.db, ctx.actor.workspaceId, row.session_id) : undefined;
    if (!row || !session) throw notFound('Action item');
    const readScope = await coachingScopeOrNull(tx, 'read');
    const readable = row.owner_id === ctx.actor.userId || reaches(readScope, tx, { coacheeId: session.coachee_id, coachId: session.coach_id });
    if (!readable) throw notFound('Action item');
    const editsText = patch.text !== undefined || patch.dueDate !== undefined;
    if (editsText) await writableSession(tx, session.id);
    else if (row.owner_id !== ctx.actor.userId) {
      const scope = await coachingScopeOrNull(tx, 'update');
      if (!reaches(scope, tx, { coacheeId: session.coachee_id, coachId: session.coach_id }))
        throw forbidden('Only the owner or the coach ticks off an action item');
    }
    if (row.version !== patch.version) throw stale('Action item', row.version);
    const changes = {
      ...(patch.text !== undefined && { text: patch.text.trim() }),
      ...(patch.dueDate !== undefined && { due_date: patch.dueDate }),
      ...(patch.completed !== undefined && { completed_at: patch.completed ? (row.completed_at ?? tx.now()) : null }),
    };
    if (!(await updateActionItem(tx.db, ctx.actor.workspaceId, id, patch.version, changes, tx.now()))) throw stale('Action item', row.version);
    return one(tx, id);
  });
}
