// The CSO's view across the organisation: per coach, how many of their relationships keep the
// cadence, and every relationship with its status, so a leader sees who is not coaching.
import { Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import type { CadenceStatus, CoachingRelationship } from '../../api/coaching-relationships';
import { formatDay } from '../app/format';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { TextLink } from '../components/TextLink';
import { useRelationships } from '../data/coaching/coaching';
import { AddRelationship } from './AddRelationship';
import { CADENCE, CADENCE_ORDER, CadenceBadge } from './CadenceBadge';

interface CoachRow {
  id: string;
  name: string;
  total: number;
  kept: number;
  overdue: number;
}

const keeps = (s: CadenceStatus) => s === 'kept' || s === 'due_soon';

export function byCoach(relationships: CoachingRelationship[]): CoachRow[] {
  const rows = new Map<string, CoachRow>();
  for (const r of relationships) {
    const row = rows.get(r.coach.id) ?? { id: r.coach.id, name: r.coach.name, total: 0, kept: 0, overdue: 0 };
    row.total += 1;
    if (keeps(r.status)) row.kept += 1;
    else row.overdue += 1;
    rows.set(r.coach.id, row);
  }
  return [...rows.values()].sort((a, b) => a.kept / a.total - b.kept / b.total || a.name.localeCompare(b.name));
}

export function OrgCadence() {
  const all = useRelationships();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? 'all') as CadenceStatus | 'all';
  if (all.isPending) return <LoadingState rows={6} label="Loading the cadence across the organisation" />;
  if (all.isError) return <ErrorState error={all.error} onRetry={() => all.refetch()} />;
  const coaches = byCoach(all.data);
  const kept = all.data.filter((r) => keeps(r.status)).length;
  const shown = all.data
    .filter((r) => status === 'all' || r.status === status)
    .sort((a, b) => CADENCE_ORDER[a.status] - CADENCE_ORDER[b.status] || a.coach.name.localeCompare(b.coach.name));
  return (
    <Stack gap="lg">
      <AddRelationship />
      <Text size="sm">
        <Text span fw={700} size="lg">
          {all.data.length === 0 ? '—' : `${Math.round((kept / all.data.length) * 100)} %`}
        </Text>{' '}
        of {all.data.length} coaching relationships keep their cadence ({kept} kept or due soon).
      </Text>
      <section aria-labelledby="org-coaches">
        <Title id="org-coaches" order={2} fz="h4" mb="xs">
          Coaches, least cadence kept first
        </Title>
        <Paper withBorder radius="md">
          <Table aria-label="Cadence per coach" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Coach</Table.Th>
                <Table.Th ta="right">Coachees</Table.Th>
                <Table.Th ta="right">Cadence kept</Table.Th>
                <Table.Th ta="right">Overdue or never</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {coaches.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td ta="right">{c.total}</Table.Td>
                  <Table.Td ta="right">
                    {c.kept} ({Math.round((c.kept / c.total) * 100)} %)
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text span size="sm" c={c.overdue > 0 ? 'red.9' : undefined} fw={c.overdue > 0 ? 600 : undefined}>
                      {c.overdue}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      </section>
      <section aria-labelledby="org-relationships">
        <Title id="org-relationships" order={2} fz="h4" mb="xs">
          Every relationship
        </Title>
        <SegmentedControl
          mb="sm"
          aria-label="Show relationships by status"
          value={status}
          onChange={(value) => setParams({ tab: 'org', ...(value === 'all' ? {} : { status: value }) }, { replace: true })}
          data={[{ value: 'all', label: 'All' }, ...(['overdue', 'never', 'due_soon', 'kept'] as const).map((s) => ({ value: s, label: CADENCE[s].label }))]}
        />
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={720}>
            <Table aria-label="Coaching relationships" verticalSpacing={6}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Coach</Table.Th>
                  <Table.Th>Coachee</Table.Th>
                  <Table.Th>Cadence</Table.Th>
                  <Table.Th>Last session</Table.Th>
                  <Table.Th>Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((r) => (
                  <Table.Tr key={`${r.coach.id}-${r.coachee.id}`}>
                    <Table.Td>{r.coach.name}</Table.Td>
                    <Table.Td>
                      <TextLink to={`/coaching/people/${r.coachee.id}`}>{r.coachee.name}</TextLink>
                    </Table.Td>
                    <Table.Td>every {r.cadenceDays} days</Table.Td>
                    <Table.Td>{r.lastHeldAt ? formatDay(r.lastHeldAt) : 'never'}</Table.Td>
                    <Table.Td>
                      <CadenceBadge status={r.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      </section>
    </Stack>
  );
}
