// Practice attempts: a role-play scored by a partner, or a recorded pitch scored by a reviewer.
import { type Static, Type } from 'typebox';
import { Id, Instant, NullableInstant, OptionalText, UserRef, Version } from './common.js';

export const AttemptKind = Type.Union([Type.Literal('roleplay'), Type.Literal('recording')]);
export const SkillScore = Type.Object(
  { skill: Type.String({ minLength: 1, maxLength: 80 }), score: Type.Integer({ minimum: 1, maximum: 5 }) },
  { additionalProperties: false },
);

export const Attempt = Type.Object({
  id: Id,
  scenarioId: Id,
  scenarioName: Type.String(),
  user: UserRef,
  kind: AttemptKind,
  partner: Type.Union([UserRef, Type.Null()]),
  skills: Type.Array(Type.String(), { description: "The scenario's rubric skills to score" }),
  scores: Type.Union([Type.Array(SkillScore), Type.Null()]),
  score: Type.Union([Type.Integer(), Type.Null()]),
  feedback: Type.Union([Type.String(), Type.Null()]),
  scoredBy: Type.Union([UserRef, Type.Null()]),
  scoredAt: NullableInstant,
  recording: Type.Union([Type.Object({ contentType: Type.String(), bytes: Type.Integer(), url: Type.String() }), Type.Null()]),
  canScore: Type.Boolean({ description: 'Whether the caller may score this attempt' }),
  createdAt: Instant,
  version: Type.Integer(),
});
export type Attempt = Static<typeof Attempt>;

export const AttemptCreate = Type.Object(
  {
    scenarioId: Id,
    kind: AttemptKind,
    partnerId: Type.Optional(
      Type.Union([Id, Type.Null()], { description: 'Role-play: the manager or peer playing the buyer (required). Recording: an optional named reviewer' }),
    ),
  },
  { additionalProperties: false },
);
export type AttemptCreate = Static<typeof AttemptCreate>;

export const AttemptScore = Type.Object(
  { version: Version, scores: Type.Array(SkillScore, { minItems: 1, maxItems: 10 }), feedback: Type.Optional(OptionalText(8000)) },
  { additionalProperties: false },
);
export type AttemptScore = Static<typeof AttemptScore>;

export const AttemptListQuery = Type.Object(
  {
    userId: Type.Optional(Id),
    scenarioId: Type.Optional(Id),
    toScore: Type.Optional(Type.Boolean({ description: 'Only unscored attempts the caller may score' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type AttemptListQuery = Static<typeof AttemptListQuery>;
export const AttemptList = Type.Object({ items: Type.Array(Attempt) });
