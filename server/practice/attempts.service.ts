// Practice attempts. A rep starts one on a scenario: a role-play with a partner (manager or peer)
// who plays the buyer and scores it, or a recorded pitch a reviewer scores later. Visible to the
// rep, the partner, and those whose reach covers the rep (managers above, admins).

import type { Attempt, AttemptCreate, AttemptListQuery, AttemptScore } from '../../api/practice-attempts.js';
import { mayPartner } from '../../lib/practice-partners.js';
import { ratePracticeAttempt } from '../coaching/ratings.service.js';
import { type Ctx, inTransaction } from '../context.js';
import { conflict, type FieldProblem, forbidden, invalidField, invalidInput, notFound, ruleViolation, stale } from '../errors.js';
import { listTeams } from '../identity/teams.service.js';
import { ownerScope, ownerScopeOrNull, scopeIncludes } from '../identity/visibility.js';
import { newId } from '../ids.js';
import { certifyOnPass } from './certification.service.js';
import {
  type AttemptRow,
  type AttemptView,
  findAttemptView,
  findScenario,
  findUserRow,
  insertAttempt,
  listAttemptViews,
  updateAttempt,
} from './practice.repo.js';
import { attemptScore } from './readiness.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/** The partner scores a role-play; a recording is scored by its named reviewer or anyone whose reach covers the rep. */
async function mayScore(ctx: Ctx, a: Pick<AttemptRow, 'user_id' | 'partner_id' | 'kind'>): Promise<boolean> {
  if (a.user_id === ctx.actor.userId) return false;
  if (a.partner_id === ctx.actor.userId) return true;
  if (a.kind === 'roleplay' && a.partner_id !== null && ctx.actor.role !== 'admin') return false;
  const scope = await ownerScopeOrNull(ctx, 'practice', 'update');
  return scope !== null && scopeIncludes(scope, a.user_id);
}

async function toAttempt(ctx: Ctx, v: AttemptView): Promise<Attempt> {
  return {
    id: v.id,
    scenarioId: v.scenario_id,
    scenarioName: v.scenario_name,
    user: { id: v.user_id, name: v.user_name },
    kind: v.kind,
    partner: v.partner_id ? { id: v.partner_id, name: v.partner_name ?? '' } : null,
    skills: JSON.parse(v.scenario_skills),
    scores: v.scores ? JSON.parse(v.scores) : null,
    score: v.score,
    feedback: v.feedback,
    scoredBy: v.scored_by ? { id: v.scored_by, name: v.scored_by_name ?? '' } : null,
    scoredAt: iso(v.scored_at),
    recording:
      v.recording_file && v.recording_type
        ? { contentType: v.recording_type, bytes: Number(v.recording_bytes), url: `/api/v1/practice-attempts/${v.id}/recording` }
        : null,
    canScore: v.scored_at === null && (v.kind === 'roleplay' || v.recording_file !== null) && (await mayScore(ctx, v)),
    createdAt: iso(v.created_at) as string,
    version: v.version,
  };
}

/** An attempt the caller can see, or 404 (also for a role without reach: a partner still sees theirs). */
export async function visibleAttempt(ctx: Ctx, id: string): Promise<AttemptView> {
  const view = await findAttemptView(ctx.db, ctx.actor.workspaceId, await ownerScopeOrNull(ctx, 'practice', 'read'), ctx.actor.userId, id);
  if (!view) throw notFound('Practice attempt');
  return view;
}

export async function getAttempt(ctx: Ctx, id: string): Promise<Attempt> {
  return toAttempt(ctx, await visibleAttempt(ctx, id));
}

export async function listAttempts(ctx: Ctx, query: AttemptListQuery): Promise<{ items: Attempt[] }> {
  const scope = await ownerScope(ctx, 'practice', 'read');
  const views = await listAttemptViews(ctx.db, ctx.actor.workspaceId, scope, ctx.actor.userId, { ...query, unscored: query.toScore });
  const items = await Promise.all(views.map((v) => toAttempt(ctx, v)));
  return { items: query.toScore ? items.filter((a) => a.canScore) : items };
}

export async function createAttempt(ctx: Ctx, input: AttemptCreate): Promise<Attempt> {
  await ownerScope(ctx, 'practice', 'create');
  const ws = ctx.actor.workspaceId;
  const problems: FieldProblem[] = [];
  const scenario = await findScenario(ctx.db, ws, input.scenarioId);
  if (!scenario || scenario.archived_at !== null) problems.push({ field: 'scenarioId', message: 'no scenario with this id in the library' });
  const partnerId = input.partnerId ?? null;
  if (input.kind === 'roleplay' && !partnerId) problems.push({ field: 'partnerId', message: 'a role-play needs a partner to play the buyer' });
  if (partnerId) {
    const partner = await findUserRow(ctx.db, ws, partnerId);
    const teams = await listTeams(ctx);
    if (partner?.id === ctx.actor.userId) problems.push({ field: 'partnerId', message: 'a partner is someone else' });
    // Another team's person answers exactly like a missing id: a write is no way to probe ids.
    else if (
      !partner ||
      !mayPartner(
        { id: ctx.actor.userId, role: ctx.actor.role, teamId: ctx.actor.teamId },
        { id: partner.id, role: partner.role, teamId: partner.team_id, active: partner.disabled_at === null },
        teams,
      )
    )
      problems.push({ field: 'partnerId', message: 'no one with this id you can practise with' });
  }
  if (problems.length > 0) throw invalidInput(problems);
  const now = ctx.now();
  const row: AttemptRow = {
    id: newId(),
    workspace_id: ws,
    scenario_id: input.scenarioId,
    user_id: ctx.actor.userId,
    kind: input.kind,
    partner_id: partnerId,
    scores: null,
    score: null,
    feedback: null,
    scored_by: null,
    scored_at: null,
    recording_file: null,
    recording_type: null,
    recording_bytes: null,
    created_at: now,
    updated_at: now,
    version: 1,
  };
  await insertAttempt(ctx.db, row);
  return getAttempt(ctx, row.id);
}

export async function scoreAttempt(ctx: Ctx, id: string, input: AttemptScore): Promise<Attempt> {
  await inTransaction(ctx, async (tx) => {
    const a = await visibleAttempt(tx, id);
    if (!(await mayScore(tx, a)))
      throw forbidden(a.kind === 'roleplay' ? 'Only the partner of this role-play scores it' : 'Only a reviewer of this rep scores the recording');
    if (a.version !== input.version) throw stale('Practice attempt', a.version);
    if (a.scored_at !== null) throw conflict('This attempt is already scored');
    if (a.kind === 'recording' && a.recording_file === null) throw ruleViolation('There is no recording to score yet');
    const skills: string[] = JSON.parse(a.scenario_skills);
    const problems: FieldProblem[] = input.scores.flatMap((s, i) => {
      if (!skills.includes(s.skill)) return [{ field: `scores.${i}.skill`, message: `is not a rubric skill of this scenario (${skills.join(', ')})` }];
      if (input.scores.findIndex((o) => o.skill === s.skill) !== i) return [{ field: `scores.${i}.skill`, message: 'is scored twice' }];
      return [];
    });
    const missing = skills.filter((k) => !input.scores.some((s) => s.skill === k));
    if (missing.length > 0) problems.push({ field: 'scores', message: `score every rubric skill; missing ${missing.join(', ')}` });
    if (problems.length > 0) throw invalidInput(problems);
    const now = tx.now();
    const score = attemptScore(input.scores);
    const ok = await updateAttempt(tx.db, ctx.actor.workspaceId, id, input.version, {
      scores: JSON.stringify(input.scores),
      score,
      feedback: input.feedback?.trim() || null,
      scored_by: ctx.actor.userId,
      scored_at: now,
      updated_at: now,
    });
    if (!ok) throw stale('Practice attempt', a.version);
    // The scores feed the rep's skill profile in coaching, linked to this attempt.
    await ratePracticeAttempt(tx, { id, userId: a.user_id, scenarioName: a.scenario_name, scores: input.scores });
    await certifyOnPass(tx, a.user_id, a.scenario_id, id);
  });
  return getAttempt(ctx, id);
}

export function assertOwnRecordingAttempt(ctx: Ctx, a: AttemptView): void {
  if (a.user_id !== ctx.actor.userId) throw forbidden('Only the rep practising uploads the recording');
  if (a.kind !== 'recording') throw invalidField('kind', 'this attempt is a role-play; it has no recording');
  if (a.recording_file !== null) throw conflict('This attempt already has a recording; start a new attempt to record again');
}
