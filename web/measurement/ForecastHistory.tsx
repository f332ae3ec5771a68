// Every call of the period, newest first: the person's own, or (a manager, the CSO) everyone's they
// may see. A manager's call shows the roll-up it was made against and their adjustment.
import { Anchor, Group, Paper, SegmentedControl, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import type { Submission } from '../../api/measurement-forecast';
import { formatCalendarDate, formatInstant, formatMoney } from '../app/format';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { useAllSubmissions } from '../data/forecast/forecast';
import { ScrollTable } from './forecast-scroll';

interface Props {
  periodKey: string;
  periodLabel: string;
  currency: string;
  own: Submission[];
  /** Managers and the CSO may switch to everyone's calls. */
  canSeeOthers: boolean;
  whose: 'mine' | 'all';
  onWhose(whose: 'mine' | 'all'): void;
  personName: string;
  isMe: boolean;
}

const right = { textAlign: 'right', whiteSpace: 'nowrap' } as const;

export function ForecastHistory({ periodKey, periodLabel, currency, own, canSeeOthers, whose, onWhose, personName, isMe }: Props) {
  const everyone = useAllSubmissions(periodKey, canSeeOthers && whose === 'all');
  const showAll = canSeeOthers && whose === 'all';
  const items = showAll ? (everyone.data ?? []) : own;
  const money = (n: number | null) => (n === null ? '—' : formatMoney(n, currency));
  const anyRollup = items.some((s) => s.rollupCommit !== null);

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="forecast-history-title">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={2} fz="h4" id="forecast-history-title">
            {showAll ? 'All calls' : isMe ? 'My calls' : `${personName}’s calls`}
          </Title>
          <Text size="sm" c="dimmed">
            {periodLabel}, newest first. Every call is kept.
          </Text>
        </div>
        {canSeeOthers && (
          <SegmentedControl
            size="xs"
            aria-label="Whose calls"
            value={whose}
            onChange={(v) => onWhose(v as 'mine' | 'all')}
            data={[
              { value: 'mine', label: isMe ? 'Mine' : personName },
              { value: 'all', label: 'Everyone I see' },
            ]}
          />
        )}
      </Group>
      {showAll && everyone.isPending && <LoadingState rows={3} label="Loading calls" />}
      {showAll && everyone.isError && <ErrorState error={everyone.error} onRetry={() => everyone.refetch()} />}
      {!(showAll && (everyone.isPending || everyone.isError)) && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {isMe && !showAll ? 'No call yet for this period. Submit one above; you can call again every week.' : 'No calls for this period yet.'}
        </Text>
      )}
      {items.length > 0 && (
        <ScrollTable minWidth={760}>
          <Table verticalSpacing={6} striped>
            <VisuallyHidden component="caption">Calls for {periodLabel}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Week of</Table.Th>
                {showAll && <Table.Th scope="col">Who</Table.Th>}
                {showAll && <Table.Th scope="col">For</Table.Th>}
                <Table.Th scope="col" style={right}>
                  Commit
                </Table.Th>
                <Table.Th scope="col" style={right}>
                  Best case
                </Table.Th>
                <Table.Th scope="col" style={right}>
                  Won then
                </Table.Th>
                {anyRollup && (
                  <Table.Th scope="col" style={right}>
                    Roll-up then
                  </Table.Th>
                )}
                {anyRollup && (
                  <Table.Th scope="col" style={right}>
                    Adjustment
                  </Table.Th>
                )}
                <Table.Th scope="col">Note</Table.Th>
                <Table.Th scope="col">Submitted</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatCalendarDate(s.weekStart)}</Table.Td>
                  {showAll && (
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Anchor component={Link} to={`/forecast?period=${encodeURIComponent(periodKey)}&userId=${s.userId}`} size="sm">
                        {s.userName}
                      </Anchor>
                    </Table.Td>
                  )}
                  {showAll && <Table.Td style={{ whiteSpace: 'nowrap' }}>{s.scopeName}</Table.Td>}
                  <Table.Td style={right} fw={600}>
                    {money(s.commit)}
                  </Table.Td>
                  <Table.Td style={right}>{money(s.bestCase)}</Table.Td>
                  <Table.Td style={right}>{money(s.won)}</Table.Td>
                  {anyRollup && <Table.Td style={right}>{money(s.rollupCommit)}</Table.Td>}
                  {anyRollup && (
                    <Table.Td style={right}>
                      {s.adjustment === null ? '—' : `${s.adjustment > 0 ? '+' : s.adjustment < 0 ? '−' : '±'}${formatMoney(Math.abs(s.adjustment), currency)}`}
                    </Table.Td>
                  )}
                  <Table.Td style={{ maxWidth: 260, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }} title={s.note ?? undefined}>
                    {s.note ?? '—'}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(s.submittedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Paper>
  );
}
