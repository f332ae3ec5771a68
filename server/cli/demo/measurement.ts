// The demo's measurement layer, seeded from the simulated deals: quarterly quotas per rep sized on
// each rep's own bookings, a handful of expectations at every level (some on track, some not), and
// weekly forecast calls for the last closed quarter and the current one, so accuracy, bias, commit
// conversion and the roll-up all have something to show. Deterministic for a given workspace.
import type { Insertable, Kysely } from 'kysely';
import { addDays, mondayOf, startOfDay } from '../../../lib/calendar.js';
import { type Period, periodContaining, previousPeriod } from '../../../lib/periods.js';
import { subtreeIds } from '../../../lib/team-tree.js';
import { calendarDate } from '../../dates.js';
import type { ExpectationsTable, ForecastSubmissionDealsTable, ForecastSubmissionsTable, QuotasTable } from '../../db/schema/measurement.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { hash32, stringSeed } from './random.js';

export interface MeasurementSeed {
  quotas: number;
  expectations: number;
  submissions: number;
}

interface Won {
  owner_id: string;
  amount: number;
  close_date: string;
  closed_at: number;
}

/** A deterministic number in [0, 1) for a key. */
const unit = (...parts: (string | number)[]) => hash32(...parts.map((p) => (typeof p === 'number' ? p : stringSeed(p)))) / 2 ** 32;
const roundTo = (n: number, step: number) => Math.max(step, Math.round(n / step) * step);
/** A forecast call rounded to a hundred; nothing expected is a call of zero, not of a hundred. */
export const roundCall = (n: number) => Math.round(n / 10_000) * 10_000;

export async function seedMeasurement(db: Kysely<DB>, input: { workspaceId: string; now: number; log?: (m: string) => void }): Promise<MeasurementSeed> {
  const ws = await db.selectFrom('workspaces').selectAll().where('id', '=', input.workspaceId).executeTakeFirstOrThrow();
  const users = await db
    .selectFrom('users')
    .select(['id', 'role', 'team_id', 'name'])
    .where('workspace_id', '=', ws.id)
    .where('disabled_at', 'is', null)
    .execute();
  const teams = await db.selectFrom('teams').select(['id', 'parent_id', 'manager_id']).where('workspace_id', '=', ws.id).execute();
  const admin = users.find((u) => u.role === 'admin');
  const reps = users.filter((u) => u.role === 'rep');
  if (!admin || reps.length === 0) return { quotas: 0, expectations: 0, submissions: 0 };
  const fy = ws.fiscal_year_start_month;
  const today = calendarDate(input.now, ws.timezone);
  const current = periodContaining('quarter', today, fy);
  const last = previousPeriod(current, fy);
  const yearAgo = periodContaining('quarter', addDays(today, -365), fy);
  const won = (
    await db
      .selectFrom('deals')
      .select(['owner_id', 'amount', 'close_date', 'closed_at'])
      .where('workspace_id', '=', ws.id)
      .where('status', '=', 'won')
      .where('deleted_at', 'is', null)
      .where('currency', '=', ws.currency)
      .where('close_date', '>=', yearAgo.from)
      .execute()
  ).map((r) => ({ ...r, amount: Number(r.amount), closed_at: Number(r.closed_at) })) as Won[];
  const wonIn = (owners: ReadonlySet<string>, p: Period, until = Number.POSITIVE_INFINITY) =>
    won.filter((w) => owners.has(w.owner_id) && w.close_date >= p.from && w.close_date <= p.to && w.closed_at <= until).reduce((s, w) => s + w.amount, 0);

  // Quotas: each rep's average quarterly bookings over the past year, stretched 5–25 %.
  const quarters: Period[] = [];
  for (let q = yearAgo; q.from <= addDays(current.to, 1); q = periodContaining('quarter', addDays(q.to, 1), fy)) quarters.push(q);
  const completed = quarters.filter((q) => q.to < current.from);
  const average = new Map(reps.map((r) => [r.id, wonIn(new Set([r.id]), { ...yearAgo, to: addDays(current.from, -1) }) / Math.max(1, completed.length)]));
  const typical = [...average.values()].sort((a, b) => a - b)[Math.floor(reps.length / 2)] ?? 0;
  const quotaRows: Insertable<QuotasTable>[] = [];
  for (const rep of reps) {
    const base = (average.get(rep.id) || typical || 5_000_000) as number;
    for (const q of quarters) {
      quotaRows.push({
        id: newId(),
        workspace_id: ws.id,
        scope_type: 'user',
        scope_id: rep.id,
        period_key: q.key,
        amount: roundTo(base * (1.05 + 0.2 * unit(rep.id, q.key)), 100_000),
        currency: ws.currency,
        created_by: admin.id,
        created_at: input.now,
        updated_at: input.now,
        version: 1,
      });
    }
  }

  // Expectations at every level: the CSO's on the workspace, each manager's on their team, and a
  // few reps' own.
  const expectation = (
    e: Pick<ExpectationsTable, 'kpi_id' | 'scope_type' | 'scope_id' | 'period_kind' | 'target' | 'amber_threshold' | 'red_threshold' | 'owner_id'> & {
      note?: string;
    },
  ) =>
    ({
      id: newId(),
      workspace_id: ws.id,
      period_key: null,
      note: e.note ?? null,
      created_by: admin.id,
      created_at: input.now,
      updated_at: input.now,
      archived_at: null,
      version: 1,
      ...e,
    }) satisfies Insertable<ExpectationsTable>;
  const wsScope = { scope_type: 'workspace' as const, scope_id: ws.id, owner_id: admin.id, period_kind: 'quarter' as const };
  const expectations = [
    expectation({ ...wsScope, kpi_id: 'win_rate', target: 0.3, amber_threshold: 0.27, red_threshold: 0.22, note: 'Qualify harder rather than chase more' }),
    expectation({ ...wsScope, kpi_id: 'pipeline_coverage', target: 3, amber_threshold: 2.5, red_threshold: 2 }),
    expectation({ ...wsScope, kpi_id: 'cramming_index', target: 0.2, amber_threshold: 0.25, red_threshold: 0.35, note: 'Farm, do not cram' }),
    expectation({ ...wsScope, kpi_id: 'quota_attainment', target: 1, amber_threshold: 0.9, red_threshold: 0.75 }),
  ];
  for (const team of teams.filter((t) => t.manager_id)) {
    const scope = { scope_type: 'team' as const, scope_id: team.id, owner_id: team.manager_id as string, period_kind: 'quarter' as const };
    expectations.push(expectation({ ...scope, kpi_id: 'process_adherence', target: 0.85, amber_threshold: 0.8, red_threshold: 0.7 }));
    expectations.push(expectation({ ...scope, kpi_id: 'sales_cycle_length', target: 45, amber_threshold: 55, red_threshold: 70 }));
  }
  for (const rep of reps.slice(0, 6)) {
    const scope = { scope_type: 'user' as const, scope_id: rep.id, owner_id: rep.id };
    expectations.push(expectation({ ...scope, period_kind: 'quarter', kpi_id: 'quota_attainment', target: 1, amber_threshold: 0.9, red_threshold: 0.7 }));
    expectations.push(expectation({ ...scope, period_kind: 'month', kpi_id: 'activity_volume', target: 40, amber_threshold: 30, red_threshold: 20 }));
  }

  // Weekly calls: reps call close to what they end up winning (closer as the quarter goes on); a
  // manager calls the team's roll-up with a small adjustment; the CSO the sum of the managers.
  const submissions: Insertable<ForecastSubmissionsTable>[] = [];
  const snapshot: Insertable<ForecastSubmissionDealsTable>[] = [];
  const deals = await db
    .selectFrom('deals')
    .select(['id', 'owner_id', 'status', 'amount', 'close_date', 'stage_id'])
    .where('workspace_id', '=', ws.id)
    .where('deleted_at', 'is', null)
    .where('currency', '=', ws.currency)
    .where('close_date', '>=', last.from)
    .where('close_date', '<=', last.to)
    .execute();
  const nodes = teams.map((t) => ({ id: t.id, parentId: t.parent_id, managerId: t.manager_id }));
  const teamOf = (teamId: string) => {
    const below = subtreeIds(nodes, [teamId]);
    return new Set(users.filter((u) => u.team_id && below.has(u.team_id)).map((u) => u.id));
  };
  for (const period of [last, current]) {
    const closed = period.to < today;
    for (let week = mondayOf(period.from); week <= period.to && week <= today; week = addDays(week, 7)) {
      // A quarter may start mid-week: its first call is on its first day.
      const at = startOfDay([week, period.from].sort()[1] as string, ws.timezone) + 9 * 3_600_000;
      if (at > input.now) break;
      const progress = Math.min(
        1,
        (at - startOfDay(period.from, ws.timezone)) / (startOfDay(addDays(period.to, 1), ws.timezone) - startOfDay(period.from, ws.timezone)),
      );
      const callOf = new Map<string, number>();
      for (const rep of reps) {
        const owners = new Set([rep.id]);
        const soFar = wonIn(owners, period, at);
        const outcome = closed ? wonIn(owners, period) : soFar / Math.max(0.15, progress);
        const miss = (unit(rep.id, period.key, week) - 0.45) * 0.6 * (1 - progress);
        const commit = roundCall(Math.max(soFar, outcome * (1 + miss)));
        callOf.set(rep.id, commit);
        const id = newId();
        submissions.push(call(id, rep.id, 'user', rep.id, period.key, week, commit, soFar, null, at + Math.floor(unit(rep.id, week) * 3_600_000)));
        if (closed && addDays(week, 7) > period.to) {
          // The deals behind the last call of the quarter: what was won, and some that were lost.
          for (const d of deals.filter((x) => x.owner_id === rep.id && x.status !== 'open')) {
            const committed = d.status === 'won' || unit(d.id) < 0.35;
            snapshot.push({
              id: `${id}:${d.id}`,
              workspace_id: ws.id,
              submission_id: id,
              deal_id: d.id,
              owner_id: d.owner_id,
              category: committed ? 'commit' : 'best_case',
              stage_id: d.stage_id,
              amount: Number(d.amount),
              close_date: d.close_date,
            });
          }
        }
      }
      const managers = teams.filter((t) => t.manager_id);
      let total = 0;
      for (const team of managers) {
        const members = teamOf(team.id);
        const rollup = reps.filter((r) => members.has(r.id)).reduce((s, r) => s + (callOf.get(r.id) ?? 0), 0);
        const commit = roundCall(rollup * (0.95 + 0.08 * unit(team.id, week)));
        if (team.parent_id === null) total += commit;
        submissions.push(
          call(newId(), team.manager_id as string, 'team', team.id, period.key, week, commit, wonIn(members, period, at), rollup, at + 4 * 3_600_000),
        );
      }
      submissions.push(
        call(newId(), admin.id, 'workspace', ws.id, period.key, week, total, wonIn(new Set(users.map((u) => u.id)), period, at), total, at + 6 * 3_600_000),
      );
    }
  }

  function call(
    id: string,
    userId: string,
    scopeType: 'user' | 'team' | 'workspace',
    scopeId: string,
    periodKey: string,
    week: string,
    commit: number,
    soFar: number,
    rollup: number | null,
    at: number,
  ): Insertable<ForecastSubmissionsTable> {
    return {
      id,
      workspace_id: ws.id,
      user_id: userId,
      scope_type: scopeType,
      scope_id: scopeId,
      period_key: periodKey,
      week_start: week,
      commit_amount: commit,
      best_case_amount: roundCall(commit * 1.2),
      currency: ws.currency,
      won_amount: soFar,
      rollup_commit: rollup,
      rollup_best_case: rollup === null ? null : roundCall(rollup * 1.2),
      note: null,
      submitted_at: Math.min(at, input.now),
    };
  }

  const insert = async <T extends keyof DB & string>(table: T, rows: readonly Insertable<DB[T]>[]) => {
    for (let i = 0; i < rows.length; i += 200)
      await db
        .insertInto(table)
        .values(rows.slice(i, i + 200) as Insertable<DB[T]>[])
        .execute();
  };
  await insert('quotas', quotaRows);
  await insert('expectations', expectations);
  await insert('forecast_submissions', submissions);
  await insert('forecast_submission_deals', snapshot);
  input.log?.(`measurement: ${quotaRows.length} quotas, ${expectations.length} expectations, ${submissions.length} forecast calls`);
  return { quotas: quotaRows.length, expectations: expectations.length, submissions: submissions.length };
}
