import { useDroppable } from '@dnd-kit/core';
import { Badge, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { defaultRangeExtractor, type Range, useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Board } from '../../../api/deals';
import { formatMoney, plural } from '../../app/format';
import type { TargetStage } from '../deals/move/useDealMover';
import classes from './Board.module.css';
import { type BlockedMark, DealCard } from './DealCard';

type Column = Board['columns'][number];

interface Props {
  column: Column;
  board: Board;
  currency: string;
  agingDays: number | null;
  blocked: Record<string, BlockedMark>;
  onMove(dealId: string, stage: TargetStage): void;
  draggable: boolean;
  /** Asks for the column's next page (it has a nextCursor); `loading` while it comes, `failed` if it did not. */
  onLoadMore(stageId: string): void;
  loading: boolean;
  failed: boolean;
}

/** A card's height before it is measured (name on one line, account, amount, owner): close to most. */
const ESTIMATED_CARD_PX = 118;
/** The gap under each card. */
const GAP_PX = 8;
/** The next page is asked for when the last this many cards come into view. */
const LOAD_AHEAD = 8;

// A column draws only the cards in (and just around) its visible part, however many it holds: a stage
// with thousands of deals costs what a screenful does. Its further deals come a page at a time from
// the server as it is scrolled.
export function BoardColumn({ column, board, currency, agingDays, blocked, onMove, draggable, onLoadMore, loading, failed }: Props) {
  const { setNodeRef, isOver } = useDroppable({ id: column.stageId, data: { column } });
  const closed = column.kind !== 'open';
  const headingId = `column-${column.stageId}`;
  const scroller = useRef<HTMLDivElement>(null);
  const items = column.items;
  // The card holding the focus, and its neighbours, are drawn wherever the column is scrolled: Tab
  // and Shift+Tab always find the next card's controls in the page, however few cards are drawn.
  // It stays the last focused card when the focus leaves for the card's Move menu or a dialog (both
  // in portals), so the button they give the focus back to is still there.
  const [focused, setFocused] = useState<number | null>(null);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const drawn = defaultRangeExtractor(range);
      if (focused === null) return drawn;
      const near = [focused - 1, focused, focused + 1].filter((i) => i >= 0 && i < range.count);
      return [...new Set([...drawn, ...near])].sort((a, b) => a - b);
    },
    [focused],
  );
  const virtualizer = useVirtualizer({
    rangeExtractor,
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_CARD_PX + GAP_PX,
    getItemKey: (index) => items[index]?.id ?? index,
    overscan: 4,
  });
  const visible = virtualizer.getVirtualItems();
  const lastShown = visible.at(-1)?.index ?? -1;
  // A page that failed is not asked for again by itself (no loop against a failing server): the button retries.
  const wantsMore = column.nextCursor !== null && !loading && !failed && lastShown >= items.length - LOAD_AHEAD;
  useEffect(() => {
    if (wantsMore) onLoadMore(column.stageId);
  }, [wantsMore, onLoadMore, column.stageId]);

  return (
    <section
      ref={setNodeRef}
      className={classes.column}
      data-over={isOver || undefined}
      data-kind={column.kind}
      aria-labelledby={headingId}
      data-testid="board-column"
      data-stage-name={column.stageName}
    >
      <Stack gap={2} className={classes.columnHeader}>
        <Group justify="space-between" wrap="nowrap">
          <Text fw={700} size="sm" id={headingId} component="h2" m={0}>
            {column.stageName}
          </Text>
          <Badge size="sm" variant="light" color={closed ? (column.kind === 'won' ? 'furrow' : 'gray') : 'blue'}>
            {column.kind === 'open' ? `${column.probability}%` : column.kind === 'won' ? 'Won' : 'Lost'}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed" data-testid="column-totals">
          {plural(column.count, 'deal')} · {formatMoney(column.amount, currency, { compact: true })}
          {closed ? ' · last 30 days' : ''}
        </Text>
      </Stack>
      <div ref={scroller} className={classes.cards} data-testid="column-cards">
        {items.length === 0 ? (
          <Text size="xs" c="dimmed" ta="center" py="md">
            {closed ? `Drop a deal here to close it as ${column.kind}` : 'No deals in this stage'}
          </Text>
        ) : (
          <ul aria-labelledby={headingId} className={classes.cardList} style={{ height: virtualizer.getTotalSize() }}>
            {visible.map((row) => {
              const deal = items[row.index];
              if (!deal) return null;
              return (
                <li
                  key={row.key}
                  aria-posinset={row.index + 1}
                  aria-setsize={Math.max(column.count, items.length)}
                  data-index={row.index}
                  ref={virtualizer.measureElement}
                  className={classes.cardRow}
                  style={{ transform: `translateY(${row.start}px)` }}
                  onFocus={() => setFocused(row.index)}
                >
                  <DealCard
                    deal={deal}
                    board={board}
                    agingDays={agingDays}
                    blocked={blocked[deal.id]}
                    onMove={(stage) => onMove(deal.id, stage)}
                    draggable={draggable}
                  />
                </li>
              );
            })}
          </ul>
        )}
        {column.nextCursor !== null && (
          <Group justify="center" gap={6} py={6} aria-live="polite">
            {loading && <Loader size="xs" aria-hidden />}
            {failed && !loading ? (
              <Button size="compact-xs" variant="subtle" onClick={() => onLoadMore(column.stageId)}>
                Could not load more deals: try again
              </Button>
            ) : (
              <Text size="xs" c="dimmed">
                {loading ? 'Loading more deals…' : `${Math.max(0, column.count - items.length)} more below`}
              </Text>
            )}
          </Group>
        )}
      </div>
    </section>
  );
}
