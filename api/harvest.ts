// The harvest planner: how much pipeline must be planted each month of the fiscal year, by team and
// rep, to meet the bookings targets, with the formulas and assumptions it used; and the per-team
// overrides of those assumptions (who changed what, when, from which value).
import { type Static, Type } from 'typebox';
import { Currency, Id, Instant, Nullable, Version } from './common.js';
import { PeriodInfo } from './measurement.js';

const Money = Type.Number({ description: 'Minor units of the workspace currency (plans divide, so not always whole)' });

export const HarvestPlanQuery = Type.Object(
  { year: Type.Optional(Type.String({ pattern: '^FY\\d{4}$', description: 'Fiscal year (default: the current one)' })) },
  { additionalProperties: false },
);
export type HarvestPlanQuery = Static<typeof HarvestPlanQuery>;

export const AssumptionSource = Type.Union([Type.Literal('history'), Type.Literal('workspace'), Type.Literal('override'), Type.Literal('none')], {
  description:
    'history: the scope’s own KPI over the last 12 months; workspace: the workspace’s (the scope has none); override: set by a manager or admin; none: nothing to go on',
});

const Assumption = Type.Object({
  value: Nullable(Type.Number()),
  source: AssumptionSource,
  /** What history says, whatever the override. */
  history: Nullable(Type.Number()),
  kpiId: Type.String({ description: 'The catalogue KPI the history figure comes from' }),
});
export type HarvestAssumption = Static<typeof Assumption>;

export const HarvestAssumptions = Type.Object({
  winRate: Assumption,
  averageDealSize: Assumption,
  cycleDays: Assumption,
  /** The team whose assumptions these are (a rep's team); null for the workspace. */
  teamId: Nullable(Id),
  overriddenBy: Nullable(Type.String()),
  overriddenAt: Nullable(Instant),
});
export type HarvestAssumptions = Static<typeof HarvestAssumptions>;

export const HarvestMonth = Type.Object({
  key: Type.String(),
  label: Type.String(),
  state: Type.Union([Type.Literal('done'), Type.Literal('current'), Type.Literal('ahead')]),
  target: Nullable(Money),
  servesKey: Nullable(Type.String({ description: 'The month whose target pipeline planted now closes in' })),
  needed: Money,
  neededDeals: Type.Number(),
  neededMqls: Nullable(Type.Number()),
  neededSoFar: Money,
  planted: Nullable(Money),
  behind: Type.Boolean(),
  fixable: Type.Boolean(),
  useful: Type.Boolean(),
});
export type HarvestMonth = Static<typeof HarvestMonth>;

export const HarvestFigures = Type.Object({
  lagMonths: Type.Integer(),
  lastUsefulKey: Nullable(Type.String()),
  neededBeforeYear: Money,
  totalTarget: Money,
  totalNeeded: Money,
  neededToDate: Money,
  plantedToDate: Money,
  shortfallToDate: Money,
  catchUpPerMonth: Nullable(Money),
  months: Type.Array(HarvestMonth),
});
export type HarvestFigures = Static<typeof HarvestFigures>;

export const HarvestScopeKind = Type.Union([Type.Literal('workspace'), Type.Literal('team'), Type.Literal('rep')]);

export const HarvestRow = Type.Object({
  kind: HarvestScopeKind,
  id: Id,
  name: Type.String(),
  /** The team above (a rep's team, a team's parent); null for the workspace and top teams. */
  parentId: Nullable(Id),
  assumptions: HarvestAssumptions,
  plan: Nullable(HarvestFigures),
  /** Why there is no plan (no quota, no win rate …). */
  problem: Nullable(Type.String()),
  /** The caller may override this row's assumptions (a team they manage, or any team for an admin). */
  canOverride: Type.Boolean(),
});
export type HarvestRow = Static<typeof HarvestRow>;

export const HarvestPlan = Type.Object({
  year: PeriodInfo,
  currency: Currency,
  at: Instant,
  today: Type.String(),
  historyFrom: Type.String({ description: 'First day of the 12 months the assumptions are read from' }),
  mqlToOpportunity: Nullable(Type.Number()),
  leadHistory: Type.Object({ mqls: Type.Integer(), opportunities: Type.Integer(), note: Nullable(Type.String()) }),
  formulas: Type.Array(Type.Object({ id: Type.String(), text: Type.String() })),
  rows: Type.Array(HarvestRow),
});
export type HarvestPlan = Static<typeof HarvestPlan>;

// ---- Overrides -----------------------------------------------------------------------------------

export const HarvestOverrideParams = Type.Object({ teamId: Id });

export const HarvestOverrideSet = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 0, description: 'The version you read (0 or absent when the team has no override yet)' })),
    winRate: Type.Optional(Nullable(Type.Number({ exclusiveMinimum: 0, maximum: 1, description: 'Share 0–1; null goes back to history' }))),
    averageDealSize: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 9_000_000_000_000, description: 'Minor units; null goes back to history' }))),
    cycleDays: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 1500, description: 'Days; null goes back to history' }))),
    note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  },
  { additionalProperties: false },
);
export type HarvestOverrideSet = Static<typeof HarvestOverrideSet>;

export const HarvestOverrideChange = Type.Object({
  field: Type.Union([Type.Literal('win_rate'), Type.Literal('average_deal_size'), Type.Literal('cycle_days')]),
  oldValue: Nullable(Type.Number()),
  newValue: Nullable(Type.Number()),
  version: Type.Integer(),
  changedBy: Nullable(Type.String()),
  changedAt: Instant,
});
export type HarvestOverrideChange = Static<typeof HarvestOverrideChange>;

export const HarvestOverride = Type.Object({
  teamId: Id,
  teamName: Type.String(),
  winRate: Nullable(Type.Number()),
  averageDealSize: Nullable(Type.Number()),
  cycleDays: Nullable(Type.Number()),
  note: Nullable(Type.String()),
  updatedBy: Nullable(Type.String()),
  updatedAt: Instant,
  version: Version,
  changes: Type.Array(HarvestOverrideChange),
});
export type HarvestOverride = Static<typeof HarvestOverride>;

export const HarvestOverrideList = Type.Object({ items: Type.Array(HarvestOverride) });
export type HarvestOverrideList = Static<typeof HarvestOverrideList>;
