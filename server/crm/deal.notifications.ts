// Deal notifications: the record type they link to and the kinds the deal paths raise
// (deal-notify.ts decides when, inside the deal write's transaction).
import { ownerScopeOrNull } from '../identity/visibility.js';
import { defineNotificationKind, defineRecordType } from '../notifications/kind.js';
import { readableDealNames } from './deals.repo.js';

export const dealRecord = defineRecordType({
  type: 'deal',
  hidden: 'a deal you cannot see',
  path: (id) => `/deals/${id}`,
  readableNames: async (ctx, ids) => {
    const scope = await ownerScopeOrNull(ctx, 'deals', 'read');
    return scope ? readableDealNames(ctx.db, ctx.actor.workspaceId, scope, ids) : new Map();
  },
});

export const dealAssigned = defineNotificationKind<Record<string, never>>({
  id: 'crm.deal-assigned',
  label: 'A deal is assigned to you',
  record: dealRecord,
  title: ({ actor, record }) => `${actor ?? 'Furrow'} assigned ${record ?? dealRecord.hidden} to you`,
  defaults: { inApp: true, email: true },
});

export const dealMoved = defineNotificationKind<{ toStage: string }>({
  id: 'crm.deal-moved',
  label: 'Someone else moves your deal',
  record: dealRecord,
  title: ({ actor, record, data }) => `${actor ?? 'Furrow'} moved ${record ?? dealRecord.hidden} to ${data.toStage}`,
  defaults: { inApp: true, email: false },
});
