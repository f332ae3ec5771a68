// SQL of the prepared agenda: the coachee's open deals with what the at-risk tests need, and the
// objective that sets the focus metric.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';

export interface OpenDealRow {
  id: string;
  name: string;
  stage_name: string;
  amount: number;
  currency: string;
  close_date: string;
  stage_entered_at: number;
  aging_days: number | null;
  has_next_step: number;
}

/**
 * Open deals of an owner in open stages, with "next step" as process adherence defines it: an
 * activity on the deal, not deleted, due after now and not done. `onlyLinkedBy`: only deals a
 * session of this coachee links (an outside coach sees no other deal).
 */
export async function openDealsOf(
  db: Kysely<DB>,
  workspaceId: string,
  ownerId: string,
  now: number,
  onlyLinkedBy: { coacheeId: string } | null,
): Promise<OpenDealRow[]> {
  const linked = onlyLinkedBy
    ? sql`and exists (select 1 from coaching_session_deals sd join coaching_sessions cs on cs.id = sd.session_id
        where sd.deal_id = d.id and sd.workspace_id = ${workspaceId} and cs.coachee_id = ${onlyLinkedBy.coacheeId} and cs.deleted_at is null)`
    : sql``;
  const r = await sql<OpenDealRow>`select d.id, d.name, s.name as stage_name, d.amount, d.currency, d.close_date, d.stage_entered_at, s.aging_days,
      case when exists (select 1 from activities a where a.workspace_id = ${workspaceId} and a.deal_id = d.id and a.deleted_at is null
        and a.occurred_at > ${now} and a.completed_at is null) then 1 else 0 end as has_next_step
    from deals d join stages s on s.id = d.stage_id and s.kind = 'open'
    where d.workspace_id = ${workspaceId} and d.owner_id = ${ownerId} and d.deleted_at is null and d.status = 'open' ${linked}
    order by d.close_date, d.id`.execute(db);
  return r.rows.map((x) => ({
    ...x,
    amount: Number(x.amount),
    stage_entered_at: Number(x.stage_entered_at),
    aging_days: x.aging_days === null ? null : Number(x.aging_days),
    has_next_step: Number(x.has_next_step),
  }));
}

/** Deals any live session of the coachee links. */
export async function linkedDealIds(db: Kysely<DB>, workspaceId: string, coacheeId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('coaching_session_deals as sd')
    .innerJoin('coaching_sessions as s', 's.id', 'sd.session_id')
    .select('sd.deal_id')
    .where('sd.workspace_id', '=', workspaceId)
    .where('s.coachee_id', '=', coacheeId)
    .where('s.deleted_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.deal_id));
}
