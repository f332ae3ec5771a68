// Lead SLA notifications, raised by alignment/sla-alerts.jobs.ts, per clause of the agreement's
// sales SLA (accept, first touch, attempts): the owner hears that a lead's clock is about to run
// out; when it has, the owner's manager hears (the escalation the agreement promises). A lead is
// named only for a reader whose lead scope reaches it now.

import { reachOf } from '../identity/policy.js';
import { defineNotificationKind, defineRecordType } from '../notifications/kind.js';
import { leadScope } from './lead-scope.service.js';
import { leadLabels } from './sla-alerts.repo.js';

/** `due`: the due instant on the workspace's clock, as the title shows it; `dueAt` the instant. */
export interface AlertData {
  dueAt: string;
  due: string;
  acceptWithinHours: number;
}

export const leadRecord = defineRecordType({
  type: 'lead',
  hidden: 'a lead you cannot see',
  path: (id) => `/leads/${id}`,
  readableNames: async (ctx, ids) => {
    if (reachOf(ctx.actor.role, 'leads', 'read') === 'none') return new Map();
    const rows = await leadLabels(ctx.db, ctx.actor.workspaceId, await leadScope(ctx, 'read'), ids);
    return new Map(
      rows.map((r) => {
        const person = [r.first_name, r.last_name].filter(Boolean).join(' ');
        const name = person || r.email || r.company || 'a lead';
        return [r.id, person && r.company ? `${name} (${r.company})` : name];
      }),
    );
  },
});

export const leadAcceptAtRisk = defineNotificationKind<AlertData>({
  id: 'alignment.lead-accept-at-risk',
  label: 'A lead of yours is about to miss the accept SLA',
  record: leadRecord,
  title: ({ record, data }) => `Accept or reject ${record ?? leadRecord.hidden} by ${data.due}: the SLA gives ${data.acceptWithinHours} business hours`,
  defaults: { inApp: true, email: true },
});

export const leadAcceptBreached = defineNotificationKind<AlertData & { ownerName: string }>({
  id: 'alignment.lead-accept-breached',
  label: 'A lead of your team missed the accept SLA (escalation)',
  record: leadRecord,
  title: ({ record, data }) =>
    `${data.ownerName} missed the accept SLA on ${record ?? leadRecord.hidden} (${data.acceptWithinHours} business hours, due ${data.due})`,
  defaults: { inApp: true, email: true },
});

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const attemptsText = (n: number) => plural(n, 'attempt', 'attempts');

/** The first-touch clause: `withinHours` business hours of routing. */
export interface TouchAlertData {
  dueAt: string;
  due: string;
  withinHours: number;
}

export const leadTouchAtRisk = defineNotificationKind<TouchAlertData>({
  id: 'alignment.lead-touch-at-risk',
  label: 'A lead of yours is about to miss the first-touch SLA',
  record: leadRecord,
  title: ({ record, data }) =>
    `First touch SLA: touch ${record ?? leadRecord.hidden} by ${data.due} (the SLA gives ${plural(data.withinHours, 'business hour', 'business hours')})`,
  defaults: { inApp: true, email: true },
});

export const leadTouchBreached = defineNotificationKind<TouchAlertData & { ownerName: string }>({
  id: 'alignment.lead-touch-breached',
  label: 'A lead of your team missed the first-touch SLA (escalation)',
  record: leadRecord,
  title: ({ record, data }) =>
    `${data.ownerName} missed the first-touch SLA on ${record ?? leadRecord.hidden} (${plural(data.withinHours, 'business hour', 'business hours')}, due ${data.due})`,
  defaults: { inApp: true, email: true },
});

/** The attempts clause: `attempts` touches within `withinDays` days of routing; `made` so far. */
export interface AttemptsAlertData {
  dueAt: string;
  due: string;
  attempts: number;
  withinDays: number;
  made: number;
}

export const leadAttemptsAtRisk = defineNotificationKind<AttemptsAlertData>({
  id: 'alignment.lead-attempts-at-risk',
  label: 'A lead of yours is about to miss the attempts SLA',
  record: leadRecord,
  title: ({ record, data }) =>
    `Attempts SLA: ${record ?? leadRecord.hidden} has ${attemptsText(data.made)} of ${data.attempts} and is not reached; the window closes ${data.due}`,
  defaults: { inApp: true, email: true },
});

export const leadAttemptsBreached = defineNotificationKind<AttemptsAlertData & { ownerName: string }>({
  id: 'alignment.lead-attempts-breached',
  label: 'A lead of your team missed the attempts SLA (escalation)',
  record: leadRecord,
  title: ({ record, data }) =>
    `${data.ownerName} missed the attempts SLA on ${record ?? leadRecord.hidden} (${attemptsText(data.made)} of ${data.attempts} in ${data.withinDays} days, window closed ${data.due})`,
  defaults: { inApp: true, email: true },
});

/** A reassignment on breach (decision 0103): the clause missed, who had the lead, who has it now. */
export interface ReassignData {
  clause: 'accept' | 'touch';
  fromName: string;
  toName: string;
}

const clauseText = (c: ReassignData['clause']) => (c === 'accept' ? 'accept' : 'first-touch');

export const leadReassignedToYou = defineNotificationKind<ReassignData>({
  id: 'alignment.lead-reassigned-to-you',
  label: 'A lead was reassigned to you after another rep missed its SLA',
  record: leadRecord,
  title: ({ record, data }) =>
    `${record ?? leadRecord.hidden} is yours now: ${data.fromName} missed the ${clauseText(data.clause)} SLA; the clock starts again for you`,
  defaults: { inApp: true, email: true },
});

export const leadReassignedAway = defineNotificationKind<ReassignData>({
  id: 'alignment.lead-reassigned-away',
  label: 'A lead of yours went to another rep because its SLA was missed',
  record: leadRecord,
  title: ({ record, data }) => `${record ?? leadRecord.hidden} went to ${data.toName}: the ${clauseText(data.clause)} SLA was missed`,
  defaults: { inApp: true, email: false },
});
