// The harvest plan of a fiscal year, for everyone the caller may see: the workspace (admin), each
// team they reach, each rep in those teams (a rep: only themselves). Targets are the quotas; win
// rate, average deal size and cycle length come from the catalogue KPIs over the last 12 months
// (or a team's override); planted is the catalogue's pipeline created per month. The arithmetic is
// harvest-plan.ts.
import type { HarvestAssumption, HarvestAssumptions, HarvestPlan, HarvestPlanQuery, HarvestRow } from '../../api/harvest.js';
import { addDays } from '../../lib/calendar.js';
import { boundsOf, customPeriod, elapsedShare, type Period, parsePeriodKey, periodContaining, periodsWithin } from '../../lib/periods.js';
import type { Ctx } from '../context.js';
import { forbidden, invalidField } from '../errors.js';
import { periodInfo } from '../measurement/kpi.service.js';
import { calendarOf, todayIn, type WorkspaceCalendar } from '../measurement/kpi-request.service.js';
import { quotaFor, userQuotas } from '../measurement/quota-lookup.service.js';
import { loadOrg, type Org, type ResolvedScope, targetScope, visibleTeamIds } from '../measurement/scope.service.js';
import { mqlOutcomes, type OverrideRow } from './harvest.repo.js';
import { overridesByTeam, overrideTeams } from './harvest-overrides.service.js';
import { HARVEST_FORMULAS, harvestPlan, type PlanAssumptions } from './harvest-plan.js';
import { kpiByPeriods, kpiFigure } from './year-kpis.service.js';

const KPI = { winRate: 'win_rate', averageDealSize: 'average_deal_size', cycleDays: 'sales_cycle_length' } as const;
type Key = keyof typeof KPI;
const KEYS = Object.keys(KPI) as Key[];
const COLUMN: Record<Key, 'win_rate' | 'average_deal_size' | 'cycle_days'> = {
  winRate: 'win_rate',
  averageDealSize: 'average_deal_size',
  cycleDays: 'cycle_days',
};

/** The year's calendar as the plan reads it. */
export interface YearFrame {
  ws: WorkspaceCalendar;
  org: Org;
  year: Period;
  months: Period[];
  quarters: Period[];
  today: string;
  currentIndex: number;
  currentElapsed: number;
  /** The 12 months up to today the assumptions are read from. */
  history: Period;
}

export async function yearFrame(ctx: Ctx, yearKey: string | undefined): Promise<YearFrame> {
  const [ws, org] = await Promise.all([calendarOf(ctx), loadOrg(ctx)]);
  const today = todayIn(ctx, ws);
  let year: Period;
  if (yearKey) {
    const p = parsePeriodKey(yearKey, ws.fiscalYearStartMonth);
    if (p?.kind !== 'year') throw invalidField('year', 'is not a fiscal year: use FY2027');
    year = p;
  } else year = periodContaining('year', today, ws.fiscalYearStartMonth);
  const months = periodsWithin(year, 'month', ws.fiscalYearStartMonth);
  const quarters = periodsWithin(year, 'quarter', ws.fiscalYearStartMonth);
  const currentIndex = today < year.from ? -1 : today > year.to ? months.length : months.findIndex((m) => m.from <= today && today <= m.to);
  const current = months[currentIndex];
  const currentElapsed = current ? elapsedShare(boundsOf(current, ws.timezone), ctx.now()) : 0;
  return { ws, org, year, months, quarters, today, currentIndex, currentElapsed, history: customPeriod(addDays(today, -364), today) };
}

function assertPlanReader(ctx: Ctx): void {
  if (!['admin', 'manager', 'rep'].includes(ctx.actor.role))
    throw forbidden('The harvest plan is for sales roles: marketing sees the MQLs it must deliver on the funnel');
}

/** Per month: the month's quota, else its quarter's ÷ 3, else the year's ÷ 12. */
function monthly(f: YearFrame, of: (p: Period) => number | null): (number | null)[] {
  const quarterOf = (m: Period) => f.quarters.find((q) => q.from <= m.from && m.to <= q.to);
  const yearly = of(f.year);
  return f.months.map((m) => {
    const own = of(m);
    if (own !== null) return own;
    const q = quarterOf(m);
    const qv = q ? of(q) : null;
    if (qv !== null) return qv / 3;
    return yearly === null ? null : yearly / f.months.length;
  });
}

/** Every rep's monthly target from their own quotas (one query per period of the year). */
async function repTargets(ctx: Ctx, f: YearFrame): Promise<Map<string, (number | null)[]>> {
  const periods = [f.year, ...f.quarters, ...f.months];
  const byPeriod = new Map<string, Map<string, number>>();
  for (const p of periods) byPeriod.set(p.key, await userQuotas(ctx, null, p, f.ws.fiscalYearStartMonth));
  const users = new Set([...byPeriod.values()].flatMap((m) => [...m.keys()]));
  return new Map([...users].map((u) => [u, monthly(f, (p) => byPeriod.get(p.key)?.get(u) ?? null)]));
}

/** A team's (or the workspace's) own quotas per month; else the sum of its members' monthly targets. */
async function scopeTargets(ctx: Ctx, f: YearFrame, scope: ResolvedScope, reps: Map<string, (number | null)[]>): Promise<(number | null)[]> {
  const ownOnly: ResolvedScope = { ...scope, ownerIds: [] };
  const own = new Map<string, number | null>();
  for (const p of [f.year, ...f.quarters, ...f.months]) own.set(p.key, await quotaFor(ctx, ownOnly, p, f.ws.fiscalYearStartMonth));
  const fromOwn = monthly(f, (p) => own.get(p.key) ?? null);
  const members = scope.ownerIds ?? [...reps.keys()];
  return fromOwn.map((v, i) => {
    if (v !== null) return v;
    let sum: number | null = null;
    for (const m of members) {
      const t = reps.get(m)?.[i];
      if (t !== null && t !== undefined) sum = (sum ?? 0) + t;
    }
    return sum;
  });
}

type History = Record<Key, number | null>;

async function historyOf(ctx: Ctx, f: YearFrame, scope: ResolvedScope): Promise<History> {
  const out = {} as History;
  for (const k of KEYS) out[k] = (await kpiFigure(ctx, KPI[k], f.ws, scope, f.history)).value;
  return out;
}

function assumptionsOf(history: History, fallback: History, override: OverrideRow | undefined, teamId: string | null, org: Org): HarvestAssumptions {
  const one = (k: Key): HarvestAssumption => {
    const o = override?.[COLUMN[k]] ?? null;
    if (o !== null) return { value: o, source: 'override', history: history[k], kpiId: KPI[k] };
    if (history[k] !== null) return { value: history[k], source: 'history', history: history[k], kpiId: KPI[k] };
    if (fallback[k] !== null) return { value: fallback[k], source: 'workspace', history: null, kpiId: KPI[k] };
    return { value: null, source: 'none', history: null, kpiId: KPI[k] };
  };
  const overridden = override && KEYS.some((k) => override[COLUMN[k]] !== null);
  return {
    winRate: one('winRate'),
    averageDealSize: one('averageDealSize'),
    cycleDays: one('cycleDays'),
    teamId,
    overriddenBy: overridden ? (org.users.find((u) => u.id === override.updated_by)?.name ?? null) : null,
    overriddenAt: overridden ? new Date(override.updated_at).toISOString() : null,
  };
}

function problemOf(a: HarvestAssumptions, targets: readonly (number | null)[]): string | null {
  if (targets.every((t) => t === null)) return 'No quota for this year: set quotas to plan the harvest';
  const missing = KEYS.filter((k) => a[k].value === null || (k === 'winRate' && a[k].value === 0));
  if (missing.length === 0) return null;
  const words: Record<Key, string> = { winRate: 'win rate', averageDealSize: 'average deal size', cycleDays: 'sales cycle length' };
  return `No ${missing.map((k) => words[k]).join(', ')} in the last 12 months: override it to plan`;
}

export async function harvestPlanFor(ctx: Ctx, q: HarvestPlanQuery): Promise<HarvestPlan> {
  assertPlanReader(ctx);
  const f = await yearFrame(ctx, q.year);
  const { ws, org } = f;
  const me = ctx.actor.userId;
  const overrides = await overridesByTeam(ctx);
  const mayOverride = overrideTeams(ctx, org, 'update') ?? new Set<string>();
  const leads = await mqlOutcomes(ctx.db, ws.id, boundsOf(f.history, ws.timezone).start, boundsOf(f.history, ws.timezone).end);
  // No conversion at all gives no rate to divide by: the MQLs to deliver are not computed, and the note says why.
  const mqlRate = leads.mqls > 0 && leads.opportunities > 0 ? leads.opportunities / leads.mqls : null;

  const wsScope = targetScope(org, ws, 'workspace', ws.id) as ResolvedScope;
  const wsHistory = await historyOf(ctx, f, wsScope);
  const teamIds = ctx.actor.role === 'admin' ? org.teams.map((t) => t.id) : ctx.actor.role === 'manager' ? [...visibleTeamIds(ctx, org)] : [];
  const reps = org.users.filter(
    (u) => u.role === 'rep' && !u.disabled && (ctx.actor.role === 'rep' ? u.id === me : u.teamId !== null && teamIds.includes(u.teamId)),
  );
  const teamHistory = new Map<string, History>();
  const historyOfTeam = async (teamId: string): Promise<History> => {
    const known = teamHistory.get(teamId);
    if (known) return known;
    const h = await historyOf(ctx, f, targetScope(org, ws, 'team', teamId) as ResolvedScope);
    teamHistory.set(teamId, h);
    return h;
  };
  const targetsByRep = await repTargets(ctx, f);

  const rowOf = async (
    kind: HarvestRow['kind'],
    scope: ResolvedScope,
    parentId: string | null,
    assumptions: HarvestAssumptions,
    canOverride: boolean,
  ): Promise<HarvestRow> => {
    const targets = kind === 'rep' ? (targetsByRep.get(scope.id as string) ?? f.months.map(() => null)) : await scopeTargets(ctx, f, scope, targetsByRep);
    const problem = problemOf(assumptions, targets);
    let plan: HarvestRow['plan'] = null;
    if (!problem) {
      const done = f.months.slice(0, Math.max(0, Math.min(f.currentIndex + 1, f.months.length)));
      const planted = (await kpiByPeriods(ctx, 'pipeline_created', ws, scope, done)).map((p) => p.value ?? 0);
      const { lastUsefulIndex: _, ...figures } = harvestPlan({
        months: f.months.map((m) => ({ key: m.key, label: m.label })),
        targets,
        assumptions: {
          winRate: assumptions.winRate.value,
          averageDealSize: assumptions.averageDealSize.value,
          cycleDays: assumptions.cycleDays.value,
        } as PlanAssumptions,
        planted,
        currentIndex: f.currentIndex,
        currentElapsed: f.currentElapsed,
        mqlToOpportunity: mqlRate,
      });
      plan = figures;
    }
    return { kind, id: scope.id ?? ws.id, name: scope.label, parentId, assumptions, plan, problem, canOverride };
  };

  const rows: HarvestRow[] = [];
  if (ctx.actor.role === 'admin')
    rows.push(await rowOf('workspace', { ...wsScope, id: ws.id }, null, assumptionsOf(wsHistory, wsHistory, undefined, null, org), false));
  for (const teamId of teamIds) {
    const team = org.teams.find((t) => t.id === teamId);
    if (!team) continue;
    const scope = targetScope(org, ws, 'team', teamId) as ResolvedScope;
    const a = assumptionsOf(await historyOfTeam(teamId), wsHistory, overrides.get(teamId), teamId, org);
    rows.push(await rowOf('team', scope, team.parentId && teamIds.includes(team.parentId) ? team.parentId : null, a, mayOverride.has(teamId)));
  }
  for (const rep of reps) {
    const scope = targetScope(org, ws, 'user', rep.id) as ResolvedScope;
    const a = rep.teamId
      ? assumptionsOf(await historyOfTeam(rep.teamId), wsHistory, overrides.get(rep.teamId), rep.teamId, org)
      : assumptionsOf(wsHistory, wsHistory, undefined, null, org);
    rows.push(await rowOf('rep', scope, rep.teamId, a, false));
  }

  return {
    year: periodInfo(f.year),
    currency: ws.currency,
    at: new Date(ctx.now()).toISOString(),
    today: f.today,
    historyFrom: f.history.from,
    mqlToOpportunity: mqlRate,
    leadHistory: {
      ...leads,
      note:
        leads.mqls === 0
          ? 'No lead history: no MQL in the last 12 months, so the MQLs marketing must deliver are not computed'
          : mqlRate === null
            ? `None of the ${leads.mqls} MQLs of the last 12 months became a deal yet, so the MQLs marketing must deliver are not computed`
            : null,
    },
    formulas: [...HARVEST_FORMULAS],
    rows,
  };
}
