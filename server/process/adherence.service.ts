// Process adherence per rep, team and workspace, per week and for any period (PRODUCT.md, KPI
// "process adherence"). Sums come from SQL; this file only divides and assembles.
import type { AdherenceQuery, AdherenceReport, DealFigures, Figures, VersionFigures } from '../../api/adherence.js';
import { addDays, startOfDay } from '../../lib/calendar.js';
import type { Ctx } from '../context.js';
import { invalidField } from '../errors.js';
import { getWorkspace } from '../identity/workspaces.service.js';
import { type DealCounts, dealCounts, importedMoveCount, type KeyedSums, listProcessVersions, moveSums } from './adherence.repo.js';
import { finishFigures, inForceDuring, type MoveSums, versionIntervals, type Week, weeksOf, ZERO_SUMS } from './adherence-formulas.js';
import type { ScopedFilter } from './adherence-scope.service.js';
import { adherenceFilter } from './adherence-scope.service.js';

/** Two years of weeks is the longest weekly trend one request draws. */
export const MAX_WEEKS = 106;

export interface Period {
  start: number;
  end: number;
  weeks: Week[];
  timeZone: string;
}

/** The period [from, to] (calendar dates, inclusive) in the workspace time zone. */
export async function periodOf(ctx: Ctx, from: string, to: string): Promise<Period> {
  if (to < from) throw invalidField('to', 'must not be before from');
  const timeZone = (await getWorkspace(ctx)).timezone;
  const weeks = weeksOf(from, to, timeZone);
  if (weeks.length > MAX_WEEKS) throw invalidField('to', `the period may span at most ${MAX_WEEKS} weeks`);
  return { start: startOfDay(from, timeZone), end: startOfDay(addDays(to, 1), timeZone), weeks, timeZone };
}

const NO_DEALS: DealFigures = { openDeals: 0, agingDeals: 0, noNextStepDeals: 0 };

const dealFigures = (c: DealCounts | undefined): DealFigures =>
  c ? { openDeals: c.openDeals, agingDeals: c.agingDeals, noNextStepDeals: c.noNextStepDeals } : NO_DEALS;

const figures = (s: MoveSums | undefined, d: DealFigures): Figures => ({ ...finishFigures(s ?? ZERO_SUMS), ...d });

const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * Move figures per process version: every version in force during the period (a quiet one shows
 * zero moves) and any other version that moves of the period were checked against, oldest first.
 */
async function versionFigures(ctx: Ctx, f: ScopedFilter, period: Period): Promise<VersionFigures[]> {
  const sums = await moveSums(ctx.db, f, period.start, period.end, { by: 'version' });
  const rows = await listProcessVersions(ctx.db, ctx.actor.workspaceId, f.pipelineId);
  const intervals = versionIntervals(rows.map((r) => ({ ...r, pipelineId: r.pipeline_id, createdAt: r.created_at })));
  const sumsBy = new Map(sums.map((s) => [s.key, s]));
  const shown = intervals
    .filter((v) => sumsBy.has(v.version.id) || (inForceDuring(v, period.start, period.end) && (!f.processVersionId || v.version.id === f.processVersionId)))
    .sort((a, b) => a.version.pipeline_name.localeCompare(b.version.pipeline_name) || a.version.number - b.version.number);
  const out: VersionFigures[] = shown.map((v) => ({
    processVersionId: v.version.id,
    number: v.version.number,
    pipelineId: v.version.pipeline_id,
    pipelineName: v.version.pipeline_name,
    note: v.version.note,
    inForceFrom: isoOrNull(v.from),
    inForceTo: isoOrNull(v.to),
    ...finishFigures(sumsBy.get(v.version.id) ?? ZERO_SUMS),
  }));
  const unversioned = sumsBy.get(null);
  if (unversioned)
    out.push({
      processVersionId: null,
      number: null,
      pipelineId: null,
      pipelineName: null,
      note: null,
      inForceFrom: null,
      inForceTo: null,
      ...finishFigures(unversioned),
    });
  return out;
}

export async function adherenceReport(ctx: Ctx, q: AdherenceQuery): Promise<AdherenceReport> {
  const f = await adherenceFilter(ctx, q);
  const period = await periodOf(ctx, q.from, q.to);
  const now = ctx.now();
  const asOf = Math.min(period.end, now);
  // Weeks that have not started yet have nothing to show.
  const weeks = period.weeks.filter((w) => w.start <= now);
  const bounds = weeks.length > 0 ? [weeks[0]?.start as number, ...weeks.map((w) => w.end)] : [];

  const totals = await moveSums(ctx.db, f, period.start, period.end, { by: 'none' });
  const weekly = weeks.length > 0 ? await moveSums(ctx.db, f, period.start, period.end, { by: 'week', bounds }) : [];
  const perRep = await moveSums(ctx.db, f, period.start, period.end, { by: 'owner' });
  const perTeam = f.teamIds.length > 0 ? await moveSums(ctx.db, f, period.start, period.end, { by: 'team' }) : [];
  const points = [asOf, ...weeks.map((w) => Math.min(w.end, now))];
  const counts = await dealCounts(ctx.db, f, points, 'none');
  const repCounts = await dealCounts(ctx.db, f, [asOf], 'owner');
  const teamCounts = f.teamIds.length > 0 ? await dealCounts(ctx.db, f, [asOf], 'team') : [];
  const versions = await versionFigures(ctx, f, period);
  const importedMoves = await importedMoveCount(ctx.db, f, period.start, period.end);

  const byKey = (rows: KeyedSums[]) => new Map(rows.map((r) => [r.key, r]));
  const weeklyBy = byKey(weekly);
  const repsBy = byKey(perRep);
  const teamsBy = byKey(perTeam);
  const countAt = (i: number) => counts.find((c) => c.point === i);
  const repIds = [...new Set([...perRep.map((r) => String(r.key)), ...repCounts.map((c) => c.key as string)])];
  const userName = new Map(f.users.map((u) => [u.id, u.name]));

  return {
    from: q.from,
    to: q.to,
    asOf: new Date(asOf).toISOString(),
    totals: figures(totals[0], dealFigures(countAt(0))),
    weeks: weeks.map((w, i) => ({
      weekStart: w.weekStart,
      asOf: new Date(points[i + 1] as number).toISOString(),
      ...figures(weeklyBy.get(i), dealFigures(countAt(i + 1))),
    })),
    reps: repIds
      .map((id) => ({ userId: id, name: userName.get(id) ?? 'Unknown user', ...figures(repsBy.get(id), dealFigures(repCounts.find((c) => c.key === id))) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    teams: f.teams
      .map((t) => ({ teamId: t.id, name: t.name, parentId: t.parentId, ...figures(teamsBy.get(t.id), dealFigures(teamCounts.find((c) => c.key === t.id))) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    versions,
    importedMoves,
  };
}
