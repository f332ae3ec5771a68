// SQL of lead SLA alerts: the accept clocks still running, who manages a lead's owner, what an alert
// names, and the once-only record of each alert.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import type { LeadScope } from './lead-scope.service.js';
import { leadFilter } from './leads.repo.js';

/** The sales-side clauses of the agreement's SLA that alert (decision 0042, 0100). */
export type SlaClause = 'accept' | 'touch' | 'attempts';

export interface OpenClock {
  id: string;
  owner_id: string;
  routed_at: number;
  due_at: number;
  attempts_required: number | null;
  agreement_terms: string | null;
  /** Touches since routing, up to the due instant and now (the attempts clause). */
  attempts_made: number;
}

/** What `lead_sla_alerts.kind` records: the accept clause keeps its original bare kinds. */
export const alertKind = (clause: SlaClause, occasion: 'at_risk' | 'breached') => (clause === 'accept' ? occasion : `${clause}_${occasion}`);

const DUE = { accept: 'l.accept_due_at', touch: 'l.touch_due_at', attempts: 'l.attempts_due_at' } as const;

/**
 * Owned leads whose clause clock still runs, as the compliance KPI (kpis/lead-sla.ts) would stop it:
 * accept — an MQL not decided yet; first touch — a lead being worked (MQL, accepted, SQL) with no
 * touch since its routing (a rejection, conversion or recycling ends the work, and the alert);
 * attempts — a lead being worked, not reached and given fewer than K touches in the window. Leads
 * whose breach of this clause was escalated after their routing are done with. The owner is
 * active: a disabled owner's leads go unowned.
 */
export function openClocks(db: Kysely<DB>, workspaceId: string, clause: SlaClause, now: number): Promise<OpenClock[]> {
  const due = DUE[clause];
  const touchesSinceRouting = (reached: boolean) =>
    sql<number>`(select count(*) from lead_touches t where t.workspace_id = ${workspaceId} and t.lead_id = l.id
      and t.at >= l.routed_at and t.at <= ${sql.ref(due)} and t.at <= ${now}${reached ? sql` and t.reached = 1` : sql``})`;
  let q = db
    .selectFrom('leads as l')
    .innerJoin('users as o', 'o.id', 'l.owner_id')
    .leftJoin('lead_agreements as a', 'a.id', 'l.agreement_id')
    .select([
      'l.id',
      'l.owner_id as owner_id',
      'l.routed_at as routed_at',
      sql<number>`${sql.ref(due)}`.as('due_at'),
      'l.attempts_required as attempts_required',
      'a.terms as agreement_terms',
      touchesSinceRouting(false).as('attempts_made'),
    ])
    .where('l.workspace_id', '=', workspaceId)
    .where('l.deleted_at', 'is', null)
    .where('l.status', 'in', clause === 'accept' ? ['mql'] : ['mql', 'accepted', 'sql'])
    .where('l.routed_at', 'is not', null)
    .where(sql.ref(due), 'is not', null)
    .where('o.disabled_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('lead_sla_alerts as s')
            .select('s.key')
            .whereRef('s.lead_id', '=', 'l.id')
            .where('s.kind', '=', alertKind(clause, 'breached'))
            .where('s.workspace_id', '=', workspaceId)
            // Strictly after: a reassignment on breach routes the lead afresh in the escalation's own
            // transaction, at the same instant, and that new clock must still alert (decision 0103).
            .whereRef('s.created_at', '>', 'l.routed_at'),
        ),
      ),
    );
  if (clause === 'touch')
    q = q.where(sql<boolean>`not exists (select 1 from lead_touches t where t.workspace_id = ${workspaceId} and t.lead_id = l.id and t.at >= l.routed_at)`);
  if (clause === 'attempts') q = q.where(touchesSinceRouting(true), '=', 0).where(touchesSinceRouting(false), '<', sql<number>`l.attempts_required`);
  return q.orderBy(sql.ref(due)).execute() as Promise<OpenClock[]>;
}

/** The owner's manager: their team's manager, or the parent team's when they manage that team. */
export async function managerOf(db: Kysely<DB>, workspaceId: string, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('teams as t', 't.id', 'u.team_id')
    .leftJoin('teams as p', 'p.id', 't.parent_id')
    .leftJoin('users as m', 'm.id', 't.manager_id')
    .leftJoin('users as pm', 'pm.id', 'p.manager_id')
    .select(['t.manager_id as manager', 'm.disabled_at as manager_disabled', 'p.manager_id as parent_manager', 'pm.disabled_at as parent_disabled'])
    .where('u.workspace_id', '=', workspaceId)
    .where('u.id', '=', userId)
    .executeTakeFirst();
  if (!row) return null;
  if (row.manager !== null && row.manager !== userId && row.manager_disabled === null) return row.manager;
  return row.parent_manager !== null && row.parent_disabled === null ? row.parent_manager : null;
}

/** Names of the leads among `ids` within the reader's lead scope. */
export function leadLabels(
  db: Kysely<DB>,
  workspaceId: string,
  scope: LeadScope,
  ids: readonly string[],
): Promise<{ id: string; first_name: string | null; last_name: string | null; company: string | null; email: string | null }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('leads as l')
    .select(['l.id', 'l.first_name', 'l.last_name', 'l.company', 'l.email'])
    .where('l.workspace_id', '=', workspaceId)
    .where('l.deleted_at', 'is', null)
    .where('l.id', 'in', [...ids])
    .where((eb) => leadFilter(eb, scope))
    .execute();
}

/** Records an alert; false when it was recorded before (then it was sent before). */
export async function claimAlert(
  db: Kysely<DB>,
  row: { key: string; workspace_id: string; lead_id: string; kind: string; recipient_id: string; created_at: number },
): Promise<boolean> {
  const r = await db
    .insertInto('lead_sla_alerts')
    .values(row)
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** How often a lead was reassigned on a breach, of either clause, over all its routings (decision 0103). */
export async function reassignmentsOf(db: Kysely<DB>, workspaceId: string, leadId: string): Promise<number> {
  const row = await db
    .selectFrom('lead_sla_alerts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('lead_id', '=', leadId)
    .where('kind', 'in', ['accept_reassigned', 'touch_reassigned'])
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Whether the lead was touched since the instant (its routing): the first-touch clock stopped. */
export async function touchedSince(db: Kysely<DB>, workspaceId: string, leadId: string, since: number): Promise<boolean> {
  const row = await db
    .selectFrom('lead_touches')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('lead_id', '=', leadId)
    .where('at', '>=', since)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
