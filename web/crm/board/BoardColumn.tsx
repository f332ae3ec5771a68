import { useDroppable } from '@dnd-kit/core';
import { Badge, Group, Stack, Text } from '@mantine/core';
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
}

export function BoardColumn({ column, board, currency, agingDays, blocked, onMove, draggable }: Props) {
  const { setNodeRef, isOver } = useDroppable({ id: column.stageId, data: { column } });
  const closed = column.kind !== 'open';
  const headingId = `column-${column.stageId}`;
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
        <Text size="xs" c="dimmed">
          {plural(column.count, 'deal')} · {formatMoney(column.amount, currency, { compact: true })}
          {closed ? ' · last 30 days' : ''}
        </Text>
      </Stack>
      <Stack gap="xs" className={classes.cards}>
        {column.items.map((deal) => (
          <DealCard
            key={deal.id}
            deal={deal}
            board={board}
            agingDays={agingDays}
            blocked={blocked[deal.id]}
            onMove={(stage) => onMove(deal.id, stage)}
            draggable={draggable}
          />
        ))}
        {column.items.length === 0 && (
          <Text size="xs" c="dimmed" ta="center" py="md">
            {closed ? `Drop a deal here to close it as ${column.kind}` : 'No deals in this stage'}
          </Text>
        )}
        {column.count > column.items.length && (
          <Text size="xs" c="dimmed" ta="center">
            + {column.count - column.items.length} more in the deals list
          </Text>
        )}
      </Stack>
    </section>
  );
}
