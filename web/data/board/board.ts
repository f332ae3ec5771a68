// The pipeline board: each stage's first page of deals (with count and amount) and a column's
// further pages as it is scrolled. The key is ['board', pipeline, owner, search]; every deal write
// refreshes ['board'] (records.ts#refreshRecords), and the board keeps what was paged in beyond
// each column's first page when it reloads (board-cache.ts#keepLoaded).
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Board, BoardColumnPage } from '../../../api/deals';
import { api } from '../../app/api';
import { keepLoaded } from '../../crm/board/board-cache';

interface BoardFilter {
  pipelineId: string | undefined;
  ownerId: string | undefined;
  q: string | undefined;
}

export const boardKey = ({ pipelineId, ownerId, q }: BoardFilter) => ['board', pipelineId, ownerId, q];

/** The board with `perStage` deals per column at first. */
export function useBoard(filter: BoardFilter, perStage: number) {
  const queryClient = useQueryClient();
  const key = boardKey(filter);
  return useQuery({
    queryKey: key,
    // Reloaded after a move: each column's first page, keeping what was paged in beyond it.
    queryFn: async ({ signal }) =>
      keepLoaded(queryClient.getQueryData<Board>(key), await api.get<Board>('/api/v1/deals/board', { ...filter, perStage }, { signal })),
    enabled: Boolean(filter.pipelineId),
    placeholderData: keepPreviousData,
  });
}

/** A column's next page after `cursor`. */
export const fetchBoardColumn = (query: { stageId: string; ownerId: string | undefined; q: string | undefined; cursor: string; limit: number }) =>
  api.get<BoardColumnPage>('/api/v1/deals/board/column', query);
