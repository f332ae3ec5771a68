// The discipline index per week or month of the fiscal year, for the workspace (admin), every team the
// caller manages, a team's people, or a rep's own; and cramming by quarter for the same scopes. Every
// input is a catalogue KPI read through the KPI service; a discipline whose KPI does not exist yet
// says "not measured yet" instead of a number. The arithmetic is discipline-index.ts.
import type {
  CrammingByQuarter,
  CrammingCurve,
  DisciplineHeadline,
  DisciplineHeadlineScope,
  DisciplineIndex,
  DisciplineQuery,
  YearQuery,
} from '../../api/discipline.js';
import { type Period, periodsWithin, shiftPeriod } from '../../lib/periods.js';
import type { Ctx } from '../context.js';
import { forbidden, invalidField, notFound } from '../errors.js';
import { reachOf } from '../identity/policy.js';
import { ownerScope, scopeIncludes } from '../identity/visibility.js';
import { catalogue, periodInfo } from '../measurement/kpi.service.js';
import { type ResolvedScope, targetScope, teamMembers, visibleTeamIds } from '../measurement/scope.service.js';
import { cumulativeShares, quarterWeeks } from './bookings-curve.js';
import { DEFAULT_WEIGHTS, DISCIPLINES, type Discipline, type DisciplineCell, disciplineIndex, dragOf, FADE_POINTS, latestJudged } from './discipline-index.js';
import { type YearFrame, yearFrame } from './harvest.service.js';
import { kpiByPeriods } from './year-kpis.service.js';

/** The KPI each discipline reads (the first of the list in the catalogue). */
const INPUTS: Record<Discipline, { name: string; kpis: readonly string[]; pending: string }> = {
  process: { name: 'Process adherence', kpis: ['process_adherence'], pending: 'the process adherence KPI' },
  // Judged at each step's end for the coaches of the scope (its managers): decision 0031.
  coaching: { name: 'Coaching cadence kept', kpis: ['coaching_cadence_kept'], pending: 'the coaching cadence KPI' },
  planning: { name: 'Call-plan coverage', kpis: ['call_plan_coverage'], pending: 'the call-plan coverage KPI' },
  // Judged at each step's end from history (decision 0140).
  measurement: { name: 'Pipeline hygiene', kpis: ['pipeline_hygiene'], pending: 'the pipeline hygiene KPI' },
  alignment: { name: 'Lead accept SLA compliance', kpis: ['lead_accept_sla'], pending: 'the lead accept SLA KPI (alignment capability)' },
};
const NAMES: Record<Discipline, string> = {
  process: 'Process',
  coaching: 'Coaching',
  planning: 'Planning & practice',
  measurement: 'Measurement',
  alignment: 'Alignment',
};

interface YearScope {
  kind: 'workspace' | 'team' | 'rep';
  id: string;
  name: string;
  scope: ResolvedScope;
}

function assertIndexReader(ctx: Ctx): void {
  if (ctx.actor.role !== 'admin' && ctx.actor.role !== 'manager') throw forbidden('The discipline index and cramming are for managers and admins');
}

/** The workspace (admin) and every team the caller manages (admin: every team). */
function scopesOf(ctx: Ctx, f: YearFrame): (YearScope & { kind: 'workspace' | 'team' })[] {
  const { org, ws } = f;
  const out: (YearScope & { kind: 'workspace' | 'team' })[] = [];
  if (ctx.actor.role === 'admin') out.push({ kind: 'workspace', id: ws.id, name: ws.name, scope: targetScope(org, ws, 'workspace', ws.id) as ResolvedScope });
  const teamIds = ctx.actor.role === 'admin' ? org.teams.map((t) => t.id) : [...visibleTeamIds(ctx, org)];
  for (const id of teamIds) {
    const scope = targetScope(org, ws, 'team', id);
    if (scope) out.push({ kind: 'team', id, name: scope.label, scope });
  }
  return out;
}

const repScope = (f: YearFrame, userId: string): YearScope | null => {
  const scope = targetScope(f.org, f.ws, 'user', userId);
  return scope ? { kind: 'rep', id: userId, name: scope.label, scope } : null;
};

/**
 * Who is scored, by the read reach of `discipline_index` in the policy table (none: 403). One person
 * (userId): within the reach (a rep themself, a manager the people of the teams they manage, an admin
 * anyone), else 404 like a person who does not exist. A team: that team and each of its people (a
 * manager: a team they manage, else 404 like a team that does not exist; an admin: any team; a rep,
 * whose reach is their own figures, 403), its people being those within the reach. Otherwise the workspace (admin) and the teams the caller
 * manages; a rep their own index.
 */
async function indexScopes(ctx: Ctx, f: YearFrame, q: DisciplineQuery): Promise<YearScope[]> {
  if (q.userId !== undefined && q.teamId !== undefined) throw invalidField('userId', 'ask for one person (userId) or one team (teamId), not both');
  const reach = reachOf(ctx.actor.role, 'discipline_index', 'read');
  const owners = await ownerScope(ctx, 'discipline_index', 'read');
  if (q.userId !== undefined) {
    const person = scopeIncludes(owners, q.userId) ? repScope(f, q.userId) : null;
    if (!person) throw notFound('User');
    return [person];
  }
  if (reach === 'own') {
    if (q.teamId !== undefined) throw forbidden('A rep sees their own discipline index only');
    const own = repScope(f, ctx.actor.userId);
    return own ? [own] : [];
  }
  if (q.teamId === undefined) return scopesOf(ctx, f);
  const teamId = q.teamId;
  const visible = reach === 'all' || visibleTeamIds(ctx, f.org).has(teamId);
  const team = visible ? targetScope(f.org, f.ws, 'team', teamId) : null;
  if (!team) throw notFound('Team');
  // The tree also names the sub-teams' managers as members, wherever they sit; a person is listed
  // only inside the caller's reach, so each row can be asked for by userId like anywhere else.
  const people = teamMembers(f.org, teamId)
    .filter((id) => scopeIncludes(owners, id))
    .map((id) => repScope(f, id))
    .filter((s): s is YearScope => s !== null)
    .sort((a, b) => a.name.localeCompare(b.name));
  return [{ kind: 'team', id: teamId, name: team.label, scope: team }, ...people];
}

interface IndexFrame {
  f: YearFrame;
  scopes: YearScope[];
  by: 'week' | 'month';
  periods: Period[];
  /** The index of the step in progress (-1 before the year, periods.length after it). */
  current: number;
  kpiOf: (d: Discipline) => string | null;
}

async function indexFrame(ctx: Ctx, q: DisciplineQuery): Promise<IndexFrame> {
  const f = await yearFrame(ctx, q.year);
  const scopes = await indexScopes(ctx, f, q);
  const by = q.by ?? 'month';
  const periods = by === 'month' ? f.months : periodsWithin(f.year, 'week', f.ws.fiscalYearStartMonth);
  const known = new Set(catalogue().items.map((k) => k.id));
  const kpiOf = (d: Discipline) => INPUTS[d].kpis.find((id) => known.has(id)) ?? null;
  const current = f.today < f.year.from ? -1 : f.today > f.year.to ? periods.length : periods.findIndex((p) => p.from <= f.today && f.today <= p.to);
  return { f, scopes, by, periods, current, kpiOf };
}

/** Each discipline's share per step of `steps` (the KPI through the KPI service), null where not measured. */
async function sharesOf(ctx: Ctx, x: IndexFrame, s: YearScope, steps: readonly Period[], length: number): Promise<Record<Discipline, (number | null)[]>> {
  const shares = {} as Record<Discipline, (number | null)[]>;
  for (const d of DISCIPLINES) {
    const kpi = x.kpiOf(d);
    const points = kpi && steps.length > 0 ? await kpiByPeriods(ctx, kpi, x.f.ws, s.scope, steps) : [];
    shares[d] = Array.from({ length }, (_, i) => points[i]?.value ?? null);
  }
  return shares;
}

export async function disciplineIndexFor(ctx: Ctx, q: DisciplineQuery): Promise<DisciplineIndex> {
  const x = await indexFrame(ctx, q);
  const { f, by, periods, current, kpiOf } = x;
  // Steps not started yet have no score; the current one is scored so far, not judged.
  const upTo = periods.slice(0, Math.max(0, Math.min(current + 1, periods.length)));
  const inProgress = current >= 0 && current < periods.length ? current : -1;

  const scopes = [];
  for (const s of x.scopes) {
    const shares = await sharesOf(ctx, x, s, upTo, periods.length);
    const idx = disciplineIndex(shares, periods.length, DEFAULT_WEIGHTS, inProgress);
    scopes.push({
      kind: s.kind,
      id: s.id,
      name: s.name,
      disciplines: DISCIPLINES.map((d) => ({ key: d, cells: idx.byDiscipline[d] })),
      overall: idx.overall,
      fading: DISCIPLINES.filter((d) => latestJudged(idx.byDiscipline[d])?.fading ?? false),
      belowStart: DISCIPLINES.filter((d) => latestJudged(idx.byDiscipline[d])?.belowStart ?? false),
    });
  }

  return {
    year: periodInfo(f.year),
    by,
    periods: periods.map(periodInfo),
    months: f.months.map(periodInfo),
    currentKey: periods[current]?.key ?? null,
    fadePoints: FADE_POINTS,
    formula: `score = the discipline’s share × 100, per ${by}; overall = weighted mean of the disciplines measured that ${by} (weights renormalised over them); fading = a drop of the fade threshold or more from the ${by} before; below start = the fade threshold or more under the year’s first scored ${by}; the ${by} in progress is scored so far and not judged`,
    disciplines: DISCIPLINES.map((d) => {
      const kpi = kpiOf(d);
      return {
        key: d,
        name: NAMES[d],
        weight: DEFAULT_WEIGHTS[d],
        input: kpi ? `${INPUTS[d].name} (KPI ${kpi})` : INPUTS[d].name,
        notMeasured: kpi ? null : `not measured yet: ${INPUTS[d].pending} is not in the catalogue`,
      };
    }),
    scopes,
  };
}

/**
 * The headline of each scope the full index would show: the overall score of the step in progress,
 * of the last finished step and of the one before, and the discipline that drags the last finished
 * step down most. The KPIs are read over those (at most three) steps only, not the whole year: the
 * same figures as the full index's cells for those steps, at a fraction of the cost (docs/rhythm.md).
 */
export async function disciplineHeadlineFor(ctx: Ctx, q: DisciplineQuery): Promise<DisciplineHeadline> {
  const x = await indexFrame(ctx, q);
  const { f, by, periods, current } = x;
  const latestAt = Math.min(current, periods.length) - 1;
  const from = Math.max(0, latestAt - 1);
  const steps = periods.slice(from, Math.max(from, Math.min(current + 1, periods.length)));
  const inProgressAt = current >= 0 && current < periods.length ? current - from : -1;
  const step = (i: number, cells: readonly DisciplineCell[]) => {
    const p = steps[i];
    return p && i >= 0 ? { period: periodInfo(p), score: cells[i]?.score ?? null } : null;
  };

  const scopes = [];
  for (const s of x.scopes) {
    const idx = disciplineIndex(await sharesOf(ctx, x, s, steps, steps.length), steps.length, DEFAULT_WEIGHTS, inProgressAt);
    const latest = latestAt >= 0 ? latestAt - from : -1;
    const previous = latestAt >= 1 ? latest - 1 : -1;
    const latestScore = idx.overall[latest]?.score ?? null;
    const previousScore = idx.overall[previous]?.score ?? null;
    scopes.push({
      kind: s.kind,
      id: s.id,
      name: s.name,
      current: inProgressAt >= 0 ? step(inProgressAt, idx.overall) : null,
      latest: step(latest, idx.overall),
      previous: step(previous, idx.overall),
      change: latestScore !== null && previousScore !== null ? latestScore - previousScore : null,
      fading: idx.overall[latest]?.fading ?? false,
      drag: dragAt(idx.byDiscipline, latest >= 0 ? latest : inProgressAt),
    });
  }
  return {
    headline: true,
    year: periodInfo(f.year),
    by,
    currentKey: periods[current]?.key ?? null,
    fadePoints: FADE_POINTS,
    formula: `overall = weighted mean of the disciplines measured that ${by} (weights renormalised over them); change = the last finished ${by} − the one before; drag = the discipline with the largest weight × (100 − score) in the last finished ${by}`,
    scopes,
  };
}

/** The discipline that drags step i down most (discipline-index.ts#dragOf), named. */
function dragAt(byDiscipline: Record<Discipline, DisciplineCell[]>, i: number): DisciplineHeadlineScope['drag'] {
  const worst = dragOf(Object.fromEntries(DISCIPLINES.map((d) => [d, byDiscipline[d][i]?.score ?? null])) as Record<Discipline, number | null>);
  return worst ? { ...worst, name: NAMES[worst.key], weight: DEFAULT_WEIGHTS[worst.key] } : null;
}

export async function crammingFor(ctx: Ctx, q: YearQuery): Promise<CrammingByQuarter> {
  assertIndexReader(ctx);
  const f = await yearFrame(ctx, q.year);
  const kpi = catalogue().items.find((k) => k.id === 'cramming_index');
  // The two fiscal years before the one asked, then that one: the trend over years.
  const from = shiftPeriod(f.year, -2, f.ws.fiscalYearStartMonth).from;
  const quarters = periodsWithin({ from, to: f.year.to }, 'quarter', f.ws.fiscalYearStartMonth);
  const scopes = [];
  for (const s of scopesOf(ctx, f)) {
    const points = await kpiByPeriods(ctx, 'cramming_index', f.ws, s.scope, quarters);
    scopes.push({
      kind: s.kind,
      id: s.id,
      name: s.name,
      quarters: quarters.map((p, i) => ({ period: periodInfo(p), value: points[i]?.value ?? null, wonAmount: points[i]?.denominator ?? null })),
      curves: await bookingsCurves(ctx, f, s.scope),
    });
  }
  return { year: periodInfo(f.year), formula: kpi?.formula ?? '', notes: kpi?.notes ?? [], currency: f.ws.currency, scopes };
}

/**
 * The bookings curve inside each quarter of the year asked, from the catalogue's won amount (the
 * cramming index's denominator) week by week: one KPI read for the year's ~53 steps.
 */
async function bookingsCurves(ctx: Ctx, f: YearFrame, scope: ResolvedScope): Promise<CrammingCurve[]> {
  const quarters = periodsWithin(f.year, 'quarter', f.ws.fiscalYearStartMonth);
  const weeks = quarters.map(quarterWeeks);
  const won = await kpiByPeriods(ctx, 'won_amount', f.ws, scope, weeks.flat());
  let at = 0;
  return quarters.map((q, i) => {
    const steps = weeks[i] ?? [];
    const amounts = steps.map(() => won[at++]?.value ?? 0);
    const shares = cumulativeShares(amounts, steps.filter((w) => w.from <= f.today).length);
    return {
      period: periodInfo(q),
      weeks: steps.map((w, j) => ({ from: w.from, to: w.to, wonAmount: amounts[j] ?? 0, cumulativeShare: shares[j] ?? null })),
    };
  });
}
