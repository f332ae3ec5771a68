import { Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { WeeklyDigestView } from '../../api/digest';
import { formatInstant, formatMoney } from '../app/format';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { TextLink } from '../components/TextLink';
import { useWeeklyDigest } from '../data/digest/digest';

/**
 * This week: the Monday digest as a page, computed now, each item linking to where it is acted on.
 * Every section shows even when empty, so "nothing here" is an answer, not a missing part.
 */
export function DigestPage() {
  const digest = useWeeklyDigest();
  return (
    <>
      <PageHeader
        title="This week"
        description="What needs your attention now, read with what you may see: the same figures your Monday digest sends, each with a link to act on it."
      />
      {digest.isPending ? (
        <LoadingState rows={6} />
      ) : digest.isError ? (
        <ErrorState error={digest.error} onRetry={() => digest.refetch()} />
      ) : (
        <DigestSections d={digest.data} />
      )}
    </>
  );
}

function DigestSections({ d }: { d: WeeklyDigestView }) {
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md" aria-label="In short">
        <Group gap="xs" mb="xs">
          <Title order={2} fz="h4">
            In short
          </Title>
          <Badge variant="light">{d.week}</Badge>
        </Group>
        <List size="sm" spacing={4}>
          {d.lines.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section title="Leads past their SLA" count={d.breachedLeads.length} empty="No lead is past its SLA.">
          {d.breachedLeads.map((l) => (
            <Item key={l.id} link={<TextLink to={l.path}>{l.name}</TextLink>}>
              {l.clause === 'accept' ? 'Accept' : 'First touch'} was due {formatInstant(l.dueAt)}
              {l.ownerName ? ` · ${l.ownerName}` : ''}
            </Item>
          ))}
        </Section>
        <Section title="Your deals held at a gate" count={d.gatedDeals.length} empty="Each of your open deals meets its next stage's exit criteria.">
          {d.gatedDeals.map((g) => (
            <Item key={g.id} link={<TextLink to={g.path}>{g.name}</TextLink>}>
              {g.stageName} → {g.targetName}: missing {g.missing.join(', ')}
            </Item>
          ))}
        </Section>
        <Section title="Your expectations off track" count={d.offTrackExpectations.length} empty="None of your expectations is red or amber.">
          {d.offTrackExpectations.map((e) => (
            <Item key={e.id} link={<TextLink to={e.path}>{`${e.kpiName} · ${e.scopeName}`}</TextLink>}>
              <Badge size="xs" color={e.status === 'red' ? 'red' : 'yellow'} variant="light" mr={6}>
                {e.status}
              </Badge>
              {e.periodLabel}
            </Item>
          ))}
        </Section>
        <Section title="Your rituals in the next 7 days" count={d.ritualsThisWeek.length} empty="No ritual of yours in the coming week.">
          {d.ritualsThisWeek.map((r) => (
            <Item key={r.id} link={<TextLink to={r.path}>{r.title}</TextLink>}>
              {formatInstant(r.scheduledAt)} · {r.teamName}
            </Item>
          ))}
        </Section>
        <Section title="Planting" empty="No plan to compare with: set quotas to get one.">
          {d.planting && (
            <Item link={<TextLink to="/year">Your Year page</TextLink>}>
              Planted {formatMoney(d.planting.plantedToDate, d.currency, { compact: true })} of{' '}
              {formatMoney(d.planting.neededToDate, d.currency, { compact: true })} needed to date
              {d.planting.behindFixable > 0 ? `; behind in ${d.planting.behindFixable} month${d.planting.behindFixable === 1 ? '' : 's'}` : ''}
            </Item>
          )}
        </Section>
        <Section title="Overdue coaching actions" count={d.overdueActions} empty="No coaching action of yours is overdue.">
          {d.overdueActions > 0 && (
            <Item link={<TextLink to="/coaching">Coaching</TextLink>}>
              {d.overdueActions} action{d.overdueActions === 1 ? '' : 's'} past due
            </Item>
          )}
        </Section>
      </SimpleGrid>
    </Stack>
  );
}

function Section({ title, count, empty, children }: { title: string; count?: number; empty: string; children: ReactNode }) {
  const items = (Array.isArray(children) ? children : [children]).filter(Boolean);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Group gap="xs" mb="xs">
        <Title order={2} fz="h4">
          {title}
        </Title>
        {count !== undefined && count > 0 && (
          <Badge color="orange" variant="light">
            {count}
          </Badge>
        )}
      </Group>
      {items.length > 0 ? (
        <Stack gap="xs">{children}</Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
    </Paper>
  );
}

function Item({ link, children }: { link: ReactNode; children: ReactNode }) {
  return (
    <Stack gap={0}>
      {link}
      {/* A div: the detail may hold a badge, which a <p> must not. */}
      <Text size="xs" c="dimmed" component="div">
        {children}
      </Text>
    </Stack>
  );
}
