// The workspace's skill model: skills with a rubric of levels. Versioned like the process: an edit
// makes a new version, and every rating records the version it was given under.
import { type Static, Type } from 'typebox';
import { Instant, NonEmpty, OptionalText } from './common.js';

export const SkillKey = Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z][a-z0-9_]*$', description: 'Stable key, kept across versions' });

export const SkillLevel = Type.Object({
  level: Type.Integer({ minimum: 1, maximum: 10 }),
  label: NonEmpty(60),
  description: Type.String({ maxLength: 1000, description: 'What this level looks like' }),
});
export type SkillLevel = Static<typeof SkillLevel>;

export const Skill = Type.Object({
  key: SkillKey,
  name: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  levels: Type.Array(SkillLevel),
});
export type Skill = Static<typeof Skill>;

export const SkillModel = Type.Object({
  version: Type.Integer({ minimum: 1, description: 'The model version; send it back to edit (a stale one is 409)' }),
  note: Type.Union([Type.String(), Type.Null()]),
  createdAt: Instant,
  skills: Type.Array(Skill),
});
export type SkillModel = Static<typeof SkillModel>;

export const SkillInput = Type.Object(
  {
    key: Type.Optional(SkillKey),
    name: NonEmpty(80),
    description: Type.Optional(OptionalText(1000)),
    levels: Type.Array(SkillLevel, { minItems: 2, maxItems: 10, description: 'Levels 1..n in order' }),
  },
  { additionalProperties: false },
);
export type SkillInput = Static<typeof SkillInput>;

export const SkillModelPut = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The version you edited' }),
    note: Type.Optional(OptionalText(500)),
    skills: Type.Array(SkillInput, { minItems: 1, maxItems: 40 }),
  },
  { additionalProperties: false },
);
export type SkillModelPut = Static<typeof SkillModelPut>;

export const SkillModelVersionQuery = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });
