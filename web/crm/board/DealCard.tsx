import { useDraggable } from '@dnd-kit/core';
import { Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconClock } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Board, Deal } from '../../../api/deals';
import { daysSince, formatCalendarDate, formatMoney, todayLocal } from '../../app/format';
import { titleIfCut } from '../../components/title-if-cut';
import type { TargetStage } from '../deals/move/useDealMover';
import classes from './Board.module.css';
import { MoveMenu } from './MoveMenu';

export interface BlockedMark {
  stage: TargetStage;
  missing: number;
}

interface Props {
  deal: Deal;
  board: Board;
  agingDays: number | null;
  blocked: BlockedMark | undefined;
  onMove(stage: TargetStage): void;
  draggable: boolean;
  overlay?: boolean;
}

export function DealCardBody({ deal, board, agingDays, blocked, onMove, overlay }: Omit<Props, 'draggable'>) {
  const days = daysSince(deal.stageEnteredAt);
  const aging = deal.status === 'open' && agingDays !== null && days > agingDays;
  const overdue = deal.status === 'open' && deal.closeDate < todayLocal();
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap={4}>
        <Text size="sm" fw={600} lh={1.3} component={Link} to={`/deals/${deal.id}`} className={classes.cardLink} draggable={false}>
          {deal.name}
        </Text>
        {!overlay && <MoveMenu deal={deal} board={board} onMove={onMove} />}
      </Group>
      {deal.accountName && (
        <Text size="xs" c="dimmed" truncate ref={titleIfCut}>
          {deal.accountName}
        </Text>
      )}
      <Group justify="space-between" gap={4}>
        <Text size="sm" fw={700}>
          {formatMoney(deal.amount, deal.currency)}
        </Text>
        <Text size="xs" c={overdue ? 'red.8' : 'dimmed'} fw={overdue ? 600 : 400}>
          {formatCalendarDate(deal.closeDate)}
        </Text>
      </Group>
      <Group justify="space-between" gap={4}>
        <Text size="xs" c="dimmed" truncate ref={titleIfCut}>
          {deal.ownerName}
        </Text>
        {deal.status === 'open' && (
          <Badge size="xs" variant="light" tt="none" color={aging ? 'red' : 'gray'} leftSection={<IconClock size={10} aria-hidden />}>
            {days} d in stage{aging ? ' · over limit' : ''}
          </Badge>
        )}
      </Group>
      {blocked && (
        <UnstyledButton
          onClick={() => onMove(blocked.stage)}
          className={classes.blocked}
          // The name starts with the words on the button (axe: label-content-name-mismatch), then says what it does.
          aria-label={`${blocked.missing} missing for ${blocked.stage.name}: blocked, show what is missing`}
        >
          <Group gap={4} wrap="nowrap">
            <IconAlertTriangle size={12} aria-hidden />
            <Text size="xs" fw={600} span>
              {blocked.missing} missing for {blocked.stage.name}
            </Text>
          </Group>
        </UnstyledButton>
      )}
    </Stack>
  );
}

export function DealCard(props: Props) {
  const {
    attributes: _dndRoles,
    listeners,
    setNodeRef,
    isDragging,
  } = useDraggable({ id: props.deal.id, data: { deal: props.deal }, disabled: !props.draggable });
  // The card holds a link and a menu, so it is not itself a button (dnd-kit's attributes); the
  // Move-to menu is the keyboard way to move it.
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      radius="md"
      p="sm"
      className={classes.card}
      data-dragging={isDragging || undefined}
      data-testid="deal-card"
      data-deal-id={props.deal.id}
      {...listeners}
    >
      <DealCardBody {...props} />
    </Paper>
  );
}
