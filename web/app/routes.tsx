// Every screen and its address. Record pages are /<plural>/:id; list state lives in the query string.
import { lazy } from 'react';
import { createBrowserRouter, Outlet, type RouteObject } from 'react-router';
import { AcceptInvitePage } from '../auth/AcceptInvitePage';
import { LoginPage } from '../auth/LoginPage';
import { SetupPage } from '../auth/SetupPage';
import { AccountEditPage } from '../crm/accounts/AccountEditPage';
import { AccountNewPage } from '../crm/accounts/AccountNewPage';
import { AccountPage } from '../crm/accounts/AccountPage';
import { AccountsListPage } from '../crm/accounts/AccountsListPage';
import { ActivitiesListPage } from '../crm/activities/ActivitiesListPage';
import { ContactEditPage } from '../crm/contacts/ContactEditPage';
import { ContactNewPage } from '../crm/contacts/ContactNewPage';
import { ContactPage } from '../crm/contacts/ContactPage';
import { ContactsListPage } from '../crm/contacts/ContactsListPage';
import { DealEditPage } from '../crm/deals/DealEditPage';
import { DealNewPage } from '../crm/deals/DealNewPage';
import { DealPage } from '../crm/deals/DealPage';
import { DealsListPage } from '../crm/deals/DealsListPage';
import { HomePage } from '../home/HomePage';
import { NotFoundPage } from './NotFoundPage';
import { RequireSession, RoleRoute } from './RequireSession';
import { RootError, RouteError } from './RouteError';
import { Shell } from './shell/Shell';

// The board (drag and drop) and the admin screens load when first opened.
const BoardPage = lazy(() => import('../crm/board/BoardPage').then((m) => ({ default: m.BoardPage })));
const UsersPage = lazy(() => import('../settings/UsersPage').then((m) => ({ default: m.UsersPage })));
const TeamsPage = lazy(() => import('../settings/TeamsPage').then((m) => ({ default: m.TeamsPage })));
const InvitationsPage = lazy(() => import('../settings/InvitationsPage').then((m) => ({ default: m.InvitationsPage })));
const WorkspacePage = lazy(() => import('../settings/WorkspacePage').then((m) => ({ default: m.WorkspacePage })));
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
const ForecastPage = lazy(() => import('../measurement/ForecastPage').then((m) => ({ default: m.ForecastPage })));
const ForecastAccuracyPage = lazy(() => import('../measurement/ForecastAccuracyPage').then((m) => ({ default: m.ForecastAccuracyPage })));
const QuotasPage = lazy(() => import('../measurement/QuotasPage').then((m) => ({ default: m.QuotasPage })));
// Dashboards, KPIs with their drill-downs, and expectations.
const DashboardPage = lazy(() => import('../measurement/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const KpiCataloguePage = lazy(() => import('../measurement/KpiCataloguePage').then((m) => ({ default: m.KpiCataloguePage })));
const KpiPage = lazy(() => import('../measurement/KpiPage').then((m) => ({ default: m.KpiPage })));
const ExpectationsPage = lazy(() => import('../measurement/ExpectationsPage').then((m) => ({ default: m.ExpectationsPage })));
const ExpectationNewPage = lazy(() => import('../measurement/ExpectationFormPage').then((m) => ({ default: m.ExpectationNewPage })));
const ExpectationEditPage = lazy(() => import('../measurement/ExpectationFormPage').then((m) => ({ default: m.ExpectationEditPage })));

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

const record = (List: () => React.JSX.Element, New: () => React.JSX.Element, View: () => React.JSX.Element, Edit: () => React.JSX.Element): RouteObject[] => [
  { index: true, element: <List /> },
  { path: 'new', element: <New /> },
  { path: ':id', element: <View /> },
  { path: ':id/edit', element: <Edit /> },
];

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  { path: '/setup', element: <SetupPage /> },
  { path: '/accept-invite', element: <AcceptInvitePage /> },
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
          gated('deals', record(DealsListPage, DealNewPage, DealPage, DealEditPage)),
          gated('accounts', record(AccountsListPage, AccountNewPage, AccountPage, AccountEditPage)),
          gated('contacts', record(ContactsListPage, ContactNewPage, ContactPage, ContactEditPage)),
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
          gated('settings/process', [{ index: true, element: <ProcessEditorPage /> }]),
          gated('settings/users', [{ index: true, element: <UsersPage /> }]),
          gated('settings/teams', [{ index: true, element: <TeamsPage /> }]),
          gated('settings/invitations', [{ index: true, element: <InvitationsPage /> }]),
          gated('settings/workspace', [{ index: true, element: <WorkspacePage /> }]),
          gated('settings/api-tokens', [{ index: true, element: <ApiTokensPage /> }]),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
