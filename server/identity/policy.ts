// Who may do what, by role, for each core resource. Pure: the services combine this with the
// caller's visible owners. One table, so the visibility test can generate its cases from it.
import type { Role } from '../db/schema/identity.js';

export type Resource =
  | 'accounts'
  | 'contacts'
  | 'deals'
  | 'activities'
  | 'call_plans'
  | 'practice'
  | 'leads'
  | 'lead_imports'
  | 'campaigns'
  | 'notifications'
  | 'audit_log'
  | 'webhooks'
  | 'coaching'
  | 'skill_model'
  | 'rituals'
  | 'harvest_overrides'
  | 'discipline_index'
  | 'weekly_digest'
  | 'jobs'
  | 'override_reviews'
  | 'deal_comments';
/** coachees: the people the caller coaches (coaching/coaching-scope.ts resolves it). */
export type Reach = 'all' | 'team' | 'own' | 'coachees' | 'none';
export type Operation = 'read' | 'create' | 'update' | 'delete';

const POLICY: Record<Resource, Record<Role, Record<Operation, Reach>>> = {
  accounts: {
    admin: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    manager: { read: 'team', create: 'team', update: 'team', delete: 'team' },
    rep: { read: 'own', create: 'own', update: 'own', delete: 'own' },
    // Marketing works on the market, not on deals: accounts and contacts are readable, not editable.
    marketing: { read: 'all', create: 'none', update: 'none', delete: 'none' },
    // An outside coach sees coaching records and KPIs of their coachees, never the CRM itself.
    coach: { read: 'none', create: 'none', update: 'none', delete: 'none' },
  },
  contacts: {
    admin: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    manager: { read: 'team', create: 'team', update: 'team', delete: 'team' },
    rep: { read: 'own', create: 'own', update: 'own', delete: 'own' },
    marketing: { read: 'all', create: 'none', update: 'none', delete: 'none' },
    coach: { read: 'none', create: 'none', update: 'none', delete: 'none' },
  },
  deals: {
    admin: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    manager: { read: 'team', create: 'team', update: 'team', delete: 'team' },
    // A rep closes a deal as lost rather than deleting it, so the history the KPIs read stays honest.
    rep: { read: 'own', create: 'own', update: 'own', delete: 'none' },
    marketing: { read: 'none', create: 'none', update: 'none', delete: 'none' },
    // A deal a coaching session links is shown inside that session (coaching/sessions.service.ts), nowhere else.
    coach: { read: 'none', create: 'none', update: 'none', delete: 'none' },
  },
  activities: {
    admin: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    manager: { read: 'team', create: 'team', update: 'team', delete: 'team' },
    rep: { read: 'own', create: 'own', update: 'own', delete: 'own' },
    marketing: { read: 'none', create: 'none', update: 'none', delete: 'none' },
    coach: { read: 'none', create: 'none', update: 'none', delete: 'none' },
  },
  // Sessions, action items, skill ratings, objectives and deal reviews, by the coachee they are about
  // (the coach of a session always reaches it too). Private session notes are the coach's alone.
  coaching: {
    admin: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    manager: { read: 'team', create: 'team', update: 'team', delete: 'team' },
    // A rep reads their own coaching and ticks off their action items; the coach writes the rest.
    rep: { read: 'own', create: 'none', update: 'own', delete: 'none' },
    marketing: { read: 'none', create: 'none', update: 'none', delete: 'none' },
    coach: { read: 'coachees', create: 'coachees', update: 'coachees', delete: 'coachees' },
  },
  skill_model: {
    admin: { read: 'all', create: 'all', update: 'all', delete: 'none' },
    manager: { read: 'all', create: 'none', update: 'none', delete: 'none' },
    rep: { read: 'all', create: 'none', update: 'none', delete: 'none' },
    marketing: { read: 'none', create: 'none', update: 'none', delete: 'none' },
    coach: { read: 'all', create: 'none', update: 'none', delete: 'none' },
  },
  // Plans belong to the rep who owns the meeting; a manager reads, edits and reviews the team's.
  call_plans: {
    admin: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    manager: { read: 'team', create: 'team', update: 'team', delete: 'team' },
    rep: { read: 'own', create: 'own', update: 'own', delete: 'own' },
    marketing: { read: 'none', create: 'none', update: 'none', delete: 'none' },
    coach: { read: 'none', create: 'none', update: 'none', delete: 'none' },
  },
  // Practice attempts and recordings belong to the rep practising. "update" is scoring: a manager
  // scores the team's; a peer partner is allowed by the attempt itself (practice service), not here.
  practice: {
    admin: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    manager: { read: 'team', create: 'team', update: 'team', delete: 'team' },
    rep: { read: 'own', create: 'own', update: 'none', delete: 'own' },
    marketing: { read: 'none', create: 'none', update: 'none', delete: 'none' },
    coach: { read: 'none', create: 'none', update: 'none', delete: 'none' },
  },
  // A rep works the own queue (and the team's unclaimed pool, see alignment/lead-scope.ts); leads
  // are rejected or recycled, not deleted, so the funnel marketing reads stays whole.
  leads: {
    admin: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    manager: { read: 'team', create: 'team', update: 'team', delete: 'none' },
    rep: { read: 'own', create: 'own', update: 'own', delete: 'none' },
    // Marketing delivers leads and reads all of them (with why sales rejected them); sales works them.
    marketing: { read: 'all', create: 'all', update: 'none', delete: 'none' },
    coach: { read: 'none', create: 'none', update: 'none', delete: 'none' },
  },
  // Bringing in marketing's lead history from another CRM (a CSV of leads, with their dates): the
  // people who deliver leads and admins. Sales works leads one by one and does not load a year of
  // someone else's funnel into it; a marketing user or admin names the owners.
  lead_imports: {
    admin: { read: 'none', create: 'all', update: 'none', delete: 'none' },
    manager: { read: 'none', create: 'none', update: 'none', delete: 'none' },
    rep: { read: 'none', create: 'none', update: 'none', delete: 'none' },
    marketing: { read: 'none', create: 'all', update: 'none', delete: 'none' },
    coach: { read: 'none', create: 'none', update: 'none', delete: 'none' },
  },
  // Campaigns are owned by nobody in particular: marketing runs them, sales reads their follow-up plan.
  campaigns: {
    admin: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    manager: { read: 'all', create: 'none', update: 'none', delete: 'none' },
    rep: { read: 'all', create: 'none', update: 'none', delete: 'none' },
    marketing: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    coach: { read: 'none', create: 'none', update: 'none', delete: 'none' },
  },
  // A notification belongs to its recipient (the "owner"): nobody reads or marks another's, an admin
  // neither. The system raises them (create); the record they name is checked separately, through
  // the record's own row above, when they are shown.
  notifications: {
    admin: { read: 'own', create: 'none', update: 'own', delete: 'none' },
    manager: { read: 'own', create: 'none', update: 'own', delete: 'none' },
    rep: { read: 'own', create: 'none', update: 'own', delete: 'none' },
    marketing: { read: 'own', create: 'none', update: 'own', delete: 'none' },
    // An outside coach is told about overdue sessions and action items like anyone else.
    coach: { read: 'own', create: 'none', update: 'own', delete: 'none' },
  },
  // Workspace-wide records with no owner: the reach is all or nothing. Entries are written by the
  // system as a side effect of the change they record; nobody creates, edits or deletes one.
  audit_log: {
    admin: { read: 'all', create: 'none', update: 'none', delete: 'none' },
    manager: { read: 'none', create: 'none', update: 'none', delete: 'none' },
    rep: { read: 'none', create: 'none', update: 'none', delete: 'none' },
    marketing: { read: 'none', create: 'none', update: 'none', delete: 'none' },
    coach: { read: 'none', create: 'none', update: 'none', delete: 'none' },
  },
  // Rituals of the operating rhythm belong to a team: a manager runs those of the teams below them,
  // the admin all; everyone else reads the ones they own or attend ("own"), nothing more.
  rituals: {
    admin: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    manager: { read: 'team', create: 'team', update: 'team', delete: 'team' },
    rep: { read: 'own', create: 'none', update: 'none', delete: 'none' },
    marketing: { read: 'own', create: 'none', update: 'none', delete: 'none' },
    coach: { read: 'own', create: 'none', update: 'none', delete: 'none' },
  },
  // Endpoints receive every workspace event, so only an admin may see or register one.
  webhooks: {
    admin: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    manager: { read: 'none', create: 'none', update: 'none', delete: 'none' },
    rep: { read: 'none', create: 'none', update: 'none', delete: 'none' },
    marketing: { read: 'none', create: 'none', update: 'none', delete: 'none' },
    coach: { read: 'none', create: 'none', update: 'none', delete: 'none' },
  },
  // The harvest planner's assumptions per team (rhythm/harvest.service.ts). "team" here means the
  // teams the caller manages (and below): a manager tunes their own teams' plans, the CSO any. An
  // override is cleared by setting it back to history, never deleted, so its changes stay. A rep's
  // plan says which of its assumptions are overridden; the override records are for those who set them.
  harvest_overrides: {
    admin: { read: 'all', create: 'all', update: 'all', delete: 'none' },
    manager: { read: 'team', create: 'team', update: 'team', delete: 'none' },
    rep: { read: 'none', create: 'none', update: 'none', delete: 'none' },
    marketing: { read: 'none', create: 'none', update: 'none', delete: 'none' },
    coach: { read: 'none', create: 'none', update: 'none', delete: 'none' },
  },
  // The weekly discipline index (rhythm/discipline.service.ts), a figure about a person or a team, never
  // written: a rep reads their own, a manager the people and teams they manage (and below), the CSO
  // anyone. It is a leader's and the rep's own instrument: marketing and outside coaches have none.
  discipline_index: {
    admin: { read: 'all', create: 'none', update: 'none', delete: 'none' },
    manager: { read: 'team', create: 'none', update: 'none', delete: 'none' },
    rep: { read: 'own', create: 'none', update: 'none', delete: 'none' },
    marketing: { read: 'none', create: 'none', update: 'none', delete: 'none' },
    coach: { read: 'none', create: 'none', update: 'none', delete: 'none' },
  },
  // The weekly digest (rhythm/digest.service.ts): what needs the caller's attention this week, read
  // with their own reach, so each reads only their own. It is the sales people's: its figures are
  // plans, gates and SLAs, which marketing and outside coaches have no reach into.
  weekly_digest: {
    admin: { read: 'own', create: 'none', update: 'none', delete: 'none' },
    manager: { read: 'own', create: 'none', update: 'none', delete: 'none' },
    rep: { read: 'own', create: 'none', update: 'none', delete: 'none' },
    marketing: { read: 'none', create: 'none', update: 'none', delete: 'none' },
    coach: { read: 'none', create: 'none', update: 'none', delete: 'none' },
  },
  // Background jobs a user started (an import, a dry run), by their creator (the "owner"). Jobs are
  // started by the use case that needs one (POST an import), never through a jobs route, and run to
  // their end; their report is the creator's business, so a manager does not read the team's.
  // An admin reads every job of the workspace, the system's own (creator null) included, and
  // operates the queue (Settings → Background jobs): create is "run a schedule now", update is
  // "retry a failed job", and only an update reach of "all" lists the workspace's jobs and schedules.
  jobs: {
    admin: { read: 'all', create: 'all', update: 'all', delete: 'none' },
    manager: { read: 'own', create: 'none', update: 'none', delete: 'none' },
    rep: { read: 'own', create: 'none', update: 'none', delete: 'none' },
    marketing: { read: 'own', create: 'none', update: 'none', delete: 'none' },
    coach: { read: 'own', create: 'none', update: 'none', delete: 'none' },
  },
  // A leader's verdict on a gate override (process/override-reviews.service.ts), by the deal owner:
  // a manager reviews the overrides of the teams they run, the CSO any; the rep reads the verdict on
  // their own deal's timeline. Verdicts change under a version and are never deleted.
  override_reviews: {
    admin: { read: 'all', create: 'all', update: 'all', delete: 'none' },
    manager: { read: 'team', create: 'team', update: 'team', delete: 'none' },
    rep: { read: 'own', create: 'none', update: 'none', delete: 'none' },
    marketing: { read: 'none', create: 'none', update: 'none', delete: 'none' },
    coach: { read: 'none', create: 'none', update: 'none', delete: 'none' },
  },
  // Comments on a deal (crm/deal-comments.service.ts), by the deal owner: whoever may see the deal
  // reads and writes them — a manager for the teams they run, the CSO any, the rep on their own deals
  // (to answer). A comment is a conversation kept as said: never edited or deleted.
  deal_comments: {
    admin: { read: 'all', create: 'all', update: 'none', delete: 'none' },
    manager: { read: 'team', create: 'team', update: 'none', delete: 'none' },
    rep: { read: 'own', create: 'own', update: 'none', delete: 'none' },
    marketing: { read: 'none', create: 'none', update: 'none', delete: 'none' },
    coach: { read: 'none', create: 'none', update: 'none', delete: 'none' },
  },
};

export function reachOf(role: Role, resource: Resource, op: Operation): Reach {
  return POLICY[resource][role][op];
}

/**
 * What a write of each resource may link to, by request field. Every reference a create, update,
 * bulk or import path accepts is listed here and checked by crm/references.service.ts against the
 * caller's visibility; the visibility matrix generates its "write references" cases from this
 * table, and a test fails when a request schema grows an `…Id` field that is not listed.
 * `users`: an owner the caller may assign records of this resource to. `workspace`: a workspace-wide
 * record every member reads (pipelines, stages), resolved by its own service within the workspace.
 */
export type ReferenceTarget = Resource | 'users' | 'workspace';
export const WRITE_REFERENCES: Record<Resource, Readonly<Record<string, ReferenceTarget>>> = {
  accounts: { ownerId: 'users' },
  contacts: { ownerId: 'users', accountId: 'accounts' },
  deals: { ownerId: 'users', accountId: 'accounts', contactId: 'contacts', pipelineId: 'workspace', stageId: 'workspace' },
  activities: { ownerId: 'users', dealId: 'deals', contactId: 'contacts', accountId: 'accounts' },
  // The plan's meeting; attendees' contacts are checked one by one (attendees.N.contactId).
  call_plans: { activityId: 'activities' },
  practice: {},
  // A lead's campaign is a workspace-wide record every role reads (checked by the campaigns service).
  leads: { ownerId: 'users', campaignId: 'workspace' },
  // Each imported row is a lead: its owner and campaign are checked as the leads' references.
  lead_imports: {},
  campaigns: {},
  // Raised by the system, never written through a request that names another record.
  notifications: {},
  // Entries and endpoints link to nothing a caller chooses.
  audit_log: {},
  webhooks: {},
  // Coaching links people by the coachee reach (coaching/coaching-scope.ts) and deals a session
  // discusses through the deals read check (coaching/sessions.service.ts#checkDeals), with the same
  // not-visible answer as a missing id; its routes live under their own paths (coaching-sessions …).
  coaching: {},
  skill_model: {},
  // The team by the write reach (rhythm/rituals.service.ts); owner and attendees as active users.
  rituals: { teamId: 'workspace', ownerId: 'users', attendeeIds: 'users' },
  // The team is the path (PUT /harvest-overrides/:teamId); a team outside the caller's reach answers 404.
  harvest_overrides: {},
  // Computed, never written: the person or team asked is the query (userId / teamId), checked by the read reach.
  discipline_index: {},
  // Computed for the caller, never written.
  weekly_digest: {},
  // A job links to nothing a caller chooses (its creator is the caller who started it).
  jobs: {},
  // The stage move is the path (PUT /stage-moves/:id/review); a move outside the reach answers 404.
  override_reviews: {},
  // The deal is the path (POST /deals/:id/comments); a deal outside the caller's reach answers 404.
  deal_comments: {},
};

/**
 * People outside the team tree (the CSO, marketing, outside coaches) whom a writer with team reach
 * may still name in a meeting's attendees (marketing joins the lead-agreement review, a coach a 1:1):
 * they are in no one's team, so naming them shows nothing of another team. Anyone else must be
 * within the caller's reach, and one outside it answers exactly like a user who does not exist.
 */
export const INVITABLE_ACROSS_TEAMS: readonly Role[] = ['admin', 'marketing', 'coach'];

/** Shared accounts are readable by every rep and manager (and their contacts with them). */
export const SHARED_ACCOUNTS_READABLE: readonly Role[] = ['rep', 'manager'];
