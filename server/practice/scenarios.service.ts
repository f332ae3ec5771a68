// The scenario library: every rep and manager reads it; managers and admins write it.
import type { Scenario, ScenarioCreate, ScenarioPatch } from '../../api/practice-scenarios.js';
import { type Ctx, inTransaction } from '../context.js';
import { forbidden, notFound, stale } from '../errors.js';
import { ownerScope } from '../identity/visibility.js';
import { newId } from '../ids.js';
import { findScenario, insertScenario, listScenarioRows, type ScenarioRow, updateScenario } from './practice.repo.js';

const iso = (ms: number) => new Date(Number(ms)).toISOString();
const trimAll = (xs: readonly string[]) => xs.map((x) => x.trim());

export const toScenario = (r: ScenarioRow): Scenario => ({
  id: r.id,
  name: r.name,
  persona: r.persona,
  situation: r.situation,
  objectives: JSON.parse(r.objectives),
  skills: JSON.parse(r.skills),
  difficulty: r.difficulty,
  meetingType: r.meeting_type as Scenario['meetingType'],
  passThreshold: r.pass_threshold,
  validityDays: r.validity_days,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
  version: r.version,
});

function assertLibrarian(ctx: Ctx): void {
  if (ctx.actor.role !== 'admin' && ctx.actor.role !== 'manager') throw forbidden('Only managers and admins edit the scenario library');
}

export async function listScenarios(ctx: Ctx): Promise<Scenario[]> {
  await ownerScope(ctx, 'practice', 'read');
  return (await listScenarioRows(ctx.db, ctx.actor.workspaceId)).map(toScenario);
}

export async function getScenario(ctx: Ctx, id: string): Promise<Scenario> {
  await ownerScope(ctx, 'practice', 'read');
  const row = await findScenario(ctx.db, ctx.actor.workspaceId, id);
  if (!row) throw notFound('Scenario');
  return toScenario(row);
}

export async function createScenario(ctx: Ctx, input: ScenarioCreate): Promise<Scenario> {
  assertLibrarian(ctx);
  const now = ctx.now();
  const row: ScenarioRow = {
    id: newId(),
    workspace_id: ctx.actor.workspaceId,
    name: input.name.trim(),
    persona: input.persona.trim(),
    situation: input.situation.trim(),
    objectives: JSON.stringify(trimAll(input.objectives)),
    skills: JSON.stringify([...new Set(trimAll(input.skills))]),
    difficulty: input.difficulty,
    meeting_type: input.meetingType ?? null,
    pass_threshold: input.passThreshold ?? 70,
    validity_days: input.validityDays ?? 180,
    created_by: ctx.actor.userId,
    created_at: now,
    updated_at: now,
    archived_at: null,
    version: 1,
  };
  await insertScenario(ctx.db, row);
  return toScenario(row);
}

export async function patchScenario(ctx: Ctx, id: string, patch: ScenarioPatch): Promise<Scenario> {
  assertLibrarian(ctx);
  return inTransaction(ctx, async (tx) => {
    const current = await findScenario(tx.db, ctx.actor.workspaceId, id);
    if (!current) throw notFound('Scenario');
    const now = tx.now();
    const changes: Partial<ScenarioRow> = {
      ...(patch.name !== undefined && { name: patch.name.trim() }),
      ...(patch.persona !== undefined && { persona: patch.persona.trim() }),
      ...(patch.situation !== undefined && { situation: patch.situation.trim() }),
      ...(patch.objectives !== undefined && { objectives: JSON.stringify(trimAll(patch.objectives)) }),
      ...(patch.skills !== undefined && { skills: JSON.stringify([...new Set(trimAll(patch.skills))]) }),
      ...(patch.difficulty !== undefined && { difficulty: patch.difficulty }),
      ...(patch.meetingType !== undefined && { meeting_type: patch.meetingType }),
      ...(patch.passThreshold !== undefined && { pass_threshold: patch.passThreshold }),
      ...(patch.validityDays !== undefined && { validity_days: patch.validityDays }),
      ...(patch.archived !== undefined && { archived_at: patch.archived ? (current.archived_at ?? now) : null }),
      updated_at: now,
    };
    if (!(await updateScenario(tx.db, ctx.actor.workspaceId, id, patch.version, changes))) throw stale('Scenario', current.version);
    return toScenario({ ...current, ...changes, version: patch.version + 1 });
  });
}
