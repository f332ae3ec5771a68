// Skill ratings: a level given on a skill of the current model (recorded with its version), and a
// person's profile — the latest level per skill with its history.
import type { RatingCreate, SkillProfile, SkillRating } from '../../api/coaching-ratings.js';
import type { Ctx } from '../context.js';
import { invalidField, notFound } from '../errors.js';
import { findUser } from '../identity/users.repo.js';
import { newId } from '../ids.js';
import { coachingScope, coachingScopeOrNull, reaches } from './coaching-scope.js';
import { insertRating, type RatingRow, ratingsOf } from './ratings.repo.js';
import { findSessionRow } from './sessions.repo.js';
import { loadSkillModel } from './skills.service.js';

const iso = (ms: number) => new Date(ms).toISOString();

export async function rateSkill(ctx: Ctx, input: RatingCreate): Promise<SkillRating> {
  const scope = await coachingScope(ctx, 'create');
  const user = await findUser(ctx.db, ctx.actor.workspaceId, input.userId);
  if (!user || user.disabled_at !== null || !reaches(scope, ctx, { coacheeId: input.userId })) throw invalidField('userId', 'no one you coach with this id');
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
  };
}

export async function skillProfile(ctx: Ctx, userId: string): Promise<SkillProfile> {
  const user = await findUser(ctx.db, ctx.actor.workspaceId, userId);
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
        history: mine.map((r) => ({ level: r.level, ratedAt: iso(r.rated_at), modelVersion: r.model_version })),
      };
    }),
  };
}
