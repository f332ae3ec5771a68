// Action items from sessions: what, whose, due when, and a box the owner ticks. Anyone else sees
// the state but cannot tick it (the server answers 403 to anyone but the owner and the coach).
import { Badge, Checkbox, Paper, Table, Text } from '@mantine/core';
import type { ActionItem } from '../../api/coaching-sessions';
import type { UserRef } from '../../api/common';
import { formatCalendarDate } from '../app/format';
import { useSession } from '../app/session';
import { patchActionItem, refreshCoaching } from '../data/coaching/coaching';
import { useWrite } from '../data/write';

type Item = ActionItem & { coachee?: UserRef; coach?: UserRef };

function DoneBox({ item, mayTick }: { item: Item; mayTick: boolean }) {
  const write = useWrite({
    request: (completed: boolean) => patchActionItem(item.id, { version: item.version, completed }),
    refresh: refreshCoaching,
  });
  return (
    <Checkbox
      aria-label={`Done: ${item.text}`}
      checked={item.completedAt !== null}
      disabled={!mayTick || write.pending}
      onChange={(e) => write.save(e.currentTarget.checked)}
    />
  );
}

interface Props {
  items: Item[];
  label: string;
  showCoachee?: boolean;
  /** The session's coach, when the items come from one session (the list endpoint names it per item). */
  coachId?: string;
}

export function ActionItemsTable({ items, label, showCoachee = false, coachId }: Props) {
  const { user } = useSession();
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No action items. They are agreed in a session and show here until done.
      </Text>
    );
  return (
    <Paper withBorder radius="md">
      <Table aria-label={label} verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>Done</Table.Th>
            <Table.Th>Action</Table.Th>
            {showCoachee && <Table.Th>Coachee</Table.Th>}
            <Table.Th>Owner</Table.Th>
            <Table.Th>Due</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <DoneBox
                  item={item}
                  mayTick={item.owner.id === user.id || (item.coach?.id ?? coachId) === user.id || user.role === 'admin' || user.role === 'manager'}
                />
              </Table.Td>
              <Table.Td>
                <Text size="sm" td={item.completedAt ? 'line-through' : undefined}>
                  {item.text}
                </Text>
              </Table.Td>
              {showCoachee && <Table.Td>{item.coachee?.name ?? ''}</Table.Td>}
              <Table.Td>{item.owner.id === user.id ? `${item.owner.name} (me)` : item.owner.name}</Table.Td>
              <Table.Td>
                {item.dueDate ? formatCalendarDate(item.dueDate) : '—'}
                {item.overdue && (
                  <Badge ml="xs" size="sm" color="red" variant="light" tt="none">
                    Overdue
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
