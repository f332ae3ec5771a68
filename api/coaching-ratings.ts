// Skill ratings over time: a level on a skill of the model, given in a session (or on its own),
// recorded with the skill-model version; the profile is the latest level per skill with its history.
import { type Static, Type } from 'typebox';
import { SkillKey } from './coaching-skills.js';
import { Id, Instant, OptionalText, UserRef } from './common.js';

/** A coach's rating, or the partner's score on a practice attempt. */
export const RatingSource = Type.Union([Type.Literal('coach'), Type.Literal('practice')]);

export const SkillRating = Type.Object({
  id: Id,
  userId: Id,
  skillKey: Type.String(),
  modelVersion: Type.Integer(),
  level: Type.Integer(),
  sessionId: Type.Union([Id, Type.Null()]),
  ratedBy: UserRef,
  ratedAt: Instant,
  note: Type.Union([Type.String(), Type.Null()]),
  source: RatingSource,
  /** The practice attempt a "practice" rating comes from. */
  attemptId: Type.Union([Id, Type.Null()]),
});
export type SkillRating = Static<typeof SkillRating>;

export const RatingCreate = Type.Object(
  {
    userId: Id,
    skillKey: SkillKey,
    level: Type.Integer({ minimum: 1, maximum: 10 }),
    sessionId: Type.Optional(Id),
    note: Type.Optional(OptionalText(1000)),
  },
  { additionalProperties: false },
);
export type RatingCreate = Static<typeof RatingCreate>;

export const SkillProfileEntry = Type.Object({
  skillKey: Type.String(),
  name: Type.String(),
  maxLevel: Type.Integer(),
  level: Type.Union([Type.Integer(), Type.Null()]),
  levelLabel: Type.Union([Type.String(), Type.Null()]),
  ratedAt: Type.Union([Instant, Type.Null()]),
  /** The level a year's worth of ratings ago, to show the trend. */
  firstLevel: Type.Union([Type.Integer(), Type.Null()]),
  history: Type.Array(
    Type.Object({ level: Type.Integer(), ratedAt: Instant, modelVersion: Type.Integer(), source: RatingSource, attemptId: Type.Union([Id, Type.Null()]) }),
  ),
});
export type SkillProfileEntry = Static<typeof SkillProfileEntry>;

export const SkillProfile = Type.Object({ user: UserRef, modelVersion: Type.Integer(), skills: Type.Array(SkillProfileEntry) });
export type SkillProfile = Static<typeof SkillProfile>;

export const UserParams = Type.Object({ userId: Id });
