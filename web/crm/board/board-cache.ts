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
