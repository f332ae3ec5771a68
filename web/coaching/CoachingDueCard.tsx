// Home's coaching line for sellers and managers: the 1:1s past their cadence (those I owe as coach,
// and my own when my coach owes me one) and my open action items due today or before. The morning
// reminder says the same by notification; Home is where it is seen without opening the inbox.
import { formatCalendarDate, formatDay, todayLocal } from '../app/format';
import { useSession } from '../app/session';
import { useActionItems, useRelationships } from '../data/coaching/coaching';
import { type AttentionItem, AttentionList } from '../home/AttentionList';

export function CoachingDueCard() {
  const { user } = useSession();
  const relationships = useRelationships();
  const items = useActionItems({ ownerId: user.id, open: true });
  const today = todayLocal();
  const late = (relationships.data ?? []).filter((r) => r.status === 'overdue' || r.status === 'never');
  const owed: AttentionItem[] = late
    .filter((r) => r.coach.id === user.id)
    .map((r) => ({
      key: `coach-${r.coachee.id}`,
      to: `/coaching/people/${r.coachee.id}`,
      title: `Coaching with ${r.coachee.name}`,
      detail: r.lastHeldAt ? `every ${r.cadenceDays} days, last ${formatDay(r.lastHeldAt)}: overdue` : 'no session yet',
    }));
  const mine: AttentionItem[] = late
    .filter((r) => r.coachee.id === user.id)
    .map((r) => ({
      key: `coached-${r.coach.id}`,
      to: '/coaching?tab=me',
      title: `Your 1:1 with ${r.coach.name}`,
      detail: r.lastHeldAt ? `every ${r.cadenceDays} days, last ${formatDay(r.lastHeldAt)}: overdue` : 'no session yet',
    }));
  const due: AttentionItem[] = (items.data ?? [])
    .filter((i) => i.dueDate !== null && i.dueDate <= today)
    .sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? ''))
    .map((i) => ({
      key: `item-${i.id}`,
      to: `/coaching/sessions/${i.sessionId}`,
      title: i.text,
      detail: i.dueDate === today ? 'action item due today' : `action item, was due ${formatCalendarDate(i.dueDate)}`,
    }));
  const all = [...owed, ...mine, ...due];
  return (
    <AttentionList
      id="home-coaching"
      title="Coaching due"
      why="1:1s past their cadence and your action items due. Hold the session, or tick the action off."
      tone="orange"
      loading={relationships.isPending || items.isPending}
      error={relationships.error ?? items.error}
      items={all.slice(0, 6)}
      total={all.length}
      allLink="/coaching"
      emptyText="Every 1:1 is inside its cadence and no action item is due."
    />
  );
}
