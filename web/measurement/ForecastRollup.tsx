// A manager's (or the CSO's) roll-up through the team tree: each direct report's latest call (or,
// without one, what their deals say), each sub-team's manager's call (or its own roll-up), the
// manager's own deals, and the total their call starts from.
import { Anchor, Badge, Group, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import type { ForecastView, RollupRow } from '../../api/measurement-forecast';
import { formatInstant, formatMoney, plural } from '../app/format';
import { ScrollTable } from './forecast-scroll';

const KIND: Record<RollupRow['kind'], string> = { rep: 'Rep', team: 'Team', own: 'Own deals' };

function Source({ row }: { row: RollupRow }) {
  if (row.source === 'submitted')
    return (
      <Text size="sm" span>
        Called {formatInstant(row.submittedAt)}
      </Text>
    );
  if (row.source === 'rollup')
    return (
      <Text size="sm" c="var(--mantine-color-orange-light-color)" span>
        No manager call: the team’s roll-up
      </Text>
    );
  return (
    <Text size="sm" c="var(--mantine-color-orange-light-color)" span>
      {row.kind === 'own' ? 'From the deals’ categories' : 'No call yet: from the deals'}
    </Text>
  );
}

export function ForecastRollup({ view }: { view: ForecastView }) {
  const rollup = view.rollup;
  if (!rollup) return null;
  const currency = view.currency;
  const money = (n: number) => formatMoney(n, currency);
  const called = rollup.rows.filter((r) => r.source === 'submitted').length;
  const callers = rollup.rows.filter((r) => r.kind !== 'own').length;
  const drill = (row: RollupRow) => (row.userId ? `/forecast?period=${encodeURIComponent(view.period.key)}&userId=${row.userId}` : null);

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="forecast-rollup-title">
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Title order={2} fz="h4" id="forecast-rollup-title">
            {view.scopeType === 'workspace' ? 'Organisation roll-up' : 'Team roll-up'}
          </Title>
          <Text size="sm" c="dimmed">
            {view.scopeName}, {view.period.label}: each person’s latest call, each team’s manager’s call. {called} of {plural(callers, 'call')} in.
          </Text>
        </div>
      </Group>
      <ScrollTable minWidth={680}>
        <Table verticalSpacing={6} highlightOnHover>
          <VisuallyHidden component="caption">Roll-up for {view.period.label}</VisuallyHidden>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Who</Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                Commit
              </Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                Best case
              </Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }} title="Won when the call was made; today, for someone without a call">
                Won then
              </Table.Th>
              <Table.Th scope="col">Source</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rollup.rows.map((row) => {
              const to = drill(row);
              return (
                <Table.Tr key={`${row.kind}-${row.teamId ?? ''}-${row.userId ?? row.name}`} data-testid="rollup-row">
                  <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                    <Group gap={8} wrap="nowrap">
                      {to ? (
                        <Anchor component={Link} to={to} size="sm">
                          {row.name}
                        </Anchor>
                      ) : (
                        <Text size="sm">{row.name}</Text>
                      )}
                      {row.kind !== 'rep' && (
                        <Badge size="sm" variant="light" color="gray" style={{ flexShrink: 0, overflow: 'visible' }}>
                          {KIND[row.kind]}
                        </Badge>
                      )}
                    </Group>
                  </Table.Th>
                  <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }} fw={600}>
                    {money(row.commit)}
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{money(row.bestCase)}</Table.Td>
                  <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{money(row.won)}</Table.Td>
                  <Table.Td>
                    <Source row={row} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
            {rollup.rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text size="sm" c="dimmed">
                    Nobody in your teams yet. An admin adds people under Settings → Teams.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">Total</Table.Th>
              <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }} fw={700}>
                {money(rollup.total.commit)}
              </Table.Td>
              <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }} fw={700}>
                {money(rollup.total.bestCase)}
              </Table.Td>
              <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }} fw={700}>
                {money(rollup.rows.reduce((s, r) => s + r.won, 0))}
              </Table.Td>
              <Table.Td>
                {view.latest ? (
                  <Text size="sm">
                    Your call {money(view.latest.commit)}
                    {view.latest.adjustment !== null && view.latest.adjustment !== 0 && (
                      <Text span size="sm" c="dimmed">
                        {' '}
                        ({view.latest.adjustment > 0 ? '+' : '−'}
                        {money(Math.abs(view.latest.adjustment))} on the roll-up then)
                      </Text>
                    )}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    Your call: not yet made
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </ScrollTable>
    </Paper>
  );
}
