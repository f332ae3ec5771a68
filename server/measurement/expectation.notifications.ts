// "An expectation went red": told to its owner and the owner's manager when the daily evaluation
// (measurement/expectation-alerts.jobs.ts) sees it turn red. Named only for a reader who may read
// the expectation now, by the expectations list's own rule.
import { defineNotificationKind, defineRecordType } from '../notifications/kind.js';
import { readableExpectationNames } from './expectations.service.js';

export const expectationRecord = defineRecordType({
  type: 'expectation',
  hidden: 'an expectation you cannot see',
  // The off-track list shows it with its figures, worst first; reps have no edit page.
  path: () => '/expectations?status=off_track',
  readableNames: (ctx, ids) => readableExpectationNames(ctx, ids),
});

export const expectationWentRed = defineNotificationKind<{ period: string }>({
  id: 'measurement.expectation-red',
  label: 'An expectation of yours (or of your people) went red',
  record: expectationRecord,
  // The period only with the name: for a hidden record even that says more than needed.
  title: ({ record, data }) => (record ? `${record} went red for ${data.period}` : 'An expectation you cannot see went red'),
  defaults: { inApp: true, email: true },
});
