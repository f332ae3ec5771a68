// The discipline index as a heat-map: one row per discipline (and overall), one column per month,
// each cell its 0–100 score, shaded; a month that fell by the fade threshold or more is marked ↓, one
// that far under the year's starting level is underlined, the month in progress … (scored so far,
// never judged).
// A discipline not measured yet says so in its row instead of showing numbers. Weights and inputs
// are listed under it.
import { Alert, Badge, Group, List, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { DisciplineIndex } from '../../api/discipline';
import { shortLabel } from './year-format';

/** Red below 50, amber to 75, green above; light enough that dark text keeps its contrast. */
function shade(score: number | null): string | undefined {
  if (score === null) return undefined;
  if (score < 50) return 'var(--mantine-color-red-1)';
  if (score < 75) return 'var(--mantine-color-yellow-1)';
  return 'var(--mantine-color-green-1)';
}

export function DisciplineHeatmap({ index, scopeId, onScope }: { index: DisciplineIndex; scopeId: string | undefined; onScope(id: string): void }) {
  const scope = index.scopes.find((s) => s.id === scopeId) ?? index.scopes[0];
  if (!scope) return <Alert color="gray">No team to score: the discipline index is per team.</Alert>;
  const info = new Map(index.disciplines.map((d) => [d.key, d]));
  const fadingNames = scope.fading.map((k) => info.get(k)?.name ?? k);
  const belowNames = scope.belowStart.map((k) => info.get(k)?.name ?? k);
  const cell = (c: { score: number | null; fading: boolean; belowStart: boolean; inProgress: boolean }, key: string) => (
    <Table.Td
      key={key}
      style={{
        textAlign: 'center',
        background: shade(c.score),
        fontStyle: c.inProgress ? 'italic' : undefined,
        textDecoration: c.belowStart ? 'underline wavy var(--mantine-color-red-9)' : undefined,
      }}
      title={
        c.inProgress && c.score !== null
          ? 'Month in progress: scored so far, not judged'
          : c.belowStart
            ? `${index.fadePoints} points or more under the level the year started from`
            : undefined
      }
    >
      {c.score === null ? '' : c.score}
      {c.inProgress && c.score !== null && (
        <Text span c="dimmed" aria-label="so far">
          …
        </Text>
      )}
      {c.fading && (
        <Text span fw={700} c="red.9" aria-label="fading">
          {' '}
          ↓
        </Text>
      )}
    </Table.Td>
  );
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Discipline index">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} fz="h4">
              Discipline index
            </Title>
            <Text size="sm" c="dimmed">
              0–100 per discipline and month; ↓ marks a drop of {index.fadePoints} points or more from the month before; a wavy underline a month{' '}
              {index.fadePoints} points or more under the year’s first month; … marks the month in progress, scored so far and not judged.
            </Text>
          </div>
          <Select
            aria-label="Team of the discipline index"
            data={index.scopes.map((s) => ({ value: s.id, label: s.name }))}
            value={scope.id}
            onChange={(v) => v && onScope(v)}
            allowDeselect={false}
            w={220}
          />
        </Group>
        {fadingNames.length > 0 && (
          <Alert color="orange" variant="light" title="Fading">
            {fadingNames.join(', ')} dropped {index.fadePoints} points or more in the latest finished month measured.
          </Alert>
        )}
        {belowNames.length > 0 && (
          <Alert color="red" variant="light" title="Below the start of the year">
            {belowNames.join(', ')} scored {index.fadePoints} points or more under the level the year started from in the latest finished month measured.
          </Alert>
        )}
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing={4} withColumnBorders aria-label={`Discipline index of ${scope.name} by month`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Discipline</Table.Th>
                {index.months.map((m) => (
                  <Table.Th key={m.key} scope="col" style={{ textAlign: 'center' }}>
                    {shortLabel(m.label)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {scope.disciplines.map((d) => {
                const meta = info.get(d.key);
                return (
                  <Table.Tr key={d.key}>
                    <Table.Th scope="row" fw={500}>
                      {meta?.name ?? d.key}
                    </Table.Th>
                    {meta?.notMeasured ? (
                      <Table.Td colSpan={index.months.length}>
                        <Text size="sm" c="dimmed">
                          {meta.notMeasured}
                        </Text>
                      </Table.Td>
                    ) : (
                      d.cells.map((c, i) => cell(c, index.months[i]?.key ?? String(i)))
                    )}
                  </Table.Tr>
                );
              })}
              <Table.Tr>
                <Table.Th scope="row">Overall</Table.Th>
                {scope.overall.map((c, i) => cell(c, index.months[i]?.key ?? String(i)))}
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <List size="xs" spacing={2}>
          {index.disciplines.map((d) => (
            <List.Item key={d.key}>
              <Group gap={6} wrap="nowrap" component="span">
                <Badge variant="light" color="gray" size="sm">
                  {Math.round(d.weight * 100)} %
                </Badge>
                <span>
                  {d.name}: {d.input}
                </span>
              </Group>
            </List.Item>
          ))}
          <List.Item>{index.formula}</List.Item>
        </List>
      </Stack>
    </Paper>
  );
}
