// All SQL of call plans and their templates. Lists are stored as JSON text and parsed here.
import type { Kysely, Selectable } from 'kysely';
import { updateVersioned } from '../db/records.js';
import type { CallPlansTable, CallPlanTemplatesTable, MeetingType } from '../db/schema/planning.js';
import type { DB } from '../db/schema.js';
import { type OwnerScope, ownerFilter } from '../db/scope.js';

export type CallPlanRow = Selectable<CallPlansTable>;
export type TemplateRow = Selectable<CallPlanTemplatesTable>;
export type CallPlanView = CallPlanRow & {
  owner_name: string;
  deal_name: string;
  meeting_subject: string;
  meeting_at: number;
  reviewed_by_name: string | null;
  debriefed_by_name: string | null;
};

function visible(db: Kysely<DB>, workspaceId: string, scope: OwnerScope) {
  return db
    .selectFrom('call_plans as p')
    .innerJoin('users as u', 'u.id', 'p.owner_id')
    .innerJoin('deals as d', 'd.id', 'p.deal_id')
    .innerJoin('activities as a', 'a.id', 'p.activity_id')
    .leftJoin('users as r', 'r.id', 'p.reviewed_by')
    .leftJoin('users as b', 'b.id', 'p.debriefed_by')
    .selectAll('p')
    .select([
      'u.name as owner_name',
      'd.name as deal_name',
      'a.subject as meeting_subject',
      'a.occurred_at as meeting_at',
      'r.name as reviewed_by_name',
      'b.name as debriefed_by_name',
    ])
    .where('p.workspace_id', '=', workspaceId)
    .where('p.deleted_at', 'is', null)
    .where('d.deleted_at', 'is', null)
    .where('a.deleted_at', 'is', null)
    .where((eb) => ownerFilter(eb, 'p.owner_id', scope));
}

export interface PlanFilter {
  dealId?: string;
  activityId?: string;
  ownerId?: string;
  status?: string;
  limit?: number;
}

export async function listPlanViews(db: Kysely<DB>, workspaceId: string, scope: OwnerScope, filter: PlanFilter): Promise<CallPlanView[]> {
  let q = visible(db, workspaceId, scope);
  if (filter.dealId) q = q.where('p.deal_id', '=', filter.dealId);
  if (filter.activityId) q = q.where('p.activity_id', '=', filter.activityId);
  if (filter.ownerId) q = q.where('p.owner_id', '=', filter.ownerId);
  if (filter.status) q = q.where('p.status', '=', filter.status as CallPlanRow['status']);
  return (await q
    .orderBy('a.occurred_at', 'desc')
    .orderBy('p.id')
    .limit(filter.limit ?? 50)
    .execute()) as CallPlanView[];
}

export async function findPlanView(db: Kysely<DB>, workspaceId: string, scope: OwnerScope, id: string): Promise<CallPlanView | undefined> {
  return (await visible(db, workspaceId, scope).where('p.id', '=', id).executeTakeFirst()) as CallPlanView | undefined;
}

export function findPlanByActivity(db: Kysely<DB>, workspaceId: string, activityId: string): Promise<CallPlanRow | undefined> {
  return db
    .selectFrom('call_plans')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('activity_id', '=', activityId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function insertPlan(db: Kysely<DB>, row: CallPlanRow): Promise<void> {
  await db.insertInto('call_plans').values(row).execute();
}

export type PlanChanges = Partial<Omit<CallPlanRow, 'id' | 'workspace_id' | 'deal_id' | 'activity_id' | 'created_at' | 'version'>>;

export async function updatePlan(db: Kysely<DB>, workspaceId: string, id: string, version: number, changes: PlanChanges, now: number): Promise<boolean> {
  return (await updateVersioned(db, 'call_plans', { workspaceId, id, version }, changes, now, { live: 'deleted_at' })) !== undefined;
}

/** A meeting activity with the deal it belongs to, unscoped: the service checks visibility. */
export function findMeeting(db: Kysely<DB>, workspaceId: string, scope: OwnerScope, activityId: string) {
  return db
    .selectFrom('activities as a')
    .select(['a.id', 'a.type', 'a.deal_id', 'a.owner_id', 'a.occurred_at', 'a.subject'])
    .where('a.workspace_id', '=', workspaceId)
    .where('a.id', '=', activityId)
    .where('a.deleted_at', 'is', null)
    .where((eb) => ownerFilter(eb, 'a.owner_id', scope))
    .executeTakeFirst();
}

export function contactsByIds(db: Kysely<DB>, workspaceId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('contacts')
    .select(['id', 'first_name', 'last_name', 'title', 'account_id'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [...ids])
    .where('deleted_at', 'is', null)
    .execute();
}

export function listTemplateRows(db: Kysely<DB>, workspaceId: string): Promise<TemplateRow[]> {
  return db.selectFrom('call_plan_templates').selectAll().where('workspace_id', '=', workspaceId).execute();
}

export async function insertTemplate(db: Kysely<DB>, row: TemplateRow): Promise<void> {
  await db.insertInto('call_plan_templates').values(row).execute();
}

export async function updateTemplate(
  db: Kysely<DB>,
  workspaceId: string,
  meetingType: MeetingType,
  version: number,
  changes: Pick<TemplateRow, 'objective' | 'questions' | 'objections' | 'updated_by' | 'updated_at'>,
): Promise<boolean> {
  const r = await db
    .updateTable('call_plan_templates')
    .set({ ...changes, version: version + 1 })
    .where('workspace_id', '=', workspaceId)
    .where('meeting_type', '=', meetingType)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Labels and today's scores of the qualification elements the plans target, by "framework/element" key. */
export async function gapLabels(
  db: Kysely<DB>,
  workspaceId: string,
  dealIds: readonly string[],
): Promise<{ labels: Map<string, string>; scores: Map<string, number> }> {
  const elements = await db
    .selectFrom('qualification_elements as e')
    .innerJoin('qualification_frameworks as f', 'f.id', 'e.framework_id')
    .select(['f.key as framework_key', 'f.name as framework_name', 'e.key as element_key', 'e.label', 'e.id as element_id'])
    .where('f.workspace_id', '=', workspaceId)
    .execute();
  const labels = new Map(elements.map((e) => [`${e.framework_key}/${e.element_key}`, `${e.framework_name}: ${e.label}`]));
  const keyOf = new Map(elements.map((e) => [e.element_id, `${e.framework_key}/${e.element_key}`]));
  const scores = new Map<string, number>();
  if (dealIds.length > 0) {
    const rows = await db
      .selectFrom('deal_qualification_scores')
      .select(['deal_id', 'element_id', 'score'])
      .where('workspace_id', '=', workspaceId)
      .where('deal_id', 'in', [...new Set(dealIds)])
      .execute();
    for (const r of rows) scores.set(`${r.deal_id}:${keyOf.get(r.element_id)}`, r.score);
  }
  return { labels, scores };
}
