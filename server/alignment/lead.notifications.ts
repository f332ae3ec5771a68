// Lead SLA notifications, raised by alignment/sla-alerts.jobs.ts: the owner hears that a lead's
// accept clock is about to run out; when it has, the owner's manager hears (the escalation the
// agreement promises). A lead is named only for a reader whose lead scope reaches it now.

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
