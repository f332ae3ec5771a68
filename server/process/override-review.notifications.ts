// "A leader reviewed your override": the rep who moved past the gate learns the verdict where they
// look first, not only when they reopen the deal. Named only for a reader who may read the deal now.
import { dealRecord } from '../crm/deal.notifications.js';
import { defineNotificationKind } from '../notifications/kind.js';

export const overrideReviewed = defineNotificationKind<{ verdict: 'accepted' | 'challenged' }>({
  id: 'process.override-reviewed',
  label: 'A leader accepts or challenges your gate override',
  record: dealRecord,
  title: ({ actor, record, data }) => `${actor ?? 'Furrow'} ${data.verdict} your override on ${record ?? dealRecord.hidden}`,
  defaults: { inApp: true, email: true },
});
