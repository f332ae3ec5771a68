// The weekly digest: every Monday at 07:00 on the workspace's clock a schedule queues one digest
// job per sales person, keyed by person and ISO week (a second pass, or a second worker, queues
// nothing new); the job reads the person's plan, overdue actions and discipline index with the
// person's own reach (an actor of their role), and notifies them through the catalogue (in-app,
// email when they want it and SMTP is set).
import { isoWeekOf } from '../../lib/periods.js';
import { listActionItems } from '../coaching/action-items.service.js';
import type { Ctx } from '../context.js';
import { calendarDate } from '../dates.js';
import { listUsers } from '../identity/users.service.js';
import { defineJob, defineSchedule } from '../jobs/job.js';
import { enqueue } from '../jobs/jobs.service.js';
import { systemCtx } from '../jobs/system-ctx.js';
import { calendarOf } from '../measurement/kpi-request.service.js';
import { notify } from '../notifications/notifications.service.js';
import { weeklyDigest } from './digest.notifications.js';
import { type DigestFigures, digestLines } from './digest-summary.js';
import { disciplineIndexFor } from './discipline.service.js';
import { harvestPlanFor } from './harvest.service.js';

const SALES_ROLES = new Set(['admin', 'manager', 'rep']);

/** The figures of one person's digest, read as that person (their reach, nothing more). */
async function figuresFor(ctx: Ctx): Promise<DigestFigures> {
  const role = ctx.actor.role;
  const plan = await harvestPlanFor(ctx, {});
  const rows = plan.rows.filter((r) => r.plan !== null);
  // The reader's own level: a rep their plan, a manager their top teams, an admin the organisation.
  const mine =
    role === 'rep'
      ? rows.filter((r) => r.kind === 'rep')
      : role === 'admin'
        ? rows.filter((r) => r.kind === 'workspace')
        : rows.filter((r) => r.kind === 'team' && !rows.some((p) => p.kind === 'team' && p.id === r.parentId));
  const planting = mine.length
    ? mine.reduce<NonNullable<DigestFigures['planting']>>(
        (s, r) => {
          const p = r.plan as NonNullable<typeof r.plan>;
          return {
            neededToDate: s.neededToDate + p.neededToDate,
            plantedToDate: s.plantedToDate + p.plantedToDate,
            behindFixable: Math.max(s.behindFixable, p.months.filter((m) => m.behind && m.fixable).length),
            behindTooLate: Math.max(s.behindTooLate, p.months.filter((m) => m.behind && !m.fixable).length),
            catchUpPerMonth: p.catchUpPerMonth === null ? s.catchUpPerMonth : (s.catchUpPerMonth ?? 0) + p.catchUpPerMonth,
          };
        },
        { neededToDate: 0, plantedToDate: 0, behindFixable: 0, behindTooLate: 0, catchUpPerMonth: null },
      )
    : null;
  const today = plan.today;
  const actions = await listActionItems(ctx, { open: true, ownerId: ctx.actor.userId });
  const overdueActions = actions.items.filter((a) => a.dueDate !== null && a.dueDate < today).length;
  let discipline: DigestFigures['discipline'] = null;
  if (role !== 'rep') {
    const idx = await disciplineIndexFor(ctx, {});
    const scope = idx.scopes[0];
    const at = idx.months.findIndex((m) => m.key === idx.currentKey);
    if (scope && at >= 0) {
      const names = new Map(idx.disciplines.map((d) => [d.key, d.name]));
      discipline = {
        overall: scope.overall[at]?.score ?? null,
        previous: at > 0 ? (scope.overall[at - 1]?.score ?? null) : null,
        fading: scope.fading.map((k) => names.get(k) ?? k),
      };
    }
  }
  return { currency: plan.currency, planting, overdueActions, discipline };
}

export const weeklyDigestJob = defineJob<{ userId: string; week: string }>({
  name: 'rhythm.weekly-digest',
  description: 'Sends one person their weekly digest',
  retryLimit: 2,
  leaseMs: 10 * 60_000,
  handler: async (job) => {
    const system = systemCtx(job);
    const user = (await listUsers(system)).find((u) => u.id === job.payload.userId);
    if (!user || user.disabled || !SALES_ROLES.has(user.role)) return;
    const reader: Ctx = {
      ...system,
      actor: {
        userId: user.id,
        workspaceId: system.actor.workspaceId,
        role: user.role,
        teamId: user.teamId,
        name: user.name,
        email: user.email,
        via: 'system',
      },
    };
    const lines = digestLines(await figuresFor(reader));
    await job.db.transaction().execute(async (trx) => {
      await notify(systemCtx(job, trx), weeklyDigest, { recipientId: user.id, recordId: user.id, data: { week: job.payload.week, lines } });
    });
  },
});

export const planWeeklyDigestJob = defineJob<Record<string, never>>({
  name: 'rhythm.plan-weekly-digest',
  description: 'Plans the weekly digests of the workspace',
  retryLimit: 1,
  handler: async (job) => {
    if (!job.workspaceId) return;
    const ctx = systemCtx(job);
    const ws = await calendarOf(ctx);
    const w = isoWeekOf(calendarDate(job.now(), ws.timezone));
    const week = `${w.year}-W${String(w.week).padStart(2, '0')}`;
    for (const user of await listUsers(ctx)) {
      if (user.disabled || !SALES_ROLES.has(user.role)) continue;
      await enqueue(job, weeklyDigestJob, { userId: user.id, week }, { workspaceId: job.workspaceId, singletonKey: `weekly-digest:${user.id}:${week}` });
    }
  },
});

export const weeklyDigestSchedule = defineSchedule({ job: planWeeklyDigestJob, cron: '0 7 * * 1', scope: 'workspace' });
