// Readiness per scenario and certification: granted by a manager of the rep (or an admin), or
// automatically when a scored attempt brings readiness to the scenario's threshold. Both expire.
import type { Certification, CertificationCreate, CertificationQuery, ReadinessQuery, ReadinessReport, ReadinessRow } from '../../api/certifications.js';
import { type Ctx, inTransaction } from '../context.js';
import { forbidden, invalidField, invalidInput } from '../errors.js';
import { ownerScope, scopeIncludes, teamOwnerIds } from '../identity/visibility.js';
import { newId } from '../ids.js';
import {
  certifiedUntil,
  findScenario,
  findUserRow,
  insertCertification,
  listCertificationViews,
  listScenarioRows,
  practisingUsers,
  scoredAttempts,
} from './practice.repo.js';
import { READINESS_FORMULA, readiness, readinessStatus } from './readiness.js';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(Number(ms)).toISOString();

/** After a scored attempt: certify the rep when readiness reaches the threshold and no live certification exists. */
export async function certifyOnPass(ctx: Ctx, userId: string, scenarioId: string, attemptId: string): Promise<void> {
  const ws = ctx.actor.workspaceId;
  const scenario = await findScenario(ctx.db, ws, scenarioId);
  if (!scenario) return;
  const now = ctx.now();
  const r = readiness(
    (await scoredAttempts(ctx.db, ws, [userId], [scenarioId])).map((a) => ({ score: Number(a.score), scoredAt: Number(a.scored_at) })),
    now,
  );
  if (readinessStatus(r, scenario.pass_threshold) !== 'ready') return;
  if ((await certifiedUntil(ctx.db, ws, userId, scenarioId, now)) !== null) return;
  await insertCertification(ctx.db, {
    id: newId(),
    workspace_id: ws,
    user_id: userId,
    scenario_id: scenarioId,
    method: 'threshold',
    granted_by: null,
    attempt_id: attemptId,
    note: `Readiness ${r.value} reached the threshold of ${scenario.pass_threshold}`,
    granted_at: now,
    expires_at: now + scenario.validity_days * DAY,
    revoked_at: null,
  });
}

export async function grantCertification(ctx: Ctx, input: CertificationCreate): Promise<Certification> {
  const id = await inTransaction(ctx, async (tx) => {
    const ws = ctx.actor.workspaceId;
    const user = await findUserRow(tx.db, ws, input.userId);
    const scope = await ownerScope(tx, 'practice', 'read');
    if (!user || user.disabled_at !== null || !scopeIncludes(scope, user.id)) throw invalidField('userId', 'no active user with this id that you can see');
    const manages = ctx.actor.role === 'admin' || (ctx.actor.role === 'manager' && user.id !== ctx.actor.userId && scopeIncludes(scope, user.id));
    if (!manages) throw forbidden('Only a manager of the rep (or an admin) certifies them');
    const scenario = await findScenario(tx.db, ws, input.scenarioId);
    if (!scenario || scenario.archived_at !== null) throw invalidInput([{ field: 'scenarioId', message: 'no scenario with this id in the library' }]);
    const now = tx.now();
    const row = {
      id: newId(),
      workspace_id: ws,
      user_id: user.id,
      scenario_id: scenario.id,
      method: 'manager' as const,
      granted_by: ctx.actor.userId,
      attempt_id: null,
      note: input.note?.trim() || null,
      granted_at: now,
      expires_at: now + (input.validityDays ?? scenario.validity_days) * DAY,
      revoked_at: null,
    };
    await insertCertification(tx.db, row);
    return row.id;
  });
  const found = (await listCertifications(ctx, { userId: input.userId })).items.find((c) => c.id === id);
  return found as Certification;
}

export async function listCertifications(ctx: Ctx, query: CertificationQuery): Promise<{ items: Certification[] }> {
  const scope = await ownerScope(ctx, 'practice', 'read');
  const now = ctx.now();
  const rows = await listCertificationViews(ctx.db, ctx.actor.workspaceId, scope, query);
  return {
    items: rows.map((c) => ({
      id: c.id,
      user: { id: c.user_id, name: c.user_name },
      scenarioId: c.scenario_id,
      scenarioName: c.scenario_name,
      method: c.method,
      grantedBy: c.granted_by ? { id: c.granted_by, name: c.granted_by_name ?? '' } : null,
      note: c.note,
      grantedAt: iso(c.granted_at),
      expiresAt: iso(c.expires_at),
      active: Number(c.granted_at) <= now && Number(c.expires_at) > now,
    })),
  };
}

/** Readiness of every visible rep on every live scenario (or a filtered slice), with the formula. */
export async function readinessReport(ctx: Ctx, query: ReadinessQuery): Promise<ReadinessReport> {
  const ws = ctx.actor.workspaceId;
  const scope = await ownerScope(ctx, 'practice', 'read');
  const ids = scope.all ? null : ctx.actor.role === 'rep' ? [ctx.actor.userId] : await teamOwnerIds(ctx);
  let users = await practisingUsers(ctx.db, ws, ids);
  if (query.userId) users = users.filter((u) => u.id === query.userId);
  let scenarios = await listScenarioRows(ctx.db, ws);
  if (query.scenarioId) scenarios = scenarios.filter((s) => s.id === query.scenarioId);
  const attempts = await scoredAttempts(
    ctx.db,
    ws,
    users.map((u) => u.id),
    scenarios.map((s) => s.id),
  );
  const now = ctx.now();
  const certs = await listCertificationViews(ctx.db, ws, scope, {});
  const items: ReadinessRow[] = [];
  for (const u of users) {
    for (const s of scenarios) {
      const r = readiness(
        attempts.filter((a) => a.user_id === u.id && a.scenario_id === s.id).map((a) => ({ score: Number(a.score), scoredAt: Number(a.scored_at) })),
        now,
      );
      const live = certs.filter((c) => c.user_id === u.id && c.scenario_id === s.id && Number(c.granted_at) <= now && Number(c.expires_at) > now);
      const until = live.length > 0 ? Math.max(...live.map((c) => Number(c.expires_at))) : null;
      items.push({
        user: { id: u.id, name: u.name },
        scenarioId: s.id,
        scenarioName: s.name,
        readiness: r.value,
        attempts: r.attempts,
        threshold: s.pass_threshold,
        status: readinessStatus(r, s.pass_threshold),
        certifiedUntil: until === null ? null : iso(until),
      });
    }
  }
  return { formula: READINESS_FORMULA, items };
}
