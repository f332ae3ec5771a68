// What history rows about the process need to read in words: checklist items as the process
// versions recorded them, and qualification elements by framework and element key.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export interface CriterionNameRow {
  id: string;
  pipeline_id: string;
  label: string;
}

/** The criteria by id, retired ones included: history talks about the past. */
export function criteriaByIds(db: Kysely<DB>, workspaceId: string, ids: readonly string[]): Promise<CriterionNameRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('exit_criteria')
    .select(['id', 'pipeline_id', 'label'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [...ids])
    .execute();
}

export interface VersionSnapshotRow {
  pipeline_id: string;
  created_at: number;
  snapshot: string;
}

/** Every process version of the pipelines, oldest first. */
export async function versionSnapshots(db: Kysely<DB>, workspaceId: string, pipelineIds: readonly string[]): Promise<VersionSnapshotRow[]> {
  if (pipelineIds.length === 0) return [];
  const rows = await db
    .selectFrom('process_versions')
    .select(['pipeline_id', 'created_at', 'snapshot'])
    .where('workspace_id', '=', workspaceId)
    .where('pipeline_id', 'in', [...pipelineIds])
    .orderBy('created_at')
    .orderBy('number')
    .execute();
  return rows.map((r) => ({ ...r, created_at: Number(r.created_at) }));
}

export interface ElementNameRow {
  framework_key: string;
  framework_name: string;
  element_key: string;
  element_label: string;
}

/** Elements (retired ones included) of the frameworks with these keys. */
export function elementsOfFrameworkKeys(db: Kysely<DB>, workspaceId: string, keys: readonly string[]): Promise<ElementNameRow[]> {
  if (keys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('qualification_elements as e')
    .innerJoin('qualification_frameworks as f', 'f.id', 'e.framework_id')
    .select(['f.key as framework_key', 'f.name as framework_name', 'e.key as element_key', 'e.label as element_label'])
    .where('f.workspace_id', '=', workspaceId)
    .where('f.key', 'in', [...keys])
    .execute();
}
