// The forecast: deals by category (commit, best case, pipeline, omitted) for a period, weekly
// submissions by reps and managers, the roll-up through the team tree, and once the period has
// closed the accuracy and bias of every submission and each rep's commit conversion.
import { type Static, Type } from 'typebox';
import { AmountMinor, CalendarDate, Currency, Id, Instant, Nullable } from './common.js';
import { PeriodInfo, PeriodKey } from './measurement.js';

export const ForecastCategory = Type.Union([Type.Literal('commit'), Type.Literal('best_case'), Type.Literal('pipeline'), Type.Literal('omitted')]);
export type ForecastCategory = Static<typeof ForecastCategory>;

export const ForecastDeal = Type.Object({
  id: Id,
  name: Type.String(),
  ownerId: Id,
  ownerName: Type.String(),
  stageName: Type.String(),
  status: Type.Union([Type.Literal('open'), Type.Literal('won')]),
  amount: AmountMinor,
  closeDate: CalendarDate,
  /** The category the deal's stage maps to. */
  stageCategory: ForecastCategory,
  /** What counts: the owner's choice when they made one, else the stage's; won deals are "closed". */
  category: Type.Union([ForecastCategory, Type.Literal('closed')]),
  overridden: Type.Boolean(),
});
export type ForecastDeal = Static<typeof ForecastDeal>;

export const ForecastTotals = Type.Object({
  won: Type.Number({ description: 'Won so far with a close date in the period' }),
  commit: Type.Number({ description: 'Open deals in commit' }),
  bestCase: Type.Number(),
  pipeline: Type.Number(),
  omitted: Type.Number(),
});
export type ForecastTotals = Static<typeof ForecastTotals>;

export const ForecastCall = Type.Object({
  commit: Type.Number({ description: 'Expected bookings for the period, won included' }),
  bestCase: Type.Number(),
});
export type ForecastCall = Static<typeof ForecastCall>;

export const SubmissionScope = Type.Union([Type.Literal('user'), Type.Literal('team'), Type.Literal('workspace')]);

export const Submission = Type.Object({
  id: Id,
  userId: Id,
  userName: Type.String(),
  scopeType: SubmissionScope,
  scopeId: Id,
  scopeName: Type.String(),
  periodKey: Type.String(),
  weekStart: CalendarDate,
  commit: Type.Number(),
  bestCase: Type.Number(),
  won: Type.Number({ description: 'Won so far when the call was made' }),
  rollupCommit: Nullable(Type.Number({ description: 'A manager’s team roll-up when they made the call' })),
  rollupBestCase: Nullable(Type.Number()),
  adjustment: Nullable(Type.Number({ description: 'commit − roll-up: the manager’s own judgement' })),
  note: Nullable(Type.String()),
  submittedAt: Instant,
});
export type Submission = Static<typeof Submission>;

export const RollupRow = Type.Object({
  kind: Type.Union([Type.Literal('rep'), Type.Literal('team'), Type.Literal('own')], { description: 'own: the manager’s own deals' }),
  userId: Nullable(Id),
  name: Type.String(),
  teamId: Nullable(Id),
  source: Type.Union([Type.Literal('submitted'), Type.Literal('rollup'), Type.Literal('system')], {
    description: 'submitted: the latest call; rollup: a sub-team without its manager’s call; system: no call, the deals’ categories',
  }),
  commit: Type.Number(),
  bestCase: Type.Number(),
  won: Type.Number(),
  submittedAt: Nullable(Instant),
  weekStart: Nullable(CalendarDate),
});
export type RollupRow = Static<typeof RollupRow>;

export const ForecastQuery = Type.Object(
  {
    period: Type.Optional(PeriodKey),
    userId: Type.Optional(Id),
  },
  { additionalProperties: false, description: 'Defaults: the current fiscal quarter, yourself' },
);
export type ForecastQuery = Static<typeof ForecastQuery>;

export const ForecastView = Type.Object({
  period: PeriodInfo,
  open: Type.Boolean({ description: 'Calls can be made until the period ends' }),
  weekStart: CalendarDate,
  currency: Currency,
  person: Type.Object({ id: Id, name: Type.String(), role: Type.String() }),
  scopeType: SubmissionScope,
  scopeName: Type.String(),
  totals: ForecastTotals,
  suggested: ForecastCall,
  deals: Type.Array(ForecastDeal, {
    description: 'The deals the figures cover, closing in the period: a rep’s own, a manager’s teams’, the workspace’s for an admin',
  }),
  rollup: Nullable(Type.Object({ rows: Type.Array(RollupRow), total: ForecastCall })),
  latest: Nullable(Submission),
  submissions: Type.Array(Submission, { description: 'Every call the person made for the period, newest first' }),
});
export type ForecastView = Static<typeof ForecastView>;

export const SubmissionCreate = Type.Object(
  {
    period: PeriodKey,
    commit: AmountMinor,
    bestCase: AmountMinor,
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export type SubmissionCreate = Static<typeof SubmissionCreate>;

export const SubmissionListQuery = Type.Object({ period: PeriodKey, userId: Type.Optional(Id) }, { additionalProperties: false });
export const SubmissionList = Type.Object({ items: Type.Array(Submission) });

export const DealCategorySet = Type.Object(
  { category: Type.Union([Type.Null(), ForecastCategory], { description: 'null: back to the stage’s category' }) },
  { additionalProperties: false },
);
export type DealCategorySet = Static<typeof DealCategorySet>;

export const AccuracyWeek = Type.Object({
  weekStart: CalendarDate,
  submissionId: Id,
  submittedAt: Instant,
  commit: Type.Number(),
  bestCase: Type.Number(),
  accuracy: Nullable(Type.Number({ description: '1 − |actual − commit| ÷ actual; null before the period closes or when nothing was won' })),
  bias: Nullable(Type.Number({ description: '(commit − actual) ÷ actual: above 0 is optimistic' })),
});

export const AccuracyPerson = Type.Object({
  userId: Id,
  name: Type.String(),
  scopeType: SubmissionScope,
  scopeName: Type.String(),
  actual: Type.Number({ description: 'Won amount in the period for the person’s scope' }),
  weeks: Type.Array(AccuracyWeek),
});

export const CommitConversion = Type.Object({
  userId: Id,
  name: Type.String(),
  submissionId: Id,
  committed: Type.Number({ description: 'Open deals in commit at the rep’s last call of the period' }),
  won: Type.Number({ description: 'Of those, won with a close date in the period' }),
  conversion: Nullable(Type.Number()),
  deals: Type.Integer(),
  wonDeals: Type.Integer(),
});

export const ForecastAccuracy = Type.Object({
  period: PeriodInfo,
  closed: Type.Boolean(),
  currency: Currency,
  people: Type.Array(AccuracyPerson),
  commitConversion: Type.Array(CommitConversion),
});
export type ForecastAccuracy = Static<typeof ForecastAccuracy>;

export const AccuracyQuery = Type.Object({ period: Type.Optional(PeriodKey) }, { additionalProperties: false });
