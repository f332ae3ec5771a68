// The velocity effect of the funnel drivers outside the velocity formula, pure. None of time in
// stage, activity volume or process adherence is a factor of velocity = n × w × s ÷ c, so each gets
// a stated model of how it reaches one:
//
// - Time in stage feeds the cycle. A won deal passes through each open stage, so matching the
//   team's median stay in every stage where the coachee is slower shortens their cycle by the sum
//   of those per-stage gaps: c' = c − Σ max(0, coachee's median − team's median), over stages with
//   at least MIN_ENTRIES finished stays on both sides. Matching the team's stage times cannot make
//   the coachee faster than the team: c' is no shorter than the team's mean cycle (nor than c).
// - Activity volume and process adherence reach the win rate through the relation the team's own
//   data shows over the period: the team's other reps are split at their median; if the reps
//   above it win more often than those below, a coachee below the median who closes the gap is
//   credited that ratio: w' = min(1, w × (win rate above ÷ win rate below)). It is an association
//   observed in the team, not a proven cause, and the explanation says which figures it rests on.
//   Fewer than MIN_RELATION_REPS reps with figures, fewer than 2 on a side or fewer than
//   MIN_CLOSED closed deals on a side: too little data, said instead of guessed.
import { formatFigure } from './figure-format.js';
import { type Measure, MIN_CLOSED, MIN_DRIVER_RECORDS, MIN_ENTRIES, MIN_GAIN_SHARE, type Suggestion, velocityOf } from './focus-rules.js';

/** The reps (besides the coachee) the relation needs at least, two on each side of the median. */
export const MIN_RELATION_REPS = 4;

export interface VelocityBase {
  n: number;
  w: number;
  s: number;
  c: number;
  v: number;
}

export interface StageTime {
  stageId: string;
  stageName: string;
  /** Median days in the stage, and the finished stays behind it. */
  person: Measure;
  benchmark: Measure;
}

export interface RepFigure {
  /** The driver's figure for one rep of the team (activities, adherence share), null without one. */
  value: number | null;
  won: number;
  closed: number;
}

export type DriverKpi = 'time_in_stage' | 'activity_volume' | 'process_adherence';

export interface DriverEffect {
  kpiId: DriverKpi;
  /** The lever as a ranked suggestion, when closing the gap adds at least 1 % of velocity. */
  suggestion: Suggestion | null;
  /** Why there is no effect (too little data, no gap, no relation in the team's data), else null. */
  note: string | null;
}

const SKILLS: Record<DriverKpi, string[]> = {
  time_in_stage: ['qualification', 'forecasting'],
  activity_volume: ['pipeline_generation'],
  process_adherence: ['qualification', 'forecasting'],
};

interface Context {
  base: VelocityBase;
  benchmarkLabel: string;
  currency: string;
}

function suggest(
  kpiId: DriverKpi,
  ctx: Context,
  ifClosed: number,
  fields: Pick<Suggestion, 'person' | 'benchmark' | 'records' | 'model' | 'explanation'>,
): DriverEffect {
  const v = ctx.base.v;
  if (!(ifClosed > v && ifClosed - v >= Math.abs(v) * MIN_GAIN_SHARE))
    return { kpiId, suggestion: null, note: 'closing the gap would add less than 1 % to sales velocity' };
  return {
    kpiId,
    note: null,
    suggestion: {
      lever: kpiId,
      kpiId,
      stageId: null,
      stageName: null,
      ...fields,
      velocity: v,
      velocityIfClosed: ifClosed,
      effect: ifClosed - v,
      skillKeys: SKILLS[kpiId],
    },
  };
}

const days = (x: number) => `${x.toFixed(1)} days`;

export function timeInStageEffect(ctx: Context, stages: readonly StageTime[], benchmarkCycle: number | null): DriverEffect {
  const kpiId = 'time_in_stage';
  const usable = stages.filter(
    (st) => st.person.value !== null && st.benchmark.value !== null && st.person.records >= MIN_ENTRIES && st.benchmark.records >= MIN_ENTRIES,
  );
  if (usable.length === 0)
    return { kpiId, suggestion: null, note: `too little data: no stage has at least ${MIN_ENTRIES} finished stays of the coachee and of the team` };
  const slower = usable.map((st) => ({ st, gap: (st.person.value as number) - (st.benchmark.value as number) })).filter((x) => x.gap > 0);
  if (slower.length === 0) return { kpiId, suggestion: null, note: 'no slower than the team in any stage with enough stays' };
  const gap = slower.reduce((sum, x) => sum + x.gap, 0);
  const { n, w, s, c } = ctx.base;
  const floor = benchmarkCycle !== null && benchmarkCycle > 0 ? Math.min(c, benchmarkCycle) : Math.min(c, 1);
  const shorter = Math.max(floor, c - gap);
  if (shorter >= c)
    return {
      kpiId,
      suggestion: null,
      note: `the cycle (${days(c)}) is already no longer than ${ctx.benchmarkLabel}'s: matching its stage times would not shorten it`,
    };
  const records = slower.reduce((sum, x) => sum + x.st.person.records, 0);
  const perStage = slower.map((x) => `${x.st.stageName} ${days(x.st.person.value as number)} vs ${days(x.st.benchmark.value as number)}`).join(', ');
  const ifClosed = velocityOf(n, w, s, shorter);
  const money = (x: number) => formatFigure(x, 'money_per_day', ctx.currency);
  return suggest(kpiId, ctx, ifClosed, {
    // The days the coachee spends in the stages where slower, against the team's days there.
    person: slower.reduce((sum, x) => sum + (x.st.person.value as number), 0),
    benchmark: slower.reduce((sum, x) => sum + (x.st.benchmark.value as number), 0),
    records,
    model: `cycle − Σ (coachee's median − ${ctx.benchmarkLabel}'s median days) over the stages where slower, no shorter than ${ctx.benchmarkLabel}'s cycle: ${days(c)} − ${days(gap)} → ${days(shorter)}`,
    explanation: `Slower than ${ctx.benchmarkLabel} in ${slower.length === 1 ? 'one stage' : `${slower.length} stages`} (${perStage}; ${records} stays): at ${ctx.benchmarkLabel}'s time there the cycle would shorten from ${days(c)} to ${days(shorter)} and sales velocity would go from ${money(ctx.base.v)} to ${money(ifClosed)}.`,
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const LABEL: Record<Exclude<DriverKpi, 'time_in_stage'>, { name: string; unit: string }> = {
  activity_volume: { name: 'Activity volume', unit: 'count' },
  process_adherence: { name: 'Process adherence', unit: 'ratio' },
};

/** Activity volume or process adherence: the win-rate lift the team's reps above the median show. */
export function relationEffect(ctx: Context, kpiId: Exclude<DriverKpi, 'time_in_stage'>, person: Measure, reps: readonly RepFigure[]): DriverEffect {
  const { name, unit } = LABEL[kpiId];
  const fmt = (x: number) => formatFigure(x, unit);
  if (person.value === null || person.records < MIN_DRIVER_RECORDS)
    return {
      kpiId,
      suggestion: null,
      note: `too little data: ${person.records} records of the coachee in the period; at least ${MIN_DRIVER_RECORDS} are needed`,
    };
  const usable = reps.filter((r): r is RepFigure & { value: number } => r.value !== null && r.closed > 0);
  if (usable.length < MIN_RELATION_REPS)
    return {
      kpiId,
      suggestion: null,
      note: `too little data: ${usable.length === 1 ? '1 other rep' : `${usable.length} other reps`} of ${ctx.benchmarkLabel} ${usable.length === 1 ? 'has' : 'have'} a figure and closed deals; at least ${MIN_RELATION_REPS} are needed to see a relation`,
    };
  const m = median(usable.map((r) => r.value));
  if (person.value >= m) return { kpiId, suggestion: null, note: `at or above ${ctx.benchmarkLabel}'s median (${fmt(m)})` };
  // Reps exactly at the median sit on neither side: they say nothing about above against below.
  const side = (pick: (r: { value: number }) => boolean) => {
    const rs = usable.filter(pick);
    const won = rs.reduce((x, r) => x + r.won, 0);
    const closed = rs.reduce((x, r) => x + r.closed, 0);
    return { reps: rs.length, won, closed };
  };
  const up = side((r) => r.value > m);
  const down = side((r) => r.value < m);
  if (up.reps < 2 || down.reps < 2 || up.closed < MIN_CLOSED || down.closed < MIN_CLOSED)
    return {
      kpiId,
      suggestion: null,
      note: `too little data: above ${ctx.benchmarkLabel}'s median ${up.reps} reps with ${up.closed} closed deals, below it ${down.reps} with ${down.closed}; each side needs 2 reps and ${MIN_CLOSED} closed deals`,
    };
  const wUp = up.won / up.closed;
  const wDown = down.won / down.closed;
  const evidence = `${up.reps} reps above the median won ${up.won} of ${up.closed} closed deals (${formatFigure(wUp, 'ratio')}), ${down.reps} below it ${down.won} of ${down.closed} (${formatFigure(wDown, 'ratio')})`;
  if (wUp <= wDown) return { kpiId, suggestion: null, note: `no relation in ${ctx.benchmarkLabel}'s data: ${evidence}` };
  // A lower side that won nothing would make the ratio infinite: count it as half a deal won.
  const ratio = wUp / Math.max(wDown, 0.5 / down.closed);
  const { n, w, s, c } = ctx.base;
  const wIf = Math.min(1, w * ratio);
  const ifClosed = velocityOf(n, wIf, s, c);
  const money = (x: number) => formatFigure(x, 'money_per_day', ctx.currency);
  return suggest(kpiId, ctx, ifClosed, {
    person: person.value,
    benchmark: m,
    records: person.records,
    model: `win rate × (${ctx.benchmarkLabel}'s win rate above its median ${name.toLowerCase()} ÷ below it), at most 100 %: ${formatFigure(w, 'ratio')} × ${ratio.toFixed(2)} → ${formatFigure(wIf, 'ratio')}`,
    explanation: `${name} ${fmt(person.value)} against ${ctx.benchmarkLabel}'s median ${fmt(m)} (${person.records} records); in ${ctx.benchmarkLabel}, ${evidence}: at that lift the win rate would go from ${formatFigure(w, 'ratio')} to ${formatFigure(wIf, 'ratio')} and sales velocity from ${money(ctx.base.v)} to ${money(ifClosed)}.`,
  });
}
