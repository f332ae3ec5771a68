// A record's timeline: its field changes, its stage moves (deals) and the activities linked to it
// that the caller may see, merged newest first and paged with one cursor across all three.
import type { UserRef } from '../../api/common.js';
import type { Timeline, TimelineItem } from '../../api/timeline.js';
import type { Ctx } from '../context.js';
import type { EntityType } from '../db/schema/crm.js';
import { invalidField, notFound } from '../errors.js';
import { ownerScope, ownerScopeOrNull } from '../identity/visibility.js';
import { processHistoryLabels } from '../process/history-names.service.js';
import { getAccount } from './accounts.service.js';
import { getContact } from './contacts.service.js';
import { checklistValueLabel, coreFieldLabel, qualificationValueLabel } from './history-labels.js';
import {
  type ActivityTarget,
  activitiesAfter,
  type ChangeView,
  type CommentView,
  changesAfter,
  commentsAfter,
  customFieldLabels,
  dealVisible,
  type LabelTable,
  namesOf,
  type StageMoveView,
  type StreamPosition,
  stageMovesAfter,
  type TimelineActivityView,
} from './timeline.repo.js';

export interface TimelineQuery {
  limit?: number;
  cursor?: string;
}

type Kind = TimelineItem['kind'];

/** Within one instant: comments first, then activities, then stage moves, then field changes (newest-first reading). */
const RANK: Record<Kind, number> = { change: 0, stage_move: 1, activity: 2, comment: 3 };

export function encodeTimelineCursor(p: { at: number; kind: Kind; id: string }): string {
  return Buffer.from(JSON.stringify([p.at, p.kind, p.id])).toString('base64url');
}

export function decodeTimelineCursor(cursor: string): StreamPosition {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 3 && Number.isSafeInteger(v[0]) && typeof v[1] === 'string' && Object.hasOwn(RANK, v[1]) && typeof v[2] === 'string') {
      return { at: v[0] as number, rank: RANK[v[1] as Kind], id: v[2] };
    }
  } catch {
    // fall through to the error below
  }
  throw invalidField('cursor', 'is not a cursor returned by this timeline');
}

interface Entry {
  at: number;
  rank: number;
  id: string;
  kind: Kind;
  /** Stage moves and activities are ready; changes wait for the page, so only its ids are labelled. */
  item: TimelineItem | null;
  change?: ChangeView;
}

/** Newest first; ties broken like the SQL of every stream (rank, then id, descending). */
function newestFirst(a: Entry, b: Entry): number {
  if (a.at !== b.at) return b.at - a.at;
  if (a.rank !== b.rank) return b.rank - a.rank;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

const iso = (ms: number) => new Date(ms).toISOString();
const actorOf = (id: string | null, name: string | null): UserRef | null => (id && name !== null ? { id, name } : null);

/** History stores column names; the timeline speaks the API's field names (custom.<key> stays as is). */
export function apiFieldName(column: string): string {
  if (column.startsWith('custom.')) return column;
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Which history fields hold ids, and where their names live. */
const LABELLED: Record<string, LabelTable> = {
  owner_id: 'users',
  stage_id: 'stages',
  account_id: 'accounts',
  contact_id: 'contacts',
  deal_id: 'deals',
};

/** The page's changes as timeline items, keyed by id, with names for their fields and the ids they hold. */
async function labelChanges(ctx: Ctx, entity: EntityType, rows: ChangeView[]): Promise<Map<string, TimelineItem>> {
  const wanted = new Map<LabelTable, string[]>();
  for (const r of rows) {
    const table = LABELLED[r.field];
    if (!table) continue;
    const ids = wanted.get(table) ?? [];
    for (const v of [r.from_value, r.to_value]) if (v !== null) ids.push(v);
    wanted.set(table, ids);
  }
  const names = new Map<LabelTable, Map<string, string>>();
  for (const [table, ids] of wanted) names.set(table, await namesOf(ctx.db, ctx.actor.workspaceId, table, ids));
  const [processLabels, customLabels] = await Promise.all([
    processHistoryLabels(ctx, entity === 'deal' ? rows.map((r) => ({ field: r.field, at: r.at })) : []),
    rows.some((r) => r.field.startsWith('custom.')) ? customFieldLabels(ctx.db, ctx.actor.workspaceId, entity) : new Map<string, string>(),
  ]);
  const label = (field: string, value: string | null) => {
    if (entity === 'deal' && field.startsWith('checklist.')) return checklistValueLabel(value);
    if (entity === 'deal' && field.startsWith('qualification.')) return qualificationValueLabel(value);
    const table = LABELLED[field];
    return table && value !== null ? (names.get(table)?.get(value) ?? null) : null;
  };
  const fieldLabel = (r: ChangeView) => processLabels.get(`${r.field}@${r.at}`) ?? coreFieldLabel(r.field, customLabels);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        kind: 'change',
        id: r.id,
        at: iso(r.at),
        actor: actorOf(r.actor_id, r.actor_name),
        field: apiFieldName(r.field),
        fieldLabel: fieldLabel(r),
        from: r.from_value,
        to: r.to_value,
        fromLabel: label(r.field, r.from_value),
        toLabel: label(r.field, r.to_value),
        via: r.via,
      },
    ]),
  );
}

const changeEntry = (c: ChangeView): Entry => ({ at: c.at, rank: RANK.change, id: c.id, kind: 'change', item: null, change: c });

const moveEntry = (m: StageMoveView): Entry => ({
  at: m.at,
  rank: RANK.stage_move,
  id: m.id,
  kind: 'stage_move',
  item: {
    kind: 'stage_move',
    id: m.id,
    at: iso(m.at),
    actor: actorOf(m.actor_id, m.actor_name),
    fromStage: m.from_stage,
    toStage: m.to_stage,
    criteriaMet: m.criteria_met === 1,
    overrideReason: m.override_reason,
    review:
      m.review_verdict === null
        ? null
        : {
            verdict: m.review_verdict,
            comment: m.review_comment,
            reviewer: actorOf(m.reviewer_id, m.reviewer_name),
            reviewedAt: iso(Number(m.review_at)),
            version: Number(m.review_version),
          },
    skipped: m.skipped,
    imported: m.imported === 1,
    direction: m.direction,
    via: m.via,
  },
});

const activityEntry = (a: TimelineActivityView): Entry => ({
  at: a.at,
  rank: RANK.activity,
  id: a.id,
  kind: 'activity',
  item: {
    kind: 'activity',
    id: a.id,
    at: iso(a.at),
    actor: { id: a.owner_id, name: a.owner_name },
    type: a.type,
    subject: a.subject,
    body: a.body,
    completed: a.completed_at !== null,
  },
});

const commentEntry = (c: CommentView): Entry => ({
  at: c.at,
  rank: RANK.comment,
  id: c.id,
  kind: 'comment',
  item: { kind: 'comment', id: c.id, at: iso(c.at), actor: actorOf(c.author_id, c.author_name), body: c.body },
});

interface Sources {
  entity: EntityType;
  entityId: string;
  stageMoves: boolean;
  /** Deals carry comments; their readers are the deal's (policy row deal_comments). */
  comments: boolean;
  activities: ActivityTarget;
}

async function build(ctx: Ctx, sources: Sources, query: TimelineQuery): Promise<Timeline> {
  const limit = query.limit ?? 50;
  const cursor = query.cursor ? decodeTimelineCursor(query.cursor) : null;
  const ws = ctx.actor.workspaceId;
  // Marketing may read accounts and contacts but no activities: their timeline is the history alone.
  const activityScope = await ownerScopeOrNull(ctx, 'activities', 'read');
  // One row more than the page from each stream is enough to know whether the merge goes on.
  const take = limit + 1;
  const commentScope = sources.comments ? await ownerScopeOrNull(ctx, 'deal_comments', 'read') : null;
  const [changes, moves, activities, comments] = await Promise.all([
    changesAfter(ctx.db, ws, sources.entity, sources.entityId, RANK.change, cursor, take),
    sources.stageMoves ? stageMovesAfter(ctx.db, ws, sources.entityId, RANK.stage_move, cursor, take) : [],
    activityScope ? activitiesAfter(ctx.db, ws, activityScope, sources.activities, RANK.activity, cursor, take) : [],
    commentScope ? commentsAfter(ctx.db, ws, sources.entityId, RANK.comment, cursor, take) : [],
  ]);
  const merged = [...changes.map(changeEntry), ...moves.map(moveEntry), ...activities.map(activityEntry), ...comments.map(commentEntry)].sort(newestFirst);
  const page = merged.slice(0, limit);
  const labelled = await labelChanges(
    ctx,
    sources.entity,
    page.flatMap((e) => (e.change ? [e.change] : [])),
  );
  const items = page.map((e) => e.item ?? (labelled.get(e.id) as TimelineItem));
  const last = page[page.length - 1];
  const nextCursor = merged.length > limit && last ? encodeTimelineCursor({ at: last.at, kind: last.kind, id: last.id }) : null;
  return { items, nextCursor };
}

export async function dealTimeline(ctx: Ctx, id: string, query: TimelineQuery): Promise<Timeline> {
  const scope = await ownerScope(ctx, 'deals', 'read');
  if (!(await dealVisible(ctx.db, ctx.actor.workspaceId, scope, id))) throw notFound('Deal');
  return build(ctx, { entity: 'deal', entityId: id, stageMoves: true, comments: true, activities: { dealId: id } }, query);
}

export async function accountTimeline(ctx: Ctx, id: string, query: TimelineQuery): Promise<Timeline> {
  await getAccount(ctx, id);
  return build(ctx, { entity: 'account', entityId: id, stageMoves: false, comments: false, activities: { accountId: id } }, query);
}

export async function contactTimeline(ctx: Ctx, id: string, query: TimelineQuery): Promise<Timeline> {
  await getContact(ctx, id);
  return build(ctx, { entity: 'contact', entityId: id, stageMoves: false, comments: false, activities: { contactId: id } }, query);
}
