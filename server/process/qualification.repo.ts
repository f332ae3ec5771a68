import type { Kysely, Selectable } from 'kysely';
import type { QualificationFramework } from '../../api/qualification.js';
import { updateVersioned } from '../db/records.js';
import type { DealQualificationScoresTable, DealQualificationsTable, QualificationElementsTable, QualificationFrameworksTable } from '../db/schema/process.js';
import type { DB } from '../db/schema.js';

export type FrameworkRow = Selectable<QualificationFrameworksTable>;
export type ElementRow = Selectable<QualificationElementsTable>;
export type DealQualificationRow = Selectable<DealQualificationsTable>;
export type ScoreRow = Selectable<DealQualificationScoresTable>;

export const toFramework = (f: FrameworkRow, elements: readonly ElementRow[]): QualificationFramework => {
  const own = elements.filter((e) => e.framework_id === f.id && e.archived_at === null).sort((a, b) => a.position - b.position);
  return {
    id: f.id,
    key: f.key,
    name: f.name,
    description: f.description,
    builtin: f.builtin === 1,
    elements: own.map((e) => ({ id: e.id, key: e.key, label: e.label, description: e.description, position: e.position })),
    maxTotal: own.length * 3,
    version: f.version,
  };
};

/** Inserts the framework unless its key exists (first use by two requests at once is harmless). */
export async function insertFrameworkIfMissing(db: Kysely<DB>, row: FrameworkRow): Promise<void> {
  await db
    .insertInto('qualification_frameworks')
    .values(row)
    .onConflict((oc) => oc.columns(['workspace_id', 'key']).doNothing())
    .execute();
}

export async function insertElementsIfMissing(db: Kysely<DB>, rows: ElementRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('qualification_elements')
    .values(rows)
    .onConflict((oc) => oc.columns(['framework_id', 'key']).doNothing())
    .execute();
}

export function findFrameworkByKey(db: Kysely<DB>, workspaceId: string, key: string): Promise<FrameworkRow | undefined> {
  return db.selectFrom('qualification_frameworks').selectAll().where('workspace_id', '=', workspaceId).where('key', '=', key).executeTakeFirst();
}

export function findFramework(db: Kysely<DB>, workspaceId: string, id: string): Promise<FrameworkRow | undefined> {
  return db.selectFrom('qualification_frameworks').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export function listFrameworkRows(db: Kysely<DB>, workspaceId: string): Promise<FrameworkRow[]> {
  return db
    .selectFrom('qualification_frameworks')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('archived_at', 'is', null)
    .orderBy('builtin', 'desc')
    .orderBy('name')
    .execute();
}

/** Elements (including retired ones) of the given frameworks. */
export async function listElementRows(db: Kysely<DB>, workspaceId: string, frameworkIds: readonly string[]): Promise<ElementRow[]> {
  if (frameworkIds.length === 0) return [];
  return db
    .selectFrom('qualification_elements')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('framework_id', 'in', [...frameworkIds])
    .orderBy('position')
    .execute();
}

export async function bumpFramework(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  version: number,
  changes: Partial<Pick<FrameworkRow, 'name' | 'description' | 'archived_at'>>,
  now: number,
): Promise<boolean> {
  return (await updateVersioned(db, 'qualification_frameworks', { workspaceId, id, version }, changes, now)) !== undefined;
}

export async function updateElement(
  db: Kysely<DB>,
  id: string,
  changes: Partial<Pick<ElementRow, 'label' | 'description' | 'position' | 'archived_at'>>,
): Promise<void> {
  await db.updateTable('qualification_elements').set(changes).where('id', '=', id).execute();
}

// ---- Deal scores ---------------------------------------------------------------------------------

export function listDealQualifications(
  db: Kysely<DB>,
  workspaceId: string,
  dealId: string,
): Promise<(DealQualificationRow & { updated_by_name: string | null })[]> {
  return db
    .selectFrom('deal_qualifications as q')
    .leftJoin('users as u', 'u.id', 'q.updated_by')
    .selectAll('q')
    .select('u.name as updated_by_name')
    .where('q.workspace_id', '=', workspaceId)
    .where('q.deal_id', '=', dealId)
    .execute();
}

export function listDealScores(db: Kysely<DB>, workspaceId: string, dealId: string): Promise<ScoreRow[]> {
  return db.selectFrom('deal_qualification_scores').selectAll().where('workspace_id', '=', workspaceId).where('deal_id', '=', dealId).execute();
}

export async function insertDealQualification(db: Kysely<DB>, row: DealQualificationRow): Promise<void> {
  await db.insertInto('deal_qualifications').values(row).execute();
}

export async function bumpDealQualification(db: Kysely<DB>, id: string, version: number, by: string, now: number): Promise<boolean> {
  const r = await db
    .updateTable('deal_qualifications')
    .set({ version: version + 1, updated_by: by, updated_at: now })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertScore(db: Kysely<DB>, row: ScoreRow): Promise<void> {
  await db.insertInto('deal_qualification_scores').values(row).execute();
}

export async function updateScore(db: Kysely<DB>, id: string, changes: Pick<ScoreRow, 'score' | 'evidence' | 'updated_by' | 'updated_at'>): Promise<void> {
  await db.updateTable('deal_qualification_scores').set(changes).where('id', '=', id).execute();
}

export async function deleteScore(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('deal_qualification_scores').where('id', '=', id).execute();
}

/** Totals of a deal per framework over active elements (a retired element no longer counts). */
export async function dealTotals(db: Kysely<DB>, workspaceId: string, dealId: string, frameworkIds: readonly string[]): Promise<Map<string, number>> {
  if (frameworkIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('deal_qualification_scores as s')
    .innerJoin('qualification_elements as e', 'e.id', 's.element_id')
    .select(['s.framework_id', (eb) => eb.fn.sum<number>('s.score').as('total')])
    .where('s.workspace_id', '=', workspaceId)
    .where('s.deal_id', '=', dealId)
    .where('s.framework_id', 'in', [...frameworkIds])
    .where('e.archived_at', 'is', null)
    .groupBy('s.framework_id')
    .execute();
  return new Map(rows.map((r) => [r.framework_id, Number(r.total)]));
}
