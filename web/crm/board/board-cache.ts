// Pure: the board as it looks right after a drop, before the server answers.
import type { Board, Deal } from '../../../api/deals';

export function moveCard(board: Board, deal: Deal, toStageId: string, toStageName: string): Board {
  return {
    ...board,
    columns: board.columns.map((column) => {
      const has = column.items.some((d) => d.id === deal.id);
      if (has && column.stageId !== toStageId) {
        return { ...column, count: Math.max(0, column.count - 1), amount: column.amount - deal.amount, items: column.items.filter((d) => d.id !== deal.id) };
      }
      if (column.stageId === toStageId && !has) {
        const moved: Deal = { ...deal, stageId: toStageId, stageName: toStageName };
        return { ...column, count: column.count + 1, amount: column.amount + deal.amount, items: [moved, ...column.items] };
      }
      return column;
    }),
  };
}

export function boardTotals(board: Board): { count: number; amount: number; weighted: number } {
  let count = 0;
  let amount = 0;
  let weighted = 0;
  for (const c of board.columns) {
    if (c.kind !== 'open') continue;
    count += c.count;
    amount += c.amount;
    weighted += (c.amount * c.probability) / 100;
  }
  return { count, amount, weighted: Math.round(weighted) };
}

type Column = Board['columns'][number];

/** A column's order on the server: soonest close first, then id (its keyset). */
function before(a: Deal, b: Deal): boolean {
  return a.closeDate < b.closeDate || (a.closeDate === b.closeDate && a.id < b.id);
}

/** The board with one more page of a column appended (a deal already shown, e.g. just moved in, is not repeated). */
export function appendPage(board: Board, stageId: string, page: { items: Deal[]; nextCursor: string | null }): Board {
  return {
    ...board,
    columns: board.columns.map((column) => {
      if (column.stageId !== stageId) return column;
      const shown = new Set(column.items.map((d) => d.id));
      return { ...column, items: [...column.items, ...page.items.filter((d) => !shown.has(d.id))], nextCursor: page.nextCursor };
    }),
  };
}

/**
 * A reloaded board (first page of each column) keeping the deals already paged in beyond that first
 * page, so a move or a refresh does not throw a long column back to its top. Kept: the deals after
 * the fresh page's last one, in the column's order; the column goes on from where it had got to.
 */
export function keepLoaded(previous: Board | undefined, fresh: Board): Board {
  if (!previous || previous.pipelineId !== fresh.pipelineId) return fresh;
  return {
    ...fresh,
    columns: fresh.columns.map((column): Column => {
      const old = previous.columns.find((c) => c.stageId === column.stageId);
      const last = column.items.at(-1);
      if (!old || column.nextCursor === null || !last) return column;
      const shown = new Set(column.items.map((d) => d.id));
      const beyond = old.items.filter((d) => !shown.has(d.id) && before(last, d) && d.stageId === column.stageId);
      if (beyond.length === 0) return column;
      return { ...column, items: [...column.items, ...beyond], nextCursor: old.nextCursor };
    }),
  };
}
