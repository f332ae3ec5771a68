// Lead SLA alerts in the background: every five minutes per workspace the plan reads, clause by
// clause of the agreement's sales SLA (accept and first touch in business hours, alignment/sla.ts;
// attempts in calendar days), the clocks still running and queues one alert job per occasion
// with a singleton key: the owner when the clock is at risk (three quarters used), the owner's
// manager when it has run out (escalation; the owner themself when nobody manages them). The alert
// job records the occasion (lead_sla_alerts, unique key) and notifies in one transaction, so a
// re-run, a retry or a duplicate never notifies twice. A breach found before its at-risk alert went
// out sends only the escalation: the warning would come too late to help. When the workspace turned
// it on, an accept or first-touch breach also reassigns the lead, in the same transaction
// (sla-reassign.service.ts, decision 0103).
import type { AgreementTerms, SalesSla } from '../../api/lead-agreements.js';
import type { Ctx } from '../context.js';
import { userInWorkspace } from '../identity/users.service.js';
import { getWorkspace } from '../identity/workspaces.service.js';
import { defineJob, defineSchedule } from '../jobs/job.js';
import { enqueue } from '../jobs/jobs.service.js';
import { systemCtx } from '../jobs/system-ctx.js';
import type { NotificationKind } from '../notifications/kind.js';
import { notify } from '../notifications/notifications.service.js';
import type { BusinessCalendar } from './business-hours.js';
import { leadAcceptAtRisk, leadAcceptBreached, leadAttemptsAtRisk, leadAttemptsBreached, leadTouchAtRisk, leadTouchBreached } from './lead.notifications.js';
import { businessCalendar } from './lead-settings.service.js';
import { AT_RISK_SHARE, clockOf } from './sla.js';
import { alertKind, claimAlert, managerOf, type OpenClock, openClocks, type SlaClause } from './sla-alerts.repo.js';
import { reassignOnBreach } from './sla-reassign.service.js';

export interface SlaAlert {
  /** Absent on alerts queued before the first-touch and attempts clauses alerted: accept. */
  clause?: SlaClause;
  kind: 'at_risk' | 'breached';
  key: string;
  leadId: string;
  recipientId: string;
  ownerId: string;
  dueAt: number;
  /** The routing whose clock this is; absent on alerts queued before reassignment (decision 0103). */
  routedAt?: number;
  /** The accept clause's allowance (kept by that name for alerts already queued). */
  acceptWithinHours?: number;
  /** The clause's own figures: `withinHours`, or `attempts`, `withinDays` and `made`. */
  terms?: Record<string, number>;
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
  description: 'Tells a lead owner their SLA clock is about to breach',
  retryLimit: 3,
  handler: async (job) => {
    await job.db.transaction().execute(async (trx) => {
      const ctx = systemCtx(job, trx);
      const a = job.payload;
      const claimed = await claimAlert(trx, {
        key: a.key,
        workspace_id: ctx.actor.workspaceId,
        lead_id: a.leadId,
        kind: alertKind(a.clause ?? 'accept', a.kind),
        recipient_id: a.recipientId,
        created_at: job.now(),
      });
      if (!claimed) return;
      const clause = a.clause ?? 'accept';
      const data = {
        dueAt: new Date(a.dueAt).toISOString(),
        due: dueText(a.dueAt, (await getWorkspace(ctx)).timezone),
        ...(clause === 'accept' ? { acceptWithinHours: a.acceptWithinHours } : a.terms),
      };
      const kinds = CLAUSES[clause].kinds;
      const target = { recipientId: a.recipientId, recordId: a.leadId };
      if (a.kind === 'at_risk') {
        await notify(ctx, kinds.at_risk, { ...target, data });
        return;
      }
      const owner = await userInWorkspace(ctx, ctx.actor.workspaceId, a.ownerId);
      await notify(ctx, kinds.breached, { ...target, data: { ...data, ownerName: owner?.name ?? 'The owner' } });
      // Optionally the lead moves on too (off unless the workspace turned it on), in this transaction.
      if (clause !== 'attempts' && a.routedAt !== undefined)
        await reassignOnBreach(ctx, { clause, leadId: a.leadId, ownerId: a.ownerId, routedAt: a.routedAt });
    });
  },
});

/**
 * How each clause alerts. Breached is the compliance KPI's verdict (kpis/lead-sla.ts): the clock
 * still runs (openClocks) and the due instant stored at routing has passed (strictly, for the
 * business-hours clocks; the attempts window is settled at its due instant). At risk is three
 * quarters of the allowance used: in business hours from the agreement that qualified the lead
 * (the queue's rule, sla.ts), in calendar time for the attempts window.
 */
interface ClauseAlerts {
  // biome-ignore lint/suspicious/noExplicitAny: each clause's kinds carry their own payload, built by `terms`
  kinds: { at_risk: NotificationKind<any>; breached: NotificationKind<any> };
  breached: (c: OpenClock, now: number) => boolean;
  atRisk: (cal: BusinessCalendar, sla: SalesSla, c: OpenClock, now: number) => boolean;
  terms: (sla: SalesSla, c: OpenClock) => Record<string, number>;
}

const businessShareUsed = (cal: BusinessCalendar, c: OpenClock, hours: number, now: number) =>
  clockOf(cal, Number(c.routed_at), hours, null, now).state !== 'on_track';

const CLAUSES: Record<SlaClause, ClauseAlerts> = {
  accept: {
    kinds: { at_risk: leadAcceptAtRisk, breached: leadAcceptBreached },
    breached: (c, now) => Number(c.due_at) < now,
    atRisk: (cal, sla, c, now) => businessShareUsed(cal, c, sla.acceptWithinHours, now),
    terms: (sla) => ({ acceptWithinHours: sla.acceptWithinHours }),
  },
  touch: {
    kinds: { at_risk: leadTouchAtRisk, breached: leadTouchBreached },
    breached: (c, now) => Number(c.due_at) < now,
    atRisk: (cal, sla, c, now) => businessShareUsed(cal, c, sla.firstTouchWithinHours, now),
    terms: (sla) => ({ withinHours: sla.firstTouchWithinHours }),
  },
  attempts: {
    kinds: { at_risk: leadAttemptsAtRisk, breached: leadAttemptsBreached },
    breached: (c, now) => Number(c.due_at) <= now,
    atRisk: (_cal, _sla, c, now) => now - Number(c.routed_at) >= (Number(c.due_at) - Number(c.routed_at)) * AT_RISK_SHARE,
    terms: (sla, c) => ({ attempts: Number(c.attempts_required ?? sla.attempts), withinDays: sla.attemptsWithinDays, made: Number(c.attempts_made) }),
  },
};

/** The alerts due now in a workspace, each occasion named by its key (lead, routing, kind). */
export async function dueSlaAlerts(ctx: Ctx): Promise<SlaAlert[]> {
  const ws = ctx.actor.workspaceId;
  const now = ctx.now();
  const cal = await businessCalendar(ctx);
  const out: SlaAlert[] = [];
  for (const clause of ['accept', 'touch', 'attempts'] as const) {
    const rule = CLAUSES[clause];
    for (const c of await openClocks(ctx.db, ws, clause, now)) {
      const sla = c.agreement_terms ? (JSON.parse(c.agreement_terms) as AgreementTerms).sla : null;
      if (sla === null) continue;
      const kind = rule.breached(c, now) ? 'breached' : rule.atRisk(cal, sla, c, now) ? 'at_risk' : null;
      if (kind === null) continue;
      const terms = rule.terms(sla, c);
      // The accept clause keeps its original keys, so alerts sent before are not sent again.
      const key = `lead-sla:${c.id}:${c.routed_at}:${clause === 'accept' ? '' : `${clause}:`}${kind}`;
      const recipientId = kind === 'breached' ? ((await managerOf(ctx.db, ws, c.owner_id)) ?? c.owner_id) : c.owner_id;
      out.push({
        clause,
        kind,
        key,
        leadId: c.id,
        recipientId,
        ownerId: c.owner_id,
        dueAt: Number(c.due_at),
        routedAt: Number(c.routed_at),
        ...(clause === 'accept' ? { acceptWithinHours: terms.acceptWithinHours } : { terms }),
      });
    }
  }
  return out;
}

export const planLeadSlaAlertsJob = defineJob<Record<string, never>>({
  name: 'alignment.plan-lead-sla-alerts',
  description: 'Plans the SLA alerts of open leads',
  retryLimit: 1,
  handler: async (job) => {
    if (!job.workspaceId) return;
    for (const a of await dueSlaAlerts(systemCtx(job))) {
      await enqueue(job, leadSlaAlertJob, a, { workspaceId: job.workspaceId, singletonKey: a.key });
    }
  },
});

export const planLeadSlaAlertsSchedule = defineSchedule({ job: planLeadSlaAlertsJob, cron: '*/5 * * * *', scope: 'workspace' });
