// The ordered list of migrations. Each file is frozen once released; add a new one to change the schema.
import type { Migration, MigrationProvider } from 'kysely/migration';
import * as core from './migrations/2026-11-28-01-core.js';
import * as process from './migrations/2026-11-28-02-process.js';
import * as measurement from './migrations/2026-11-28-03-measurement.js';
import * as kpiAsOf from './migrations/2026-11-29-01-kpi-as-of.js';
import * as stageChangesCover from './migrations/2026-11-29-02-stage-changes-cover.js';
import * as dealsAsOfCover from './migrations/2026-11-29-03-deals-as-of-cover.js';
import * as jobs from './migrations/2026-12-04-10-jobs.js';
import * as notifications from './migrations/2026-12-04-10-notifications.js';
import * as audit from './migrations/2026-12-04-20-01-audit.js';
import * as webhooks from './migrations/2026-12-04-20-02-webhooks.js';
import * as loginCounters from './migrations/2026-12-04-25-login-counters.js';
import * as coaching from './migrations/2026-12-04-30-coaching.js';
import * as alignment from './migrations/2026-12-04-40-alignment.js';
import * as planning from './migrations/2026-12-04-50-planning.js';
import * as practice from './migrations/2026-12-04-50-practice.js';
import * as coachingReminders from './migrations/2026-12-05-10-coaching-reminders.js';
import * as rituals from './migrations/2026-12-05-20-01-rituals.js';
import * as harvest from './migrations/2026-12-05-30-harvest.js';
import * as leadSlaFacts from './migrations/2026-12-05-40-lead-sla-facts.js';
import * as practiceRatings from './migrations/2026-12-05-50-practice-ratings.js';
import * as jobOwner from './migrations/2026-12-05-60-job-owner.js';
import * as leadSlaAlerts from './migrations/2026-12-06-20-lead-sla-alerts.js';
import * as expectationStatuses from './migrations/2026-12-06-40-expectation-statuses.js';
import * as overrideReviews from './migrations/2026-12-06-50-override-reviews.js';
import * as importMappings from './migrations/2026-12-06-70-import-mappings.js';
import * as dealComments from './migrations/2026-12-07-50-deal-comments.js';
import * as leadSlaReassign from './migrations/2026-12-08-10-lead-sla-reassign.js';
import * as disciplineAlerts from './migrations/2026-12-08-20-discipline-alerts.js';
import * as jobsStartedAt from './migrations/2026-12-09-10-jobs-started-at.js';
import * as leadDomainIndex from './migrations/2026-12-10-10-lead-domain-index.js';
import * as accountContactCustom from './migrations/2026-12-10-20-account-contact-custom.js';
import * as historicalImport from './migrations/2026-12-11-30-historical-import.js';
import * as stageStays from './migrations/2026-12-12-10-stage-stays.js';
import * as scopeVersion from './migrations/2026-12-12-40-scope-version.js';
import * as theDealsListByOwner from './migrations/2026-12-12-40-the-deals-list-by-owner.js';
import * as jobTexts from './migrations/2026-12-13-10-job-texts.js';
import * as searchWordIndex from './migrations/2026-12-14-10-search-word-index.js';
import * as openActivities from './migrations/2026-12-14-20-open-activities.js';
import * as importRunProgress from './migrations/2026-12-15-10-import-run-progress.js';

const MIGRATIONS: Record<string, Migration> = {
  '2026-11-28-01-core': core,
  '2026-11-28-02-process': process,
  '2026-11-28-03-measurement': measurement,
  '2026-11-29-01-kpi-as-of': kpiAsOf,
  '2026-11-29-02-stage-changes-cover': stageChangesCover,
  '2026-11-29-03-deals-as-of-cover': dealsAsOfCover,
  '2026-12-04-50-planning': planning,
  '2026-12-04-10-jobs': jobs,
  '2026-12-04-50-practice': practice,
  '2026-12-05-50-practice-ratings': practiceRatings,
  '2026-12-04-25-login-counters': loginCounters,
  '2026-12-04-40-alignment': alignment,
  '2026-12-04-10-notifications': notifications,
  '2026-12-04-20-01-audit': audit,
  '2026-12-04-30-coaching': coaching,
  '2026-12-04-20-02-webhooks': webhooks,
  '2026-12-05-20-01-rituals': rituals,
  '2026-12-05-30-harvest': harvest,
  '2026-12-05-40-lead-sla-facts': leadSlaFacts,
  '2026-12-05-10-coaching-reminders': coachingReminders,
  '2026-12-05-60-job-owner': jobOwner,
  '2026-12-06-40-expectation-statuses': expectationStatuses,
  '2026-12-06-50-override-reviews': overrideReviews,
  '2026-12-06-70-import-mappings': importMappings,
  '2026-12-06-20-lead-sla-alerts': leadSlaAlerts,
  '2026-12-07-50-deal-comments': dealComments,
  '2026-12-08-10-lead-sla-reassign': leadSlaReassign,
  '2026-12-08-20-discipline-alerts': disciplineAlerts,
  '2026-12-09-10-jobs-started-at': jobsStartedAt,
  '2026-12-10-10-lead-domain-index': leadDomainIndex,
  '2026-12-10-20-account-contact-custom': accountContactCustom,
  '2026-12-11-30-historical-import': historicalImport,
  '2026-12-12-10-stage-stays': stageStays,
  '2026-12-12-40-scope-version': scopeVersion,
  '2026-12-12-40-the-deals-list-by-owner': theDealsListByOwner,
  '2026-12-13-10-job-texts': jobTexts,
  '2026-12-14-10-search-word-index': searchWordIndex,
  '2026-12-14-20-open-activities': openActivities,
  '2026-12-15-10-import-run-progress': importRunProgress,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
