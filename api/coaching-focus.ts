// Focus suggestions from the numbers: a coachee's sales-velocity levers and stage conversion against
// their team's over the same dates, the gaps ranked by what closing each would add to velocity.
import { type Static, Type } from 'typebox';
import { MAX_FOCUS_BATCH } from './coaching-focus-limits.js';
import { CalendarDate, Currency, Id, UserRef } from './common.js';

export const FocusQuery = Type.Object(
  {
    coacheeId: Id,
    from: Type.Optional(CalendarDate),
    to: Type.Optional(CalendarDate),
  },
  { additionalProperties: false, description: 'The dates compared; by default the 180 days up to today' },
);
export type FocusQuery = Static<typeof FocusQuery>;

export const FocusLever = Type.Union([
  Type.Literal('opportunities'),
  Type.Literal('win_rate'),
  Type.Literal('deal_size'),
  Type.Literal('cycle'),
  Type.Literal('stage_conversion'),
  Type.Literal('time_in_stage'),
  Type.Literal('activity_volume'),
  Type.Literal('process_adherence'),
]);

export const FocusSuggestion = Type.Object({
  lever: FocusLever,
  kpiId: Type.String(),
  stageId: Type.Union([Id, Type.Null()]),
  stageName: Type.Union([Type.String(), Type.Null()]),
  person: Type.Number({ description: 'The coachee’s figure (ratio, minor units, days or a count; time in stage: days in the stages where slower)' }),
  benchmark: Type.Number({
    description:
      'The benchmark’s figure (opportunities: per person; activity volume, adherence: the median of the team’s other reps; time in stage: the team’s days in those stages)',
  }),
  records: Type.Integer({ description: 'Records behind the coachee’s figure' }),
  velocity: Type.Number({ description: 'The coachee’s sales velocity now, minor units per day' }),
  velocityIfClosed: Type.Number({ description: 'Their velocity with this one lever at the benchmark' }),
  effect: Type.Number({ description: 'velocityIfClosed − velocity' }),
  skillKeys: Type.Array(Type.String()),
  model: Type.String({ description: 'How the lever enters velocity, with the figures put in' }),
  explanation: Type.String(),
  recordsUrl: Type.String({ description: 'The coachee’s records behind the figure (KPI drill-down; needs deal access)' }),
});
export type FocusSuggestion = Static<typeof FocusSuggestion>;

export const FocusInput = Type.Object({
  lever: FocusLever,
  kpiId: Type.String(),
  person: Type.Union([Type.Number(), Type.Null()]),
  benchmark: Type.Union([Type.Number(), Type.Null()]),
  records: Type.Integer(),
});

export const FocusDriver = Type.Object({
  kpiId: Type.Union([Type.Literal('time_in_stage'), Type.Literal('activity_volume'), Type.Literal('process_adherence')]),
  person: Type.Union([Type.Number(), Type.Null()]),
  benchmark: Type.Union([Type.Number(), Type.Null()], { description: 'Activity volume: per person of the benchmark' }),
  records: Type.Integer(),
  trails: Type.Boolean({ description: 'Worse than the benchmark by which way the KPI is better (by 1 % or more)' }),
  skillKeys: Type.Array(Type.String()),
  insufficient: Type.Union([Type.String(), Type.Null()], { description: 'Why no comparison is made, else null' }),
  effect: Type.Union([Type.Number(), Type.Null()], {
    description: 'What closing the gap would add to velocity (minor units per day); the lever is then among the suggestions',
  }),
  effectNote: Type.Union([Type.String(), Type.Null()], { description: 'Why no effect is estimated (too little data, no gap, no relation), else null' }),
});
export type FocusDriver = Static<typeof FocusDriver>;

export const FocusSuggestions = Type.Object({
  coachee: UserRef,
  from: CalendarDate,
  to: CalendarDate,
  currency: Currency,
  benchmark: Type.Object({ kind: Type.Union([Type.Literal('team'), Type.Literal('workspace')]), id: Id, label: Type.String(), people: Type.Integer() }),
  formula: Type.String(),
  velocity: Type.Union([Type.Number(), Type.Null()], { description: 'null: too little data to estimate (see insufficient)' }),
  inputs: Type.Array(FocusInput, { description: 'The four velocity levers, coachee and benchmark' }),
  suggestions: Type.Array(FocusSuggestion, { description: 'Largest effect first' }),
  insufficient: Type.Array(Type.Object({ lever: FocusLever, stageName: Type.Union([Type.String(), Type.Null()]), reason: Type.String() })),
  drivers: Type.Array(FocusDriver, {
    description: 'The funnel drivers outside the velocity formula, against the benchmark, each with its modelled velocity effect',
  }),
});
export type FocusSuggestions = Static<typeof FocusSuggestions>;

/** The most ids one batch answers: a coach's list of people, not the workspace. */

export const FocusBatchQuery = Type.Object(
  {
    coacheeIds: Type.String({ minLength: 1, maxLength: 4000, description: `Comma-separated user ids, at most ${MAX_FOCUS_BATCH}` }),
    from: Type.Optional(CalendarDate),
    to: Type.Optional(CalendarDate),
  },
  { additionalProperties: false, description: 'The dates compared; by default the 180 days up to today' },
);
export type FocusBatchQuery = Static<typeof FocusBatchQuery>;

export const FocusSummary = Type.Object({
  coachee: UserRef,
  velocity: Type.Union([Type.Number(), Type.Null()]),
  top: Type.Union([FocusSuggestion, Type.Null()], { description: 'The largest effect, null when there is none' }),
  insufficient: FocusSuggestions.properties.insufficient,
});
export type FocusSummary = Static<typeof FocusSummary>;

export const FocusSummaryList = Type.Object({
  from: CalendarDate,
  to: CalendarDate,
  items: Type.Array(FocusSummary, { description: 'One per requested coachee, in the order asked' }),
});
export type FocusSummaryList = Static<typeof FocusSummaryList>;
