// The forecast: what a person's deals say for a period, their weekly calls, and for a manager or
// the CSO the roll-up of their people's and sub-teams' calls. Every call is kept.
import type { ForecastCategory, ForecastQuery, ForecastView, Submission, SubmissionCreate } from '../../api/measurement-forecast.js';
import { mondayOf } from '../../lib/calendar.js';
import type { Period } from '../../lib/periods.js';
import { managedTeamIds } from '../../lib/team-tree.js';
import type { Ctx } from '../context.js';
import { inTransaction } from '../context.js';
import { appendChanges } from '../crm/history.repo.js';
import { calendarDate } from '../dates.js';
import type { TargetScopeType } from '../db/schema/measurement.js';
import { forbidden, invalidField, notFound } from '../errors.js';
import { newId } from '../ids.js';
import {
  type ForecastFilter,
  figuresByOwner,
  findCategory,
  findLiveDeal,
  forecastDeals,
  insertSubmission,
  listSubmissions,
  type OwnerFigures,
  type SubmissionRow,
  setCategory,
} from './forecast.repo.js';
import { type Call, managerRollup, type RollupInput, workspaceRollup } from './forecast-rollup.js';
import { periodInfo } from './kpi.service.js';
import { calendarOf, resolvePeriod, type WorkspaceCalendar } from './kpi-request.service.js';
import { scopeNameOf } from './quotas.service.js';
import { assertSalesReader, canSeeTarget, loadOrg, type Org, teamMembers } from './scope.service.js';

export interface CallScope {
  type: TargetScopeType;
  id: string;
  name: string;
  /** Owners whose deals the call covers; null for the whole workspace. */
  ownerIds: string[] | null;
  /** Teams a manager's call covers. */
  teamIds: string[];
}

/** What a person's call covers: a rep their deals, a manager the teams they manage, an admin the workspace. */
export function callScopeOf(org: Org, ws: WorkspaceCalendar, user: { id: string; role: string; name: string }): CallScope {
  if (user.role === 'admin') return { type: 'workspace', id: ws.id, name: ws.name, ownerIds: null, teamIds: [] };
  const managed = managedTeamIds(org.teams, user.id);
  if (user.role === 'manager' && managed.length > 0) {
    const owners = new Set(managed.flatMap((t) => teamMembers(org, t)));
    owners.add(user.id);
    return { type: 'team', id: managed[0] as string, name: scopeNameOf(org, ws.name, 'team', managed[0] as string), ownerIds: [...owners], teamIds: managed };
  }
  return { type: 'user', id: user.id, name: user.name, ownerIds: [user.id], teamIds: [] };
}

export function forecastPeriod(q: { period?: string | undefined }, ws: WorkspaceCalendar, today: string): Period {
  const period = resolvePeriod({ period: q.period }, ws, today, 'quarter');
  if (period.kind === 'week') throw invalidField('period', 'a forecast is for a month, a fiscal quarter or a fiscal year');
  return period;
}

const filterOf = (ws: WorkspaceCalendar, period: Period, ownerIds: readonly string[] | null): ForecastFilter => ({
  workspaceId: ws.id,
  ownerIds,
  from: period.from,
  to: period.to,
  currency: ws.currency,
});

/** commit = won + open in commit; best case adds the best-case deals. */
const systemCall = (f: Omit<OwnerFigures, 'ownerId'>): Call => ({
  commit: f.won + f.commit,
  bestCase: f.won + f.commit + f.bestCase,
  won: f.won,
  submittedAt: null,
  weekStart: null,
});

export function toSubmission(r: SubmissionRow, org: Org, ws: WorkspaceCalendar): Submission {
  const rollup = r.rollup_commit === null ? null : Number(r.rollup_commit);
  return {
    id: r.id,
    userId: r.user_id,
    userName: org.users.find((u) => u.id === r.user_id)?.name ?? '(deleted user)',
    scopeType: r.scope_type,
    scopeId: r.scope_id,
    scopeName: scopeNameOf(org, ws.name, r.scope_type, r.scope_id),
    periodKey: r.period_key,
    weekStart: r.week_start,
    commit: Number(r.commit_amount),
    bestCase: Number(r.best_case_amount),
    won: Number(r.won_amount),
    rollupCommit: rollup,
    rollupBestCase: r.rollup_best_case === null ? null : Number(r.rollup_best_case),
    adjustment: rollup === null ? null : Number(r.commit_amount) - rollup,
    note: r.note,
    submittedAt: new Date(Number(r.submitted_at)).toISOString(),
  };
}

/** The latest call of each person for the period. */
function latestCalls(rows: readonly SubmissionRow[]): Map<string, Call> {
  const out = new Map<string, Call>();
  for (const r of rows) {
    // Rows come newest first.
    if (out.has(r.user_id)) continue;
    out.set(r.user_id, {
      commit: Number(r.commit_amount),
      bestCase: Number(r.best_case_amount),
      won: Number(r.won_amount),
      submittedAt: Number(r.submitted_at),
      weekStart: r.week_start,
    });
  }
  return out;
}

async function rollupFor(ctx: Ctx, org: Org, ws: WorkspaceCalendar, period: Period, scope: CallScope, submissions: readonly SubmissionRow[]) {
  if (scope.type === 'user') return null;
  const figures = await figuresByOwner(ctx.db, filterOf(ws, period, scope.ownerIds));
  const input: RollupInput = {
    teams: org.teams,
    users: org.users.filter((u) => !u.disabled && (u.role === 'rep' || u.role === 'manager')),
    calls: latestCalls(submissions),
    system: new Map(figures.map((f) => [f.ownerId, systemCall(f)])),
  };
  const result =
    scope.type === 'team' ? managerRollup(input, scope.teamIds) : workspaceRollup(input, new Set(org.users.filter((u) => u.role === 'admin').map((u) => u.id)));
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    rows: result.rows.map((r) => ({ ...r, submittedAt: iso(r.submittedAt) })),
    total: { commit: result.total.commit, bestCase: result.total.bestCase },
  };
}

export async function forecastView(ctx: Ctx, q: ForecastQuery): Promise<ForecastView> {
  assertSalesReader(ctx);
  const [ws, org] = await Promise.all([calendarOf(ctx), loadOrg(ctx)]);
  const today = calendarDate(ctx.now(), ws.timezone);
  const period = forecastPeriod(q, ws, today);
  const personId = q.userId ?? ctx.actor.userId;
  const person = org.users.find((u) => u.id === personId);
  if (!person || !(await canSeeTarget(ctx, org, 'user', personId))) throw notFound('User');
  const scope = callScopeOf(org, ws, person);
  const [figures, deals, submissions] = await Promise.all([
    figuresByOwner(ctx.db, filterOf(ws, period, scope.ownerIds)),
    // A leader inspects the deals behind the figures above: the teams' (or the workspace's), not only their own.
    forecastDeals(ctx.db, filterOf(ws, period, scope.ownerIds)),
    listSubmissions(ctx.db, ws.id, period.key),
  ]);
  const totals = figures.reduce(
    (t, f) => ({
      won: t.won + f.won,
      commit: t.commit + f.commit,
      bestCase: t.bestCase + f.bestCase,
      pipeline: t.pipeline + f.pipeline,
      omitted: t.omitted + f.omitted,
    }),
    { won: 0, commit: 0, bestCase: 0, pipeline: 0, omitted: 0 },
  );
  const own = submissions.filter((s) => s.user_id === personId).map((s) => toSubmission(s, org, ws));
  return {
    period: periodInfo(period),
    open: period.to >= today,
    weekStart: mondayOf(today),
    currency: ws.currency,
    person: { id: person.id, name: person.name, role: person.role },
    scopeType: scope.type,
    scopeName: scope.name,
    totals,
    suggested: systemCall(totals),
    deals: deals.map((d) => ({
      id: d.id,
      name: d.name,
      ownerId: d.owner_id,
      ownerName: d.owner_name,
      stageName: d.stage_name,
      status: d.status,
      amount: d.amount,
      closeDate: d.close_date,
      stageCategory: d.stage_category as ForecastCategory,
      category: d.category as ForecastCategory | 'closed',
      overridden: d.overridden === 1,
    })),
    rollup: await rollupFor(ctx, org, ws, period, scope, submissions),
    latest: own[0] ?? null,
    submissions: own,
  };
}

export async function submitForecast(ctx: Ctx, input: SubmissionCreate): Promise<Submission> {
  assertSalesReader(ctx);
  const [ws, org] = await Promise.all([calendarOf(ctx), loadOrg(ctx)]);
  const today = calendarDate(ctx.now(), ws.timezone);
  const period = forecastPeriod(input, ws, today);
  if (period.to < today) throw invalidField('period', 'has ended; calls are made while the period is open');
  if (input.bestCase < input.commit) throw invalidField('bestCase', 'must be at least the commit');
  const me = org.users.find((u) => u.id === ctx.actor.userId);
  if (!me) throw forbidden();
  const scope = callScopeOf(org, ws, me);
  return inTransaction(ctx, async (tx) => {
    const submissions = await listSubmissions(tx.db, ws.id, period.key);
    const rollup = await rollupFor(tx, org, ws, period, scope, submissions);
    const won = (await figuresByOwner(tx.db, filterOf(ws, period, scope.ownerIds))).reduce((s, f) => s + f.won, 0);
    const now = tx.now();
    const row: SubmissionRow = {
      id: newId(),
      workspace_id: ws.id,
      user_id: me.id,
      scope_type: scope.type,
      scope_id: scope.id,
      period_key: period.key,
      week_start: mondayOf(today),
      commit_amount: input.commit,
      best_case_amount: input.bestCase,
      currency: ws.currency,
      won_amount: won,
      rollup_commit: rollup?.total.commit ?? null,
      rollup_best_case: rollup?.total.bestCase ?? null,
      note: input.note?.trim() || null,
      submitted_at: now,
    };
    await insertSubmission(tx.db, row, filterOf(ws, period, scope.ownerIds));
    return toSubmission(row, org, ws);
  });
}

export async function submissionsOf(ctx: Ctx, q: { period: string; userId?: string | undefined }): Promise<{ items: Submission[] }> {
  assertSalesReader(ctx);
  const [ws, org] = await Promise.all([calendarOf(ctx), loadOrg(ctx)]);
  const period = forecastPeriod(q, ws, calendarDate(ctx.now(), ws.timezone));
  const rows = await listSubmissions(ctx.db, ws.id, period.key, q.userId);
  const items: Submission[] = [];
  for (const r of rows) if (await canSeeTarget(ctx, org, 'user', r.user_id)) items.push(toSubmission(r, org, ws));
  return { items };
}

/** The owner's own judgement of where an open deal stands; history goes to the deal's changes. */
export async function setDealCategory(
  ctx: Ctx,
  dealId: string,
  category: ForecastCategory | null,
): Promise<{ dealId: string; category: ForecastCategory | null }> {
  assertSalesReader(ctx);
  return inTransaction(ctx, async (tx) => {
    const deal = await findLiveDeal(tx.db, ctx.actor.workspaceId, dealId);
    if (!deal || !(await canSeeTarget(tx, await loadOrg(tx), 'user', deal.owner_id))) throw notFound('Deal');
    if (deal.owner_id !== ctx.actor.userId) throw forbidden('Only the deal’s owner sets its forecast category; a manager adjusts their own call instead');
    if (deal.status !== 'open') throw invalidField('category', 'only an open deal has a forecast category to choose');
    const previous = (await findCategory(tx.db, dealId))?.category ?? null;
    if (previous !== category) {
      const at = tx.now();
      await setCategory(tx.db, { workspaceId: ctx.actor.workspaceId, dealId, category, actorId: ctx.actor.userId, at });
      // Through the one writer of `changes`, so the category's history reads like every deal field's.
      const history = { workspaceId: ctx.actor.workspaceId, entity: 'deal' as const, entityId: dealId, actorId: ctx.actor.userId, at, via: 'form' };
      await appendChanges(tx.db, history, [{ field: 'forecast_category', from: previous, to: category }]);
    }
    return { dealId, category };
  });
}
