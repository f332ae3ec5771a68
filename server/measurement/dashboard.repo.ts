// The dashboard's own SQL: marketing's funnel by source and by campaign. Deals created in the
// range in the workspace currency (the rows pipeline_created adds up), grouped, with how many of
// them are won or lost by now. Aggregates only: no deal leaves this file.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';

export interface FunnelRow {
  key: string | null;
  created: number;
  createdAmount: number;
  won: number;
  wonAmount: number;
  lost: number;
}

export async function funnelBy(
  db: Kysely<DB>,
  column: 'source' | 'campaign',
  f: { workspaceId: string; currency: string; start: number; end: number },
): Promise<FunnelRow[]> {
  const key = sql.ref(`d.${column}`);
  const rows = await db
    .selectFrom('deals as d')
    .select([
      sql<string | null>`nullif(trim(${key}), '')`.as('key'),
      sql<number>`count(*)`.as('created'),
      sql<number>`coalesce(sum(d.amount), 0)`.as('created_amount'),
      sql<number>`coalesce(sum(case when d.status = 'won' then 1 else 0 end), 0)`.as('won'),
      sql<number>`coalesce(sum(case when d.status = 'won' then d.amount else 0 end), 0)`.as('won_amount'),
      sql<number>`coalesce(sum(case when d.status = 'lost' then 1 else 0 end), 0)`.as('lost'),
    ])
    .where('d.workspace_id', '=', f.workspaceId)
    .where('d.deleted_at', 'is', null)
    .where('d.currency', '=', f.currency)
    .where('d.created_at', '>=', f.start)
    .where('d.created_at', '<', f.end)
    .groupBy(sql`nullif(trim(${key}), '')`)
    .execute();
  return rows
    .map((r) => ({
      key: r.key,
      created: Number(r.created),
      createdAmount: Number(r.created_amount),
      won: Number(r.won),
      wonAmount: Number(r.won_amount),
      lost: Number(r.lost),
    }))
    .sort((a, b) => b.createdAmount - a.createdAmount || (a.key ?? '\uffff').localeCompare(b.key ?? '\uffff'));
}
