// Every screen and its address. Record pages are /<plural>/:id; list state lives in the query string.
import { lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet, type RouteObject } from 'react-router';
import { LoadingState } from '../components/LoadingState';
import { HomePage } from '../home/HomePage';
import { NotFoundPage } from './NotFoundPage';
import { Permitted } from './NotPermittedPage';
import type { Resource } from './permissions';
import { RequireSession, RoleRoute } from './RequireSession';
import { RootError, RouteError } from './RouteError';
import { Shell } from './shell/Shell';

// Every screen but Home loads when first opened: the first page a person sees needs only the shell,
// and the schemas the forms check with (TypeBox) and the date pickers stay out of the initial JavaScript.
const AcceptInvitePage = lazy(() => import('../auth/AcceptInvitePage').then((m) => ({ default: m.AcceptInvitePage })));
const LoginPage = lazy(() => import('../auth/LoginPage').then((m) => ({ default: m.LoginPage })));
const SetupPage = lazy(() => import('../auth/SetupPage').then((m) => ({ default: m.SetupPage })));
const AccountEditPage = lazy(() => import('../crm/accounts/AccountEditPage').then((m) => ({ default: m.AccountEditPage })));
const AccountNewPage = lazy(() => import('../crm/accounts/AccountNewPage').then((m) => ({ default: m.AccountNewPage })));
const AccountPage = lazy(() => import('../crm/accounts/AccountPage').then((m) => ({ default: m.AccountPage })));
const AccountsListPage = lazy(() => import('../crm/accounts/AccountsListPage').then((m) => ({ default: m.AccountsListPage })));
const ActivitiesListPage = lazy(() => import('../crm/activities/ActivitiesListPage').then((m) => ({ default: m.ActivitiesListPage })));
const ContactEditPage = lazy(() => import('../crm/contacts/ContactEditPage').then((m) => ({ default: m.ContactEditPage })));
const ContactNewPage = lazy(() => import('../crm/contacts/ContactNewPage').then((m) => ({ default: m.ContactNewPage })));
const ContactPage = lazy(() => import('../crm/contacts/ContactPage').then((m) => ({ default: m.ContactPage })));
const ContactsListPage = lazy(() => import('../crm/contacts/ContactsListPage').then((m) => ({ default: m.ContactsListPage })));
const DealEditPage = lazy(() => import('../crm/deals/DealEditPage').then((m) => ({ default: m.DealEditPage })));
const DealNewPage = lazy(() => import('../crm/deals/DealNewPage').then((m) => ({ default: m.DealNewPage })));
const DealPage = lazy(() => import('../crm/deals/DealPage').then((m) => ({ default: m.DealPage })));
const DealsListPage = lazy(() => import('../crm/deals/DealsListPage').then((m) => ({ default: m.DealsListPage })));
const BoardPage = lazy(() => import('../crm/board/BoardPage').then((m) => ({ default: m.BoardPage })));
const UsersPage = lazy(() => import('../settings/UsersPage').then((m) => ({ default: m.UsersPage })));
const TeamsPage = lazy(() => import('../settings/TeamsPage').then((m) => ({ default: m.TeamsPage })));
const InvitationsPage = lazy(() => import('../settings/InvitationsPage').then((m) => ({ default: m.InvitationsPage })));
const WorkspacePage = lazy(() => import('../settings/WorkspacePage').then((m) => ({ default: m.WorkspacePage })));
const NotificationSettingsPage = lazy(() => import('../notifications/NotificationSettingsPage').then((m) => ({ default: m.NotificationSettingsPage })));
const AuditLogPage = lazy(() => import('../settings/AuditLogPage').then((m) => ({ default: m.AuditLogPage })));
const JobsPage = lazy(() => import('../settings/JobsPage').then((m) => ({ default: m.JobsPage })));
const WebhooksPage = lazy(() => import('../settings/WebhooksPage').then((m) => ({ default: m.WebhooksPage })));
const DigestPage = lazy(() => import('../rhythm/DigestPage').then((m) => ({ default: m.DigestPage })));
const RitualsPage = lazy(() => import('../rhythm/RitualsPage').then((m) => ({ default: m.RitualsPage })));
const RitualsOccurrencePage = lazy(() => import('../rhythm/RitualsOccurrencePage').then((m) => ({ default: m.RitualsOccurrencePage })));
const RitualsNextOccurrence = lazy(() => import('../rhythm/RitualsOccurrencePage').then((m) => ({ default: m.RitualsNextOccurrence })));
const CalendarFeedPage = lazy(() => import('../rhythm/CalendarFeedPage').then((m) => ({ default: m.CalendarFeedPage })));
const ApiTokensPage = lazy(() => import('../settings/ApiTokensPage').then((m) => ({ default: m.ApiTokensPage })));
// CSV import (the mapping table and its checks).
const ImportPage = lazy(() => import('../crm/import/ImportPage').then((m) => ({ default: m.ImportPage })));
// Process: adherence figures (charts), their drill-downs and the admin editor.
const ProcessPage = lazy(() => import('../process/ProcessPage').then((m) => ({ default: m.ProcessPage })));
const MovesPage = lazy(() => import('../process/MovesPage').then((m) => ({ default: m.MovesPage })));
const DealsDrillPage = lazy(() => import('../process/DealsDrillPage').then((m) => ({ default: m.DealsDrillPage })));
const CalibrationDealsPage = lazy(() => import('../process/CalibrationDealsPage').then((m) => ({ default: m.CalibrationDealsPage })));
const ProcessEditorPage = lazy(() => import('../process/admin/ProcessEditorPage').then((m) => ({ default: m.ProcessEditorPage })));
// Forecast and quotas (charts load with them).
const MeetingsPage = lazy(() => import('../planning/MeetingsPage').then((m) => ({ default: m.MeetingsPage })));
const CallPlanPage = lazy(() => import('../planning/CallPlanPage').then((m) => ({ default: m.CallPlanPage })));
// Coaching: the people I coach, my coach, the org's cadence, a person's record and the session editor.
const CoachingPage = lazy(() => import('../coaching/CoachingPage').then((m) => ({ default: m.CoachingPage })));
const CoachingPersonPage = lazy(() => import('../coaching/PersonPage').then((m) => ({ default: m.PersonPage })));
const NewSessionPage = lazy(() => import('../coaching/SessionEditorPage').then((m) => ({ default: m.NewSessionPage })));
const SessionPage = lazy(() => import('../coaching/SessionEditorPage').then((m) => ({ default: m.SessionPage })));
const PracticePage = lazy(() => import('../practice/PracticePage').then((m) => ({ default: m.PracticePage })));
const ForecastPage = lazy(() => import('../measurement/ForecastPage').then((m) => ({ default: m.ForecastPage })));
const ForecastAccuracyPage = lazy(() => import('../measurement/ForecastAccuracyPage').then((m) => ({ default: m.ForecastAccuracyPage })));
const QuotasPage = lazy(() => import('../measurement/QuotasPage').then((m) => ({ default: m.QuotasPage })));
// Dashboards, KPIs with their drill-downs, and expectations.
const DashboardPage = lazy(() => import('../measurement/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const KpiCataloguePage = lazy(() => import('../measurement/KpiCataloguePage').then((m) => ({ default: m.KpiCataloguePage })));
const LeadsPage = lazy(() => import('../alignment/LeadsPage').then((m) => ({ default: m.LeadsPage })));
const LeadPage = lazy(() => import('../alignment/LeadPage').then((m) => ({ default: m.LeadPage })));
const CampaignsPage = lazy(() => import('../alignment/CampaignsPage').then((m) => ({ default: m.CampaignsPage })));
const AgreementPage = lazy(() => import('../alignment/AgreementPage').then((m) => ({ default: m.AgreementPage })));
const LeadFunnelPage = lazy(() => import('../alignment/LeadFunnelPage').then((m) => ({ default: m.LeadFunnelPage })));
const LeadSettingsPage = lazy(() => import('../alignment/LeadSettingsPage').then((m) => ({ default: m.LeadSettingsPage })));
const KpiPage = lazy(() => import('../measurement/KpiPage').then((m) => ({ default: m.KpiPage })));
const ExpectationsPage = lazy(() => import('../measurement/ExpectationsPage').then((m) => ({ default: m.ExpectationsPage })));
const ExpectationNewPage = lazy(() => import('../measurement/ExpectationFormPage').then((m) => ({ default: m.ExpectationNewPage })));
// The year-long rhythm: the harvest plan, the discipline index, cramming by quarter.
const YearPage = lazy(() => import('../rhythm/YearPage').then((m) => ({ default: m.YearPage })));
const ExpectationEditPage = lazy(() => import('../measurement/ExpectationFormPage').then((m) => ({ default: m.ExpectationEditPage })));

/** A page outside the shell (signing in) waits for its code with the same loading state. */
const Outside = ({ page }: { page: React.JSX.Element }) => <Suspense fallback={<LoadingState />}>{page}</Suspense>;

/** A section of the app a role may open (per nav.ts); others get "not found". */
const gated = (path: string, children: RouteObject[]): RouteObject => ({
  path,
  element: (
    <RoleRoute path={`/${path}`}>
      <Outlet />
    </RoleRoute>
  ),
  children,
});

/** A record's screens; its forms open only for a role that may submit them (others read why). */
const record = (
  resource: Resource,
  List: React.ComponentType,
  New: React.ComponentType,
  View: React.ComponentType,
  Edit: React.ComponentType,
): RouteObject[] => [
  { index: true, element: <List /> },
  {
    path: 'new',
    element: (
      <Permitted resource={resource} operation="create">
        <New />
      </Permitted>
    ),
  },
  { path: ':id', element: <View /> },
  {
    path: ':id/edit',
    element: (
      <Permitted resource={resource} operation="update">
        <Edit />
      </Permitted>
    ),
  },
];

export const routes: RouteObject[] = [
  { path: '/login', element: <Outside page={<LoginPage />} /> },
  { path: '/setup', element: <Outside page={<SetupPage />} /> },
  { path: '/accept-invite', element: <Outside page={<AcceptInvitePage />} /> },
  {
    path: '/',
    element: (
      <RequireSession>
        <Shell />
      </RequireSession>
    ),
    errorElement: <RootError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          gated('board', [{ index: true, element: <BoardPage /> }]),
          gated('deals', record('deals', DealsListPage, DealNewPage, DealPage, DealEditPage)),
          gated('accounts', record('accounts', AccountsListPage, AccountNewPage, AccountPage, AccountEditPage)),
          gated('contacts', record('contacts', ContactsListPage, ContactNewPage, ContactPage, ContactEditPage)),
          gated('activities', [{ index: true, element: <ActivitiesListPage /> }]),
          gated('import', [{ index: true, element: <ImportPage /> }]),
          gated('process', [
            { index: true, element: <ProcessPage /> },
            { path: 'moves', element: <MovesPage /> },
            { path: 'deals', element: <DealsDrillPage /> },
            { path: 'calibration/deals', element: <CalibrationDealsPage /> },
          ]),
          gated('forecast', [
            { index: true, element: <ForecastPage /> },
            { path: 'accuracy', element: <ForecastAccuracyPage /> },
          ]),
          gated('plans', [
            { index: true, element: <MeetingsPage /> },
            { path: ':id', element: <CallPlanPage /> },
          ]),
          gated('practice', [{ index: true, element: <PracticePage /> }]),
          gated('coaching', [
            { index: true, element: <CoachingPage /> },
            { path: 'people/:userId', element: <CoachingPersonPage /> },
            { path: 'sessions/new', element: <NewSessionPage /> },
            { path: 'sessions/:id', element: <SessionPage /> },
          ]),
          gated('quotas', [{ index: true, element: <QuotasPage /> }]),
          gated('dashboard', [{ index: true, element: <DashboardPage /> }]),
          gated('kpis', [
            { index: true, element: <KpiCataloguePage /> },
            { path: ':id', element: <KpiPage /> },
          ]),
          gated('expectations', [
            { index: true, element: <ExpectationsPage /> },
            { path: 'new', element: <ExpectationNewPage /> },
            { path: ':id/edit', element: <ExpectationEditPage /> },
          ]),
          gated('leads', [
            { index: true, element: <LeadsPage /> },
            { path: ':id', element: <LeadPage /> },
          ]),
          gated('campaigns', [{ index: true, element: <CampaignsPage /> }]),
          gated('year', [{ index: true, element: <YearPage /> }]),
          gated('digest', [{ index: true, element: <DigestPage /> }]),
          gated('lead-agreement', [{ index: true, element: <AgreementPage /> }]),
          gated('lead-funnel', [{ index: true, element: <LeadFunnelPage /> }]),
          gated('settings/process', [{ index: true, element: <ProcessEditorPage /> }]),
          gated('settings/users', [{ index: true, element: <UsersPage /> }]),
          gated('settings/teams', [{ index: true, element: <TeamsPage /> }]),
          gated('settings/invitations', [{ index: true, element: <InvitationsPage /> }]),
          gated('settings/workspace', [{ index: true, element: <WorkspacePage /> }]),
          gated('settings/leads', [{ index: true, element: <LeadSettingsPage /> }]),
          gated('rituals', [
            { index: true, element: <RitualsPage /> },
            { path: 'occurrences/:id', element: <RitualsOccurrencePage /> },
            { path: ':id', element: <RitualsNextOccurrence /> },
          ]),
          gated('settings/calendar-feed', [{ index: true, element: <CalendarFeedPage /> }]),
          gated('settings/api-tokens', [{ index: true, element: <ApiTokensPage /> }]),
          gated('settings/notifications', [{ index: true, element: <NotificationSettingsPage /> }]),
          gated('settings/webhooks', [{ index: true, element: <WebhooksPage /> }]),
          gated('settings/jobs', [{ index: true, element: <JobsPage /> }]),
          gated('settings/audit-log', [{ index: true, element: <AuditLogPage /> }]),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
