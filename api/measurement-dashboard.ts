// A role dashboard in one call: headline figures with their formulas and drill-downs, trends over
// the fiscal year, the pipeline by stage, people compared (for a team or the workspace) and the
// expectations on the scope with their status.
import { type Static, Type } from 'typebox';
import { CalendarDate, Currency, Id, Instant, Nullable } from './common.js';
import { KpiDefinition, KpiResult, KpiScope, KpiTrend, LeadGroup, PeriodInfo, PeriodKey, ScopeKind } from './measurement.js';
import { Expectation } from './measurement-targets.js';

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

// Marketing's dashboard: the funnel as far as deals go, in aggregates only (marketing sees no deal
// details, so no records and no people): pipeline created, win rate and bookings for the
// workspace, month by month, and broken down by the deals' source and campaign.
export const FunnelQuery = Type.Object(
  {
    period: Type.Optional(PeriodKey),
    from: Type.Optional(CalendarDate),
    to: Type.Optional(CalendarDate),
  },
  { additionalProperties: false, description: 'Default: the current fiscal quarter; a period key or a from/to range' },
);
export type FunnelQuery = Static<typeof FunnelQuery>;

export const FunnelFigure = Type.Object({
  kpi: KpiDefinition,
  value: Nullable(Type.Number()),
  numerator: Nullable(Type.Number()),
  denominator: Nullable(Type.Number()),
  count: Type.Integer(),
  noData: Nullable(Type.String()),
});
export type FunnelFigure = Static<typeof FunnelFigure>;

export const FunnelGroup = Type.Object({
  key: Nullable(Type.String({ description: 'The source or campaign as written on the deals; null: none given' })),
  created: Type.Integer({ description: 'Deals created in the period' }),
  createdAmount: Type.Integer({ description: 'Their amount (pipeline created), minor units' }),
  won: Type.Integer({ description: 'Of those, won by now' }),
  wonAmount: Type.Integer(),
  lost: Type.Integer({ description: 'Of those, lost by now' }),
});
export type FunnelGroup = Static<typeof FunnelGroup>;

export const FunnelDashboard = Type.Object({
  kind: Type.Literal('marketing'),
  period: PeriodInfo,
  year: PeriodInfo,
  currency: Currency,
  at: Instant,
  figures: Type.Array(FunnelFigure),
  trends: Type.Array(
    Type.Object({ kpi: KpiDefinition, points: Type.Array(Type.Object({ period: PeriodInfo, value: Nullable(Type.Number()), count: Type.Integer() })) }),
  ),
  bySource: Type.Array(FunnelGroup),
  byCampaign: Type.Array(FunnelGroup),
});
export type FunnelDashboard = Static<typeof FunnelDashboard>;

// The lead funnel both sides look at: new → MQL → SAL → SQL → opportunity → won with the conversion
// at each step, SLA compliance of sales (accept, first touch, attempts) and of marketing (delivery
// against commitment), speed to lead and the rejections by reason. Each figure is the catalogue
// KPI's answer, with its drill-down paths to the leads behind it.
export const LeadFunnelQuery = Type.Object(
  {
    scope: Type.Optional(ScopeKind),
    scopeId: Type.Optional(Id),
    period: Type.Optional(PeriodKey),
    from: Type.Optional(CalendarDate),
    to: Type.Optional(CalendarDate),
    asOf: Type.Optional(Type.String({ maxLength: 40, description: 'A date (end of that day) or an ISO instant' })),
    /** Every figure's breakdown is then per source, campaign, segment or agreement version, as GET /kpis/{id}?leadGroup= answers. */
    leadGroup: Type.Optional(LeadGroup),
  },
  {
    additionalProperties: false,
    description: 'Scope defaults to you (a rep), your teams (a manager) or the workspace (an admin; marketing always); period to the current fiscal quarter',
  },
);
export type LeadFunnelQuery = Static<typeof LeadFunnelQuery>;

export const LeadFunnelDashboard = Type.Object({
  scope: KpiScope,
  period: PeriodInfo,
  asOf: Nullable(Instant),
  at: Instant,
  figures: Type.Array(KpiResult, { description: 'One per funnel KPI of the catalogue, in funnel order' }),
});
export type LeadFunnelDashboard = Static<typeof LeadFunnelDashboard>;
