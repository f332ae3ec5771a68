// "A leader commented on your deal" (and "the rep replied"): the deal owner and everyone who spoke
// on the deal before hear of a new comment. Named only for a reader who may read the deal now; the
// comment itself is read on the deal page, never copied into the notification.
import { defineNotificationKind } from '../notifications/kind.js';
import { dealRecord } from './deal.notifications.js';

export const dealCommented = defineNotificationKind<Record<string, never>>({
  id: 'crm.deal-commented',
  label: 'Someone comments on your deal, or answers your comment',
  record: dealRecord,
  title: ({ actor, record }) => `${actor ?? 'Furrow'} commented on ${record ?? dealRecord.hidden}`,
  defaults: { inApp: true, email: true },
});
