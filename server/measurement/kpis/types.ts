// The shape of a catalogue entry. Each KPI is defined once: its meaning (name, formula, unit, basis,
// version) and its SQL, as "facts" — one row per record behind the figure, carrying what the record
// adds to the numerator and denominator (or the value whose median is taken). The engine turns the
// same facts into the figure, a trend, a breakdown and the drill-down, so they cannot disagree.
import type { RawBuilder } from 'kysely';
import type { Bounds } from '../../../lib/periods.js';

export type KpiUnit = 'ratio' | 'money' | 'days' | 'hours' | 'count' | 'money_per_day';
/** What decides whether a record falls in the period. */
export type KpiBasis =
  | 'closed'
  | 'created'
  | 'entered_stage'
  | 'left_stage'
  | 'activity'
  | 'move'
  | 'open_closing'
  | 'scheduled'
  // Lead KPIs: the lead's arrival, its first MQL, its routing, its first touch, a decision on it.
  | 'received'
  | 'mql'
  | 'routed'
  | 'first_touch'
  | 'decision'
  // Coaching: judged at the period's end, at the next session of the pair, at the objective's review.
  | 'period_end'
  | 'next_session'
  | 'reviewed';
export type KpiMeasure = 'count' | 'value';
export type Better = 'higher' | 'lower';
/** What the drill-down lists. */
export type RecordType =
  | 'deal'
  | 'stage_interval'
  | 'stage_entry'
  | 'activity'
  | 'stage_move'
  | 'ritual_occurrence'
  | 'lead'
  | 'lead_transition'
  | 'coaching_relationship'
  | 'coaching_action_item'
  | 'coaching_objective';
export type Breakdown = 'stage' | 'activity_type' | 'segment' | 'reason' | 'coachee_role' | 'skill';
/** What a lead KPI's facts may be grouped by instead of its own breakdown (the funnel dashboard). */
export type LeadGroup = 'source' | 'campaign' | 'segment' | 'agreement';

/**
 * What a deal KPI's facts may be grouped by instead of its own breakdown: a column of the deal's
 * account, or a text or choice custom field of the deal or of its account (issue #14: "win rate by
 * product", "bookings by industry"). Read as the deal and account are now, not as of the instant.
 */
export type DealGroup = { kind: 'account'; column: 'industry' | 'country' } | { kind: 'custom'; entity: 'deal' | 'account'; key: string };

export interface KpiMeta {
  id: string;
  name: string;
  /** Plain language, shown next to every figure. */
  formula: string;
  unit: KpiUnit;
  basis: KpiBasis;
  measure: KpiMeasure;
  /** A changed definition is a new version; results say which one produced them. */
  version: number;
  better: Better;
  /** Sums that grow through the period: expectations judge them on pace. */
  cumulative: boolean;
  /** sales KPIs read deals; funnel KPIs (marketing's) read leads. */
  audience: 'sales' | 'funnel';
  /** Edge cases, for the catalogue page and docs/kpis.md. */
  notes: string[];
  breakdown: Breakdown | null;
  numeratorLabel: string;
  denominatorLabel: string | null;
}

/** A date range with its instants, one bucket of a query. */
export interface Bucket extends Bounds {
  from: string;
  to: string;
}

/** Everything a facts builder may read; built once per request by the engine. */
export interface FactScope {
  workspaceId: string;
  /** null: current state from the live tables; otherwise the instant history is replayed to. */
  asOf: number | null;
  /** asOf, or now: the instant "open" and "so far" are judged at. */
  at: number;
  /** Owners in scope; null for the whole workspace. */
  ownerIds: readonly string[] | null;
  pipelineId: string | null;
  /** The workspace currency: money KPIs add up only deals in it (no exchange rates are kept). */
  currency: string;
  fiscalYearStartMonth: number;
  /** The workspace's time zone: the calendar day of an instant (a close date before it is past). */
  timezone: string;
  /** Buckets of the query (one for a figure, several for a trend), consecutive and ordered. */
  buckets: readonly Bucket[];
  /** Narrows stage KPIs to one stage. */
  stageId: string | null;
  /**
   * As of a past instant: the temporary table the request filled once with the deals updated since,
   * as they were then (sql-blocks.ts#replayedDeals); null to replay them inline.
   */
  replayed: string | null;
  /** Lead KPIs: group the facts by this lead column instead of the KPI's breakdown. */
  leadGroup?: LeadGroup | null;
  /** Deal KPIs: group the facts by a field of the deal or its account instead of the KPI's breakdown. */
  dealGroup?: DealGroup | null;
}

/** SQL helpers the engine hands to a facts builder, bound to the request's scope. */
export interface FactSql {
  /** Predicate: the owner column is in scope. */
  owner(column: string): RawBuilder<unknown>;
  /** Predicate: the pipeline column matches the requested pipeline (true when none). */
  pipeline(column: string): RawBuilder<unknown>;
  /** Predicate: a YYYY-MM-DD column falls in one of the buckets. */
  inDates(column: string): RawBuilder<unknown>;
  /** Predicate: an epoch-ms column falls in one of the buckets. */
  inInstants(column: string): RawBuilder<unknown>;
  /** The bucket index of a YYYY-MM-DD column. */
  dateBucket(column: string): RawBuilder<unknown>;
  /** The bucket index of an epoch-ms column. */
  instantBucket(column: string): RawBuilder<unknown>;
  /** Text column holding an integer → integer (the one engine difference KPIs need). */
  textToInt(column: RawBuilder<unknown>): RawBuilder<unknown>;
}

/**
 * A facts select. Columns: record_id (unique per row), deal_id, grp (breakdown key or null), own
 * (the owner the record counts for), b
 * (bucket index), num, den, v (bigint or null), at (instant or null, shown in the drill-down).
 * It may read the CTE `da` (deals as of the instant); stays in stages are rows of stage_stays.
 */
export interface Facts {
  select: RawBuilder<unknown>;
  needs: readonly 'da'[];
}

/** median and p95 are order statistics of v: figures of a period, not sums that add across periods. */
export type Aggregate = 'ratio' | 'sum' | 'median' | 'p95';

export const isOrderStatistic = (a: Aggregate): a is 'median' | 'p95' => a === 'median' || a === 'p95';

export interface SimpleKpi {
  kind: 'simple';
  meta: KpiMeta;
  aggregate: Aggregate;
  /** value = aggregate × scale (ms → days, probability points → share). */
  scale: number;
  records: RecordType;
  /** A snapshot the period does not narrow: every bucket of a trend gets the same figure. */
  snapshot?: true;
  facts(s: FactScope, q: FactSql): Facts;
}

/** The figures a simple KPI yields for one bucket and group. */
export interface Figures {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  count: number;
}

/** A KPI combined from other figures (coverage, attainment, velocity): each part is a simple KPI or the quota. */
export interface CompositeKpi {
  kind: 'composite';
  meta: KpiMeta;
  /** The simple KPIs it reads, by role. */
  parts: Readonly<Record<string, SimpleKpi>>;
  needsQuota: boolean;
  /** Drill-down: which part lists the records behind the numerator and the denominator. */
  drill: { numerator: string; denominator: string | null };
  combine(parts: Readonly<Record<string, Figures>>, quota: number | null): Figures & { noData: string | null };
}

export type KpiDefinition = SimpleKpi | CompositeKpi;
