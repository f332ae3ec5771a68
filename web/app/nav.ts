// The navigation per role (../shared/UI.md). Only capabilities that exist appear: no dead links.
import type { Role } from '../../api/common';

export type NavIcon =
  | 'notifications'
  | 'home'
  | 'board'
  | 'deals'
  | 'accounts'
  | 'contacts'
  | 'activities'
  | 'import'
  | 'process'
  | 'dashboard'
  | 'expectations'
  | 'kpis'
  | 'forecast'
  | 'quotas'
  | 'users'
  | 'teams'
  | 'invitations'
  | 'workspace'
  | 'tokens'
  | 'processSettings'
  | 'leads'
  | 'campaigns'
  | 'agreement'
  | 'funnel'
  | 'plans'
  | 'practice'
  | 'coaching'
  | 'audit'
  | 'webhooks'
  | 'jobs'
  | 'year'
  | 'digest'
  | 'rituals'
  | 'calendarFeed';

export interface NavItem {
  label: string;
  to: string;
  icon: NavIcon;
  /** Matched as a prefix so record pages keep their list highlighted. */
  match?: string;
}

export interface NavSection {
  label: string | null;
  items: NavItem[];
}

const everyone: readonly Role[] = ['admin', 'manager', 'rep', 'marketing', 'coach'];
/** Everyone but the outside coach, who sees coaching only. */
const staff: readonly Role[] = ['admin', 'manager', 'rep', 'marketing'];
const sellers: readonly Role[] = ['admin', 'manager', 'rep'];

interface Entry extends NavItem {
  roles: readonly Role[];
  section: 'main' | 'settings';
}

const ENTRIES: readonly Entry[] = [
  { section: 'main', label: 'Home', to: '/', icon: 'home', roles: everyone },
  { section: 'main', label: 'Pipeline board', to: '/board', icon: 'board', roles: sellers },
  { section: 'main', label: 'Deals', to: '/deals', icon: 'deals', match: '/deals', roles: sellers },
  { section: 'main', label: 'Accounts', to: '/accounts', icon: 'accounts', match: '/accounts', roles: staff },
  { section: 'main', label: 'Contacts', to: '/contacts', icon: 'contacts', match: '/contacts', roles: staff },
  { section: 'main', label: 'Activities', to: '/activities', icon: 'activities', match: '/activities', roles: sellers },
  // CSV import: every role that may create records (reps their own; marketing none, identity/policy.ts).
  // Marketing imports leads (a year of them from another CRM); sellers their records.
  { section: 'main', label: 'Import', to: '/import', icon: 'import', roles: staff },
  // Marketing alignment: every role works or reads leads (reps their queue); the agreement is signed by sales owners and marketing.
  { section: 'main', label: 'Leads', to: '/leads', icon: 'leads', match: '/leads', roles: staff },
  { section: 'main', label: 'Campaigns', to: '/campaigns', icon: 'campaigns', roles: staff },
  // The funnel both sides look at: marketing the workspace's, managers their teams', reps their own leads'.
  { section: 'main', label: 'Lead funnel', to: '/lead-funnel', icon: 'funnel', roles: staff },
  { section: 'main', label: 'Lead agreement', to: '/lead-agreement', icon: 'agreement', roles: ['admin', 'manager', 'marketing'] },
  { section: 'main', label: 'Process', to: '/process', icon: 'process', match: '/process', roles: sellers },
  // Marketing's dashboard is the funnel in aggregates (web/measurement/FunnelDashboardPage.tsx).
  { section: 'main', label: 'Dashboard', to: '/dashboard', icon: 'dashboard', roles: staff },
  { section: 'main', label: 'Expectations', to: '/expectations', icon: 'expectations', match: '/expectations', roles: sellers },
  { section: 'main', label: 'KPIs', to: '/kpis', icon: 'kpis', match: '/kpis', roles: sellers },
  { section: 'main', label: 'Forecast', to: '/forecast', icon: 'forecast', match: '/forecast', roles: sellers },
  { section: 'main', label: 'Meetings & plans', to: '/plans', icon: 'plans', match: '/plans', roles: sellers },
  { section: 'main', label: 'Practice', to: '/practice', icon: 'practice', roles: sellers },
  // Coaching: the people I coach and my own coach; an outside coach sees only this (and Home).
  { section: 'main', label: 'Coaching', to: '/coaching', icon: 'coaching', match: '/coaching', roles: ['admin', 'manager', 'rep', 'coach'] },
  // The operating rhythm: managers run their teams' rituals; everyone sees the ones they attend.
  { section: 'main', label: 'Rituals', to: '/rituals', icon: 'rituals', match: '/rituals', roles: everyone },
  { section: 'main', label: 'Quotas', to: '/quotas', icon: 'quotas', roles: sellers },
  // The year-long rhythm: the CSO the organisation, a manager their teams, a rep their own planting.
  { section: 'main', label: 'Year', to: '/year', icon: 'year', roles: sellers },
  // The weekly digest as a page (the Monday notification opens it): the sales people's, as the policy's weekly_digest row says.
  { section: 'main', label: 'This week', to: '/digest', icon: 'digest', roles: sellers },
  { section: 'settings', label: 'Sales process', to: '/settings/process', icon: 'processSettings', roles: ['admin'] },
  { section: 'settings', label: 'Users', to: '/settings/users', icon: 'users', roles: ['admin'] },
  { section: 'settings', label: 'Teams', to: '/settings/teams', icon: 'teams', roles: ['admin'] },
  { section: 'settings', label: 'Invitations', to: '/settings/invitations', icon: 'invitations', roles: ['admin'] },
  { section: 'settings', label: 'Workspace', to: '/settings/workspace', icon: 'workspace', roles: ['admin'] },
  // Lead settings: admins write them (alignment/lead-settings.service.ts); reassignment on SLA breach lives here.
  { section: 'settings', label: 'Lead settings', to: '/settings/leads', icon: 'leads', roles: ['admin'] },
  { section: 'settings', label: 'API tokens', to: '/settings/api-tokens', icon: 'tokens', roles: everyone },
  { section: 'settings', label: 'Calendar feed', to: '/settings/calendar-feed', icon: 'calendarFeed', roles: everyone },
  { section: 'settings', label: 'Notifications', to: '/settings/notifications', icon: 'notifications', roles: everyone },
  { section: 'settings', label: 'Webhooks', to: '/settings/webhooks', icon: 'webhooks', roles: ['admin'] },
  { section: 'settings', label: 'Background jobs', to: '/settings/jobs', icon: 'jobs', roles: ['admin'] },
  { section: 'settings', label: 'Audit log', to: '/settings/audit-log', icon: 'audit', roles: ['admin'] },
];

export function navFor(role: Role): NavSection[] {
  const pick = (section: Entry['section']) =>
    ENTRIES.filter((e) => e.section === section && e.roles.includes(role)).map(({ label, to, icon, match }) => ({
      label,
      to,
      icon,
      ...(match ? { match } : {}),
    }));
  return [
    { label: null, items: pick('main') },
    { label: 'Settings', items: pick('settings') },
  ].filter((s) => s.items.length > 0);
}

/** Whether a path is one the role can open; the router shows "not found" otherwise. */
export function roleCanOpen(role: Role, path: string): boolean {
  const all = ENTRIES.filter((e) => e.roles.includes(role));
  return all.some((e) => (e.to === '/' ? path === '/' : path === e.to || path.startsWith(`${e.to}/`)));
}
