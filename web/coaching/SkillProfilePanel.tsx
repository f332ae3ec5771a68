// A person's skill profile: the latest level per skill against the rubric, where it started, and
// the history as a line per skill, month by month (the level held at each month's end). The table
// beside the chart lists the same levels for anyone who reads tables rather than lines.
import { LineChart } from '@mantine/charts';
import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { SkillProfile } from '../../api/coaching-ratings';
import { formatDay } from '../app/format';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { useSkillProfile } from '../data/coaching/coaching';

const COLORS = ['furrow.6', 'blue.6', 'grape.6', 'orange.7', 'teal.7', 'red.7', 'indigo.6', 'yellow.8', 'cyan.7', 'pink.6'];

const monthKey = (iso: string) => iso.slice(0, 7);

/** The level each rated skill held at the end of each month from the first rating to now. */
export function monthlyLevels(profile: SkillProfile, now = new Date()): Record<string, string | number | null>[] {
  const rated = profile.skills.filter((s) => s.history.length > 0);
  const first = rated.flatMap((s) => s.history.map((h) => h.ratedAt)).sort()[0];
  if (!first) return [];
  const months: string[] = [];
  const cursor = new Date(`${monthKey(first)}-01T00:00:00Z`);
  const last = monthKey(now.toISOString());
  while (monthKey(cursor.toISOString()) <= last && months.length < 36) {
    months.push(monthKey(cursor.toISOString()));
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return months.map((m) => {
    const row: Record<string, string | number | null> = {
      month: new Date(`${m}-01T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', year: '2-digit', timeZone: 'UTC' }),
    };
    for (const s of rated) {
      const upTo = s.history.filter((h) => monthKey(h.ratedAt) <= m).sort((a, b) => a.ratedAt.localeCompare(b.ratedAt));
      row[s.name] = upTo.at(-1)?.level ?? null;
    }
    return row;
  });
}

function Trend({ first, level }: { first: number | null; level: number | null }) {
  if (first === null || level === null || first === level) return <Text size="sm">{level === null ? '—' : 'steady'}</Text>;
  const up = level > first;
  return (
    <Badge color={up ? 'furrow' : 'red'} variant="light" tt="none">
      {up ? '▲' : '▼'} from {first}
    </Badge>
  );
}

export function SkillProfilePanel({ userId, compact = false }: { userId: string; compact?: boolean }) {
  const profile = useSkillProfile(userId);
  if (profile.isPending) return <LoadingState rows={4} label="Loading the skill profile" />;
  if (profile.isError) return <ErrorState error={profile.error} onRetry={() => profile.refetch()} />;
  const p = profile.data;
  const data = monthlyLevels(p);
  const rated = p.skills.filter((s) => s.history.length > 0);
  const maxLevel = Math.max(1, ...p.skills.map((s) => s.maxLevel));
  return (
    <Stack gap="sm">
      {!compact && rated.length > 0 && (
        <Paper withBorder radius="md" p="md">
          <Title order={3} fz="h5" mb="xs">
            Skill levels over time
          </Title>
          <LineChart
            h={240}
            data={data}
            dataKey="month"
            series={rated.map((s, i) => ({ name: s.name, color: COLORS[i % COLORS.length] as string }))}
            curveType="stepAfter"
            connectNulls={false}
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            yAxisLabel="Level"
            yAxisProps={{ domain: [0, maxLevel], ticks: Array.from({ length: maxLevel + 1 }, (_, i) => i), width: 48 }}
            gridAxis="y"
            lineChartProps={{ accessibilityLayer: true, title: `Skill levels of ${p.user.name} month by month` }}
          />
        </Paper>
      )}
      <Paper withBorder radius="md">
        <Table aria-label={`Skill profile of ${p.user.name}`} verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Skill</Table.Th>
              <Table.Th>Level</Table.Th>
              <Table.Th>Trend</Table.Th>
              {!compact && <Table.Th>Last rated</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.skills.map((s) => (
              <Table.Tr key={s.skillKey}>
                <Table.Td>{s.name}</Table.Td>
                <Table.Td>
                  {s.level === null ? (
                    <Text size="sm" c="dimmed">
                      not rated
                    </Text>
                  ) : (
                    <Text size="sm">
                      {s.level} of {s.maxLevel} · {s.levelLabel}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Trend first={s.firstLevel} level={s.level} />
                </Table.Td>
                {!compact && <Table.Td>{s.ratedAt ? formatDay(s.ratedAt) : '—'}</Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
