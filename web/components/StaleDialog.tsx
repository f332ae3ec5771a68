import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';

export interface StaleChange {
  field: string;
  label: string;
  before: string;
  after: string;
  /** The person had edited this field too; their value is replaced by the newer one. */
  clash: boolean;
}

interface Props {
  opened: boolean;
  noun: string;
  changedBy?: string | null;
  changes: StaleChange[];
  onReload(): void;
  onClose(): void;
}

/** A 409: someone saved first. Show what they changed and load it, keeping the person's other edits. */
export function StaleDialog({ opened, noun, changes, onReload, onClose }: Props) {
  const clashes = changes.filter((c) => c.clash).length;
  return (
    <Modal opened={opened} onClose={onClose} title={`This ${noun} was changed while you were editing`} size="lg">
      <Stack gap="md">
        <Text size="sm">Someone saved a newer version. Nothing of yours was saved yet. Here is what changed:</Text>
        {changes.length > 0 ? (
          <Table withTableBorder verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Field</Table.Th>
                <Table.Th scope="col">Was</Table.Th>
                <Table.Th scope="col">Now</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {changes.map((c) => (
                <Table.Tr key={c.field}>
                  <Table.Td>
                    {c.label}
                    {c.clash && (
                      <Text span size="xs" c="orange.9" fw={600}>
                        {' '}
                        (you changed it too)
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{c.before}</Table.Td>
                  <Table.Td fw={600}>{c.after}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm" c="dimmed">
            None of the fields in this form changed; the change was elsewhere.
          </Text>
        )}
        {clashes > 0 && (
          <Alert color="orange" variant="light">
            Loading their version replaces your edit of {clashes === 1 ? 'that field' : 'those fields'}; enter it again if it is still right.
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Not now
          </Button>
          <Button onClick={onReload}>Load their version, keep my other edits</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
