// Where each value of the file's enumerated columns goes (stage, status, owner, type, select fields),
// as the last check found it: proposed by the server (case, spacing, "Closed Won" to the won stage,
// owners by name), or chosen here. A value that goes nowhere is picked here instead of refusing the file.
import { Badge, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { ImportValueChoice } from '../../../api/imports';

export type ValueOverrides = Record<string, Record<string, string>>;

const NO_MATCH = '';

interface Props {
  choices: readonly ImportValueChoice[];
  overrides: ValueOverrides;
  onChange: (field: string, value: string, target: string | null) => void;
}

export function ValueMapping({ choices, overrides, onChange }: Props) {
  const shown = choices.filter((c) => c.values.some((v) => v.how !== 'same' || overrides[c.field]?.[v.value] !== undefined));
  if (shown.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="import-values">
      <Title order={2} fz="h4" id="import-values">
        Values
      </Title>
      <Text size="sm" c="dimmed">
        Values of the file that are not spelled as in Furrow, and where each goes. Change any; check again to see the result.
      </Text>
      {shown.map((choice) => (
        <Table.ScrollContainer key={choice.field} minWidth={420}>
          <Table verticalSpacing={4} captionSide="top" aria-label={`Values of ${choice.label}`}>
            <Table.Caption>
              {choice.label}
              {choice.distinct > choice.values.length && ` (the ${choice.values.length} most frequent of ${choice.distinct})`}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">In the file</Table.Th>
                <Table.Th scope="col">Rows</Table.Th>
                <Table.Th scope="col">In Furrow</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {choice.values.map((v) => {
                const own = overrides[choice.field]?.[v.value];
                const target = own ?? v.target;
                return (
                  <Table.Tr key={v.value}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {v.value}
                      </Text>
                    </Table.Td>
                    <Table.Td>{v.rows}</Table.Td>
                    <Table.Td miw={220}>
                      <Select
                        aria-label={`${choice.label} for ${v.value}`}
                        size="xs"
                        data={[{ value: NO_MATCH, label: '— No match —' }, ...choice.options.map((o) => ({ value: o, label: o }))]}
                        value={target ?? NO_MATCH}
                        onChange={(t) => onChange(choice.field, v.value, t === NO_MATCH ? null : t)}
                        allowDeselect={false}
                        searchable
                        error={target === null ? 'Choose where this value goes' : undefined}
                        rightSection={
                          own === undefined && v.how === 'proposed' ? (
                            <Badge size="xs" variant="light">
                              proposed
                            </Badge>
                          ) : undefined
                        }
                        rightSectionWidth={own === undefined && v.how === 'proposed' ? 76 : undefined}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ))}
    </Stack>
  );
}
