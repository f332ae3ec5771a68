// The discipline index as a heat-map: one row per discipline (and overall), one column per month or
// ISO week, each cell its 0–100 score, shaded; a step that fell by the fade threshold or more is
// marked ↓, one that far under the year's starting level is underlined, the step in progress …
// (scored so far, never judged). The page hands in the controls (month/week, team, person).
// A discipline not measured yet says so in its row instead of showing numbers. Weights and inputs
// are listed under it.
import { Alert, Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { DisciplineIndex } from '../../api/discipline';
import { shortLabel } from './year-format';

/** Red below 50, amber to 75, green above; light enough that dark text keeps its contrast. */
function shade(score: number | null): string | undefined {
  if (score === null) return undefined;
  if (score < 50) return 'var(--mantine-color-red-1)';
  if (score < 75) return 'var(--mantine-color-yellow-1)';
  return 'var(--mantine-color-green-1)';
}

/** "Mar" for a month, "W14" for an ISO week. */
const columnLabel = (p: { kind: string; key: string; label: string }) => (p.kind === 'week' ? `W${p.key.slice(-2)}` : shortLabel(p.label));

export function DisciplineHeatmap({ index, scopeId, controls }: { index: DisciplineIndex; scopeId: string | undefined; controls?: ReactNode }) {
  const scope = index.scopes.find((s) => s.id === scopeId) ?? index.scopes[0];
  const step = index.by;
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
          ? `${step === 'week' ? 'Week' : 'Month'} in progress: scored so far, not judged`
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
              {scope.name}: 0–100 per discipline and {step}; ↓ marks a drop of {index.fadePoints} points or more from the {step} before; a wavy underline a{' '}
              {step} {index.fadePoints} points or more under the year’s first {step}; … marks the {step} in progress, scored so far and not judged.
            </Text>
          </div>
          {controls}
        </Group>
        {fadingNames.length > 0 && (
          <Alert color="orange" variant="light" title="Fading">
            {fadingNames.join(', ')} dropped {index.fadePoints} points or more in the latest finished {step} measured.
          </Alert>
        )}
        {belowNames.length > 0 && (
          <Alert color="red" variant="light" title="Below the start of the year">
            {belowNames.join(', ')} scored {index.fadePoints} points or more under the level the year started from in the latest finished {step} measured.
          </Alert>
        )}
        {/* A plain scroller the keyboard can reach (tabIndex): a year of weeks is wider than the page. */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
        <div tabIndex={0} style={{ overflowX: 'auto' }}>
          <Table
            verticalSpacing={4}
            withColumnBorders
            miw={step === 'week' ? 160 + index.periods.length * 40 : 760}
            aria-label={`Discipline index of ${scope.name} by ${step}`}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Discipline</Table.Th>
                {index.periods.map((m) => (
                  <Table.Th key={m.key} scope="col" style={{ textAlign: 'center' }} title={m.label}>
                    {columnLabel(m)}
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
                      <Table.Td colSpan={index.periods.length}>
                        <Text size="sm" c="dimmed">
                          {meta.notMeasured}
                        </Text>
                      </Table.Td>
                    ) : (
                      d.cells.map((c, i) => cell(c, index.periods[i]?.key ?? String(i)))
                    )}
                  </Table.Tr>
                );
              })}
              <Table.Tr>
                <Table.Th scope="row">Overall</Table.Th>
                {scope.overall.map((c, i) => cell(c, index.periods[i]?.key ?? String(i)))}
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </div>
        <List size="xs" spacing={2}>
          {index.disciplines.map((d) => (
            <List.Item key={d.key}>
              <Group gap={6} wrap="nowrap" component="span">
                <Badge variant="light" color="gray" size="sm">
                  {Math.round(d.weight * 100)} %
                </Badge>
                <span>
                  {d.name}: {d.input}
                  {scope.kind === 'rep' && d.key === 'coaching' ? ' — counted for the coach: a person’s own index leaves it out' : ''}
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
