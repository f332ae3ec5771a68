// Skill ratings: a level given on a skill of the current model (recorded with its version), and a
// person's profile — the latest level per skill with its history.
import type { RatingCreate, SkillProfile, SkillRating } from '../../api/coaching-ratings.js';
import type { Ctx } from '../context.js';
import { invalidField, notFound } from '../errors.js';
import { userInWorkspace } from '../identity/users.service.js';
import { newId } from '../ids.js';
import { coachingScope, coachingScopeOrNull, reaches } from './coaching-scope.service.js';
import { insertRating, type RatingRow, ratingsOf } from './ratings.repo.js';
import { findSessionRow } from './sessions.repo.js';
import { loadSkillModel } from './skills.service.js';

const iso = (ms: number) => new Date(ms).toISOString();

export async function rateSkill(ctx: Ctx, input: RatingCreate): Promise<SkillRating> {
  const scope = await coachingScope(ctx, 'create');
  const user = await userInWorkspace(ctx, ctx.actor.workspaceId, input.userId);
  if (!user || user.disabled || !reaches(scope, ctx, { coacheeId: input.userId })) throw invalidField('userId', 'no one you coach with this id');
  if (input.userId === ctx.actor.userId) throw invalidField('userId', 'a rating comes from a coach, not from yourself');
  const model = await loadSkillModel(ctx);
  const skill = model.skills.find((s) => s.key === input.skillKey);
  if (!skill) throw invalidField('skillKey', 'is not a skill of the current model');
  if (input.level > skill.levels.length) throw invalidField('level', `${skill.name} has levels 1 to ${skill.levels.length}`);
  if (input.sessionId) {
    const session = await findSessionRow(ctx.db, ctx.actor.workspaceId, input.sessionId);
    if (!session || session.coachee_id !== input.userId || !reaches(scope, ctx, { coacheeId: session.coachee_id, coachId: session.coach_id })) {
      throw invalidField('sessionId', 'no session with this person that you can see');
    }
  }
  const row: RatingRow = {
    id: newId(),
    workspace_id: ctx.actor.workspaceId,
    user_id: input.userId,
    skill_key: skill.key,
    model_version: model.version,
    level: input.level,
    session_id: input.sessionId ?? null,
    rated_by: ctx.actor.userId,
    rated_at: ctx.now(),
    note: input.note?.trim() || null,
    source: 'coach',
    attempt_id: null,
  };
  await insertRating(ctx.db, row);
  return {
    id: row.id,
    userId: row.user_id,
    skillKey: row.skill_key,
    modelVersion: row.model_version,
    level: row.level,
    sessionId: row.session_id,
    ratedBy: { id: ctx.actor.userId, name: ctx.actor.name },
    ratedAt: iso(row.rated_at),
    note: row.note,
    source: row.source,
    attemptId: row.attempt_id,
  };
}

export async function skillProfile(ctx: Ctx, userId: string): Promise<SkillProfile> {
  const user = await userInWorkspace(ctx, ctx.actor.workspaceId, userId);
  if (!user || !reaches(await coachingScopeOrNull(ctx, 'read'), ctx, { coacheeId: userId })) throw notFound('User');
  const [model, ratings] = await Promise.all([loadSkillModel(ctx), ratingsOf(ctx.db, ctx.actor.workspaceId, userId)]);
  return {
    user: { id: user.id, name: user.name },
    modelVersion: model.version,
    skills: model.skills.map((s) => {
      const mine = ratings.filter((r) => r.skill_key === s.key);
      const last = mine[mine.length - 1];
      return {
        skillKey: s.key,
        name: s.name,
        maxLevel: s.levels.length,
        level: last?.level ?? null,
        levelLabel: last ? (s.levels.find((l) => l.level === last.level)?.label ?? null) : null,
        ratedAt: last ? iso(last.rated_at) : null,
        firstLevel: mine[0]?.level ?? null,
        history: mine.map((r) => ({ level: r.level, ratedAt: iso(r.rated_at), modelVersion: r.model_version, source: r.source, attemptId: r.attempt_id })),
      };
    }),
  };
}

/** A practice score (1–5) on the skill's own scale: 5 is its top level, and nothing rates below 1. */
export const practiceLevel = (score: number, maxLevel: number) => Math.min(maxLevel, Math.max(1, Math.round((score * maxLevel) / 5)));

/**
 * The partner's scores on a practice attempt as skill ratings (source "practice", linked to the
 * attempt), in the caller's transaction. Scenario skills are coaching skill names (or keys); a skill
 * the current model no longer has is left out. Rated by whoever scored the attempt.
 */
export async function ratePracticeAttempt(
  ctx: Ctx,
  attempt: { id: string; userId: string; scenarioName: string; scores: readonly { skill: string; score: number }[] },
): Promise<number> {
  const model = await loadSkillModel(ctx);
  const find = (skill: string) => model.skills.find((s) => s.key === skill || s.name.toLowerCase() === skill.trim().toLowerCase());
  let written = 0;
  for (const s of attempt.scores) {
    const skill = find(s.skill);
    if (!skill) continue;
    await insertRating(ctx.db, {
      id: newId(),
      workspace_id: ctx.actor.workspaceId,
      user_id: attempt.userId,
      skill_key: skill.key,
      model_version: model.version,
      level: practiceLevel(s.score, skill.levels.length),
      session_id: null,
      rated_by: ctx.actor.userId,
      rated_at: ctx.now(),
      note: `Practice: ${attempt.scenarioName} (${s.score} of 5)`,
      source: 'practice',
      attempt_id: attempt.id,
    });
    written++;
  }
  return written;
}
