// Home is a to-do list from the data: what needs attention this week, and why. Every item links
// to where it is fixed; every number opens the records behind it.
import { Badge, Grid, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Activity } from '../../api/activities';
import type { AdherenceDeal } from '../../api/adherence';
import type { Deal } from '../../api/deals';
import { daysBetween } from '../../lib/calendar';
import { formatCalendarDate, formatInstant, formatMoney, plural } from '../app/format';
import { useSession } from '../app/session';
import { CoachingDueCard } from '../coaching/CoachingDueCard';
import { PageHeader } from '../components/PageHeader';
import { MarkDoneButton } from '../crm/activities/MarkDoneButton';
import { boardTotals } from '../crm/board/board-cache';
import { useHomeData } from '../data/home/home';
import { OffTrackList } from '../measurement/OffTrackList';
import { type AttentionItem, AttentionList } from './AttentionList';
import { CoachHome } from './CoachHome';
import { DisciplineCard } from './DisciplineCard';
import { MarketingHome } from './MarketingHome';
import { StatTile } from './StatTile';

const SCOPE = {
  rep: 'Your week',
  manager: 'Your team’s week',
  admin: 'The organisation’s week',
  marketing: 'This week',
  coach: 'Your coachees’ week',
} as const;

const money = (d: Deal) => (
  <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
    {formatMoney(d.amount, d.currency)}
  </Text>
);

function dealItem(d: Deal, detail: string, showOwner: boolean): AttentionItem {
  return { key: d.id, to: `/deals/${d.id}`, title: d.name, detail: showOwner ? `${detail} · ${d.ownerName}` : detail, aside: money(d) };
}

function adherenceItem(d: AdherenceDeal, detail: string, showOwner: boolean): AttentionItem {
  return {
    key: d.dealId,
    to: `/deals/${d.dealId}`,
    title: d.dealName,
    detail: showOwner ? `${detail} · ${d.ownerName}` : detail,
    aside: (
      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
        {formatMoney(d.amount, d.currency)}
      </Text>
    ),
  };
}

function activityItem(a: Activity, detail: string, showOwner: boolean): AttentionItem {
  const to = a.dealId ? `/deals/${a.dealId}` : a.accountId ? `/accounts/${a.accountId}` : a.contactId ? `/contacts/${a.contactId}` : '/activities';
  const about = a.dealName ?? a.accountName ?? a.contactName;
  return { key: a.id, to, title: a.subject, detail: [detail, about, showOwner ? a.ownerName : null].filter(Boolean).join(' · ') };
}

function SellerHome() {
  const { user, workspace } = useSession();
  const data = useHomeData(true);
  const showOwner = user.role !== 'rep';
  const more = (page: { nextCursor: string | null } | undefined, n: number) => (page?.nextCursor ? `${n}+` : String(n));
  const totals = data.board.data ? boardTotals(data.board.data) : null;
  const closingAmount = (data.closingSoon.data?.items ?? []).reduce((sum, d) => sum + (d.currency === workspace.currency ? d.amount : 0), 0);

  return (
    <>
      <PageHeader title={SCOPE[user.role]} description={`What needs attention, ${formatCalendarDate(data.today, { withWeekday: true })}.`} />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <StatTile
            label="Open pipeline"
            value={totals ? formatMoney(totals.amount, workspace.currency, { compact: true }) : '…'}
            hint={totals ? `${plural(totals.count, 'deal')} · ${formatMoney(totals.weighted, workspace.currency, { compact: true })} weighted` : 'Loading'}
            to="/board"
          />
          <StatTile
            label="Closing in 14 days"
            value={data.closingSoon.data ? formatMoney(closingAmount, workspace.currency, { compact: true }) : '…'}
            hint={data.closingSoon.data ? `${more(data.closingSoon.data, data.closingSoon.data.items.length)} deals` : 'Loading'}
            to={data.links.closingSoon}
          />
          <StatTile
            label="Past close date"
            value={data.pastClose.data ? more(data.pastClose.data, data.pastClose.data.items.length) : '…'}
            hint="open deals to update or close"
            to={data.links.pastClose}
          />
          <StatTile
            label="Overdue tasks"
            value={data.overdueTasks.data ? more(data.overdueTasks.data, data.overdueTasks.data.items.length) : '…'}
            hint="open tasks past their due date"
            to={data.links.overdueTasks}
          />
        </SimpleGrid>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <DisciplineCard />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <OffTrackList />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <AttentionList
              id="home-aging"
              title="Stuck past the stage limit"
              why="Longer in their stage than the process allows. Move them on, or update the next step and close date."
              tone="red"
              loading={data.aging.isPending}
              error={data.aging.error}
              items={data.aging.data?.items
                .slice(0, 6)
                .map((d) => adherenceItem(d, `${d.stageName}: ${d.daysInStage} days (limit ${d.agingDays ?? '—'})`, showOwner))}
              total={data.aging.data?.items.length}
              totalLabel={data.aging.data?.nextCursor ? `${data.aging.data.items.length}+` : undefined}
              allLink={data.links.aging}
              emptyText="No deal is past its stage’s aging limit."
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <AttentionList
              id="home-past-close"
              title="Past their close date"
              why="Still open although the expected close date has passed. Close them, or set a date you believe."
              tone="orange"
              loading={data.pastClose.isPending}
              error={data.pastClose.error}
              items={data.pastClose.data?.items
                .slice(0, 6)
                .map((d) => dealItem(d, `was due ${formatCalendarDate(d.closeDate)} (${plural(daysBetween(d.closeDate, data.today), 'day')} ago)`, showOwner))}
              total={data.pastClose.data?.items.length}
              allLink={data.links.pastClose}
              emptyText="Every open deal has a close date ahead."
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <AttentionList
              id="home-closing"
              title="Closing in the next 14 days"
              why="What should land soon. Check each has a confirmed next step."
              tone="blue"
              loading={data.closingSoon.isPending}
              error={data.closingSoon.error}
              items={data.closingSoon.data?.items.slice(0, 6).map((d) => dealItem(d, `${d.stageName} · closes ${formatCalendarDate(d.closeDate)}`, showOwner))}
              total={data.closingSoon.data?.items.length}
              allLink={data.links.closingSoon}
              emptyText="Nothing is expected to close in the next two weeks."
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <AttentionList
              id="home-tasks"
              title="Overdue tasks"
              why="Open tasks past their due date. Do them, or mark them done."
              tone="red"
              loading={data.overdueTasks.isPending}
              error={data.overdueTasks.error}
              items={data.overdueTasks.data?.items
                .slice(0, 6)
                .map((a) => ({ ...activityItem(a, `due ${formatInstant(a.occurredAt)}`, showOwner), aside: <MarkDoneButton activity={a} /> }))}
              total={data.overdueTasks.data?.items.length}
              allLink={data.links.overdueTasks}
              emptyText="No overdue tasks."
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <AttentionList
              id="home-meetings"
              title="Meetings in the next 7 days"
              why="Prepare each one: know the objective and the next step you want."
              tone="blue"
              loading={data.meetings.isPending}
              error={data.meetings.error}
              items={data.meetings.data?.items.slice(0, 6).map((a) => ({
                ...activityItem(a, formatInstant(a.occurredAt), showOwner),
                aside: a.completedAt ? (
                  <Badge size="xs" color="gray" variant="light">
                    Done
                  </Badge>
                ) : undefined,
              }))}
              total={data.meetings.data?.items.length}
              allLink={data.links.meetings}
              emptyText="No meetings booked this week. Time to book some?"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <AttentionList
              id="home-next-step"
              title="No next step"
              why="Open deals nobody has planned the next move for. Agree one with the buyer and write it down."
              tone="orange"
              loading={data.noNextStep.isPending}
              error={data.noNextStep.error}
              items={data.noNextStep.data?.items.slice(0, 6).map((d) => adherenceItem(d, `${d.stageName} · ${d.daysInStage} days in stage`, showOwner))}
              total={data.noNextStep.data?.items.length}
              totalLabel={data.noNextStep.data?.nextCursor ? `${data.noNextStep.data.items.length}+` : undefined}
              allLink={data.links.noNextStep}
              emptyText="Every open deal has a next step."
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <CoachingDueCard />
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}

export function HomePage() {
  const { user } = useSession();
  if (user.role === 'coach') return <CoachHome />;
  return user.role === 'marketing' ? <MarketingHome /> : <SellerHome />;
}
