import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** Above the title: breadcrumbs or a badge row. */
  eyebrow?: ReactNode;
}

export function PageHeader({ title, description, actions, eyebrow }: Props) {
  return (
    <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="sm">
      <Stack gap={4} style={{ minWidth: 0, flex: '1 1 320px' }}>
        {eyebrow}
        <Title order={1} fz="h2">
          {title}
        </Title>
        {description && (
          // A description that is more than words (a badge row, a group) must not sit inside a <p>.
          <Text c="dimmed" size="sm" component={typeof description === 'string' ? 'p' : 'div'}>
            {description}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="xs">{actions}</Group>}
    </Group>
  );
}
