import { Paper, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';

interface Props {
  label: string;
  value: string;
  hint: string;
  to: string;
  tone?: 'good' | 'warn' | 'bad' | undefined;
}

const COLOR = { good: 'furrow.8', warn: 'orange.8', bad: 'red.8' } as const;

/** A figure that opens the records behind it. */
export function FigureTile({ label, value, hint, to, tone }: Props) {
  return (
    <UnstyledButton component={Link} to={to} title="Show the records" style={{ display: 'block' }}>
      <Paper withBorder radius="md" p="md" h="100%">
        <Text size="xs" c="dimmed" fw={600} tt="uppercase">
          {label}
        </Text>
        <Text fz={26} fw={750} lh={1.2} mt={4} c={tone ? COLOR[tone] : undefined}>
          {value}
        </Text>
        <Text size="xs" c="dimmed" mt={2}>
          {hint}
        </Text>
      </Paper>
    </UnstyledButton>
  );
}
