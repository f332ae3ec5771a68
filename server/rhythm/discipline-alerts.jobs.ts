// The "below the start of the year" alert (issue 13): every morning at 07:30 on the workspace's
// clock the discipline index of the current year is read as the CSO reads it (every team and the
// workspace), and each discipline whose latest finished month is below the level its year started
// from tells the team's manager (the admins, for the workspace, or for a team nobody manages).
// One alert per slide: the claim row and the notification share a transaction.
import { listTeams } from '../identity/teams.service.js';
import { listUsers } from '../identity/users.service.js';
import { defineJob, defineSchedule } from '../jobs/job.js';
import { systemCtx } from '../jobs/system-ctx.js';
import { notify } from '../notifications/notifications.service.js';
import { disciplineBelowStart } from './discipline.notifications.js';
import { disciplineIndexFor } from './discipline.service.js';
import { alertsOf } from './discipline-alerts.js';
import { claimDisciplineAlert } from './discipline-alerts.repo.js';

export const disciplineAlertsJob = defineJob<Record<string, never>>({
  name: 'rhythm.discipline-alerts',
  description: 'Tells leaders when a discipline falls below where the year started',
  retryLimit: 2,
  leaseMs: 10 * 60_000,
  handler: async (job) => {
    if (!job.workspaceId) return;
    const system = systemCtx(job);
    const alerts = alertsOf(await disciplineIndexFor(system, {}));
    if (alerts.length === 0) return;
    const [teams, users] = await Promise.all([listTeams(system), listUsers(system)]);
    const active = new Set(users.filter((u) => !u.disabled).map((u) => u.id));
    const admins = users.filter((u) => u.role === 'admin' && !u.disabled).map((u) => u.id);
    for (const a of alerts) {
      const manager = a.scopeKind === 'team' ? teams.find((t) => t.id === a.scopeId)?.managerId : null;
      const recipients = manager && active.has(manager) ? [manager] : admins;
      await job.db.transaction().execute(async (trx) => {
        const tx = systemCtx(job, trx);
        const claimed = await claimDisciplineAlert(trx, {
          workspace_id: tx.actor.workspaceId,
          scope_id: a.scopeId,
          discipline: a.discipline,
          since_key: a.sinceKey,
          raised_at: tx.now(),
        });
        if (!claimed) return;
        for (const recipientId of recipients)
          await notify(tx, disciplineBelowStart, {
            recipientId,
            recordId: recipientId,
            data: { discipline: a.disciplineName, scope: a.scopeName, month: a.monthLabel, start: a.start, score: a.score },
          });
      });
    }
  },
});

export const disciplineAlertsSchedule = defineSchedule({ job: disciplineAlertsJob, cron: '30 7 * * *', scope: 'workspace' });
