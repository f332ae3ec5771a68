// The practice scenario library: a buyer persona in a situation, the objectives of the rep and
// the rubric skills an attempt is scored on.
import { type Static, Type } from 'typebox';
import { MeetingType } from './call-plans.js';
import { Id, Instant, NonEmpty, Version } from './common.js';

export const Difficulty = Type.Union([Type.Literal('basic'), Type.Literal('intermediate'), Type.Literal('advanced')]);

export const Scenario = Type.Object({
  id: Id,
  name: Type.String(),
  persona: Type.String(),
  situation: Type.String(),
  objectives: Type.Array(Type.String()),
  skills: Type.Array(Type.String()),
  difficulty: Difficulty,
  meetingType: Type.Union([MeetingType, Type.Null()]),
  passThreshold: Type.Integer(),
  validityDays: Type.Integer(),
  createdAt: Instant,
  updatedAt: Instant,
  version: Type.Integer(),
});
export type Scenario = Static<typeof Scenario>;

const Skills = Type.Array(NonEmpty(80), { minItems: 1, maxItems: 10, description: "Rubric skills (coaching's skill names) an attempt is scored on, 1–5 each" });

export const ScenarioCreate = Type.Object(
  {
    name: NonEmpty(120),
    persona: NonEmpty(2000),
    situation: NonEmpty(4000),
    objectives: Type.Array(NonEmpty(500), { minItems: 1, maxItems: 10 }),
    skills: Skills,
    difficulty: Difficulty,
    meetingType: Type.Optional(Type.Union([MeetingType, Type.Null()], { description: 'Meetings of this type remind reps not ready on this scenario' })),
    passThreshold: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 70, description: 'Readiness needed to pass (certified automatically)' })),
    validityDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 1095, default: 180, description: 'How long a certification lasts' })),
  },
  { additionalProperties: false },
);
export type ScenarioCreate = Static<typeof ScenarioCreate>;

export const ScenarioPatch = Type.Object(
  {
    version: Version,
    name: Type.Optional(NonEmpty(120)),
    persona: Type.Optional(NonEmpty(2000)),
    situation: Type.Optional(NonEmpty(4000)),
    objectives: Type.Optional(Type.Array(NonEmpty(500), { minItems: 1, maxItems: 10 })),
    skills: Type.Optional(Skills),
    difficulty: Type.Optional(Difficulty),
    meetingType: Type.Optional(Type.Union([MeetingType, Type.Null()])),
    passThreshold: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    validityDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 1095 })),
    archived: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ScenarioPatch = Static<typeof ScenarioPatch>;
export const ScenarioList = Type.Object({ items: Type.Array(Scenario) });
