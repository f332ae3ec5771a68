// Quotas (per rep, team and workspace per period, with CSV import and export) and expectations
// (a KPI, a scope, a period, a target and amber/red thresholds, with an owner and a status).
import { type Static, Type } from 'typebox';
import { Currency, Id, Instant, Nullable, Version } from './common.js';
import { ImportRowError } from './imports.js';
import { KpiUnit, PeriodInfo, PeriodKey } from './measurement.js';

export const TargetScopeType = Type.Union([Type.Literal('user'), Type.Literal('team'), Type.Literal('workspace')]);
export type TargetScopeType = Static<typeof TargetScopeType>;

const Amount = Type.Integer({ minimum: 0, maximum: 9_000_000_000_000, description: 'Minor units of the workspace currency' });

// ---- Quotas --------------------------------------------------------------------------------------

export const Quota = Type.Object({
  id: Id,
  scopeType: TargetScopeType,
  scopeId: Id,
  scopeName: Type.String(),
  periodKey: Type.String(),
  periodLabel: Type.String(),
  amount: Amount,
  currency: Currency,
  updatedAt: Instant,
  version: Version,
});
export type Quota = Static<typeof Quota>;

export const QuotaListQuery = Type.Object(
  {
    year: Type.Optional(Type.String({ pattern: '^FY\\d{4}$', description: 'Every quota of a fiscal year: its own, its quarters’ and months’' })),
    period: Type.Optional(PeriodKey),
    scopeType: Type.Optional(TargetScopeType),
    scopeId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type QuotaListQuery = Static<typeof QuotaListQuery>;

export const QuotaList = Type.Object({ items: Type.Array(Quota), currency: Currency });
export type QuotaList = Static<typeof QuotaList>;

export const QuotaSet = Type.Object(
  {
    scopeType: TargetScopeType,
    scopeId: Type.Optional(Id),
    periodKey: Type.String({ minLength: 1, maxLength: 16, description: 'FY2027, FY2027-Q1 or 2026-11' }),
    amount: Type.Union([Type.Null(), Amount], { description: 'null removes the quota' }),
  },
  { additionalProperties: false },
);
export type QuotaSet = Static<typeof QuotaSet>;

export const QuotaBatch = Type.Object(
  { items: Type.Array(QuotaSet, { minItems: 1, maxItems: 2000, description: 'Set (or with amount null remove) each quota; all or nothing' }) },
  { additionalProperties: false },
);
export type QuotaBatch = Static<typeof QuotaBatch>;

export const QuotaBatchResult = Type.Object({ created: Type.Integer(), updated: Type.Integer(), removed: Type.Integer(), unchanged: Type.Integer() });
export type QuotaBatchResult = Static<typeof QuotaBatchResult>;

export const QuotaPatch = Type.Object({ version: Version, amount: Amount }, { additionalProperties: false });

export const QuotaImport = Type.Object(
  {
    dryRun: Type.Optional(Type.Boolean({ description: 'Check and count without writing' })),
    csv: Type.String({
      minLength: 1,
      maxLength: 5_000_000,
      description:
        'Columns scope_type (user, team, workspace), scope (user email, team name, or empty for the workspace), period, amount (in currency units, e.g. 125000.00)',
    }),
  },
  { additionalProperties: false },
);

export const QuotaImportResult = Type.Intersect([
  QuotaBatchResult,
  Type.Object({ ok: Type.Boolean(), problems: Type.Array(ImportRowError, { description: 'Empty when the import went in; otherwise nothing was written' }) }),
]);
export type QuotaImportResult = Static<typeof QuotaImportResult>;

// ---- Expectations --------------------------------------------------------------------------------

export const ExpectationPeriodKind = Type.Union([Type.Literal('week'), Type.Literal('month'), Type.Literal('quarter'), Type.Literal('year')]);
export type ExpectationPeriodKind = Static<typeof ExpectationPeriodKind>;

export const Status = Type.Union([Type.Literal('green'), Type.Literal('amber'), Type.Literal('red'), Type.Literal('no_data')]);
export type Status = Static<typeof Status>;

export const ExpectationStatus = Type.Object({
  status: Status,
  value: Nullable(Type.Number()),
  /** For sums that grow through the period: the value projected to the period's end at the current pace. */
  projected: Nullable(Type.Number()),
  elapsed: Type.Number({ description: 'Share of the period gone, 0..1' }),
  period: PeriodInfo,
  noData: Nullable(Type.String()),
});
export type ExpectationStatus = Static<typeof ExpectationStatus>;

export const Expectation = Type.Object({
  id: Id,
  kpiId: Type.String(),
  kpiName: Type.String(),
  unit: KpiUnit,
  better: Type.Union([Type.Literal('higher'), Type.Literal('lower')]),
  scopeType: TargetScopeType,
  scopeId: Id,
  scopeName: Type.String(),
  periodKind: ExpectationPeriodKind,
  periodKey: Nullable(Type.String({ description: 'null: every period of the kind, judged on the current one' })),
  target: Type.Number(),
  amberThreshold: Type.Number({ description: 'Worse than this turns amber' }),
  redThreshold: Type.Number({ description: 'Worse than this turns red' }),
  ownerId: Id,
  ownerName: Type.String(),
  note: Nullable(Type.String()),
  currency: Nullable(Currency),
  current: ExpectationStatus,
  version: Version,
});
export type Expectation = Static<typeof Expectation>;

export const ExpectationListQuery = Type.Object(
  {
    status: Type.Optional(Type.Union([Status, Type.Literal('off_track')], { description: 'off_track: amber or red' })),
    ownerId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type ExpectationListQuery = Static<typeof ExpectationListQuery>;

export const ExpectationList = Type.Object({ items: Type.Array(Expectation) });
export type ExpectationList = Static<typeof ExpectationList>;

const Threshold = Type.Number({ minimum: -1e15, maximum: 1e15 });

export const ExpectationCreate = Type.Object(
  {
    kpiId: Type.String({ minLength: 1, maxLength: 64 }),
    scopeType: TargetScopeType,
    scopeId: Type.Optional(Id),
    periodKind: ExpectationPeriodKind,
    periodKey: Type.Optional(Nullable(PeriodKey)),
    target: Threshold,
    amberThreshold: Threshold,
    redThreshold: Threshold,
    ownerId: Type.Optional(Id),
    note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  },
  { additionalProperties: false },
);
export type ExpectationCreate = Static<typeof ExpectationCreate>;

export const ExpectationPatch = Type.Object(
  {
    version: Version,
    periodKind: Type.Optional(ExpectationPeriodKind),
    periodKey: Type.Optional(Nullable(PeriodKey)),
    target: Type.Optional(Threshold),
    amberThreshold: Type.Optional(Threshold),
    redThreshold: Type.Optional(Threshold),
    ownerId: Type.Optional(Id),
    note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  },
  { additionalProperties: false },
);
export type ExpectationPatch = Static<typeof ExpectationPatch>;
