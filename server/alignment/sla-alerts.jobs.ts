// Lead SLA alerts in the background: every five minutes per workspace the plan reads the accept
// clocks still running (in business hours, alignment/sla.ts) and queues one alert job per occasion
// with a singleton key: the owner when the clock is at risk (three quarters used), the owner's
// manager when it has run out (escalation; the owner themself when nobody manages them). The alert
// job records the occasion (lead_sla_alerts, unique key) and notifies in one transaction, so a
// re-run, a retry or a duplicate never notifies twice. A breach found before its at-risk alert went
// out sends only the escalation: the warning would come too late to help.
import type { AgreementTerms } from '../../api/lead-agreements.js';
import type { Ctx } from '../context.js';
import { userInWorkspace } from '../identity/users.service.js';
import { getWorkspace } from '../identity/workspaces.service.js';
import { defineJob, defineSchedule, type JobRun } from '../jobs/job.js';
import { enqueue } from '../jobs/jobs.service.js';
import { notify } from '../notifications/notifications.service.js';
import { type AlertData, leadAcceptAtRisk, leadAcceptBreached } from './lead.notifications.js';
import { businessCalendar } from './lead-settings.service.js';
import { clockOf } from './sla.js';
import { claimAlert, managerOf, openAcceptClocks } from './sla-alerts.repo.js';

export interface SlaAlert {
  kind: 'at_risk' | 'breached';
  key: string;
  leadId: string;
  recipientId: string;
  ownerId: string;
  dueAt: number;
  acceptWithinHours: number;
}

/** The system acting in a workspace: nobody's own action, so the owner and manager are told. */
function systemCtx(job: JobRun<unknown>, db = job.db): Ctx {
  return {
    db,
    dialect: job.dialect,
    actor: { userId: 'system', workspaceId: job.workspaceId as string, role: 'admin', teamId: null, name: 'Furrow', email: '', via: 'system' },
    now: job.now,
    config: job.config,
    memo: new Map(),
  };
}

const dueText = (at: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);

export const leadSlaAlertJob = defineJob<SlaAlert>({
  name: 'alignment.lead-sla-alert',
  retryLimit: 3,
  handler: async (job) => {
    await job.db.transaction().execute(async (trx) => {
      const ctx = systemCtx(job, trx);
      const a = job.payload;
      const claimed = await claimAlert(trx, {
        key: a.key,
        workspace_id: ctx.actor.workspaceId,
        lead_id: a.leadId,
        kind: a.kind,
        recipient_id: a.recipientId,
        created_at: job.now(),
      });
      if (!claimed) return;
      const data: AlertData = {
        dueAt: new Date(a.dueAt).toISOString(),
        due: dueText(a.dueAt, (await getWorkspace(ctx)).timezone),
        acceptWithinHours: a.acceptWithinHours,
      };
      if (a.kind === 'at_risk') {
        await notify(ctx, leadAcceptAtRisk, { recipientId: a.recipientId, recordId: a.leadId, data });
        return;
      }
      const owner = await userInWorkspace(ctx, ctx.actor.workspaceId, a.ownerId);
      await notify(ctx, leadAcceptBreached, { recipientId: a.recipientId, recordId: a.leadId, data: { ...data, ownerName: owner?.name ?? 'The owner' } });
    });
  },
});

/** The alerts due now in a workspace, each occasion named by its key (lead, routing, kind). */
export async function dueSlaAlerts(ctx: Ctx): Promise<SlaAlert[]> {
  const ws = ctx.actor.workspaceId;
  const now = ctx.now();
  const cal = await businessCalendar(ctx);
  const out: SlaAlert[] = [];
  for (const lead of await openAcceptClocks(ctx.db, ws)) {
    const hours = lead.agreement_terms ? (JSON.parse(lead.agreement_terms) as AgreementTerms).sla.acceptWithinHours : null;
    if (hours === null) continue;
    const clock = clockOf(cal, Number(lead.routed_at), hours, null, now);
    const base = { leadId: lead.id, ownerId: lead.owner_id, dueAt: Number(lead.accept_due_at), acceptWithinHours: hours };
    const occasion = `lead-sla:${lead.id}:${lead.routed_at}`;
    if (clock.state === 'at_risk') out.push({ ...base, kind: 'at_risk', key: `${occasion}:at_risk`, recipientId: lead.owner_id });
    if (clock.state === 'breached') {
      const manager = await managerOf(ctx.db, ws, lead.owner_id);
      out.push({ ...base, kind: 'breached', key: `${occasion}:breached`, recipientId: manager ?? lead.owner_id });
    }
  }
  return out;
}

export const planLeadSlaAlertsJob = defineJob<Record<string, never>>({
  name: 'alignment.plan-lead-sla-alerts',
  retryLimit: 1,
  handler: async (job) => {
    if (!job.workspaceId) return;
    for (const a of await dueSlaAlerts(systemCtx(job))) {
      await enqueue(job, leadSlaAlertJob, a, { workspaceId: job.workspaceId, singletonKey: a.key });
    }
  },
});

export const planLeadSlaAlertsSchedule = defineSchedule({ job: planLeadSlaAlertsJob, cron: '*/5 * * * *', scope: 'workspace' });
