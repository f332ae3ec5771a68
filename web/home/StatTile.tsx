import { Paper, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';

interface Props {
  label: string;
  value: string;
  hint: string;
  to: string;
}

/** A number that opens: the tile links to the records behind it. */
export function StatTile({ label, value, hint, to }: Props) {
  return (
    <UnstyledButton component={Link} to={to} style={{ display: 'block' }}>
      <Paper withBorder radius="md" p="md" h="100%">
        <Text size="xs" c="dimmed" fw={600} tt="uppercase">
          {label}
        </Text>
        <Text fz={26} fw={750} lh={1.2} mt={4}>
          {value}
        </Text>
        <Text size="xs" c="dimmed" mt={2}>
          {hint}
        </Text>
      </Paper>
    </UnstyledButton>
  );
}
