// A session's action items: those already agreed, and the new ones typed here (text, owner —
// the coach or the coachee — and a due date a week out unless changed).
import { ActionIcon, Button, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import dayjs from 'dayjs';
import type { CoachingSession } from '../../api/coaching-sessions';
import { ActionItemsTable } from './ActionItemsTable';
import type { SessionForm } from './useSessionForm';

let itemKey = 0;
const newItemKey = () => `item-${++itemKey}`;

interface Props {
  form: SessionForm;
  base: CoachingSession | null;
  coachee: { id: string; name: string };
  /** Who may own a new item: the coach and the coachee, labelled. */
  owners: { value: string; label: string }[];
}

export function SessionActionItems({ form, base, coachee, owners }: Props) {
  return (
    <Stack gap="xs">
      <Title order={2} fz="h5">
        Action items
      </Title>
      {base && base.actionItems.length > 0 && <ActionItemsTable label="Agreed action items" items={base.actionItems} coachId={base.coach.id} />}
      {form.getValues().newItems.map((item, i) => (
        <Group key={item.key} align="flex-start" gap="xs" wrap="nowrap">
          <TextInput
            label={`Action ${i + 1}`}
            style={{ flex: 1 }}
            withAsterisk
            {...form.getInputProps(`newItems.${i}.text`)}
            key={form.key(`newItems.${i}.text`)}
          />
          <Select
            label="Owner"
            w={200}
            data={owners}
            allowDeselect={false}
            {...form.getInputProps(`newItems.${i}.ownerId`)}
            key={form.key(`newItems.${i}.ownerId`)}
          />
          <DatePickerInput
            label="Due"
            w={150}
            clearable
            clearButtonProps={{ 'aria-label': `No due date for action ${i + 1}` }}
            valueFormat="D MMM YYYY"
            {...form.getInputProps(`newItems.${i}.dueDate`)}
            key={form.key(`newItems.${i}.dueDate`)}
          />
          <ActionIcon mt={26} variant="subtle" color="red" aria-label={`Remove action ${i + 1}`} onClick={() => form.removeListItem('newItems', i)}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() =>
            form.insertListItem('newItems', { key: newItemKey(), ownerId: coachee.id, text: '', dueDate: dayjs().add(7, 'day').format('YYYY-MM-DD') })
          }
        >
          Add action item
        </Button>
      </Group>
    </Stack>
  );
}
