// Commit conversion per rep: of what each rep committed at their last call, how much was won.
import { BarChart } from '@mantine/charts';
import { Grid, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ForecastAccuracy } from '../../api/measurement-forecast';
import { formatMoney, majorToMinor, minorToMajor, plural } from '../app/format';
import { pct } from './accuracy-format';
import { ScrollTable } from './forecast-scroll';

export function CommitConversion({ report }: { report: ForecastAccuracy }) {
  const money = (n: number) => formatMoney(n, report.currency);
  const right = { textAlign: 'right', whiteSpace: 'nowrap' } as const;
  const rows = report.commitConversion;
  const data = rows.map((r) => ({ rep: r.name, Committed: minorToMajor(r.committed, report.currency), Won: minorToMajor(r.won, report.currency) }));
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="conversion-title">
      <Title order={2} fz="h4" id="conversion-title">
        Commit conversion per rep
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Of the open deals in commit at each rep’s last call of {report.period.label}, the share of value won in the period. Low conversion: the rep commits too
        readily; high: their commit can be trusted.
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No rep made a call for this period.
        </Text>
      ) : (
        // The table gets the wider side, so on a 1280-pixel screen every column shows without scrolling.
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Text size="sm" fw={600} mb={4}>
              Committed vs won ({report.currency})
            </Text>
            <BarChart
              h={Math.max(160, rows.length * 44)}
              data={data}
              dataKey="rep"
              orientation="vertical"
              yAxisProps={{ width: 120 }}
              valueFormatter={(v) => money(majorToMinor(v, report.currency) ?? 0)}
              series={[
                { name: 'Committed', color: 'blue.6' },
                { name: 'Won', color: 'furrow.6' },
              ]}
              withLegend
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <ScrollTable minWidth={420}>
              <Table verticalSpacing={6}>
                <VisuallyHidden component="caption">Commit conversion per rep, {report.period.label}</VisuallyHidden>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Rep</Table.Th>
                    <Table.Th scope="col" style={right}>
                      Committed
                    </Table.Th>
                    <Table.Th scope="col" style={right}>
                      Won
                    </Table.Th>
                    <Table.Th scope="col" style={right}>
                      Conversion
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.userId}>
                      <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                        {r.name}
                      </Table.Th>
                      <Table.Td style={{ ...right, whiteSpace: 'nowrap' }}>
                        {money(r.committed)}
                        <Text span size="xs" c="dimmed">
                          {' '}
                          ({plural(r.deals, 'deal')})
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ ...right, whiteSpace: 'nowrap' }}>
                        {money(r.won)}
                        <Text span size="xs" c="dimmed">
                          {' '}
                          ({plural(r.wonDeals, 'deal')})
                        </Text>
                      </Table.Td>
                      <Table.Td style={right} fw={600}>
                        {pct(r.conversion)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </Grid.Col>
        </Grid>
      )}
    </Paper>
  );
}
