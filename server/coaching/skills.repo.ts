// SQL of the skill model: versions and their skills.
import type { Kysely, Selectable } from 'kysely';
import type { SkillModelVersionsTable, SkillsTable } from '../db/schema/coaching.js';
import type { DB } from '../db/schema.js';

export type SkillModelVersionRow = Selectable<SkillModelVersionsTable>;
export type SkillRow = Selectable<SkillsTable>;

export function findModelVersion(db: Kysely<DB>, workspaceId: string, version: number | null): Promise<SkillModelVersionRow | undefined> {
  let q = db.selectFrom('skill_model_versions').selectAll().where('workspace_id', '=', workspaceId);
  q = version === null ? q.orderBy('version', 'desc') : q.where('version', '=', version);
  return q.limit(1).executeTakeFirst();
}

export function skillsOfVersion(db: Kysely<DB>, workspaceId: string, versionId: string): Promise<SkillRow[]> {
  return db.selectFrom('skills').selectAll().where('workspace_id', '=', workspaceId).where('model_version_id', '=', versionId).orderBy('position').execute();
}

export async function insertModelVersion(db: Kysely<DB>, row: SkillModelVersionRow, skills: SkillRow[]): Promise<void> {
  await db.insertInto('skill_model_versions').values(row).execute();
  if (skills.length > 0) await db.insertInto('skills').values(skills).execute();
}
