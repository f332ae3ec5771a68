// The database as Kysely sees it: every table by name. Row types live by capability in schema/;
// conventions (instants, dates, money, flags) are stated there.
import type {
  CampaignsTable,
  LeadAgreementsTable,
  LeadCommitmentsTable,
  LeadSettingsTable,
  LeadSlaAlertsTable,
  LeadSourcesTable,
  LeadsTable,
  LeadTouchesTable,
  LeadTransitionsTable,
  LeadWebhookMessagesTable,
} from './schema/alignment.js';
import type {
  CoachingActionItemsTable,
  CoachingObjectivesTable,
  CoachingRelationshipsTable,
  CoachingRemindersTable,
  CoachingSessionDealsTable,
  CoachingSessionsTable,
  DealReviewsTable,
  SkillModelVersionsTable,
  SkillRatingsTable,
  SkillsTable,
} from './schema/coaching.js';

import type {
  AccountsTable,
  ActivitiesTable,
  ChangesTable,
  ContactsTable,
  CustomFieldsTable,
  DealCommentsTable,
  DealsTable,
  ImportMappingsTable,
  ImportRunProgressTable,
  ImportRunsTable,
} from './schema/crm.js';
import type {
  ApiTokensTable,
  InvitationsTable,
  LoginAttemptsTable,
  LoginCountersTable,
  SessionsTable,
  TeamsTable,
  UsersTable,
  WorkspacesTable,
} from './schema/identity.js';
import type { JobSchedulesTable, JobsTable, JobTextsTable } from './schema/jobs.js';
import type {
  DealForecastCategoriesTable,
  ExpectationStatusesTable,
  ExpectationsTable,
  ForecastSubmissionDealsTable,
  ForecastSubmissionsTable,
  QuotasTable,
} from './schema/measurement.js';
import type { NotificationPreferencesTable, NotificationsTable } from './schema/notifications.js';
import type { AuditEntriesTable, WebhookDeliveriesTable, WebhookEndpointsTable } from './schema/ops.js';
import type { CallPlansTable, CallPlanTemplatesTable } from './schema/planning.js';
import type { CertificationsTable, PracticeAttemptsTable, PracticeScenariosTable } from './schema/practice.js';
import type {
  DealChecklistTicksTable,
  DealQualificationScoresTable,
  DealQualificationsTable,
  ExitCriteriaTable,
  OverrideReviewsTable,
  PipelinesTable,
  ProcessVersionsTable,
  QualificationElementsTable,
  QualificationFrameworksTable,
  StageMoveChecksTable,
  StageMovesTable,
  StageStaysTable,
  StagesTable,
} from './schema/process.js';
import type { DisciplineAlertsTable, HarvestOverrideChangesTable, HarvestOverridesTable } from './schema/rhythm.js';
import type { CalendarFeedsTable, RitualAttendeesTable, RitualCompletionsTable, RitualOccurrencesTable, RitualsTable } from './schema/rituals.js';

export interface DB {
  workspaces: WorkspacesTable;
  teams: TeamsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  invitations: InvitationsTable;
  login_attempts: LoginAttemptsTable;
  login_counters: LoginCountersTable;
  accounts: AccountsTable;
  contacts: ContactsTable;
  pipelines: PipelinesTable;
  stages: StagesTable;
  process_versions: ProcessVersionsTable;
  deals: DealsTable;
  stage_moves: StageMovesTable;
  stage_stays: StageStaysTable;
  override_reviews: OverrideReviewsTable;
  changes: ChangesTable;
  activities: ActivitiesTable;
  deal_comments: DealCommentsTable;
  custom_fields: CustomFieldsTable;
  import_runs: ImportRunsTable;
  import_run_progress: ImportRunProgressTable;
  import_mappings: ImportMappingsTable;
  exit_criteria: ExitCriteriaTable;
  deal_checklist_ticks: DealChecklistTicksTable;
  qualification_frameworks: QualificationFrameworksTable;
  qualification_elements: QualificationElementsTable;
  deal_qualifications: DealQualificationsTable;
  deal_qualification_scores: DealQualificationScoresTable;
  stage_move_checks: StageMoveChecksTable;
  quotas: QuotasTable;
  expectations: ExpectationsTable;
  expectation_statuses: ExpectationStatusesTable;
  deal_forecast_categories: DealForecastCategoriesTable;
  forecast_submissions: ForecastSubmissionsTable;
  forecast_submission_deals: ForecastSubmissionDealsTable;
  call_plan_templates: CallPlanTemplatesTable;
  call_plans: CallPlansTable;
  jobs: JobsTable;
  job_texts: JobTextsTable;
  job_schedules: JobSchedulesTable;
  practice_scenarios: PracticeScenariosTable;
  practice_attempts: PracticeAttemptsTable;
  certifications: CertificationsTable;
  lead_agreements: LeadAgreementsTable;
  campaigns: CampaignsTable;
  lead_sources: LeadSourcesTable;
  lead_webhook_messages: LeadWebhookMessagesTable;
  leads: LeadsTable;
  lead_transitions: LeadTransitionsTable;
  lead_touches: LeadTouchesTable;
  lead_settings: LeadSettingsTable;
  lead_commitments: LeadCommitmentsTable;
  lead_sla_alerts: LeadSlaAlertsTable;
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  audit_entries: AuditEntriesTable;
  skill_model_versions: SkillModelVersionsTable;
  skills: SkillsTable;
  coaching_relationships: CoachingRelationshipsTable;
  coaching_sessions: CoachingSessionsTable;
  coaching_session_deals: CoachingSessionDealsTable;
  coaching_action_items: CoachingActionItemsTable;
  skill_ratings: SkillRatingsTable;
  deal_reviews: DealReviewsTable;
  coaching_objectives: CoachingObjectivesTable;
  coaching_reminders: CoachingRemindersTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  rituals: RitualsTable;
  ritual_attendees: RitualAttendeesTable;
  ritual_occurrences: RitualOccurrencesTable;
  ritual_completions: RitualCompletionsTable;
  calendar_feeds: CalendarFeedsTable;
  harvest_overrides: HarvestOverridesTable;
  harvest_override_changes: HarvestOverrideChangesTable;
  discipline_alerts: DisciplineAlertsTable;
}
