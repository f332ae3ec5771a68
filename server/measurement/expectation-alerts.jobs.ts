// The daily evaluation of expectations: at 07:00 on the workspace's clock every live expectation is
// judged as the dashboard judges it, and the status is stored. One that turns red (from green, amber,
// no data, never evaluated, or red in an earlier period) tells its owner and their manager. Storing
// the status and notifying share one transaction per expectation, and the store claims the
// transition, so a rerun, a retry or a second node never tells anyone twice. Decision 0012.
import type { Ctx } from '../context.js';
import { defineJob, defineSchedule } from '../jobs/job.js';
import { systemCtx } from '../jobs/system-ctx.js';
import { notify } from '../notifications/notifications.service.js';
import { expectationWentRed } from './expectation.notifications.js';
import { redAlertRecipients } from './expectation-alerts.js';
import { evaluateAllExpectations, readableExpectationNames, turnedRed } from './expectations.service.js';
import { loadOrg } from './scope.service.js';

export const evaluateExpectationsJob = defineJob<Record<string, never>>({
  name: 'measurement.evaluate-expectations',
  description: 'Checks expectations and tells owners when one goes red',
  retryLimit: 2,
  leaseMs: 10 * 60_000,
  handler: async (job) => {
    if (!job.workspaceId) return;
    const system = systemCtx(job);
    const [evaluations, org] = await Promise.all([evaluateAllExpectations(system), loadOrg(system)]);
    let wentRed = 0;
    for (const e of evaluations) {
      await job.db.transaction().execute(async (trx) => {
        const tx = systemCtx(job, trx);
        if (!(await turnedRed(tx, e))) return;
        wentRed++;
        for (const recipientId of redAlertRecipients(org, e.ownerId)) {
          const user = org.users.find((u) => u.id === recipientId);
          if (!user || user.disabled) continue;
          // Told only when they may read it, by the rule that names it in their inbox.
          const reader: Ctx = {
            ...tx,
            actor: { ...tx.actor, userId: user.id, role: user.role, teamId: user.teamId, name: user.name },
            memo: new Map(),
          };
          if (!(await readableExpectationNames(reader, [e.id])).has(e.id)) continue;
          await notify(tx, expectationWentRed, { recipientId, recordId: e.id, data: { period: e.period.label } });
        }
      });
    }
    return { evaluated: evaluations.length, wentRed };
  },
});

export const evaluateExpectationsSchedule = defineSchedule({ job: evaluateExpectationsJob, cron: '0 7 * * *', scope: 'workspace' });
