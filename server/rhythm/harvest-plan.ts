// Pure: the harvest plan. Works back from the bookings target of each month of the fiscal year
// to the pipeline that must be planted earlier, one sales cycle ahead, at the win rate; then to
// deals (÷ average deal size) and MQLs (÷ MQL→opportunity rate). Compares what was planted with
// what was needed so far and says which months are behind while there is still a month left whose
// planting can close inside the year. No I/O: the service hands it the figures.

/** 365.25 ÷ 12: a cycle in days becomes a whole number of months ahead. */
export const DAYS_PER_MONTH = 30.4375;

export interface PlanAssumptions {
  /** Share of closed deals won, in (0, 1]. */
  winRate: number;
  /** Minor units, > 0. */
  averageDealSize: number;
  /** Days from created to won, ≥ 0. */
  cycleDays: number;
}

export interface PlanInput {
  /** The fiscal year's months, in order. */
  months: readonly { key: string; label: string }[];
  /** Bookings target of each month (minor units); null where no quota applies. */
  targets: readonly (number | null)[];
  assumptions: PlanAssumptions;
  /** Pipeline created in each month so far (minor units); months after the current one are ignored. */
  planted: readonly number[];
  /** Index of the current month in `months`: −1 before the year, months.length after it. */
  currentIndex: number;
  /** Share of the current month elapsed, 0–1. */
  currentElapsed: number;
  /** MQLs that became opportunities ÷ MQLs, or null without lead history. */
  mqlToOpportunity: number | null;
}

export type MonthState = 'done' | 'current' | 'ahead';

export interface MonthPlan {
  key: string;
  label: string;
  state: MonthState;
  target: number | null;
  /** The month whose target a deal planted now closes in; null past the last useful month. */
  servesKey: string | null;
  /** Pipeline to plant in this month. */
  needed: number;
  neededDeals: number;
  neededMqls: number | null;
  /** Needed so far in this month: all of it for a month done, the elapsed share of the current one. */
  neededSoFar: number;
  /** Null for months not started. */
  planted: number | null;
  behind: boolean;
  /** Behind while a useful month is still ahead (or is this one): more planting can still close in the year. */
  fixable: boolean;
  /** A deal planted in this month can close inside the year. */
  useful: boolean;
}

export interface PlanResult {
  lagMonths: number;
  /** Index of the last month whose planting can close inside the year; null if none (cycle ≥ a year). */
  lastUsefulIndex: number | null;
  lastUsefulKey: string | null;
  /** Target of the first `lag` months ÷ win rate: it had to be planted before the year began. */
  neededBeforeYear: number;
  totalTarget: number;
  totalNeeded: number;
  neededToDate: number;
  plantedToDate: number;
  shortfallToDate: number;
  /** Shortfall ÷ useful months left (this one included); null when none is left or nothing is short. */
  catchUpPerMonth: number | null;
  months: MonthPlan[];
}

export function lagMonths(cycleDays: number): number {
  return Math.max(0, Math.round(cycleDays / DAYS_PER_MONTH));
}

/** The last month (index) whose planting can close inside a year of `count` months; null if none. */
export function lastUsefulIndex(count: number, cycleDays: number): number | null {
  const last = count - 1 - lagMonths(cycleDays);
  return last >= 0 ? last : null;
}

export function assertAssumptions(a: PlanAssumptions): void {
  if (!(a.winRate > 0 && a.winRate <= 1)) throw new RangeError('win rate must be in (0, 1]');
  if (!(a.averageDealSize > 0)) throw new RangeError('average deal size must be positive');
  if (!(a.cycleDays >= 0) || !Number.isFinite(a.cycleDays)) throw new RangeError('cycle days must be ≥ 0');
}

export function harvestPlan(input: PlanInput): PlanResult {
  const { months, targets, assumptions: a, planted, currentIndex, mqlToOpportunity } = input;
  assertAssumptions(a);
  const n = months.length;
  const lag = lagMonths(a.cycleDays);
  const lastUseful = lastUsefulIndex(n, a.cycleDays);
  const target = (i: number) => targets[i] ?? 0;
  const elapsed = Math.min(1, Math.max(0, input.currentElapsed));

  let neededBeforeYear = 0;
  for (let i = 0; i < Math.min(lag, n); i++) neededBeforeYear += target(i) / a.winRate;

  const plan: MonthPlan[] = months.map((m, j) => {
    const serves = j + lag;
    const useful = serves < n;
    const needed = useful ? target(serves) / a.winRate : 0;
    const neededDeals = needed / a.averageDealSize;
    const state: MonthState = j < currentIndex ? 'done' : j === currentIndex ? 'current' : 'ahead';
    const neededSoFar = state === 'done' ? needed : state === 'current' ? needed * elapsed : 0;
    const got = state === 'ahead' ? null : (planted[j] ?? 0);
    const behind = got !== null && neededSoFar > 0 && got < neededSoFar;
    return {
      key: m.key,
      label: m.label,
      state,
      target: targets[j] ?? null,
      servesKey: useful ? (months[serves]?.key ?? null) : null,
      needed,
      neededDeals,
      neededMqls: mqlToOpportunity && mqlToOpportunity > 0 ? neededDeals / mqlToOpportunity : null,
      neededSoFar,
      planted: got,
      behind,
      fixable: behind && lastUseful !== null && currentIndex <= lastUseful,
      useful,
    };
  });

  const neededToDate = plan.reduce((s, m) => s + m.neededSoFar, 0);
  const plantedToDate = plan.reduce((s, m) => s + (m.planted ?? 0), 0);
  const shortfallToDate = Math.max(0, neededToDate - plantedToDate);
  const usefulLeft = lastUseful === null ? 0 : lastUseful - Math.max(currentIndex, 0) + 1;
  return {
    lagMonths: lag,
    lastUsefulIndex: lastUseful,
    lastUsefulKey: lastUseful === null ? null : (months[lastUseful]?.key ?? null),
    neededBeforeYear,
    totalTarget: months.reduce((s, _, i) => s + target(i), 0),
    totalNeeded: plan.reduce((s, m) => s + m.needed, 0),
    neededToDate,
    plantedToDate,
    shortfallToDate,
    catchUpPerMonth: shortfallToDate > 0 && usefulLeft > 0 && currentIndex < n ? shortfallToDate / usefulLeft : null,
    months: plan,
  };
}

/** The formulas the plan applies, in words, for the screen and the API. */
export const HARVEST_FORMULAS: readonly { id: string; text: string }[] = [
  { id: 'lag', text: `lag (months) = round(sales cycle days ÷ ${DAYS_PER_MONTH})` },
  { id: 'needed', text: 'pipeline to plant in month m = bookings target of month m + lag ÷ win rate' },
  { id: 'deals', text: 'deals to create in month m = pipeline to plant ÷ average deal size' },
  {
    id: 'mqls',
    text: 'MQLs marketing delivers in month m = deals to create ÷ MQL→opportunity rate (leads that became MQL in the last 12 months and turned into a deal)',
  },
  { id: 'last_useful', text: 'last useful month = last month of the fiscal year − lag: a deal planted later cannot close inside the year' },
  { id: 'before_year', text: 'needed before the year = targets of the first lag months ÷ win rate (it had to be planted last year)' },
  { id: 'behind', text: 'behind = planted < needed so far (the current month: needed × share of the month elapsed); fixable while a useful month is left' },
  { id: 'catch_up', text: 'catch-up per month = (needed to date − planted to date) ÷ useful months left, this one included' },
  { id: 'target', text: 'monthly target = the month’s quota, else its quarter’s ÷ 3, else the year’s ÷ 12 (same precedence as quota attainment)' },
];
