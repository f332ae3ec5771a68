// The one writer of stage_stays: a deal's stays in its stages, the stage history the stage KPIs read
// (time in stage, stage conversion). Every stage change of a deal — its birth in a stage, every move —
// is an entry here, written in the transaction that made it, at the same instant as its `changes`
// row: the entry closes the deal's open stay (left_at = the entry's instant) and opens a new one.
import { type Kysely, sql } from 'kysely';
import type { StageStaysTable } from '../db/schema/process.js';
import type { DB } from '../db/schema.js';
import { newId } from '../ids.js';

/** A deal entering a stage at an instant. */
export interface StageEntry {
  workspaceId: string;
  dealId: string;
  pipelineId: string;
  stageId: string;
  at: number;
  /** The stage move behind it was imported history (stage_moves.imported); a birth without a move is not. */
  imported: boolean;
  /** The stay's id; a new time-ordered one when absent (the generator passes its own, deterministic). */
  id?: string;
}

export type StageStayRow = StageStaysTable;

/**
 * The stays a list of entries makes, chained per deal in the list's order: each stay is left when
 * the deal's next entry in the list happens; a deal's last one stays open. Pure, so a bulk writer
 * that holds whole histories (the demo and bench generator) builds exactly the rows this file writes.
 */
export function stayRows(entries: readonly StageEntry[]): StageStayRow[] {
  const rows: StageStayRow[] = [];
  const open = new Map<string, StageStayRow>();
  for (const e of entries) {
    const previous = open.get(e.dealId);
    if (previous) previous.left_at = e.at;
    const row: StageStayRow = {
      id: e.id ?? newId(),
      workspace_id: e.workspaceId,
      deal_id: e.dealId,
      pipeline_id: e.pipelineId,
      stage_id: e.stageId,
      entered_at: e.at,
      left_at: null,
      imported: e.imported ? 1 : 0,
    };
    rows.push(row);
    open.set(e.dealId, row);
  }
  return rows;
}

/** Rows per insert: 8 parameters each, well under SQLite's 32,766 and PostgreSQL's 65,535. */
const ROWS_PER_STATEMENT = 1000;

/**
 * Records stage entries, many deals (and many entries per deal) at once: one UPDATE closes the open
 * stay of every deal in the batch at its first entry's instant, then multi-row INSERTs add the new
 * stays (the batch's own chain already closed). Call it inside the transaction that writes the
 * stage changes; entries of one deal must be in time order.
 */
export async function recordStageEntries(db: Kysely<DB>, entries: readonly StageEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const firstAt = new Map<string, number>();
  for (const e of entries) if (!firstAt.has(e.dealId)) firstAt.set(e.dealId, e.at);
  const deals = [...firstAt.keys()];
  for (let i = 0; i < deals.length; i += ROWS_PER_STATEMENT) {
    const some = deals.slice(i, i + ROWS_PER_STATEMENT);
    const whens = some.map((id) => sql`when ${id} then cast(${firstAt.get(id)} as bigint)`);
    await sql`update stage_stays set left_at = case deal_id ${sql.join(whens, sql` `)} end
      where deal_id in (${sql.join(some)}) and left_at is null`.execute(db);
  }
  const rows = stayRows(entries);
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await db
      .insertInto('stage_stays')
      .values(rows.slice(i, i + ROWS_PER_STATEMENT))
      .execute();
  }
}
