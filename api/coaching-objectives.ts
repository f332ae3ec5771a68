// Coaching objectives with verified effect: a skill, the KPI that should move, the baseline taken
// when the objective is set, a target and a review date; after the review date the same KPI is
// measured again, next to the team's change over the same windows.
import { type Static, Type } from 'typebox';
import { SkillKey } from './coaching-skills.js';
import { CalendarDate, Id, Instant, OptionalText, UserRef, Version } from './common.js';

const Num = Type.Union([Type.Number(), Type.Null()]);

export const ObjectiveStatus = Type.Union([Type.Literal('pending'), Type.Literal('met'), Type.Literal('not_met'), Type.Literal('no_data')], {
  description:
    'pending until the review date has passed; then met or not met by the KPI over the objective’s window; no_data when the KPI has no figure for it',
});

export const ObjectiveReview = Type.Object({
  reviewedAt: Instant,
  value: Num,
  count: Type.Integer({ description: 'Records behind the value (deals, stage entries …)' }),
  change: Num,
  benchmark: Type.Object({ label: Type.String(), before: Num, after: Num, change: Num }),
  effect: Type.Union([Type.Number(), Type.Null()], { description: 'The coachee’s change minus the benchmark’s change over the same windows' }),
});

export const CoachingObjective = Type.Object({
  id: Id,
  coachee: UserRef,
  coach: UserRef,
  skillKey: Type.String(),
  kpiId: Type.String(),
  kpiName: Type.String(),
  unit: Type.String(),
  better: Type.Union([Type.Literal('higher'), Type.Literal('lower')]),
  baseline: Num,
  baselineFrom: CalendarDate,
  baselineTo: CalendarDate,
  target: Type.Number(),
  startDate: CalendarDate,
  reviewDate: CalendarDate,
  note: Type.Union([Type.String(), Type.Null()]),
  archived: Type.Boolean(),
  status: ObjectiveStatus,
  review: Type.Union([ObjectiveReview, Type.Null()]),
  version: Version,
});
export type CoachingObjective = Static<typeof CoachingObjective>;

export const ObjectiveCreate = Type.Object(
  {
    coacheeId: Id,
    skillKey: SkillKey,
    kpiId: Type.String({ minLength: 1, maxLength: 60 }),
    target: Type.Number(),
    startDate: Type.Optional(CalendarDate),
    reviewDate: CalendarDate,
    note: Type.Optional(OptionalText(2000)),
  },
  { additionalProperties: false },
);
export type ObjectiveCreate = Static<typeof ObjectiveCreate>;

export const ObjectivePatch = Type.Object(
  {
    version: Version,
    target: Type.Optional(Type.Number()),
    reviewDate: Type.Optional(CalendarDate),
    note: Type.Optional(OptionalText(2000)),
    archived: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ObjectivePatch = Static<typeof ObjectivePatch>;

export const ObjectiveListQuery = Type.Object(
  { coacheeId: Type.Optional(Id), status: Type.Optional(ObjectiveStatus), archived: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type ObjectiveListQuery = Static<typeof ObjectiveListQuery>;

export const ObjectiveList = Type.Object({ items: Type.Array(CoachingObjective) });
export type ObjectiveList = Static<typeof ObjectiveList>;
