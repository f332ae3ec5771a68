// The discipline index (one 0–100 score per discipline and overall, per month, per team and for
// the workspace) and cramming by quarter: the Year page's view of whether the rhythm holds.
import { type Static, Type } from 'typebox';
import { CalendarDate, Id, Nullable } from './common.js';
import { PeriodInfo } from './measurement.js';

export const YearQuery = Type.Object(
  { year: Type.Optional(Type.String({ pattern: '^FY\\d{4}$', description: 'Fiscal year (default: the current one)' })) },
  { additionalProperties: false },
);
export type YearQuery = Static<typeof YearQuery>;

export const IndexStep = Type.Union([Type.Literal('week'), Type.Literal('month')]);

export const DisciplineQuery = Type.Object(
  {
    year: YearQuery.properties.year,
    by: Type.Optional(
      Type.Union([Type.Literal('week'), Type.Literal('month')], { description: 'One score per ISO week or per month of the fiscal year (default: month)' }),
    ),
    teamId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description:
          'That team and each of its people (a manager: a team they manage; an admin: any). Without it: the workspace (admin) and the teams you manage; a rep: their own',
      }),
    ),
    userId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description:
          'One person’s index only (a rep: themself; a manager: a person of the teams they manage; an admin: anyone of the workspace). Not with teamId',
      }),
    ),
    headline: Type.Optional(
      Type.Boolean({
        description:
          'Only the headline of each scope (overall score of the step in progress, the last finished step and the one before, and the discipline that costs the most points), read over those steps only: the Home card',
      }),
    ),
  },
  { additionalProperties: false },
);
export type DisciplineQuery = Static<typeof DisciplineQuery>;

export const DisciplineKey = Type.Union([
  Type.Literal('process'),
  Type.Literal('coaching'),
  Type.Literal('planning'),
  Type.Literal('measurement'),
  Type.Literal('alignment'),
]);

const Cell = Type.Object({
  score: Nullable(Type.Integer({ minimum: 0, maximum: 100 })),
  fading: Type.Boolean(),
  belowStart: Type.Boolean({ description: 'Scored the fade threshold or more under the year’s first scored month (its starting level); the alert reads it' }),
  inProgress: Type.Boolean({ description: 'The month is not over: scored so far, never judged as fading' }),
});

export const DisciplineInfo = Type.Object({
  key: DisciplineKey,
  name: Type.String(),
  weight: Type.Number(),
  /** The catalogue KPI (or the rule) the score is read from. */
  input: Type.String(),
  /** Null when measured; otherwise why not ("not measured yet: …"). */
  notMeasured: Nullable(Type.String()),
});

export const DisciplineScope = Type.Object({
  kind: Type.Union([Type.Literal('workspace'), Type.Literal('team'), Type.Literal('rep')]),
  id: Id,
  name: Type.String(),
  disciplines: Type.Array(Type.Object({ key: DisciplineKey, cells: Type.Array(Cell) })),
  overall: Type.Array(Cell),
  /** Disciplines whose latest finished step measured dropped by the fade threshold or more. */
  fading: Type.Array(DisciplineKey),
  /** Disciplines whose latest finished month measured is the fade threshold or more under the year's start. */
  belowStart: Type.Array(DisciplineKey),
});
export type DisciplineScope = Static<typeof DisciplineScope>;

export const DisciplineIndex = Type.Object({
  year: PeriodInfo,
  by: IndexStep,
  /** The steps the cells are: the weeks or the months of the year. */
  periods: Type.Array(PeriodInfo),
  /** The months of the fiscal year (the same as periods when by month). */
  months: Type.Array(PeriodInfo),
  currentKey: Nullable(Type.String()),
  fadePoints: Type.Integer(),
  formula: Type.String(),
  disciplines: Type.Array(DisciplineInfo),
  scopes: Type.Array(DisciplineScope),
});
export type DisciplineIndex = Static<typeof DisciplineIndex>;

export const CrammingCurve = Type.Object({
  period: PeriodInfo,
  weeks: Type.Array(
    Type.Object({
      from: CalendarDate,
      to: CalendarDate,
      wonAmount: Type.Number(),
      /** Won so far in the quarter ÷ the quarter's won amount; null when nothing was won in it. */
      cumulativeShare: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
    }),
  ),
});
export type CrammingCurve = Static<typeof CrammingCurve>;

export const CrammingScope = Type.Object({
  kind: Type.Union([Type.Literal('workspace'), Type.Literal('team')]),
  id: Id,
  name: Type.String(),
  /** One per quarter of the three fiscal years up to the one asked (oldest first). */
  quarters: Type.Array(Type.Object({ period: PeriodInfo, value: Nullable(Type.Number()), wonAmount: Nullable(Type.Number()) })),
  /** The bookings curve inside each quarter of the year asked: won amount week by week from the quarter's first day. */
  curves: Type.Array(CrammingCurve),
});

export const CrammingByQuarter = Type.Object({
  year: PeriodInfo,
  formula: Type.String(),
  notes: Type.Array(Type.String()),
  currency: Type.String(),
  scopes: Type.Array(CrammingScope),
});
export type CrammingByQuarter = Static<typeof CrammingByQuarter>;

const HeadlineStep = Type.Object({
  period: PeriodInfo,
  /** The overall score (weighted mean of the disciplines measured); null when none is. */
  score: Nullable(Type.Integer({ minimum: 0, maximum: 100 })),
});

export const DisciplineHeadlineScope = Type.Object({
  kind: Type.Union([Type.Literal('workspace'), Type.Literal('team'), Type.Literal('rep')]),
  id: Id,
  name: Type.String(),
  /** The step in progress, scored so far (null outside the year). */
  current: Nullable(HeadlineStep),
  /** The last finished step: the figure to judge. */
  latest: Nullable(HeadlineStep),
  /** The step before the last finished one. */
  previous: Nullable(HeadlineStep),
  /** latest − previous, when both are scored. */
  change: Nullable(Type.Integer()),
  /** The last finished step fell by the fade threshold or more from the one before. */
  fading: Type.Boolean(),
  /** The measured discipline that costs the overall the most points (weight × (100 − score)) in the last finished step (the step in progress before any is finished); null when none costs any. */
  drag: Nullable(Type.Object({ key: DisciplineKey, name: Type.String(), score: Type.Integer({ minimum: 0, maximum: 100 }), weight: Type.Number() })),
});
export type DisciplineHeadlineScope = Static<typeof DisciplineHeadlineScope>;

export const DisciplineHeadline = Type.Object({
  headline: Type.Literal(true),
  year: PeriodInfo,
  by: IndexStep,
  currentKey: Nullable(Type.String()),
  fadePoints: Type.Integer(),
  formula: Type.String(),
  scopes: Type.Array(DisciplineHeadlineScope),
});
export type DisciplineHeadline = Static<typeof DisciplineHeadline>;
