// Every /api/v1 route the server registers → the schema of each success (2xx) response it declares.
// The server's tests ask through it (server/test/test-env.ts: a URL's body type is inferred from here), and
// server/route-map.test.ts fails when a route is missing, one here is not registered, or a schema differs
// from the one the route declares (deep equality), so a wrong type cannot be named. `{}`: no declared schema.
import { type Static, type TSchema, Type } from 'typebox';
import { Account } from './accounts.js';
import { Activity } from './activities.js';
import { AdherenceDealPage, AdherenceMovePage, AdherenceReport } from './adherence.js';
import { AuditPage } from './audit.js';
import { CallPlan, CallPlanList, CallPlanTemplate } from './call-plans.js';
import { Campaign, CampaignList } from './campaigns.js';
import { Certification, CertificationList, ReadinessReport } from './certifications.js';
import { Agenda } from './coaching-agenda.js';
import { DealReview, DealReviewList } from './coaching-deal-reviews.js';
import { FocusSuggestions, FocusSummaryList } from './coaching-focus.js';
import { CoachingObjective, ObjectiveList } from './coaching-objectives.js';
import { SkillProfile, SkillRating } from './coaching-ratings.js';
import { CoachingRelationship, RelationshipList } from './coaching-relationships.js';
import { ActionItem, ActionItemList, CoachingSession, SessionList } from './coaching-sessions.js';
import { SkillModel } from './coaching-skills.js';
import { Deleted, Id, Page } from './common.js';
import { Contact } from './contacts.js';
import { DealComment, DealCommentList } from './deal-comments.js';
import { DealGate } from './deal-gate.js';
import { Board, BoardColumnPage, Deal, DealBulkResult } from './deals.js';
import { WeeklyDigestView } from './digest.js';
import { CrammingByQuarter, DisciplineHeadline, DisciplineIndex } from './discipline.js';
import { Calibration, CalibrationDealPage } from './gate-calibration.js';
import { HarvestOverride, HarvestOverrideList, HarvestPlan } from './harvest.js';
import { ApiToken, ApiTokenCreated, Invitation, InvitationCreated, SessionInfo, SetupStatus, Team, User, Workspace } from './identity.js';
import { ImportFields, ImportMappingList, ImportResult } from './imports.js';
import { JobAccepted, JobList, JobProgress, JobScheduleList } from './jobs.js';
import { LeadAgreement, LeadAgreementList } from './lead-agreements.js';
import { LeadSettings } from './lead-settings.js';
import { LeadSourceList, LeadSourceWithSecret, WebhookAck } from './lead-sources.js';
import { Lead, LeadConversion, LeadIntakeResult, LeadTransition } from './leads.js';
import { KpiCatalogue, KpiRecordPage, KpiResult, KpiTrend } from './measurement.js';
import { Dashboard, FunnelDashboard, LeadFunnelDashboard } from './measurement-dashboard.js';
import { ForecastAccuracy, ForecastCategory, ForecastView, Submission, SubmissionList } from './measurement-forecast.js';
import { Expectation, ExpectationList, Quota, QuotaBatchResult, QuotaImportResult, QuotaList } from './measurement-targets.js';
import { MarkedRead, Notification, NotificationPage, NotificationPreference, NotificationPreferences, UnreadCount } from './notifications.js';
import { OverrideReview } from './override-reviews.js';
import { PeopleImportResult } from './people.js';
import { CustomField, CustomFieldList, Pipeline, PipelineList, ProcessDefinition, ProcessVersionDetail, ProcessVersionList } from './pipelines.js';
import { PlannedMeetings } from './planned-meetings.js';
import { Attempt, AttemptList } from './practice-attempts.js';
import { Scenario, ScenarioList } from './practice-scenarios.js';
import { DealQualification, QualificationFramework, QualificationFrameworkList } from './qualification.js';
import { CalendarFeed, CalendarFeedCreated, Occurrence, OccurrenceList, Ritual, Agenda as RitualAgenda, RitualList, RitualProposals } from './rituals.js';
import { SearchResponse } from './search.js';
import { Timeline } from './timeline.js';
import { WebhookDeliveryPage, WebhookEndpoint, WebhookEndpointCreated } from './webhooks.js';
export const ROUTES = {
  'POST /api/v1/auth/login': { 200: SessionInfo },
  'POST /api/v1/auth/logout': { 204: Type.Null() },
  'GET /api/v1/auth/session': { 200: SessionInfo },
  'POST /api/v1/auth/password': { 204: Type.Null() },
  'GET /api/v1/setup': { 200: SetupStatus },
  'POST /api/v1/setup': { 201: SessionInfo },
  'POST /api/v1/invitations/accept': { 201: SessionInfo },
  'GET /api/v1/users': { 200: Type.Object({ items: Type.Array(User) }) },
  'GET /api/v1/users/:id': { 200: User },
  'POST /api/v1/users': { 201: User },
  'PATCH /api/v1/users/:id': { 200: User },
  'GET /api/v1/teams': { 200: Type.Object({ items: Type.Array(Team) }) },
  'POST /api/v1/teams': { 201: Team },
  'PATCH /api/v1/teams/:id': { 200: Team },
  'DELETE /api/v1/teams/:id': { 204: Type.Null() },
  'GET /api/v1/api-tokens': { 200: Type.Object({ items: Type.Array(ApiToken) }) },
  'POST /api/v1/api-tokens': { 201: ApiTokenCreated },
  'DELETE /api/v1/api-tokens/:id': { 204: Type.Null() },
  'GET /api/v1/invitations': { 200: Type.Object({ items: Type.Array(Invitation) }) },
  'POST /api/v1/invitations': { 201: InvitationCreated },
  'DELETE /api/v1/invitations/:id': { 204: Type.Null() },
  'GET /api/v1/workspace': { 200: Workspace },
  'PATCH /api/v1/workspace': { 200: Workspace },
  'POST /api/v1/people/import': { 200: PeopleImportResult },
  'GET /api/v1/pipelines': { 200: PipelineList },
  'GET /api/v1/accounts': { 200: Page(Account) },
  'GET /api/v1/accounts/:id': { 200: Account },
  'POST /api/v1/accounts': { 201: Account },
  'PATCH /api/v1/accounts/:id': { 200: Account },
  'DELETE /api/v1/accounts/:id': { 204: Type.Null() },
  'GET /api/v1/contacts': { 200: Page(Contact) },
  'GET /api/v1/contacts/:id': { 200: Contact },
  'POST /api/v1/contacts': { 201: Contact },
  'PATCH /api/v1/contacts/:id': { 200: Contact },
  'DELETE /api/v1/contacts/:id': { 204: Type.Null() },
  'GET /api/v1/deals': { 200: Page(Deal) },
  'GET /api/v1/deals/board': { 200: Board },
  'GET /api/v1/deals/board/column': { 200: BoardColumnPage },
  'GET /api/v1/deals/:id': { 200: Deal },
  'POST /api/v1/deals': { 201: Deal },
  'PATCH /api/v1/deals/:id': { 200: Deal },
  'POST /api/v1/deals/:id/move': { 200: Deal },
  'POST /api/v1/deals/bulk': { 200: DealBulkResult },
  'DELETE /api/v1/deals/:id': { 204: Type.Null() },
  'GET /api/v1/activities': { 200: Page(Activity) },
  'GET /api/v1/activities/:id': { 200: Activity },
  'POST /api/v1/activities': { 201: Activity },
  'PATCH /api/v1/activities/:id': { 200: Activity },
  'DELETE /api/v1/activities/:id': { 204: Type.Null() },
  'GET /api/v1/deals/:id/timeline': { 200: Timeline },
  'GET /api/v1/accounts/:id/timeline': { 200: Timeline },
  'GET /api/v1/contacts/:id/timeline': { 200: Timeline },
  'GET /api/v1/deals/:id/comments': { 200: DealCommentList },
  'POST /api/v1/deals/:id/comments': { 201: DealComment },
  'GET /api/v1/search': { 200: SearchResponse },
  'POST /api/v1/imports/:entity': { 200: ImportResult, 202: JobAccepted },
  'POST /api/v1/imports/:entity/upload': { 202: JobAccepted },
  'GET /api/v1/imports/:entity/fields': { 200: ImportFields },
  'GET /api/v1/imports/:entity/mappings': { 200: ImportMappingList },
  'GET /api/v1/exports/accounts.csv': { 200: Type.String({ description: 'CSV, UTF-8 with a BOM, header row first' }) },
  'GET /api/v1/exports/contacts.csv': { 200: Type.String({ description: 'CSV, UTF-8 with a BOM, header row first' }) },
  'GET /api/v1/exports/deals.csv': { 200: Type.String({ description: 'CSV, UTF-8 with a BOM, header row first' }) },
  'GET /api/v1/exports/activities.csv': { 200: Type.String({ description: 'CSV, UTF-8 with a BOM, header row first' }) },
  'GET /api/v1/jobs/:id': { 200: JobProgress },
  'GET /api/v1/jobs': { 200: JobList },
  'POST /api/v1/jobs/:id/retry': { 200: JobAccepted },
  'GET /api/v1/job-schedules': { 200: JobScheduleList },
  'POST /api/v1/job-schedules/:name/run': { 202: JobAccepted },
  'GET /api/v1/pipelines/:id/process': { 200: ProcessDefinition },
  'POST /api/v1/pipelines': { 201: ProcessDefinition },
  'PATCH /api/v1/pipelines/:id': { 200: Pipeline },
  'POST /api/v1/pipelines/:id/archive': { 204: Type.Null() },
  'GET /api/v1/pipelines/:id/versions': { 200: ProcessVersionList },
  'GET /api/v1/process-versions/:id': { 200: ProcessVersionDetail },
  'POST /api/v1/pipelines/:id/stages': { 201: ProcessDefinition },
  'PUT /api/v1/pipelines/:id/stage-order': { 200: ProcessDefinition },
  'PATCH /api/v1/stages/:id': { 200: ProcessDefinition },
  'POST /api/v1/stages/:id/archive': { 200: ProcessDefinition },
  'POST /api/v1/stages/:id/criteria': { 201: ProcessDefinition },
  'PATCH /api/v1/exit-criteria/:id': { 200: ProcessDefinition },
  'POST /api/v1/exit-criteria/:id/archive': { 200: ProcessDefinition },
  'GET /api/v1/deal-fields': { 200: CustomFieldList },
  'POST /api/v1/deal-fields': { 201: CustomField },
  'PATCH /api/v1/deal-fields/:id': { 200: CustomField },
  'DELETE /api/v1/deal-fields/:id': { 204: Type.Null() },
  'GET /api/v1/custom-fields': { 200: CustomFieldList },
  'POST /api/v1/custom-fields': { 201: CustomField },
  'PATCH /api/v1/custom-fields/:id': { 200: CustomField },
  'DELETE /api/v1/custom-fields/:id': { 204: Type.Null() },
  'GET /api/v1/deals/:id/gate': { 200: DealGate },
  'PUT /api/v1/deals/:id/checklist/:criterionId': { 200: DealGate },
  'GET /api/v1/qualification-frameworks': { 200: QualificationFrameworkList },
  'POST /api/v1/qualification-frameworks': { 201: QualificationFramework },
  'PATCH /api/v1/qualification-frameworks/:id': { 200: QualificationFramework },
  'POST /api/v1/qualification-frameworks/:id/archive': { 204: Type.Null() },
  'GET /api/v1/deals/:id/qualification': { 200: DealQualification },
  'PUT /api/v1/deals/:id/qualification/:frameworkId': { 200: DealQualification },
  'GET /api/v1/process/adherence': { 200: AdherenceReport },
  'GET /api/v1/process/adherence/moves': { 200: AdherenceMovePage },
  'GET /api/v1/process/adherence/deals': { 200: AdherenceDealPage },
  'GET /api/v1/process/calibration': { 200: Calibration },
  'GET /api/v1/process/calibration/deals': { 200: CalibrationDealPage },
  'PUT /api/v1/stage-moves/:id/review': { 200: OverrideReview },
  'GET /api/v1/call-plans': { 200: CallPlanList },
  'GET /api/v1/call-plans/:id': { 200: CallPlan },
  'POST /api/v1/call-plans': { 201: CallPlan },
  'PATCH /api/v1/call-plans/:id': { 200: CallPlan },
  'POST /api/v1/call-plans/:id/review': { 200: CallPlan },
  'PUT /api/v1/call-plans/:id/debrief': { 200: CallPlan },
  'GET /api/v1/call-plan-templates': { 200: Type.Object({ items: Type.Array(CallPlanTemplate) }) },
  'PUT /api/v1/call-plan-templates/:meetingType': { 200: CallPlanTemplate },
  'GET /api/v1/planned-meetings': { 200: PlannedMeetings },
  'GET /api/v1/practice-scenarios': { 200: ScenarioList },
  'GET /api/v1/practice-scenarios/:id': { 200: Scenario },
  'POST /api/v1/practice-scenarios': { 201: Scenario },
  'PATCH /api/v1/practice-scenarios/:id': { 200: Scenario },
  'GET /api/v1/practice-attempts': { 200: AttemptList },
  'GET /api/v1/practice-attempts/:id': { 200: Attempt },
  'POST /api/v1/practice-attempts': { 201: Attempt },
  'POST /api/v1/practice-attempts/:id/score': { 200: Attempt },
  'POST /api/v1/practice-attempts/:id/recording': { 200: Attempt },
  'GET /api/v1/practice-attempts/:id/recording': { 200: Type.Unknown() },
  'GET /api/v1/practice-readiness': { 200: ReadinessReport },
  'GET /api/v1/certifications': { 200: CertificationList },
  'POST /api/v1/certifications': { 201: Certification },
  'GET /api/v1/kpis': { 200: KpiCatalogue },
  'GET /api/v1/kpis/:id': { 200: KpiResult },
  'GET /api/v1/kpis/:id/trend': { 200: KpiTrend },
  'GET /api/v1/kpis/:id/records': { 200: KpiRecordPage },
  'GET /api/v1/quotas': { 200: QuotaList },
  'PUT /api/v1/quotas': { 200: QuotaBatchResult },
  'PATCH /api/v1/quotas/:id': { 200: Quota },
  'DELETE /api/v1/quotas/:id': { 200: Deleted },
  'GET /api/v1/quotas/export.csv': { 200: Type.String({ description: 'CSV, UTF-8 with a BOM' }) },
  'POST /api/v1/quotas/import': { 200: QuotaImportResult },
  'GET /api/v1/expectations': { 200: ExpectationList },
  'POST /api/v1/expectations': { 201: Expectation },
  'PATCH /api/v1/expectations/:id': { 200: Expectation },
  'DELETE /api/v1/expectations/:id': { 200: Deleted },
  'GET /api/v1/forecast': { 200: ForecastView },
  'POST /api/v1/forecast/submissions': { 201: Submission },
  'GET /api/v1/forecast/submissions': { 200: SubmissionList },
  'PUT /api/v1/forecast/deals/:id': { 200: Type.Object({ dealId: Id, category: Type.Union([ForecastCategory, Type.Null()]) }) },
  'GET /api/v1/forecast/accuracy': { 200: ForecastAccuracy },
  'GET /api/v1/dashboard': { 200: Dashboard },
  'GET /api/v1/dashboard/funnel': { 200: FunnelDashboard },
  'GET /api/v1/dashboard/leads': { 200: LeadFunnelDashboard },
  'GET /api/v1/lead-agreements': { 200: LeadAgreementList },
  'GET /api/v1/lead-agreements/:id': { 200: LeadAgreement },
  'POST /api/v1/lead-agreements': { 201: LeadAgreement },
  'PATCH /api/v1/lead-agreements/:id': { 200: LeadAgreement },
  'POST /api/v1/lead-agreements/:id/propose': { 200: LeadAgreement },
  'POST /api/v1/lead-agreements/:id/withdraw': { 200: LeadAgreement },
  'POST /api/v1/lead-agreements/:id/approve': { 200: LeadAgreement },
  'GET /api/v1/campaigns': { 200: CampaignList },
  'GET /api/v1/campaigns/:id': { 200: Campaign },
  'POST /api/v1/campaigns': { 201: Campaign },
  'PATCH /api/v1/campaigns/:id': { 200: Campaign },
  'DELETE /api/v1/campaigns/:id': { 204: Type.Null() },
  'GET /api/v1/leads': { 200: Page(Lead) },
  'GET /api/v1/leads/:id': { 200: Lead },
  'GET /api/v1/leads/:id/history': { 200: Type.Object({ items: Type.Array(LeadTransition) }) },
  'POST /api/v1/leads': { 200: LeadIntakeResult, 201: LeadIntakeResult },
  'PATCH /api/v1/leads/:id': { 200: Lead },
  'DELETE /api/v1/leads/:id': { 204: Type.Null() },
  'POST /api/v1/leads/:id/accept': { 200: Lead },
  'POST /api/v1/leads/:id/qualify': { 200: Lead },
  'POST /api/v1/leads/:id/recycle': { 200: Lead },
  'POST /api/v1/leads/:id/reject': { 200: Lead },
  'POST /api/v1/leads/:id/claim': { 200: Lead },
  'POST /api/v1/leads/:id/assign': { 200: Lead },
  'POST /api/v1/leads/:id/touches': { 200: Lead },
  'POST /api/v1/leads/:id/behaviours': { 200: Lead },
  'POST /api/v1/leads/:id/convert': { 200: LeadConversion },
  'GET /api/v1/lead-sources': { 200: LeadSourceList },
  'POST /api/v1/lead-sources': { 201: LeadSourceWithSecret },
  'POST /api/v1/lead-sources/:id/rotate-secret': { 200: LeadSourceWithSecret },
  'GET /api/v1/lead-settings': { 200: LeadSettings },
  'PUT /api/v1/lead-settings': { 200: LeadSettings },
  'GET /api/v1/audit-log': { 200: AuditPage },
  'GET /api/v1/audit-log.csv': { 200: Type.String({ description: 'CSV, UTF-8 with a BOM, header row first' }) },
  'GET /api/v1/webhook-endpoints': { 200: Type.Object({ items: Type.Array(WebhookEndpoint) }) },
  'POST /api/v1/webhook-endpoints': { 201: WebhookEndpointCreated },
  'POST /api/v1/webhook-endpoints/:id/revoke': { 200: WebhookEndpoint },
  'GET /api/v1/webhook-endpoints/:id/deliveries': { 200: WebhookDeliveryPage },
  'GET /api/v1/notifications': { 200: NotificationPage },
  'GET /api/v1/notifications/unread-count': { 200: UnreadCount },
  'POST /api/v1/notifications/read-all': { 200: MarkedRead },
  'POST /api/v1/notifications/:id/read': { 200: Notification },
  'GET /api/v1/notifications/preferences': { 200: NotificationPreferences },
  'PATCH /api/v1/notifications/preferences/:kind': { 200: NotificationPreference },
  'GET /api/v1/skill-model': { 200: SkillModel },
  'PUT /api/v1/skill-model': { 200: SkillModel },
  'GET /api/v1/coaching-relationships': { 200: RelationshipList },
  'POST /api/v1/coaching-relationships': { 201: CoachingRelationship },
  'PATCH /api/v1/coaching-relationships/:id': { 200: CoachingRelationship },
  'DELETE /api/v1/coaching-relationships/:id': { 200: Deleted },
  'GET /api/v1/coaching-sessions': { 200: SessionList },
  'POST /api/v1/coaching-sessions': { 201: CoachingSession },
  'GET /api/v1/coaching-sessions/:id': { 200: CoachingSession },
  'PATCH /api/v1/coaching-sessions/:id': { 200: CoachingSession },
  'DELETE /api/v1/coaching-sessions/:id': { 200: Deleted },
  'POST /api/v1/coaching-sessions/:id/action-items': { 201: ActionItem },
  'GET /api/v1/action-items': { 200: ActionItemList },
  'PATCH /api/v1/action-items/:id': { 200: ActionItem },
  'GET /api/v1/coaching-agenda': { 200: Agenda },
  'GET /api/v1/coaching-focus': { 200: FocusSuggestions },
  'GET /api/v1/coaching-focus/top': { 200: FocusSummaryList },
  'GET /api/v1/coaching-objectives': { 200: ObjectiveList },
  'POST /api/v1/coaching-objectives': { 201: CoachingObjective },
  'GET /api/v1/coaching-objectives/:id': { 200: CoachingObjective },
  'PATCH /api/v1/coaching-objectives/:id': { 200: CoachingObjective },
  'POST /api/v1/skill-ratings': { 201: SkillRating },
  'GET /api/v1/skill-profiles/:userId': { 200: SkillProfile },
  'GET /api/v1/deals/:id/reviews': { 200: DealReviewList },
  'POST /api/v1/deals/:id/reviews': { 201: DealReview },
  'GET /api/v1/rituals': { 200: RitualList },
  'POST /api/v1/rituals': { 201: Ritual },
  'GET /api/v1/ritual-proposals': { 200: RitualProposals },
  'POST /api/v1/ritual-proposals/accept': { 201: RitualList },
  'GET /api/v1/ritual-occurrences': { 200: OccurrenceList },
  'GET /api/v1/ritual-occurrences/:id': { 200: Occurrence },
  'GET /api/v1/ritual-occurrences/:id/agenda': { 200: RitualAgenda },
  'PUT /api/v1/ritual-occurrences/:id/completion': { 200: Occurrence },
  'GET /api/v1/rituals/:id': { 200: Ritual },
  'PATCH /api/v1/rituals/:id': { 200: Ritual },
  'DELETE /api/v1/rituals/:id': { 200: Deleted },
  'GET /api/v1/calendar-feed': { 200: CalendarFeed },
  'POST /api/v1/calendar-feed': { 201: CalendarFeedCreated },
  'DELETE /api/v1/calendar-feed': { 200: CalendarFeed },
  'GET /api/v1/harvest-plan': { 200: HarvestPlan },
  'GET /api/v1/harvest-overrides': { 200: HarvestOverrideList },
  'GET /api/v1/harvest-overrides/:teamId': { 200: HarvestOverride },
  'PUT /api/v1/harvest-overrides/:teamId': { 200: HarvestOverride },
  'GET /api/v1/rhythm/digest': { 200: WeeklyDigestView },
  'GET /api/v1/discipline-index': { 200: Type.Union([DisciplineHeadline, DisciplineIndex]) },
  'GET /api/v1/cramming': { 200: CrammingByQuarter },
  'POST /api/v1/lead-sources/:id/webhook': { 200: WebhookAck },
  'GET /api/v1/notifications/unsubscribe': {},
  'POST /api/v1/notifications/unsubscribe': { 200: Type.String() },
} as const;

type RouteKey = keyof typeof ROUTES;
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A 204's body is empty (the test client reads it as ''), not JSON null. */
type BodyOfSchema<S> = S extends TSchema ? (Static<S> extends null ? '' : Static<S>) : never;
/** The body of a route's success responses (every 2xx it declares); unknown when it declares none. */
type RouteBody<K extends RouteKey> = keyof (typeof ROUTES)[K] extends never ? unknown : BodyOfSchema<(typeof ROUTES)[K][keyof (typeof ROUTES)[K]]>;

type Segments<P extends string> = P extends `${infer Head}/${infer Rest}` ? [Head, ...Segments<Rest>] : [P];
type PathOf<Url extends string> = Url extends `${infer Path}?${string}` ? Path : Url;
/** A template's segment `:name` matches any one segment; any other segment only itself. */
type SegmentsMatch<U extends string[], T extends string[]> = U extends [infer UH extends string, ...infer UR extends string[]]
  ? T extends [infer TH extends string, ...infer TR extends string[]]
    ? TH extends `:${string}`
      ? SegmentsMatch<UR, TR>
      : UH extends TH
        ? SegmentsMatch<UR, TR>
        : false
    : false
  : T extends []
    ? true
    : false;
type Templates<M extends Method> = RouteKey extends infer K ? (K extends `${M} ${infer P}` ? P : never) : never;
/** The resource segment after /api/v1/: only templates under it are matched segment by segment (typecheck time). */
type Resource<Path extends string> = Path extends `/api/v1/${infer R}/${string}` ? R : Path extends `/api/v1/${infer R}` ? R : never;
type Candidates<M extends Method, Path extends string> = Extract<Templates<M>, `/api/v1/${Resource<Path>}` | `/api/v1/${Resource<Path>}/${string}`>;
/** The templates a concrete path can be: itself when it is one (a static route wins, as in Fastify), else those it fits. */
type Matching<M extends Method, Path extends string> =
  Path extends Templates<M>
    ? Path
    : Candidates<M, Path> extends infer T extends string
      ? T extends unknown
        ? SegmentsMatch<Segments<Path>, Segments<T>> extends true
          ? T
          : never
        : never
      : never;

/**
 * The success body of `method url`, the URL as a caller writes it (`/api/v1/deals/${id}?limit=5`): the query is
 * ignored, a `${string}` segment fills a `:param`. unknown when no route fits (a path built at run time).
 */
export type ResponseBody<M extends Method, Url extends string> = string extends Url
  ? unknown
  : [Matching<M, PathOf<Url>>] extends [never]
    ? unknown
    : Matching<M, PathOf<Url>> extends infer T extends string
      ? T extends unknown
        ? RouteBody<`${M} ${T}` & RouteKey>
        : never
      : never;
