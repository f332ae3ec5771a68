// After a period closes: how good was each call? Accuracy and bias per person and submission
// week against what was won, and each rep's commit conversion (of what they committed at their
// last call, how much was won) as a calibration view.
import type { ForecastAccuracy } from '../../api/measurement-forecast.js';
import type { Ctx } from '../context.js';
import { calendarDate } from '../dates.js';
import { commitConversion, listSubmissions, type SubmissionRow } from './forecast.repo.js';
import { forecastPeriod } from './forecast.service.js';
import { accuracyOf, lastPerWeek } from './forecast-accuracy.js';
import { periodInfo } from './kpi.service.js';
import { figureNow } from './kpi-compute.service.js';
import { calendarOf } from './kpi-request.service.js';
import { wonAmount } from './kpis/bookings.js';
import { scopeNameOf } from './quotas.service.js';
import { assertSalesReader, canSeeTarget, loadOrg, targetScope } from './scope.service.js';

export async function forecastAccuracy(ctx: Ctx, q: { period?: string | undefined }): Promise<ForecastAccuracy> {
  assertSalesReader(ctx);
  const [ws, org] = await Promise.all([calendarOf(ctx), loadOrg(ctx)]);
  const today = calendarDate(ctx.now(), ws.timezone);
  const period = forecastPeriod(q, ws, today);
  const closed = period.to < today;
  const rows = await listSubmissions(ctx.db, ws.id, period.key);
  const byUser = new Map<string, SubmissionRow[]>();
  for (const r of rows) {
    if (!(await canSeeTarget(ctx, org, 'user', r.user_id))) continue;
    byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r]);
  }

  const people = [];
  const lastRepCalls: SubmissionRow[] = [];
  for (const [userId, subs] of byUser) {
    // A person's calls may have covered different scopes (a rep promoted mid-period); the latest names it.
    const latest = subs[0] as SubmissionRow;
    const scope = targetScope(org, ws, latest.scope_type, latest.scope_id);
    // The won amount of the catalogue: the same definition the dashboards show.
    const actual = scope ? ((await figureNow(ctx, wonAmount, ws, scope, period)).value ?? 0) : 0;
    people.push({
      userId,
      name: org.users.find((u) => u.id === userId)?.name ?? '(deleted user)',
      scopeType: latest.scope_type,
      scopeName: scopeNameOf(org, ws.name, latest.scope_type, latest.scope_id),
      actual,
      weeks: lastPerWeek(subs).map((s) => {
        const commit = Number(s.commit_amount);
        const figures = closed ? accuracyOf(actual, commit) : { accuracy: null, bias: null };
        return {
          weekStart: s.week_start,
          submissionId: s.id,
          submittedAt: new Date(Number(s.submitted_at)).toISOString(),
          commit,
          bestCase: Number(s.best_case_amount),
          ...figures,
        };
      }),
    });
    if (latest.scope_type === 'user') lastRepCalls.push(latest);
  }
  people.sort((a, b) => a.name.localeCompare(b.name));

  const conversion = await commitConversion(
    ctx.db,
    ws.id,
    lastRepCalls.map((s) => s.id),
    period.from,
    period.to,
  );
  const commitRows = lastRepCalls
    .map((s) => {
      const c = conversion.find((x) => x.submission_id === s.id);
      const committed = c?.committed ?? 0;
      return {
        userId: s.user_id,
        name: org.users.find((u) => u.id === s.user_id)?.name ?? '(deleted user)',
        submissionId: s.id,
        committed,
        won: c?.won ?? 0,
        conversion: committed > 0 ? (c?.won ?? 0) / committed : null,
        deals: c?.deals ?? 0,
        wonDeals: c?.won_deals ?? 0,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return { period: periodInfo(period), closed, currency: ws.currency, people, commitConversion: commitRows };
}
