// Home's discipline index: the caller's weekly index (a rep their own, a manager their team, the CSO
// the organisation) for the last finished week, its change on the week before, the week so far and
// the discipline that drags it down most; the Year page has the whole year by discipline, and each
// scope here links to its own weekly index there.
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { DisciplineHeadlineScope } from '../../api/discipline';
import { useSession } from '../app/session';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { useDisciplineHeadline } from '../data/year/year';
import { yearIndexLink } from '../rhythm/year-format';

/** Red below 50, amber to 75, green above: the Year page's heat-map bands, in words too. */
function Band({ score }: { score: number }) {
  const [color, word] = score < 50 ? ['red', 'Off rhythm'] : score < 75 ? ['yellow', 'Slipping'] : ['green', 'On rhythm'];
  return (
    <Badge color={color} variant="light">
      {word}
    </Badge>
  );
}

function Change({ scope, fadePoints }: { scope: DisciplineHeadlineScope; fadePoints: number }) {
  if (scope.change === null || !scope.previous) return null;
  const { change } = scope;
  const word = change > 0 ? `up ${change}` : change < 0 ? `down ${-change}` : 'unchanged';
  return (
    <Badge color={scope.fading ? 'red' : change < 0 ? 'orange' : change > 0 ? 'green' : 'gray'} variant="light">
      {change > 0 ? '▲' : change < 0 ? '▼' : '='} {word} on {scope.previous.period.label}
      {scope.fading ? ` · fading (${fadePoints}+ points)` : ''}
    </Badge>
  );
}

export function DisciplineCard() {
  const { user } = useSession();
  const headline = useDisciplineHeadline();
  const scopes = headline.data?.scopes ?? [];
  const main = scopes[0];
  const others = scopes.slice(1, 5);
  const whose = user.role === 'rep' ? 'Your' : user.role === 'manager' ? 'Your team’s' : 'The organisation’s';
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="home-discipline" h="100%">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb={4}>
        <Title order={2} fz="h5" id="home-discipline">
          Discipline index
        </Title>
        <Anchor component={Link} to={main && user.role !== 'rep' ? yearIndexLink(main) : '/year'} size="sm">
          Open the Year page
        </Anchor>
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {whose} weekly score from the five disciplines, 0–100: whether the rhythm holds.
      </Text>
      {headline.isPending ? (
        <LoadingState rows={3} label="Loading the discipline index" />
      ) : headline.error ? (
        <ErrorState error={headline.error} onRetry={() => headline.refetch()} />
      ) : !main ? (
        <Text size="sm" c="dimmed">
          No team to score yet: the discipline index is per person and per team.
        </Text>
      ) : (
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            {main.name}
            {main.latest ? ` · ${main.latest.period.label}` : ''}
          </Text>
          <Group gap="sm" align="baseline">
            {main.latest?.score !== null && main.latest?.score !== undefined ? (
              <Text fz={40} fw={750} lh={1}>
                {main.latest.score}
              </Text>
            ) : (
              <Text fz={40} fw={750} lh={1} c="dimmed">
                —
              </Text>
            )}
            <Text size="sm" c="dimmed">
              of 100{main.latest?.score === null ? ', nothing measured' : ''}
            </Text>
            {main.latest?.score !== null && main.latest?.score !== undefined && <Band score={main.latest.score} />}
            <Change scope={main} fadePoints={headline.data.fadePoints} />
          </Group>
          {main.current && (
            <Text size="sm" c="dimmed">
              {main.current.period.label} so far: {main.current.score ?? '—'} (not judged until the week is over)
            </Text>
          )}
          {main.drag ? (
            <Text size="sm">
              Drags it down most: <b>{main.drag.name}</b> at {main.drag.score} ({Math.round(main.drag.weight * 100)} % of the index)
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              No discipline costs it a point.
            </Text>
          )}
          {others.length > 0 && (
            <Stack gap={2} mt={4}>
              {others.map((s) => (
                <Group key={s.id} justify="space-between" wrap="nowrap">
                  <Anchor component={Link} to={yearIndexLink(s)} size="sm">
                    {s.name}
                  </Anchor>
                  <Text size="sm" fw={600}>
                    {s.latest?.score ?? '—'}
                    {s.change !== null && s.change !== 0 ? ` (${s.change > 0 ? '▲' : '▼'} ${Math.abs(s.change)})` : ''}
                  </Text>
                </Group>
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </Paper>
  );
}
