// A role dashboard in one call: headline figures with their formulas and drill-downs, trends over
// the fiscal year, the pipeline by stage, people compared (for a team or the workspace) and the
// expectations on the scope with their status.
import { type Static, type TSchema, Type } from 'typebox';
import { CalendarDate, Currency, Id, Instant } from './common.js';
import { KpiDefinition, KpiResult, KpiScope, KpiTrend, PeriodInfo, PeriodKey, ScopeKind } from './measurement.js';
import { Expectation } from './measurement-targets.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const DashboardKind = Type.Union([Type.Literal('rep'), Type.Literal('manager'), Type.Literal('cso')]);
export type DashboardKind = Static<typeof DashboardKind>;

export const DashboardQuery = Type.Object(
  {
    scope: Type.Optional(ScopeKind),
    scopeId: Type.Optional(Id),
    period: Type.Optional(PeriodKey),
    from: Type.Optional(CalendarDate),
    to: Type.Optional(CalendarDate),
    asOf: Type.Optional(
      Type.String({
        maxLength: 40,
        description: 'Every figure as it was known then: a date (end of that day, workspace time zone) or an ISO instant; expectations show their status now',
      }),
    ),
  },
  {
    additionalProperties: false,
    description: 'Defaults: your own scope (rep, your teams, or the workspace) and the current fiscal quarter; a period key or a from/to range',
  },
);
export type DashboardQuery = Static<typeof DashboardQuery>;

export const PeopleRow = Type.Object({
  ownerId: Id,
  name: Type.String(),
  values: Type.Record(Type.String(), Nullable(Type.Number()), { description: 'By KPI id' }),
});
export type PeopleRow = Static<typeof PeopleRow>;

export const Dashboard = Type.Object({
  kind: DashboardKind,
  scope: KpiScope,
  period: PeriodInfo,
  year: PeriodInfo,
  currency: Currency,
  asOf: Nullable(Instant),
  tiles: Type.Array(KpiResult),
  trends: Type.Array(KpiTrend),
  pipelineByStage: KpiResult,
  weightedByStage: KpiResult,
  people: Nullable(Type.Object({ kpis: Type.Array(KpiDefinition), rows: Type.Array(PeopleRow) })),
  expectations: Type.Array(Expectation),
});
export type Dashboard = Static<typeof Dashboard>;
