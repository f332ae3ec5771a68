// SQL of lead SLA alerts: the accept clocks still running, who manages a lead's owner, what an alert
// names, and the once-only record of each alert.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { LeadScope } from './lead-scope.service.js';
import { leadFilter } from './leads.repo.js';

export interface OpenAcceptClock {
  id: string;
  owner_id: string;
  routed_at: number;
  accept_due_at: number;
  agreement_terms: string | null;
}

/**
 * Owned MQLs not yet accepted or rejected, routed with an accept clock, whose breach has not been
 * escalated yet (those are done with). The owner is active: a disabled owner's leads go unowned.
 */
export function openAcceptClocks(db: Kysely<DB>, workspaceId: string): Promise<OpenAcceptClock[]> {
  return db
    .selectFrom('leads as l')
    .innerJoin('users as o', 'o.id', 'l.owner_id')
    .leftJoin('lead_agreements as a', 'a.id', 'l.agreement_id')
    .select(['l.id', 'l.owner_id as owner_id', 'l.routed_at as routed_at', 'l.accept_due_at as accept_due_at', 'a.terms as agreement_terms'])
    .where('l.workspace_id', '=', workspaceId)
    .where('l.deleted_at', 'is', null)
    .where('l.status', '=', 'mql')
    .where('l.routed_at', 'is not', null)
    .where('l.accept_due_at', 'is not', null)
    .where('o.disabled_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('lead_sla_alerts as s')
            .select('s.key')
            .whereRef('s.lead_id', '=', 'l.id')
            .where('s.kind', '=', 'breached')
            .where('s.workspace_id', '=', workspaceId),
        ),
      ),
    )
    .orderBy('l.accept_due_at')
    .execute() as Promise<OpenAcceptClock[]>;
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
