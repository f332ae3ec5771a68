// Focus suggestions for a coachee (the KPI engine's figures against their team's, ranked by
// focus-rules.ts), and the focus metric the agenda follows: the running objective's KPI, else the
// top suggestion's, else win rate.
import type { FocusBatchQuery, FocusDriver, FocusSuggestions, FocusSummaryList } from '../../api/coaching-focus.js';
import { MAX_FOCUS_BATCH } from '../../api/coaching-focus-limits.js';
import { addDays } from '../../lib/calendar.js';
import type { Ctx } from '../context.js';
import { isCalendarDate } from '../dates.js';
import { invalidField } from '../errors.js';
import { getWorkspace } from '../identity/workspaces.service.js';
import { compareWithBenchmark, type Figure } from '../measurement/kpi-compare.service.js';
import { stagesById } from '../process/pipelines.service.js';
import { reachableCoachee } from './coachee-access.service.js';
import { type DriverEffect, type RepFigure, relationEffect, timeInStageEffect } from './driver-effects.js';
import { compareDrivers, type FocusInput, type FocusResult, type Measure, rankFocus, type StageMeasure, sortSuggestions } from './focus-rules.js';
import { runningObjective } from './objectives.repo.js';
import { today } from './sessions.service.js';

export const DEFAULT_FOCUS_KPI = 'win_rate';
export const DEFAULT_FOCUS_DAYS = 180;
const MAX_DAYS = 3 * 366;
const KPIS = [
  'open_qualified_deals',
  'win_rate',
  'average_deal_size',
  'sales_cycle_length_mean',
  'stage_conversion',
  'time_in_stage',
  'activity_volume',
  'process_adherence',
] as const;
const TOO_LITTLE = 'too little data: ';
const VELOCITY = 'sales velocity = open qualified deals × win rate × average deal size ÷ mean sales cycle length (days)';

function range(q: { from?: string | undefined; to?: string | undefined }, todayDate: string): { from: string; to: string } {
  const to = q.to ?? todayDate;
  const from = q.from ?? addDays(to, -(DEFAULT_FOCUS_DAYS - 1));
  if (!isCalendarDate(from)) throw invalidField('from', 'is not a date');
  if (!isCalendarDate(to)) throw invalidField('to', 'is not a date');
  if (to < from) throw invalidField('to', 'is before from');
  if (to > addDays(from, MAX_DAYS)) throw invalidField('to', 'the range may span three years at most');
  return { from, to };
}

const measure = (f: Figure | undefined, records: (f: Figure) => number): Measure => (f ? { value: f.value, records: records(f) } : { value: null, records: 0 });

export async function focusSuggestions(ctx: Ctx, q: { coacheeId: string; from?: string | undefined; to?: string | undefined }): Promise<FocusSuggestions> {
  const coachee = await reachableCoachee(ctx, q.coacheeId);
  const { from, to } = range(q, await today(ctx));
  // Per rep of the team: the relation of activity volume and adherence with the win rate.
  const cmp = await compareWithBenchmark(ctx, coachee.id, KPIS, from, to, ['activity_volume', 'process_adherence', 'win_rate']);
  const ws = await getWorkspace(ctx);
  const fig = (id: (typeof KPIS)[number]) => cmp.figures[id];
  const perPerson = (f: Figure | undefined) => ({ value: f?.value == null ? null : f.value / cmp.benchmark.people, records: f?.count ?? 0 });
  const byCount = (f: Figure) => f.count;
  const byDenominator = (f: Figure) => f.denominator ?? 0;

  const stages = await stagesById(ctx);
  const conv = fig('stage_conversion');
  const stageMeasures: StageMeasure[] = [];
  for (const g of conv?.person.groups ?? []) {
    const stage = stages.get(g.key);
    if (!stage) continue;
    const open = [...stages.values()].filter((s) => s.pipeline_id === stage.pipeline_id && s.kind === 'open').sort((a, b) => a.position - b.position);
    const bench = conv?.benchmark.groups.find((x) => x.key === g.key);
    stageMeasures.push({
      stageId: stage.id,
      stageName: stage.name,
      index: open.findIndex((s) => s.id === stage.id),
      of: open.length,
      person: { value: g.value, records: g.denominator ?? 0 },
      benchmark: { value: bench?.value ?? null, records: bench?.denominator ?? 0 },
    });
  }
  const input: FocusInput = {
    person: {
      opportunities: measure(fig('open_qualified_deals')?.person, byCount),
      winRate: measure(fig('win_rate')?.person, byDenominator),
      dealSize: measure(fig('average_deal_size')?.person, byCount),
      cycleDays: measure(fig('sales_cycle_length_mean')?.person, byCount),
    },
    benchmark: {
      opportunities: perPerson(fig('open_qualified_deals')?.benchmark),
      winRate: measure(fig('win_rate')?.benchmark, byDenominator),
      dealSize: measure(fig('average_deal_size')?.benchmark, byCount),
      cycleDays: measure(fig('sales_cycle_length_mean')?.benchmark, byCount),
    },
    stages: stageMeasures,
    benchmarkLabel: cmp.benchmark.label,
    currency: ws.currency,
  };
  const ranked = rankFocus(input);
  const effects = driverEffects(cmp, input, ranked, fig, (id) => stages.get(id)?.name ?? id);
  const suggestions = sortSuggestions([...ranked.suggestions, ...effects.flatMap((e) => (e.suggestion ? [e.suggestion] : []))]);
  const insufficient = [
    ...ranked.insufficient,
    // Listed under "too little data" already: the reason need not say it again.
    ...effects
      .filter((e) => e.note?.startsWith(TOO_LITTLE))
      .map((e) => ({ lever: e.kpiId, stageName: null, reason: (e.note as string).slice(TOO_LITTLE.length) })),
  ];
  const scopeQuery = `scope=rep&scopeId=${coachee.id}&from=${from}&to=${to}`;
  const recordsUrl = (kpiId: string, stageId: string | null) =>
    `/api/v1/kpis/${kpiId}/records?${scopeQuery}${kpiId === 'win_rate' || kpiId === 'stage_conversion' ? '&part=denominator' : ''}${stageId ? `&group=${stageId}` : ''}`;
  const inputs = [
    { lever: 'opportunities' as const, kpiId: 'open_qualified_deals', p: input.person.opportunities, b: input.benchmark.opportunities },
    { lever: 'win_rate' as const, kpiId: 'win_rate', p: input.person.winRate, b: input.benchmark.winRate },
    { lever: 'deal_size' as const, kpiId: 'average_deal_size', p: input.person.dealSize, b: input.benchmark.dealSize },
    { lever: 'cycle' as const, kpiId: 'sales_cycle_length_mean', p: input.person.cycleDays, b: input.benchmark.cycleDays },
  ];
  // Time in stage is counted per stage left, adherence per move: records are the denominator's.
  const drivers = compareDrivers([
    {
      kpiId: 'time_in_stage',
      better: 'lower',
      person: measure(fig('time_in_stage')?.person, byCount),
      benchmark: measure(fig('time_in_stage')?.benchmark, byCount),
    },
    {
      kpiId: 'activity_volume',
      better: 'higher',
      person: measure(fig('activity_volume')?.person, byCount),
      benchmark: perPerson(fig('activity_volume')?.benchmark),
    },
    {
      kpiId: 'process_adherence',
      better: 'higher',
      person: measure(fig('process_adherence')?.person, byDenominator),
      benchmark: measure(fig('process_adherence')?.benchmark, byDenominator),
    },
  ]);
  return {
    coachee,
    from,
    to,
    currency: ws.currency,
    benchmark: cmp.benchmark,
    formula: VELOCITY,
    velocity: ranked.velocity,
    inputs: inputs.map((x) => ({ lever: x.lever, kpiId: x.kpiId, person: x.p.value, benchmark: x.b.value, records: x.p.records })),
    suggestions: suggestions.map((s) => ({ ...s, recordsUrl: recordsUrl(s.kpiId, s.stageId) })),
    insufficient,
    drivers: drivers.map((d) => {
      const e = effects.find((x) => x.kpiId === d.kpiId);
      return {
        ...d,
        kpiId: d.kpiId as FocusDriver['kpiId'],
        effect: e?.suggestion?.effect ?? null,
        effectNote: e ? e.note : 'too little data: no sales velocity to change (see insufficient)',
      };
    }),
  };
}

/**
 * The velocity effect of time in stage, activity volume and adherence (driver-effects.ts): none
 * without a velocity to change. Time in stage from the per-stage medians; the other two from the
 * win rate of the team's reps above and below their median.
 */
function driverEffects(
  cmp: Awaited<ReturnType<typeof compareWithBenchmark>>,
  input: FocusInput,
  ranked: FocusResult,
  fig: (id: (typeof KPIS)[number]) => { person: Figure; benchmark: Figure } | undefined,
  stageName: (id: string) => string,
): DriverEffect[] {
  if (!ranked.base) return [];
  const ctx = { base: ranked.base, benchmarkLabel: input.benchmarkLabel, currency: input.currency };
  const tis = fig('time_in_stage');
  const stageTimes = (tis?.person.groups ?? []).map((g) => {
    const b = tis?.benchmark.groups.find((x) => x.key === g.key);
    return {
      stageId: g.key,
      stageName: stageName(g.key),
      person: { value: g.value, records: g.count },
      benchmark: { value: b?.value ?? null, records: b?.count ?? 0 },
    };
  });
  const winRates = cmp.reps.win_rate ?? new Map();
  const repsOf = (kpiId: 'activity_volume' | 'process_adherence'): RepFigure[] =>
    [...(cmp.reps[kpiId] ?? new Map()).entries()].map(([rep, f]) => {
      const w = winRates.get(rep);
      // A rep without a single activity logged has a volume of 0, which is a figure.
      const value = kpiId === 'activity_volume' ? (f.value ?? 0) : f.value;
      return { value, won: w?.numerator ?? 0, closed: w?.denominator ?? 0 };
    });
  return [
    timeInStageEffect(ctx, stageTimes, input.benchmark.cycleDays.value),
    relationEffect(
      ctx,
      'activity_volume',
      measure(fig('activity_volume')?.person, (f) => f.count),
      repsOf('activity_volume'),
    ),
    relationEffect(
      ctx,
      'process_adherence',
      measure(fig('process_adherence')?.person, (f) => f.denominator ?? 0),
      repsOf('process_adherence'),
    ),
  ];
}

/**
 * The top focus of several coachees in one request (the Coaching list asked once per row). Every
 * id is checked before anything is computed: one the caller does not reach answers 404 for the
 * whole batch, as it would alone, so a batch learns nothing a single request would not.
 */
export async function topFocusOf(ctx: Ctx, q: FocusBatchQuery): Promise<FocusSummaryList> {
  const ids = [...new Set(q.coacheeIds.split(',').map((id) => id.trim()))];
  if (ids.some((id) => id === '' || id.length > 64)) throw invalidField('coacheeIds', 'must be user ids separated by commas');
  if (ids.length > MAX_FOCUS_BATCH) throw invalidField('coacheeIds', `at most ${MAX_FOCUS_BATCH} ids at once`);
  for (const id of ids) await reachableCoachee(ctx, id);
  const { from, to } = range(q, await today(ctx));
  const items: FocusSummaryList['items'] = [];
  // One after the other: each is a dozen KPI queries, and the pool is shared with everyone else.
  for (const coacheeId of ids) {
    const f = await focusSuggestions(ctx, { coacheeId, from, to });
    items.push({ coachee: f.coachee, velocity: f.velocity, top: f.suggestions[0] ?? null, insufficient: f.insufficient });
  }
  return { from, to, items };
}

export interface FocusMetric {
  kpiId: string;
  source: 'objective' | 'suggestion' | 'default';
  skillKey: string | null;
}

export async function focusMetric(ctx: Ctx, coacheeId: string): Promise<FocusMetric> {
  const objective = await runningObjective(ctx.db, ctx.actor.workspaceId, coacheeId, await today(ctx));
  if (objective) return { kpiId: objective.kpi_id, source: 'objective', skillKey: objective.skill_key };
  const top = (await focusSuggestions(ctx, { coacheeId })).suggestions[0];
  if (top) return { kpiId: top.kpiId, source: 'suggestion', skillKey: top.skillKeys[0] ?? null };
  return { kpiId: DEFAULT_FOCUS_KPI, source: 'default', skillKey: null };
}
