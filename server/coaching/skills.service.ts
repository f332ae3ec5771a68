// The skill model: read (any sales role and coaches), edit (admin) as a new version, so ratings
// given under an older version keep the rubric they were given against.
import type { Kysely } from 'kysely';
import type { Skill, SkillInput, SkillModel, SkillModelPut } from '../../api/coaching-skills.js';
import { type Ctx, inTransaction } from '../context.js';
import type { DB } from '../db/schema.js';
import { conflict, type FieldProblem, forbidden, invalidInput, notFound, stale } from '../errors.js';
import { reachOf } from '../identity/policy.js';
import { newId } from '../ids.js';
import { DEFAULT_SKILLS } from './default-skills.js';
import { findModelVersion, insertModelVersion, type SkillModelVersionRow, type SkillRow, skillsOfVersion } from './skills.repo.js';

const keyOf = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^(\d)/, 's_$1')
    .slice(0, 40) || 'skill';

function checkSkills(skills: readonly SkillInput[]): (SkillInput & { key: string })[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const out = skills.map((s, i) => {
    const key = s.key ?? keyOf(s.name);
    if (seen.has(key)) problems.push({ field: `skills/${i}/key`, message: `the key ${key} is used twice` });
    seen.add(key);
    s.levels.forEach((l, j) => {
      if (l.level !== j + 1) problems.push({ field: `skills/${i}/levels/${j}/level`, message: `levels run 1..n in order; expected ${j + 1}` });
    });
    return { ...s, key };
  });
  if (problems.length > 0) throw invalidInput(problems);
  return out;
}

async function writeVersion(
  db: Kysely<DB>,
  workspaceId: string,
  version: number,
  skills: readonly (SkillInput & { key: string })[],
  by: string | null,
  note: string | null,
  now: number,
) {
  const row: SkillModelVersionRow = { id: newId(), workspace_id: workspaceId, version, note, created_by: by, created_at: now };
  const rows: SkillRow[] = skills.map((s, i) => ({
    id: newId(),
    workspace_id: workspaceId,
    model_version_id: row.id,
    key: s.key,
    name: s.name.trim(),
    description: s.description?.trim() || null,
    levels: JSON.stringify(s.levels.map((l) => ({ level: l.level, label: l.label.trim(), description: l.description.trim() }))),
    position: i,
  }));
  await insertModelVersion(db, row, rows);
}

/** Seeds version 1 with the default skills; part of creating a workspace (its transaction). */
export async function createDefaultSkillModel(db: Kysely<DB>, input: { workspaceId: string; actorId: string; now: number }): Promise<void> {
  await writeVersion(db, input.workspaceId, 1, DEFAULT_SKILLS, input.actorId, 'Default skill model', input.now);
}

const toSkill = (r: SkillRow): Skill => ({ key: r.key, name: r.name, description: r.description, levels: JSON.parse(r.levels) });

export interface LoadedModel {
  version: number;
  skills: Skill[];
}

/** The model (current, or a given version) without a permission check: for coaching's own services. */
export async function loadSkillModel(ctx: Ctx, version: number | null = null): Promise<LoadedModel & { row: SkillModelVersionRow }> {
  const row = await findModelVersion(ctx.db, ctx.actor.workspaceId, version);
  if (!row) throw notFound(version === null ? 'Skill model' : `Skill model version ${version}`);
  return { row, version: row.version, skills: (await skillsOfVersion(ctx.db, ctx.actor.workspaceId, row.id)).map(toSkill) };
}

export async function getSkillModel(ctx: Ctx, version?: number): Promise<SkillModel> {
  if (reachOf(ctx.actor.role, 'skill_model', 'read') === 'none') throw forbidden('The skill model is for sales roles and coaches');
  const m = await loadSkillModel(ctx, version ?? null);
  return { version: m.version, note: m.row.note, createdAt: new Date(m.row.created_at).toISOString(), skills: m.skills };
}

export async function putSkillModel(ctx: Ctx, input: SkillModelPut): Promise<SkillModel> {
  if (reachOf(ctx.actor.role, 'skill_model', 'update') === 'none') throw forbidden('Only an admin edits the skill model');
  const skills = checkSkills(input.skills);
  return inTransaction(ctx, async (tx) => {
    const current = await findModelVersion(tx.db, ctx.actor.workspaceId, null);
    const currentVersion = current?.version ?? 0;
    if (current && input.version !== currentVersion) throw stale('Skill model', currentVersion);
    try {
      await writeVersion(tx.db, ctx.actor.workspaceId, currentVersion + 1, skills, ctx.actor.userId, input.note?.trim() || null, tx.now());
    } catch (error) {
      // Two admins saving the same version at once: the unique (workspace, version) index refuses one.
      if (tx.dialect.isUniqueViolation(error)) throw conflict('The skill model was changed at the same moment; reload and try again');
      throw error;
    }
    return getSkillModel(tx);
  });
}
