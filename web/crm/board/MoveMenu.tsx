import { ActionIcon, Menu } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import type { Board, Deal } from '../../../api/deals';
import type { TargetStage } from '../deals/move/useDealMover';

/** The keyboard and screen-reader way to move a card: a menu of the other stages. */
export function MoveMenu({ deal, board, onMove }: { deal: Deal; board: Board; onMove(stage: TargetStage): void }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Move ${deal.name} to…`} onPointerDown={(e) => e.stopPropagation()}>
          <IconArrowsExchange size={16} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Move to</Menu.Label>
        {board.columns
          .filter((c) => c.stageId !== deal.stageId)
          .map((c) => (
            <Menu.Item key={c.stageId} onClick={() => onMove({ id: c.stageId, name: c.stageName, kind: c.kind })}>
              {c.stageName}
            </Menu.Item>
          ))}
      </Menu.Dropdown>
    </Menu>
  );
}
