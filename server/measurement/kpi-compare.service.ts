// A person's figures next to a benchmark's (their team, else the workspace) over the same dates,
// for coaching's focus suggestions and objectives. The person must be someone whose figures the
// caller sees (scope.service.ts#canSeeTarget, which includes whoever coaches them); the benchmark
// is a pooled figure shown beside them as context, whichever team the caller may see, and carries
// no records.
import { boundsOf, customPeriod } from '../../lib/periods.js';
import { type Ctx, memo } from '../context.js';
import { notFound } from '../errors.js';
import { computeByOwner, computeKpi } from './kpi-compute.service.js';
import { calendarOf, type KpiRequest, kpiById } from './kpi-request.service.js';
import { canSeeTarget, loadOrg, type Org, type ResolvedScope, targetScope } from './scope.service.js';

export interface Figure {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  count: number;
  /** Per stage (stage KPIs): key is the stage id. */
  groups: { key: string; value: number | null; numerator: number | null; denominator: number | null; count: number }[];
}

export interface Comparison {
  person: { id: string; name: string; teamId: string | null };
  benchmark: { kind: 'team' | 'workspace'; id: string; label: string; people: number };
  from: string;
  to: string;
  figures: Record<string, { person: Figure; benchmark: Figure }>;
  /**
   * Asked KPIs per rep of the benchmark other than the person (rep id → figure): the relations the
   * team's own data shows (coaching's driver effects). Never sent as such: it names people.
   */
  reps: Record<string, Map<string, Omit<Figure, 'groups'>>>;
}

async function figureOf(ctx: Ctx, base: Omit<KpiRequest, 'kpi' | 'scope'>, kpiId: string, scope: ResolvedScope): Promise<Figure> {
  const kpi = kpiById(kpiId);
  const c = await computeKpi(ctx, { ...base, kpi, scope }, { breakdown: kpi.meta.breakdown !== null });
  const p = c.points[0];
  return {
    value: p?.value ?? null,
    numerator: p?.numerator ?? null,
    denominator: p?.denominator ?? null,
    count: p?.count ?? 0,
    groups: (c.breakdown ?? []).map((g) => ({ key: g.key, value: g.value, numerator: g.numerator, denominator: g.denominator, count: g.count })),
  };
}

/** Sellers behind a benchmark: its active reps, else everyone in it (at least one). */
function peopleIn(org: Org, ownerIds: readonly string[] | null): number {
  const users = org.users.filter((u) => !u.disabled && (ownerIds === null || ownerIds.includes(u.id)));
  return Math.max(1, users.filter((u) => u.role === 'rep').length || users.length);
}

export async function compareWithBenchmark(
  ctx: Ctx,
  personId: string,
  kpiIds: readonly string[],
  from: string,
  to: string,
  perRep: readonly string[] = [],
): Promise<Comparison> {
  const org = await loadOrg(ctx);
  const user = org.users.find((u) => u.id === personId);
  if (!user || !(await canSeeTarget(ctx, org, 'user', personId))) throw notFound('User');
  const ws = await calendarOf(ctx);
  const period = customPeriod(from, to);
  const base = {
    ws,
    period,
    buckets: [{ ...period, ...boundsOf(period, ws.timezone), period }],
    asOf: null,
    at: ctx.now(),
    pipelineId: null,
    stageId: null,
  };
  const person = targetScope(org, ws, 'user', personId) as ResolvedScope;
  const team = user.teamId ? targetScope(org, ws, 'team', user.teamId) : null;
  // A team of one seller compares the person with themselves (its manager owns no deals to speak
  // of): the workspace says more.
  const bench = team && peopleIn(org, team.ownerIds) > 1 ? team : (targetScope(org, ws, 'workspace', ws.id) as ResolvedScope);
  // The benchmark's figures are the same for every person of one team: a request that compares
  // several (the Coaching list's batch) computes them once.
  const benchKey = `kpi-compare:${bench.target?.type ?? 'workspace'}:${bench.target?.id ?? ws.id}:${from}:${to}`;
  const figures: Comparison['figures'] = {};
  for (const id of kpiIds) {
    figures[id] = { person: await figureOf(ctx, base, id, person), benchmark: await memo(ctx, `${benchKey}:${id}`, () => figureOf(ctx, base, id, bench)) };
  }
  // The benchmark's sellers as peopleIn counts them, without the person: their own figure is not
  // evidence of how the team's figures relate.
  const inBench = org.users.filter((u) => !u.disabled && (bench.ownerIds === null || bench.ownerIds.includes(u.id)));
  const everyone = (inBench.some((u) => u.role === 'rep') ? inBench.filter((u) => u.role === 'rep') : inBench).map((u) => u.id);
  const sellers = everyone.filter((id) => id !== personId);
  const reps: Comparison['reps'] = {};
  for (const id of perRep) {
    // Computed for all the benchmark's sellers (so once per team in a batch), the person left out below.
    const byOwner = await memo(ctx, `${benchKey}:by-owner:${id}`, () => computeByOwner(ctx, { ...base, kpi: kpiById(id), scope: bench }, everyone));
    reps[id] = new Map(
      sellers.map((rep) => {
        const p = byOwner.get(rep);
        return [rep, { value: p?.value ?? null, numerator: p?.numerator ?? null, denominator: p?.denominator ?? null, count: p?.count ?? 0 }];
      }),
    );
  }
  return {
    person: { id: user.id, name: user.name, teamId: user.teamId },
    benchmark: { kind: bench === team ? 'team' : 'workspace', id: bench.target?.id ?? ws.id, label: bench.label, people: peopleIn(org, bench.ownerIds) },
    from,
    to,
    figures,
    reps,
  };
}
