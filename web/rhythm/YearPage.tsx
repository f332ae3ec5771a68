// The Year: is the harvest being planted, and does the rhythm hold? For the CSO the whole organisation, for a manager their
// teams, for a rep their own planting. Who is behind comes first (a table of every plan the reader
// may see, the ones short to date on top); opening one shows its planting calendar, its formulas
// and assumptions (with the override form for a team the reader manages); then the discipline index
// heat-map (managers and admins: by month or by week, a team and its people; a rep: their own, by
// week) and cramming by quarter. Year, plan, team, by and the person (userId) live in the URL, so a
// manager can link to one rep's weekly index (Home's card links to its scopes').
import { Alert, Anchor, Badge, Group, Paper, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { HarvestRow } from '../../api/harvest';
import { fiscalYearOf } from '../../lib/periods';
import { formatMoney, todayLocal } from '../app/format';
import { useSession } from '../app/session';
import { useUrlState } from '../app/url-state';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { useCramming, useDisciplineIndex, useHarvestOverrides, useHarvestPlan } from '../data/year/year';
import { BookingsCurve } from './BookingsCurve';
import { CrammingChart } from './CrammingChart';
import { DisciplineHeatmap } from './DisciplineHeatmap';
import { HarvestAssumptions } from './HarvestAssumptions';
import { HarvestStrip } from './HarvestStrip';
import { shortLabel } from './year-format';

const KIND_LABEL: Record<HarvestRow['kind'], string> = { workspace: 'Organisation', team: 'Team', rep: 'Rep' };
const rowKey = (r: HarvestRow) => `${r.kind}:${r.id}`;

export function YearPage() {
  const { user, workspace } = useSession();
  const url = useUrlState();
  const currentFy = fiscalYearOf(todayLocal(), workspace.fiscalYearStartMonth);
  const year = /^FY\d{4}$/.test(url.get('year') ?? '') ? (url.get('year') as string) : `FY${currentFy}`;
  const plan = useHarvestPlan(year);
  const leads = user.role === 'admin' || user.role === 'manager';
  const overrides = useHarvestOverrides(leads);
  const discipline = useDisciplineIndex(year, leads);
  // By week: a team and its people, or one person asked by userId (a rep: their own index, always by week).
  const personId = leads ? (url.get('userId') ?? undefined) : undefined;
  const byWeek = !leads || url.get('by') === 'week' || personId !== undefined;
  const teamScope = discipline.data?.scopes.find((s) => s.id === url.get('team')) ?? discipline.data?.scopes[0];
  // The team's weekly index lists its people; a person linked without a team needs no other index.
  const weekly = useDisciplineIndex(
    year,
    !leads || (byWeek && teamScope !== undefined && (personId === undefined || teamScope.kind === 'team')),
    'week',
    leads && teamScope?.kind === 'team' ? teamScope.id : undefined,
  );
  // The person alone, so a link to them shows without waiting for their whole team's index.
  const person = useDisciplineIndex(year, personId !== undefined, 'week', undefined, personId);
  const shown = personId !== undefined ? person.data : weekly.data;
  const people = [
    ...(weekly.data?.scopes.filter((s) => s.kind === 'rep') ?? []),
    ...(person.data?.scopes.filter((s) => !weekly.data?.scopes.some((t) => t.id === s.id)) ?? []),
  ];
  const cramming = useCramming(year, leads);

  const years = [currentFy + 1, currentFy, currentFy - 1].map((fy) => ({ value: `FY${fy}`, label: `FY${fy}` }));
  const header = (
    <PageHeader
      title="Year"
      description="The harvest plan: how much pipeline must be planted each month, and by whom, for the year’s bookings to close."
      actions={
        <Select aria-label="Fiscal year" data={years} value={year} onChange={(v) => v && url.set({ year: v, plan: null })} w={120} allowDeselect={false} />
      }
    />
  );
  if (plan.isPending) return <LoadingState />;
  if (plan.isError) return <ErrorState error={plan.error} onRetry={() => plan.refetch()} />;

  const data = plan.data;
  const rows = data.rows;
  const shortOf = (r: HarvestRow) => r.plan?.shortfallToDate ?? 0;
  const ordered = [...rows].sort((a, b) => (a.kind === 'workspace' ? -1 : b.kind === 'workspace' ? 1 : shortOf(b) - shortOf(a)));
  const chosen = rows.find((r) => rowKey(r) === url.get('plan')) ?? ordered.find((r) => r.plan) ?? ordered[0];
  const money = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatMoney(Math.round(v), data.currency, { compact: true }));
  const override = chosen?.kind === 'team' ? overrides.data?.items.find((o) => o.teamId === chosen.id) : undefined;

  return (
    <Stack gap="md">
      {header}
      {rows.length === 0 ? (
        <Alert color="gray">There is no plan you can see: a plan needs a team or a quota.</Alert>
      ) : (
        <>
          <Paper withBorder p="md" radius="md">
            <Title order={2} fz="h4" mb={4}>
              Who is planting enough
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              Shortest to date first. Open a plan to see its months.
            </Text>
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing={4} highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Plan</Table.Th>
                    <Table.Th scope="col" style={{ textAlign: 'right' }}>
                      Needed to date
                    </Table.Th>
                    <Table.Th scope="col" style={{ textAlign: 'right' }}>
                      Planted to date
                    </Table.Th>
                    <Table.Th scope="col" style={{ textAlign: 'right' }}>
                      Short
                    </Table.Th>
                    <Table.Th scope="col">Behind in</Table.Th>
                    <Table.Th scope="col">Assumptions</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {ordered.map((r) => {
                    const behind = r.plan?.months.filter((m) => m.behind) ?? [];
                    const overridden = [r.assumptions.winRate, r.assumptions.averageDealSize, r.assumptions.cycleDays].some((x) => x.source === 'override');
                    const selected = chosen && rowKey(r) === rowKey(chosen);
                    return (
                      <Table.Tr key={rowKey(r)}>
                        <Table.Td>
                          <Anchor
                            component="button"
                            type="button"
                            onClick={() => url.set({ plan: rowKey(r) })}
                            fw={selected ? 700 : 500}
                            aria-current={selected || undefined}
                          >
                            {r.name}
                          </Anchor>{' '}
                          <Text span size="xs" c="dimmed">
                            {KIND_LABEL[r.kind]}
                          </Text>
                        </Table.Td>
                        {r.plan ? (
                          <>
                            <Table.Td style={{ textAlign: 'right' }}>{money(r.plan.neededToDate)}</Table.Td>
                            <Table.Td style={{ textAlign: 'right' }}>{money(r.plan.plantedToDate)}</Table.Td>
                            <Table.Td style={{ textAlign: 'right' }} c={r.plan.shortfallToDate > 0 ? 'red.9' : undefined}>
                              {money(r.plan.shortfallToDate)}
                            </Table.Td>
                            <Table.Td>
                              {behind.length === 0 ? (
                                <Badge color="green" variant="light">
                                  on track
                                </Badge>
                              ) : (
                                <Group gap={4}>
                                  {behind.map((m) => (
                                    <Badge key={m.key} color={m.fixable ? 'orange' : 'red'} variant="light">
                                      {shortLabel(m.label)}
                                    </Badge>
                                  ))}
                                </Group>
                              )}
                            </Table.Td>
                          </>
                        ) : (
                          <Table.Td colSpan={4}>
                            <Text size="sm" c="dimmed">
                              {r.problem}
                            </Text>
                          </Table.Td>
                        )}
                        <Table.Td>
                          <Text size="xs" fw={overridden ? 700 : 400} c={overridden ? 'grape.9' : undefined}>
                            {overridden ? 'overridden' : 'history'}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          {chosen?.plan ? (
            <HarvestStrip row={chosen} currency={data.currency} mqlNote={data.leadHistory.note} />
          ) : (
            chosen && <Alert color="yellow">{chosen.problem}</Alert>
          )}
          {chosen && <HarvestAssumptions plan={data} row={chosen} override={override} />}
        </>
      )}
      {leads &&
        (discipline.isError || (byWeek && (weekly.isError || person.isError)) ? (
          <ErrorState error={discipline.error ?? person.error ?? weekly.error} title="The discipline index could not be loaded" />
        ) : discipline.data && (!byWeek || shown) ? (
          <DisciplineHeatmap
            index={byWeek && shown ? shown : discipline.data}
            scopeId={byWeek ? (personId ?? teamScope?.id) : teamScope?.id}
            controls={
              <Group gap="xs" align="flex-end">
                <SegmentedControl
                  aria-label="Discipline index by"
                  data={[
                    { value: 'month', label: 'By month' },
                    { value: 'week', label: 'By week' },
                  ]}
                  value={byWeek ? 'week' : 'month'}
                  onChange={(v) => url.set({ by: v === 'week' ? 'week' : null, userId: null })}
                />
                <Select
                  aria-label="Team of the discipline index"
                  data={discipline.data.scopes.map((s) => ({ value: s.id, label: s.name }))}
                  value={teamScope?.id ?? null}
                  onChange={(v) => v && url.set({ team: v, userId: null })}
                  allowDeselect={false}
                  w={200}
                />
                {byWeek && teamScope?.kind === 'team' && (weekly.data || personId) && (
                  <Select
                    aria-label="Person of the discipline index"
                    data={[{ value: teamScope.id, label: 'Whole team' }, ...people.map((s) => ({ value: s.id, label: s.name }))]}
                    value={personId ?? teamScope.id}
                    onChange={(v) => v && url.set({ userId: v === teamScope.id ? null : v })}
                    allowDeselect={false}
                    w={180}
                  />
                )}
              </Group>
            }
          />
        ) : (
          <LoadingState />
        ))}
      {!leads &&
        (weekly.isError ? (
          <ErrorState error={weekly.error} title="Your discipline index could not be loaded" />
        ) : weekly.data ? (
          <DisciplineHeatmap index={weekly.data} scopeId={user.id} />
        ) : (
          <LoadingState />
        ))}
      {leads &&
        (cramming.isError ? (
          <ErrorState error={cramming.error} title="Cramming could not be loaded" />
        ) : cramming.data ? (
          <>
            <CrammingChart cramming={cramming.data} />
            <BookingsCurve cramming={cramming.data} />
          </>
        ) : (
          <LoadingState />
        ))}
    </Stack>
  );
}
