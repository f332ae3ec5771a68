// The discipline index per month of the fiscal year, for the workspace (admin) and every team the
// caller manages, and cramming by quarter for the same scopes. Every input is a catalogue KPI read
// through the KPI service, or the expectations' own status; a discipline whose KPI does not exist
// yet says "not measured yet" instead of a number. The arithmetic is discipline-index.ts.
import type { CrammingByQuarter, DisciplineIndex, YearQuery } from '../../api/discipline.js';
import type { Expectation } from '../../api/measurement-targets.js';
import { periodsWithin, shiftPeriod } from '../../lib/periods.js';
import { subtreeIds } from '../../lib/team-tree.js';
import type { Ctx } from '../context.js';
import { forbidden } from '../errors.js';
import { listExpectations } from '../measurement/expectations.service.js';
import { catalogue, periodInfo } from '../measurement/kpi.service.js';
import { type Org, type ResolvedScope, targetScope, teamMembers, visibleTeamIds } from '../measurement/scope.service.js';
import { DEFAULT_WEIGHTS, DISCIPLINES, type Discipline, disciplineIndex, FADE_POINTS, latestJudged } from './discipline-index.js';
import { type YearFrame, yearFrame } from './harvest.service.js';
import { kpiByPeriods } from './year-kpis.service.js';

/** The KPI each discipline reads (the first of the list in the catalogue). */
const INPUTS: Record<Exclude<Discipline, 'measurement'>, { name: string; kpis: readonly string[]; pending: string }> = {
  process: { name: 'Process adherence', kpis: ['process_adherence'], pending: 'the process adherence KPI' },
  // Judged at each month's end for the coaches of the scope (its managers): decision 0031.
  coaching: { name: 'Coaching cadence kept', kpis: ['coaching_cadence_kept'], pending: 'the coaching cadence KPI' },
  planning: { name: 'Call-plan coverage', kpis: ['call_plan_coverage'], pending: 'the call-plan coverage KPI' },
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
  kind: 'workspace' | 'team';
  id: string;
  name: string;
  scope: ResolvedScope;
  /** Team ids in the subtree (null: the workspace). */
  teams: Set<string> | null;
}

function assertIndexReader(ctx: Ctx): void {
  if (ctx.actor.role !== 'admin' && ctx.actor.role !== 'manager') throw forbidden('The discipline index and cramming are for managers and admins');
}

function scopesOf(ctx: Ctx, f: YearFrame): YearScope[] {
  const { org, ws } = f;
  const out: YearScope[] = [];
  if (ctx.actor.role === 'admin')
    out.push({ kind: 'workspace', id: ws.id, name: ws.name, scope: targetScope(org, ws, 'workspace', ws.id) as ResolvedScope, teams: null });
  const teamIds = ctx.actor.role === 'admin' ? org.teams.map((t) => t.id) : [...visibleTeamIds(ctx, org)];
  for (const id of teamIds) {
    const scope = targetScope(org, ws, 'team', id);
    if (scope) out.push({ kind: 'team', id, name: scope.label, scope, teams: subtreeIds(org.teams, [id]) });
  }
  return out;
}

/** Green ÷ all expectations about the scope (its teams and people, the workspace's own for the workspace). */
function greenShare(items: readonly Expectation[], s: YearScope, org: Org): number | null {
  const members = s.teams ? new Set(teamMembers(org, s.id)) : null;
  const mine = items.filter((e) => {
    if (!s.teams) return true;
    if (e.scopeType === 'team') return s.teams.has(e.scopeId);
    if (e.scopeType === 'user') return members?.has(e.scopeId) ?? false;
    return false;
  });
  if (mine.length === 0) return null;
  return mine.filter((e) => e.current.status === 'green').length / mine.length;
}

export async function disciplineIndexFor(ctx: Ctx, q: YearQuery): Promise<DisciplineIndex> {
  assertIndexReader(ctx);
  const f = await yearFrame(ctx, q.year);
  const known = new Set(catalogue().items.map((k) => k.id));
  const kpiOf = (d: Exclude<Discipline, 'measurement'>) => INPUTS[d].kpis.find((id) => known.has(id)) ?? null;
  // Months not started yet have no score; the current one is scored so far.
  const upTo = f.months.slice(0, Math.max(0, Math.min(f.currentIndex + 1, f.months.length)));
  const expectations = (await listExpectations(ctx, {})).items;
  // The current month is in progress until its last day is over: scored so far, not judged.
  const inProgress = f.currentIndex >= 0 && f.currentIndex < f.months.length ? f.currentIndex : -1;

  const scopes = [];
  for (const s of scopesOf(ctx, f)) {
    const shares = {} as Record<Discipline, (number | null)[]>;
    for (const d of DISCIPLINES) {
      if (d === 'measurement') {
        // Expectations are judged now, on their current period: the current month only.
        shares[d] = f.months.map((_, i) => (i === f.currentIndex ? greenShare(expectations, s, f.org) : null));
        continue;
      }
      const kpi = kpiOf(d);
      const points = kpi ? await kpiByPeriods(ctx, kpi, f.ws, s.scope, upTo) : [];
      shares[d] = f.months.map((_, i) => points[i]?.value ?? null);
    }
    const idx = disciplineIndex(shares, f.months.length, DEFAULT_WEIGHTS, inProgress);
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
    months: f.months.map(periodInfo),
    currentKey: f.months[f.currentIndex]?.key ?? null,
    fadePoints: FADE_POINTS,
    formula:
      'score = the discipline’s share × 100, per month; overall = weighted mean of the disciplines measured that month (weights renormalised over them); fading = a drop of the fade threshold or more from the month before; below start = the fade threshold or more under the year’s first scored month; the month in progress is scored so far and not judged',
    disciplines: DISCIPLINES.map((d) => {
      if (d === 'measurement')
        return {
          key: d,
          name: NAMES[d],
          weight: DEFAULT_WEIGHTS[d],
          input: 'expectations green ÷ expectations of the scope (each has an owner and a target), judged now: the current month only',
          notMeasured: null,
        };
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
    });
  }
  return { year: periodInfo(f.year), formula: kpi?.formula ?? '', notes: kpi?.notes ?? [], currency: f.ws.currency, scopes };
}
