// The deals a session discussed: picked one at a time from the deals the writer can see, each
// shown as a badge that removes it.
import { ActionIcon, Badge, Group, Stack } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { DealSelect } from '../crm/pickers/DealSelect';
import type { SessionForm } from './useSessionForm';

export function SessionDealsField({ form }: { form: SessionForm }) {
  const deals = form.getValues().deals;
  const addDeal = (id: string | null, label: string | null) => {
    if (!id || deals.some((d) => d.id === id)) return;
    form.setFieldValue('deals', [...deals, { id, name: label ?? id }]);
  };
  return (
    <Stack gap={6}>
      <DealSelect
        label="Deals discussed"
        description="Search the deals you can see"
        value={null}
        onChange={addDeal}
        error={form.errors.deals}
        clearButtonProps={{ 'aria-label': 'Clear the deal search' }}
      />
      {deals.length > 0 && (
        <Group gap={6} aria-label="Linked deals">
          {deals.map((d) => (
            <Badge
              key={d.id}
              variant="light"
              tt="none"
              rightSection={
                <ActionIcon
                  size="xs"
                  variant="transparent"
                  aria-label={`Remove ${d.name}`}
                  onClick={() =>
                    form.setFieldValue(
                      'deals',
                      form.getValues().deals.filter((x) => x.id !== d.id),
                    )
                  }
                >
                  <IconX size={12} />
                </ActionIcon>
              }
            >
              {d.name}
            </Badge>
          ))}
        </Group>
      )}
    </Stack>
  );
}
