// The weekly digest's notification kind. It links to the reader's own Year page (the "record" is
// the reader), and its text is figures only (rhythm/digest-summary.ts), so it names nothing the
// reader cannot read.
import { defineNotificationKind, defineRecordType } from '../notifications/kind.js';

export const yearPageRecord = defineRecordType({
  type: 'year-page',
  hidden: 'a Year page',
  path: () => '/year',
  readableNames: async (ctx, ids) => new Map(ids.filter((id) => id === ctx.actor.userId).map((id) => [id, 'your Year page'])),
});

export const weeklyDigest = defineNotificationKind<{ week: string; lines: string[] }>({
  id: 'rhythm.weekly-digest',
  label: 'Your weekly digest (Monday morning): planting, overdue actions, the discipline index',
  record: yearPageRecord,
  title: ({ data }) => `Your week ${data.week}: ${data.lines.join('; ')}`,
  defaults: { inApp: true, email: true },
});
