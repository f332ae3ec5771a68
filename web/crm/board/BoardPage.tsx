// The pipeline board: one column per stage with its count and amount; drag a card to move the
// deal (the server checks the exit criteria), or use the card's "Move to…" menu.
import {
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { Button, Group, Paper, Select, Text } from '@mantine/core';
import { IconLayoutKanban, IconList, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Board, Deal } from '../../../api/deals';
import { formatMoney, plural } from '../../app/format';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { useUrlState } from '../../app/url-state';
import { EmptyHint } from '../../components/EmptyHint';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { SearchBox } from '../../components/SearchBox';
import { useFirstDraw } from '../../components/use-first-draw';
import { boardKey as boardKeyOf, fetchBoardColumn, useBoard } from '../../data/board/board';
import { usePipelines } from '../../data/pipelines/pipelines';
import { type TargetStage, useDealMover } from '../deals/move/useDealMover';
import { OwnerFilter } from '../shared/OwnerFilter';
import { defaultPipelineOf } from '../shared/pipelines';
import classes from './Board.module.css';
import { BoardColumn } from './BoardColumn';
import { appendPage, boardTotals, moveCard } from './board-cache';
import { type BlockedMark, DealCardBody } from './DealCard';

/** Deals per column page: the board's first load and each further page as a column is scrolled. */
const PAGE = 50;

const collision: typeof pointerWithin = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : rectIntersection(args);
};

export function BoardPage() {
  const { user, workspace } = useSession();
  const url = useUrlState();
  const queryClient = useQueryClient();
  const pipelines = usePipelines();
  const pipelineId = url.get('pipelineId') ?? defaultPipelineOf(pipelines.data)?.id;
  const pipeline = pipelines.data?.find((p) => p.id === pipelineId);
  const ownerId = url.get('ownerId');
  const q = url.get('q');
  const filter = { pipelineId, ownerId, q };
  const boardKey = boardKeyOf(filter);
  const board = useBoard(filter, PAGE);
  // Columns paging in (and columns whose last page failed), by stage.
  const [loadingMore, setLoadingMore] = useState<ReadonlySet<string>>(new Set());
  const [failedMore, setFailedMore] = useState<ReadonlySet<string>>(new Set());
  const inFlight = useRef(new Set<string>());
  const setIn = (set: ReadonlySet<string>, stageId: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(stageId);
    else next.delete(stageId);
    return next;
  };
  const key = JSON.stringify(boardKey);
  // biome-ignore lint/correctness/useExhaustiveDependencies: boardKey is the same as key, which names it
  const loadMore = useCallback(
    async (stageId: string) => {
      const cursor = queryClient.getQueryData<Board>(boardKey)?.columns.find((c) => c.stageId === stageId)?.nextCursor;
      if (!cursor || inFlight.current.has(stageId)) return;
      inFlight.current.add(stageId);
      setLoadingMore((s) => setIn(s, stageId, true));
      setFailedMore((s) => setIn(s, stageId, false));
      try {
        const page = await fetchBoardColumn({ stageId, ownerId, q, cursor, limit: PAGE });
        // Appended only where the column still goes on from that cursor (a reload meanwhile started it again).
        queryClient.setQueryData<Board>(boardKey, (b) =>
          b && b.columns.find((c) => c.stageId === stageId)?.nextCursor === cursor ? appendPage(b, stageId, page) : b,
        );
      } catch {
        setFailedMore((s) => setIn(s, stageId, true));
      } finally {
        inFlight.current.delete(stageId);
        setLoadingMore((s) => setIn(s, stageId, false));
      }
    },
    [key, queryClient],
  );
  // The columns' first draw in slices: it was one task of 0.3-0.5 s for the shell, seven columns and their cards.
  const drawn = useFirstDraw(board.data !== undefined);
  const [dragging, setDragging] = useState<Deal | null>(null);
  const [blocked, setBlocked] = useState<Record<string, BlockedMark>>({});
  const mayMove = can(user.role, 'deals', 'update');
  // The stage a refused move aimed at, so the card can say what it is blocked for.
  const lastTarget = useRef<TargetStage | null>(null);

  const mover = useDealMover({
    via: 'board',
    optimistic: (deal, stage) => {
      const before = queryClient.getQueryData<Board>(boardKey);
      if (before) queryClient.setQueryData(boardKey, moveCard(before, deal, stage.id, stage.name));
      return () => queryClient.setQueryData(boardKey, before);
    },
    onMoved: (deal) =>
      setBlocked((b) => {
        const { [deal.id]: _gone, ...rest } = b;
        return rest;
      }),
    onBlocked: (deal, details) => {
      const target = lastTarget.current;
      if (target) setBlocked((b) => ({ ...b, [deal.id]: { stage: target, missing: details.missing.length } }));
    },
  });

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const dealById = (id: string) => board.data?.columns.flatMap((c) => c.items).find((d) => d.id === id);
  const moveTo = (deal: Deal, stage: TargetStage) => {
    lastTarget.current = stage;
    mover.move(deal, stage);
  };

  const onDragStart = (event: DragStartEvent) => setDragging((event.active.data.current?.deal as Deal) ?? null);
  const onDragEnd = (event: DragEndEvent) => {
    setDragging(null);
    const deal = event.active.data.current?.deal as Deal | undefined;
    const column = event.over?.data.current?.column as Board['columns'][number] | undefined;
    if (!deal || !column || column.stageId === deal.stageId) return;
    moveTo(deal, { id: column.stageId, name: column.stageName, kind: column.kind });
  };

  const totals = board.data ? boardTotals(board.data) : null;
  const agingOf = (stageId: string) => pipeline?.stages.find((s) => s.id === stageId)?.agingDays ?? null;

  return (
    <>
      <PageHeader
        title="Pipeline board"
        description={
          totals
            ? `${plural(totals.count, 'open deal')} · ${formatMoney(totals.amount, workspace.currency, { compact: true })} in the pipeline · ${formatMoney(totals.weighted, workspace.currency, { compact: true })} weighted by stage probability`
            : 'Open deals by stage'
        }
        actions={
          <>
            <Button component={Link} to="/deals" variant="default" leftSection={<IconList size={16} />}>
              List
            </Button>
            {can(user.role, 'deals', 'create') && (
              <Button component={Link} to="/deals/new" leftSection={<IconPlus size={16} />}>
                New deal
              </Button>
            )}
          </>
        }
      />
      <Group gap="sm" mb="md" wrap="wrap">
        {(pipelines.data?.length ?? 0) > 1 && (
          <Select
            aria-label="Pipeline"
            data={(pipelines.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            value={pipelineId ?? null}
            onChange={(v) => url.set({ pipelineId: v })}
            allowDeselect={false}
            w={200}
          />
        )}
        <SearchBox label="Filter cards by deal name" value={q} onChange={(v) => url.set({ q: v || null }, { replace: true })} />
        <OwnerFilter value={ownerId} onChange={(v) => url.set({ ownerId: v })} />
        <Text size="xs" c="dimmed">
          Drag a card to another stage, or use its ⇄ menu. Moves are checked against each stage’s exit criteria.
        </Text>
      </Group>
      {board.isPending || pipelines.isPending || !drawn ? (
        <LoadingState rows={6} label="Loading the board" />
      ) : board.isError ? (
        <ErrorState error={board.error} onRetry={() => board.refetch()} />
      ) : board.data.columns.every((c) => c.count === 0 && c.items.length === 0) && !q && !ownerId ? (
        <Paper withBorder p="lg" radius="md">
          <EmptyHint
            icon={<IconLayoutKanban size={28} />}
            title="No deals on the board yet"
            description="Create your first deal; it lands in the first stage, and you move it on from here."
            action={
              can(user.role, 'deals', 'create') && (
                <Button component={Link} to="/deals/new" leftSection={<IconPlus size={16} />}>
                  New deal
                </Button>
              )
            }
          />
        </Paper>
      ) : (
        <DndContext sensors={sensors} collisionDetection={collision} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragging(null)}>
          <div className={classes.scroller} data-testid="board">
            {board.data.columns.map((column) => (
              <BoardColumn
                key={column.stageId}
                column={column}
                board={board.data}
                currency={workspace.currency}
                agingDays={agingOf(column.stageId)}
                blocked={blocked}
                draggable={mayMove && mover.moving === null}
                onLoadMore={loadMore}
                loading={loadingMore.has(column.stageId)}
                failed={failedMore.has(column.stageId)}
                onMove={(dealId, stage) => {
                  const deal = dealById(dealId);
                  if (deal) moveTo(deal, stage);
                }}
              />
            ))}
          </div>
          <DragOverlay dropAnimation={null}>
            {dragging && (
              <Paper withBorder radius="md" p="sm" className={classes.overlay}>
                <DealCardBody deal={dragging} board={board.data} agingDays={agingOf(dragging.stageId)} blocked={undefined} onMove={() => undefined} overlay />
              </Paper>
            )}
          </DragOverlay>
        </DndContext>
      )}
      {mover.modals}
    </>
  );
}
