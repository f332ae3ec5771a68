import { ActionIcon, Menu } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { Board, Deal } from '../../../api/deals';
import type { TargetStage } from '../deals/move/useDealMover';

interface Props {
  deal: Deal;
  board: Board;
  onMove(stage: TargetStage): void;
}

/**
 * The keyboard and screen-reader way to move a card: a menu of the other stages. Until it is first
 * opened the card carries only its button: a menu (a popover positioned by floating-ui) on every
 * card drawn was a good part of the board's first render.
 */
export function MoveMenu(props: Props) {
  const [wanted, setWanted] = useState(false);
  if (!wanted)
    return (
      <ActionIcon
        variant="subtle"
        color="gray"
        size="sm"
        aria-label={`Move ${props.deal.name} to…`}
        aria-haspopup="menu"
        aria-expanded={false}
        onPointerDown={(e) => e.stopPropagation()}
        onClick={() => setWanted(true)}
      >
        <IconArrowsExchange size={16} />
      </ActionIcon>
    );
  return <StageMenu {...props} />;
}

function StageMenu({ deal, board, onMove }: Props) {
  // The button focused when the menu opened was the placeholder one, gone since: focus goes back to
  // this one, once the dropdown is gone — while it closes its focus trap still holds the focus, and
  // Mantine's own return went to the placeholder, so to the body. Only when the focus is lost: a
  // move that opens a dialog (the lost reason, the gate) keeps it there.
  const target = useRef<HTMLButtonElement>(null);
  return (
    <Menu position="bottom-end" withinPortal defaultOpened returnFocus={false} onExitTransitionEnd={() => focusIfLost(target.current)}>
      <Menu.Target>
        <ActionIcon ref={target} variant="subtle" color="gray" size="sm" aria-label={`Move ${deal.name} to…`} onPointerDown={(e) => e.stopPropagation()}>
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

function focusIfLost(button: HTMLButtonElement | null): void {
  // Still in the closing dropdown, or dropped to the body when it went.
  const active = document.activeElement;
  if (!active || active === document.body || active.closest('[role="menu"]')) button?.focus();
}
