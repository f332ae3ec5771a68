// Measurement: the KPI catalogue, a KPI for a scope, period and as-of date, its trend over a year
// and the records behind its numerator and denominator. Quotas and expectations are in
// measurement-targets.ts, the forecast in measurement-forecast.ts.
import { type Static, Type } from 'typebox';
import { CalendarDate, Currency, Id, Instant, MAX_PAGE_SIZE, Nullable } from './common.js';

export const KpiUnit = Type.Union(
  [Type.Literal('ratio'), Type.Literal('money'), Type.Literal('days'), Type.Literal('hours'), Type.Literal('count'), Type.Literal('money_per_day')],
  {
    description:
      'ratio: a share 0..1 (or a multiple for coverage); money: minor units of the workspace currency; days; hours (business hours for lead clocks); count; money_per_day',
  },
);
export type KpiUnit = Static<typeof KpiUnit>;

export const KpiBasis = Type.Union(
  [
    Type.Literal('closed'),
    Type.Literal('created'),
    Type.Literal('entered_stage'),
    Type.Literal('left_stage'),
    Type.Literal('activity'),
    Type.Literal('move'),
    Type.Literal('open_closing'),
    Type.Literal('scheduled'),
    Type.Literal('received'),
    Type.Literal('mql'),
    Type.Literal('routed'),
    Type.Literal('first_touch'),
    Type.Literal('decision'),
    Type.Literal('period_end'),
    Type.Literal('next_session'),
    Type.Literal('reviewed'),
  ],
  {
    description:
      'What puts a record in the period: its close date, creation, stage entry or exit, activity time, stage move, or open with its close date in the period, or a ritual occurrence scheduled in it; for leads: first MQL, routing, first touch, accept/reject decision; for coaching: judged at the period’s end, at the next session of the pair, at the objective’s review',
  },
);

export const KpiDefinition = Type.Object({
  id: Type.String(),
  name: Type.String(),
  formula: Type.String({ description: 'The definition in plain language' }),
  unit: KpiUnit,
  basis: KpiBasis,
  measure: Type.Union([Type.Literal('count'), Type.Literal('value')]),
  version: Type.Integer({ description: 'Definition version; a changed definition is a new version' }),
  better: Type.Union([Type.Literal('higher'), Type.Literal('lower')]),
  cumulative: Type.Boolean({ description: 'Grows through the period (a sum); expectations judge it on pace' }),
  audience: Type.Union([Type.Literal('sales'), Type.Literal('funnel')]),
  breakdown: Nullable(
    Type.Union([
      Type.Literal('stage'),
      Type.Literal('activity_type'),
      Type.Literal('segment'),
      Type.Literal('reason'),
      Type.Literal('coachee_role'),
      Type.Literal('skill'),
    ]),
  ),
  numeratorLabel: Type.String(),
  denominatorLabel: Nullable(Type.String()),
  notes: Type.Array(Type.String(), { description: 'Edge cases' }),
  composite: Type.Boolean({ description: 'Combined from other figures (and the quota)' }),
});
export type KpiDefinition = Static<typeof KpiDefinition>;

export const KpiCatalogue = Type.Object({ items: Type.Array(KpiDefinition) });
export type KpiCatalogue = Static<typeof KpiCatalogue>;

export const ScopeKind = Type.Union([Type.Literal('rep'), Type.Literal('team'), Type.Literal('workspace')]);
export type ScopeKind = Static<typeof ScopeKind>;

export const LeadGroup = Type.Union([Type.Literal('source'), Type.Literal('campaign'), Type.Literal('segment'), Type.Literal('agreement')], {
  description:
    'Lead KPIs: group by the lead’s source, campaign (id; "(none)" without one), segment or agreement (the id of the version that qualified it; "(none)" for a lead never qualified)',
});
export type LeadGroup = Static<typeof LeadGroup>;

export const PeriodKey = Type.String({
  pattern: '^(FY\\d{4}(-Q[1-4])?|\\d{4}-(0[1-9]|1[0-2])|\\d{4}-W\\d{2})$',
  description: 'FY2027 (fiscal year), FY2027-Q1 (fiscal quarter), 2026-11 (month) or 2026-W48 (ISO week)',
  examples: ['FY2027-Q1'],
});

export const DealGroup = Type.String({
  maxLength: 60,
  description:
    'Deal KPIs: break the figure down by a field of the deal or its account instead of the KPI’s own breakdown: account.industry, account.country, ' +
    'deal.custom.<key> or account.custom.<key> (a text or choice field). Values as they are now; deals without one are the group "(none)". ' +
    'Its drill-down takes the same dealGroup and a group.',
});

const KpiQueryFields = {
  scope: Type.Optional(ScopeKind),
  scopeId: Type.Optional(Id),
  period: Type.Optional(PeriodKey),
  from: Type.Optional(CalendarDate),
  to: Type.Optional(CalendarDate),
  asOf: Type.Optional(
    Type.String({
      maxLength: 40,
      description: 'The value as it was known then: a date (end of that day, workspace time zone) or an ISO instant',
    }),
  ),
  pipelineId: Type.Optional(Id),
  stageId: Type.Optional(Id),
};

export const KpiQuery = Type.Object(
  {
    ...KpiQueryFields,
    /** The result's breakdown is then the figure per group; its drill-down takes the same leadGroup and a group. */
    leadGroup: Type.Optional(LeadGroup),
    dealGroup: Type.Optional(DealGroup),
  },
  {
    additionalProperties: false,
    description: 'Scope defaults to you (a rep), your teams (a manager) or the workspace (an admin); period to the current fiscal quarter, or from/to',
  },
);
export type KpiQuery = Static<typeof KpiQuery>;

export const PeriodKind = Type.Union([Type.Literal('week'), Type.Literal('month'), Type.Literal('quarter'), Type.Literal('year'), Type.Literal('custom')]);
export type PeriodKind = Static<typeof PeriodKind>;

export const PeriodInfo = Type.Object({ kind: PeriodKind, key: Type.String(), label: Type.String(), from: CalendarDate, to: CalendarDate });
export type PeriodInfo = Static<typeof PeriodInfo>;

export const KpiScope = Type.Object({
  kind: Type.Union([ScopeKind, Type.Literal('mine')], { description: 'mine: everyone the caller may see' }),
  id: Nullable(Id),
  label: Type.String(),
});
export type KpiScope = Static<typeof KpiScope>;

export const KpiFigure = Type.Object({
  value: Nullable(Type.Number({ description: 'null means no data (for example a ratio over nothing)' })),
  numerator: Nullable(Type.Number()),
  denominator: Nullable(Type.Number()),
  count: Type.Integer({ description: 'Records behind the figure' }),
});
export type KpiFigure = Static<typeof KpiFigure>;

export const KpiBreakdownItem = Type.Intersect([Type.Object({ key: Type.String(), label: Type.String() }), KpiFigure]);
export type KpiBreakdownItem = Static<typeof KpiBreakdownItem>;

export const KpiResult = Type.Intersect([
  Type.Object({
    kpi: KpiDefinition,
    definitionVersion: Type.Integer(),
    scope: KpiScope,
    period: PeriodInfo,
    asOf: Nullable(Instant),
    at: Instant,
    currency: Nullable(Currency),
    mean: Type.Optional(Nullable(Type.Number({ description: 'Beside a median: the mean' }))),
    quota: Type.Optional(Nullable(Type.Number())),
    noData: Nullable(Type.String({ description: 'Why the value is null' })),
    breakdown: Nullable(Type.Array(KpiBreakdownItem)),
    drill: Type.Object({ numerator: Type.String(), denominator: Nullable(Type.String()) }, { description: 'API paths listing the records' }),
  }),
  KpiFigure,
]);
export type KpiResult = Static<typeof KpiResult>;

export const KpiParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const TrendStep = Type.Union([Type.Literal('week'), Type.Literal('month'), Type.Literal('quarter')]);
export type TrendStep = Static<typeof TrendStep>;

export const KpiTrendQuery = Type.Object(
  { ...KpiQueryFields, by: Type.Optional(TrendStep) },
  { additionalProperties: false, description: 'The period is the whole range (default: the current fiscal year), cut into steps (default: months)' },
);
export type KpiTrendQuery = Static<typeof KpiTrendQuery>;

export const KpiTrendPoint = Type.Intersect([Type.Object({ period: PeriodInfo }), KpiFigure]);
export type KpiTrendPoint = Static<typeof KpiTrendPoint>;

export const KpiTrend = Type.Object({
  kpi: KpiDefinition,
  definitionVersion: Type.Integer(),
  scope: KpiScope,
  period: PeriodInfo,
  by: TrendStep,
  asOf: Nullable(Instant),
  at: Instant,
  currency: Nullable(Currency),
  points: Type.Array(KpiTrendPoint),
});
export type KpiTrend = Static<typeof KpiTrend>;

export const DrillPart = Type.Union([Type.Literal('numerator'), Type.Literal('denominator'), Type.Literal('records')], {
  description: 'records: every record behind a median',
});
export type DrillPart = Static<typeof DrillPart>;

export const KpiRecordsQuery = Type.Object(
  {
    ...KpiQueryFields,
    part: Type.Optional(DrillPart),
    group: Type.Optional(
      Type.String({
        maxLength: 200,
        description: 'A breakdown key (stage id, activity type, segment, reason; with leadGroup a source, campaign id, segment or agreement id)',
      }),
    ),
    leadGroup: Type.Optional(LeadGroup),
    dealGroup: Type.Optional(DealGroup),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
  },
  { additionalProperties: false },
);
export type KpiRecordsQuery = Static<typeof KpiRecordsQuery>;

export const RecordType = Type.Union([
  Type.Literal('deal'),
  Type.Literal('stage_interval'),
  Type.Literal('stage_entry'),
  Type.Literal('activity'),
  Type.Literal('stage_move'),
  Type.Literal('ritual_occurrence'),
  Type.Literal('lead'),
  Type.Literal('lead_transition'),
  Type.Literal('coaching_relationship'),
  Type.Literal('coaching_action_item'),
  Type.Literal('coaching_objective'),
]);
export type RecordType = Static<typeof RecordType>;

export const KpiRecord = Type.Object({
  recordType: RecordType,
  recordId: Type.String(),
  dealId: Nullable(Id),
  dealName: Nullable(Type.String()),
  leadId: Type.Optional(Nullable(Id)),
  leadName: Type.Optional(Nullable(Type.String({ description: 'Lead KPIs: the person and company' }))),
  ownerId: Nullable(Id),
  ownerName: Nullable(Type.String()),
  stageName: Nullable(Type.String({ description: 'The deal’s stage at the as-of instant' })),
  status: Nullable(Type.String()),
  amount: Nullable(Type.Number()),
  currency: Nullable(Type.String()),
  closeDate: Nullable(CalendarDate),
  createdAt: Nullable(Instant),
  closedAt: Nullable(Instant),
  at: Nullable(Instant),
  detail: Nullable(Type.String({ description: 'The stage, activity or move the record is' })),
  group: Nullable(Type.String()),
  numerator: Nullable(Type.Number({ description: 'What the record adds to the numerator (scaled like the figure for medians)' })),
  denominator: Nullable(Type.Number()),
  value: Nullable(Type.Number({ description: 'The record’s own value in the KPI’s unit (days in stage, cycle days)' })),
});
export type KpiRecord = Static<typeof KpiRecord>;

export const KpiRecordPage = Type.Object({
  kpi: KpiDefinition,
  part: DrillPart,
  partLabel: Type.String(),
  scope: KpiScope,
  period: PeriodInfo,
  asOf: Nullable(Instant),
  at: Instant,
  currency: Nullable(Currency),
  items: Type.Array(KpiRecord),
  nextCursor: Nullable(Type.String()),
});
export type KpiRecordPage = Static<typeof KpiRecordPage>;
