// The weekly digest's notification kind. It links to the reader's digest page, which lists each item
// with its link (the "record" is the reader), and its text is figures only
// (rhythm/digest-summary.ts), so it names nothing the reader cannot read. The Year page's record
// type stays here for the discipline alerts that link to it.
import { defineNotificationKind, defineRecordType } from '../notifications/kind.js';

export const yearPageRecord = defineRecordType({
  type: 'year-page',
  hidden: 'a Year page',
  path: () => '/year',
  readableNames: async (ctx, ids) => new Map(ids.filter((id) => id === ctx.actor.userId).map((id) => [id, 'your Year page'])),
});

const digestPageRecord = defineRecordType({
  type: 'weekly-digest',
  hidden: 'a weekly digest',
  path: () => '/digest',
  readableNames: async (ctx, ids) => new Map(ids.filter((id) => id === ctx.actor.userId).map((id) => [id, 'your weekly digest'])),
});

export const weeklyDigest = defineNotificationKind<{ week: string; lines: string[] }>({
  id: 'rhythm.weekly-digest',
  label: 'Your weekly digest (Monday morning): planting, leads past their SLA, overdue actions, gated deals, expectations off track, rituals this week',
  record: digestPageRecord,
  title: ({ data }) => `Your week ${data.week}: ${data.lines.join('; ')}`,
  defaults: { inApp: true, email: true },
});
