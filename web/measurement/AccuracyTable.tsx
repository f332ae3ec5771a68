// The accuracy figures as a table: people down, submission weeks across.
import { Table, Text, VisuallyHidden } from '@mantine/core';
import type { ForecastAccuracy } from '../../api/measurement-forecast';
import { formatMoney } from '../app/format';
import { pct, signedPct, weekLabel } from './accuracy-format';
import { ScrollTable } from './forecast-scroll';

/** People down, submission weeks across: each cell the week's accuracy with its bias beneath. */
export function AccuracyTable({ report }: { report: ForecastAccuracy }) {
  const money = (n: number) => formatMoney(n, report.currency);
  const weeks = [...new Set(report.people.flatMap((p) => p.weeks.map((w) => w.weekStart)))].sort();
  const right = { textAlign: 'right', whiteSpace: 'nowrap' } as const;
  return (
    <ScrollTable minWidth={260 + weeks.length * 84}>
      <Table verticalSpacing={4} striped highlightOnHover>
        <VisuallyHidden component="caption">Accuracy (and bias) of each person’s commit call per submission week, {report.period.label}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Who</Table.Th>
            <Table.Th scope="col" style={right}>
              Won
            </Table.Th>
            {weeks.map((w) => (
              <Table.Th key={w} scope="col" style={right}>
                {weekLabel(w)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.people.map((p) => (
            <Table.Tr key={p.userId}>
              <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                {p.name}
                <Text size="xs" c="dimmed">
                  {p.scopeType === 'user' ? 'own deals' : p.scopeName}
                </Text>
              </Table.Th>
              <Table.Td style={right} fw={600}>
                {money(p.actual)}
              </Table.Td>
              {weeks.map((week) => {
                const w = p.weeks.find((x) => x.weekStart === week);
                if (!w)
                  return (
                    <Table.Td key={week} style={right} c="dimmed">
                      —
                    </Table.Td>
                  );
                return (
                  <Table.Td key={week} style={right} title={`Commit ${money(w.commit)}, best case ${money(w.bestCase)}`}>
                    {report.closed ? (
                      <>
                        <Text size="sm" fw={600} span>
                          {pct(w.accuracy)}
                        </Text>
                        <Text
                          size="xs"
                          c={w.bias === null ? 'dimmed' : w.bias > 0.1 ? 'var(--mantine-color-orange-light-color)' : w.bias < -0.1 ? 'blue.9' : 'dimmed'}
                        >
                          {signedPct(w.bias)}
                        </Text>
                      </>
                    ) : (
                      <Text size="sm">{formatMoney(w.commit, report.currency, { compact: true })}</Text>
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt={4}>
        {report.closed
          ? 'Each cell: accuracy, with the bias beneath (orange: called more than was won; blue: less). Hover a cell for the call.'
          : 'Each cell: the commit call of that week. Accuracy shows once the period has closed.'}
      </Text>
    </ScrollTable>
  );
}
