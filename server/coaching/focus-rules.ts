// Focus suggestions from the numbers, pure. Sales velocity = opportunities × win rate × average deal
// size ÷ cycle length (days). For each lever where the person trails the benchmark (their team's
// pooled figure), the effect is what velocity would be with that one lever at the benchmark, minus
// what it is: the gaps are ranked by that effect, each mapped to the skills that move it. Stage
// conversion works through the win rate: reaching the benchmark's conversion at one stage scales
// the win rate by benchmark ÷ person (capped at 1). Too few records behind a figure: no guess, a
// reason instead.
import { formatFigure } from './figure-format.js';

export const MIN_CLOSED = 5;
export const MIN_WON = 3;
export const MIN_ENTRIES = 5;
/** The least gain, as a share of velocity, that is named as a lever. */
export const MIN_GAIN_SHARE = 0.01;

export interface Measure {
  value: number | null;
  /** The records behind the figure (closed deals, won deals, stage entries, open deals). */
  records: number;
}

export interface StageMeasure {
  stageId: string;
  stageName: string;
  /** 0-based order among the pipeline's open stages, and how many there are. */
  index: number;
  of: number;
  person: Measure;
  benchmark: Measure;
}

export interface FocusInput {
  person: { opportunities: Measure; winRate: Measure; dealSize: Measure; cycleDays: Measure };
  /** Opportunities per person of the benchmark; the rest pooled. */
  benchmark: { opportunities: Measure; winRate: Measure; dealSize: Measure; cycleDays: Measure };
  stages: readonly StageMeasure[];
  benchmarkLabel: string;
  currency: string;
}

/** The velocity levers; the drivers outside the formula are ranked with them (driver-effects.ts). */
export type Lever = 'opportunities' | 'win_rate' | 'deal_size' | 'cycle' | 'stage_conversion' | 'time_in_stage' | 'activity_volume' | 'process_adherence';
type FormulaLever = 'opportunities' | 'win_rate' | 'deal_size' | 'cycle' | 'stage_conversion';

export interface Suggestion {
  lever: Lever;
  kpiId: string;
  stageId: string | null;
  stageName: string | null;
  person: number;
  benchmark: number;
  records: number;
  velocity: number;
  velocityIfClosed: number;
  /** velocityIfClosed − velocity, money per day (minor units). */
  effect: number;
  skillKeys: string[];
  /** How the lever's figure enters velocity, with the numbers put in. */
  model: string;
  explanation: string;
}

export interface FocusResult {
  velocity: number | null;
  /** The four inputs velocity was computed from, for the drivers' effects; null with velocity. */
  base: { n: number; w: number; s: number; c: number; v: number } | null;
  suggestions: Suggestion[];
  insufficient: { lever: Lever; stageName: string | null; reason: string }[];
}

const KPI: Record<FormulaLever, string> = {
  opportunities: 'open_qualified_deals',
  win_rate: 'win_rate',
  deal_size: 'average_deal_size',
  cycle: 'sales_cycle_length_mean',
  stage_conversion: 'stage_conversion',
};

const SKILLS: Record<Exclude<FormulaLever, 'stage_conversion'>, string[]> = {
  opportunities: ['pipeline_generation'],
  win_rate: ['qualification', 'objection_handling'],
  deal_size: ['discovery', 'negotiation'],
  cycle: ['qualification', 'forecasting'],
};

/** The skills a stage's conversion turns on, by its name, else by where it sits in the pipeline. */
export function stageSkills(name: string, index: number, of: number): string[] {
  const n = name.toLowerCase();
  if (n.includes('qualif')) return ['qualification'];
  if (n.includes('discover')) return ['discovery', 'qualification'];
  if (n.includes('solution') || n.includes('demo') || n.includes('present')) return ['demo'];
  if (n.includes('proposal') || n.includes('quote')) return ['objection_handling'];
  if (n.includes('negotiat') || n.includes('contract') || n.includes('commit')) return ['negotiation'];
  const share = of <= 1 ? 0 : index / (of - 1);
  return share < 1 / 3 ? ['discovery', 'qualification'] : share < 2 / 3 ? ['demo'] : ['negotiation', 'objection_handling'];
}

export const velocityOf = (n: number, w: number, s: number, c: number) => (n * w * s) / c;

function enough(m: Measure, min: number): m is { value: number; records: number } {
  return m.value !== null && m.records >= min;
}

export function rankFocus(input: FocusInput): FocusResult {
  const p = input.person;
  const b = input.benchmark;
  const insufficient: FocusResult['insufficient'] = [];
  const need = (lever: Lever, m: Measure, min: number, what: string) => {
    if (enough(m, min)) return true;
    insufficient.push({ lever, stageName: null, reason: `${m.records} ${what} in the period; at least ${min} are needed` });
    return false;
  };
  const ok = [
    need('win_rate', p.winRate, MIN_CLOSED, 'closed deals'),
    need('deal_size', p.dealSize, MIN_WON, 'won deals'),
    need('cycle', p.cycleDays, MIN_WON, 'won deals'),
  ];
  if (ok.includes(false)) return { velocity: null, base: null, suggestions: [], insufficient };
  // Enough records but no figure to divide by or multiply with: say which, so "no suggestion" is
  // never read as "nothing to coach".
  if (p.opportunities.value === null)
    insufficient.push({ lever: 'opportunities', stageName: null, reason: 'no open qualified deals could be counted for the period' });
  if ((p.cycleDays.value as number) <= 0)
    insufficient.push({
      lever: 'cycle',
      stageName: null,
      reason: 'the won deals closed the day they were created: a cycle of 0 days leaves velocity undefined',
    });
  if (p.opportunities.value === null || (p.cycleDays.value as number) <= 0) return { velocity: null, base: null, suggestions: [], insufficient };
  const n = p.opportunities.value;
  const w = p.winRate.value as number;
  const s = p.dealSize.value as number;
  const c = p.cycleDays.value as number;
  const v = velocityOf(n, w, s, c);
  // A gain below 1 % of velocity is measurement noise (a cycle of 30.00001 days against 30), not a
  // lever worth a 1:1: the screen showed "from 300 EUR/day to 300 EUR/day" as the top focus.
  const gains = (x: number) => x - v >= Math.abs(v) * MIN_GAIN_SHARE && x > v;
  const money = (x: number) => formatFigure(x, 'money_per_day', input.currency);
  const suggestions: Suggestion[] = [];
  const add = (
    lever: Exclude<FormulaLever, 'stage_conversion'>,
    person: number,
    bench: Measure,
    min: number,
    ifClosed: number,
    records: number,
    what: string,
    unit: string,
  ) => {
    if (!enough(bench, min) || !gains(ifClosed)) return;
    suggestions.push({
      lever,
      kpiId: KPI[lever],
      stageId: null,
      stageName: null,
      person,
      benchmark: bench.value,
      records,
      velocity: v,
      velocityIfClosed: ifClosed,
      effect: ifClosed - v,
      skillKeys: SKILLS[lever],
      model: `open qualified deals × win rate × average deal size ÷ cycle, with ${what.toLowerCase()} at ${input.benchmarkLabel}'s ${formatFigure(bench.value, unit, input.currency)} and the other three the coachee's own`,
      explanation: `${what} ${formatFigure(person, unit, input.currency)} against ${input.benchmarkLabel}'s ${formatFigure(bench.value, unit, input.currency)} (${records} records): at ${input.benchmarkLabel}'s figure, sales velocity would go from ${money(v)} to ${money(ifClosed)}.`,
    });
  };
  if (b.opportunities.value !== null)
    add('opportunities', n, b.opportunities, 0, velocityOf(b.opportunities.value, w, s, c), p.opportunities.records, 'Open qualified deals', 'count');
  if (b.winRate.value !== null)
    add('win_rate', w, b.winRate, MIN_CLOSED, velocityOf(n, Math.min(1, b.winRate.value), s, c), p.winRate.records, 'Win rate', 'ratio');
  if (b.dealSize.value !== null)
    add('deal_size', s, b.dealSize, MIN_WON, velocityOf(n, w, b.dealSize.value, c), p.dealSize.records, 'Average deal size', 'money');
  if (b.cycleDays.value !== null && b.cycleDays.value > 0)
    add('cycle', c, b.cycleDays, MIN_WON, velocityOf(n, w, s, b.cycleDays.value), p.cycleDays.records, 'Sales cycle', 'days');

  for (const st of input.stages) {
    if (!enough(st.person, MIN_ENTRIES) || !enough(st.benchmark, MIN_ENTRIES)) {
      if (st.person.records > 0 && !enough(st.person, MIN_ENTRIES))
        insufficient.push({
          lever: 'stage_conversion',
          stageName: st.stageName,
          reason: `${st.person.records} deals reached ${st.stageName}; at least ${MIN_ENTRIES} are needed`,
        });
      continue;
    }
    if (st.benchmark.value <= st.person.value) continue;
    // A conversion of 0 would make the ratio infinite: count it as half a deal converted.
    const personRate = Math.max(st.person.value, 0.5 / st.person.records);
    const wIf = Math.min(1, (w * st.benchmark.value) / personRate);
    const ifClosed = velocityOf(n, wIf, s, c);
    if (!gains(ifClosed)) continue;
    suggestions.push({
      lever: 'stage_conversion',
      kpiId: KPI.stage_conversion,
      stageId: st.stageId,
      stageName: st.stageName,
      person: st.person.value,
      benchmark: st.benchmark.value,
      records: st.person.records,
      velocity: v,
      velocityIfClosed: ifClosed,
      effect: ifClosed - v,
      skillKeys: stageSkills(st.stageName, st.index, st.of),
      model: `win rate × (${input.benchmarkLabel}'s conversion ÷ the coachee's at ${st.stageName}), at most 100 %: ${formatFigure(w, 'ratio')} × ${(st.benchmark.value / personRate).toFixed(2)} → ${formatFigure(wIf, 'ratio')}`,
      explanation: `Conversion from ${st.stageName} ${formatFigure(st.person.value, 'ratio')} against ${input.benchmarkLabel}'s ${formatFigure(st.benchmark.value, 'ratio')} (${st.person.records} deals reached it): at ${input.benchmarkLabel}'s conversion the win rate would rise accordingly and sales velocity would go from ${money(v)} to ${money(ifClosed)}.`,
    });
  }
  return { velocity: v, base: { n, w, s, c, v }, suggestions: sortSuggestions(suggestions), insufficient };
}

/** Largest effect first; ties in a fixed order so the same figures always name the same top lever. */
export function sortSuggestions(suggestions: Suggestion[]): Suggestion[] {
  return suggestions.sort((x, y) => y.effect - x.effect || x.kpiId.localeCompare(y.kpiId) || (x.stageId ?? '').localeCompare(y.stageId ?? ''));
}

export interface DriverInput {
  kpiId: string;
  better: 'higher' | 'lower';
  person: Measure;
  /** Per person of the benchmark for counts; the pooled figure otherwise. */
  benchmark: Measure;
}

export interface Driver {
  kpiId: string;
  person: number | null;
  benchmark: number | null;
  records: number;
  trails: boolean;
  skillKeys: string[];
  /** Why no comparison is made (too few records), else null. */
  insufficient: string | null;
}

export const MIN_DRIVER_RECORDS = 5;

const DRIVER_SKILLS: Record<string, string[]> = {
  time_in_stage: ['qualification', 'forecasting'],
  activity_volume: ['pipeline_generation'],
  process_adherence: ['qualification', 'forecasting'],
};

/**
 * The funnel drivers outside the velocity formula (time in stage, activity volume, process
 * adherence): compared with the benchmark and mapped to skills. None is a factor of velocity, so
 * their velocity effect comes from a model of its own (driver-effects.ts). Worse by less than 1 %
 * is noise, as for the levers.
 */
export function compareDrivers(inputs: readonly DriverInput[]): Driver[] {
  return inputs.map((d) => {
    const base = { kpiId: d.kpiId, person: d.person.value, benchmark: d.benchmark.value, records: d.person.records, skillKeys: DRIVER_SKILLS[d.kpiId] ?? [] };
    if (!enough(d.person, MIN_DRIVER_RECORDS))
      return { ...base, trails: false, insufficient: `${d.person.records} records in the period; at least ${MIN_DRIVER_RECORDS} are needed` };
    if (d.benchmark.value === null) return { ...base, trails: false, insufficient: 'the team has no figure for the period' };
    const p = d.person.value;
    const b = d.benchmark.value;
    const margin = Math.abs(b) * MIN_GAIN_SHARE;
    const trails = d.better === 'higher' ? p < b - margin : p > b + margin;
    return { ...base, trails, insufficient: null };
  });
}
