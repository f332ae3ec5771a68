// The weekly digest: every Monday at 07:00 on the workspace's clock a schedule queues one digest
// job per sales person, keyed by person and ISO week (a second pass, or a second worker, queues
// nothing new); the job reads the person's digest (rhythm/digest.service.ts) with the person's own
// reach (an actor of their role), and notifies them through the catalogue (in-app, email when they
// want it and SMTP is set) with its lines, figures only.
import { isoWeekOf } from '../../lib/periods.js';
import type { Ctx } from '../context.js';
import { calendarDate } from '../dates.js';
import type { Role } from '../db/schema/identity.js';
import { reachOf } from '../identity/policy.js';
import { listUsers } from '../identity/users.service.js';
import { defineJob, defineSchedule } from '../jobs/job.js';
import { enqueue } from '../jobs/jobs.service.js';
import { systemCtx } from '../jobs/system-ctx.js';
import { calendarOf } from '../measurement/kpi-request.service.js';
import { notify } from '../notifications/notifications.service.js';
import { weeklyDigest } from './digest.notifications.js';
import { digestFor } from './digest.service.js';

// Whoever the policy gives a digest: the sales people.
const getsDigest = (role: Role) => reachOf(role, 'weekly_digest', 'read') !== 'none';

export const weeklyDigestJob = defineJob<{ userId: string; week: string }>({
  name: 'rhythm.weekly-digest',
  description: 'Sends one person their weekly digest',
  retryLimit: 2,
  leaseMs: 10 * 60_000,
  handler: async (job) => {
    const system = systemCtx(job);
    const user = (await listUsers(system)).find((u) => u.id === job.payload.userId);
    if (!user || user.disabled || !getsDigest(user.role)) return;
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
    const { lines } = await digestFor(reader);
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
      if (user.disabled || !getsDigest(user.role)) continue;
      await enqueue(job, weeklyDigestJob, { userId: user.id, week }, { workspaceId: job.workspaceId, singletonKey: `weekly-digest:${user.id}:${week}` });
    }
  },
});

export const weeklyDigestSchedule = defineSchedule({ job: planWeeklyDigestJob, cron: '0 7 * * 1', scope: 'workspace' });
