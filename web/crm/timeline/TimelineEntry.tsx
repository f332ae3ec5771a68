import { Badge, Group, Spoiler, Text, Timeline } from '@mantine/core';
import { IconArrowRight, IconFlag, IconMessage, IconPencil, IconSparkles } from '@tabler/icons-react';
import { formatInstant } from '../../app/format';
import { OverrideReviewBlock } from '../../process/OverrideReview';
import { ACTIVITY_LABEL, ActivityIcon, type ActivityKind } from './activity-icons';
import type { Entry } from './group-timeline';
import { fieldValue, inSentence } from './history-fields';

const VIA_LABEL: Record<string, string> = {
  board: 'on the board',
  form: 'in the form',
  bulk: 'in a bulk change',
  import: 'by import',
  api: 'through the API',
  automation: 'automatically',
};

// What a person wants to know first about a new record; ids from other systems come last.
const FIRST = ['amount', 'stage_id', 'close_date', 'owner_id', 'account_id', 'contact_id', 'industry', 'email', 'title'];
const rank = (field: string) => {
  const snake = field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const i = FIRST.indexOf(snake);
  return i === -1 ? (snake === 'external_id' ? 1000 : 100) : i;
};
const byImportance = <T extends { field: string }>(changes: T[]) => [...changes].sort((a, b) => rank(a.field) - rank(b.field));

function ItemTitle({ children }: { children: React.ReactNode }) {
  return (
    <Text size="sm" fw={600} span>
      {children}
    </Text>
  );
}

function Byline({ who, at, via }: { who: string | null | undefined; at: string; via?: string }) {
  return (
    <Text size="xs" c="dimmed" mt={2}>
      {who ?? 'System'} · {formatInstant(at)}
      {via && VIA_LABEL[via] ? ` · ${VIA_LABEL[via]}` : ''}
    </Text>
  );
}

interface Props {
  entry: Entry;
  noun: string;
  currency: string | null;
}

/** One Timeline.Item per entry: Mantine's Timeline expects its items as direct children. */
export function timelineItem({ entry, noun, currency }: Props) {
  switch (entry.kind) {
    case 'activity': {
      const a = entry.item;
      return (
        <Timeline.Item key={entry.key} bullet={<ActivityIcon type={a.type} size={12} />} title={<ItemTitle>{a.subject}</ItemTitle>}>
          <Group gap={6} mt={2}>
            <Badge size="xs" variant="light" color="gray">
              {ACTIVITY_LABEL[a.type as ActivityKind] ?? a.type}
            </Badge>
            {!a.completed &&
              (new Date(a.at).getTime() > Date.now() ? (
                <Badge size="xs" variant="light" color="blue">
                  Planned
                </Badge>
              ) : (
                <Badge size="xs" variant="light" color="red">
                  Overdue
                </Badge>
              ))}
          </Group>
          {a.body && (
            <Spoiler maxHeight={60} showLabel="Show more" hideLabel="Show less">
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                {a.body}
              </Text>
            </Spoiler>
          )}
          <Byline who={a.actor?.name} at={a.at} />
        </Timeline.Item>
      );
    }
    case 'comment': {
      const c = entry.item;
      return (
        <Timeline.Item key={entry.key} bullet={<IconMessage size={12} aria-hidden />} title={<ItemTitle>Comment</ItemTitle>}>
          <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
            {c.body}
          </Text>
          <Byline who={c.actor?.name ?? 'A former user'} at={c.at} />
        </Timeline.Item>
      );
    }
    case 'stage_move': {
      const m = entry.item;
      return (
        <Timeline.Item
          key={entry.key}
          bullet={<IconFlag size={12} aria-hidden />}
          color={m.imported ? 'gray' : m.criteriaMet ? 'furrow' : 'orange'}
          title={
            <Group gap={6} component="span" wrap="wrap">
              <Text span fw={600} size="sm">
                Stage: {m.fromStage ?? 'new'}
              </Text>
              <IconArrowRight size={14} aria-label="to" />
              <Text span fw={600} size="sm">
                {m.toStage}
              </Text>
            </Group>
          }
        >
          <Group gap={6} mt={2}>
            {m.imported ? (
              // Another system's move: never checked against the gate, so neither met nor overridden.
              <Badge size="xs" variant="light" color="gray">
                Imported
              </Badge>
            ) : m.criteriaMet ? (
              <Badge size="xs" variant="light" color="furrow">
                Exit criteria met
              </Badge>
            ) : (
              <Badge size="xs" variant="light" color="orange">
                Override
              </Badge>
            )}
            {m.skipped > 0 && (
              <Badge size="xs" variant="light" color="yellow">
                Skipped {m.skipped}
              </Badge>
            )}
            {m.direction < 0 && (
              <Badge size="xs" variant="light" color="gray">
                Moved back
              </Badge>
            )}
          </Group>
          {m.overrideReason && (
            <>
              <Text size="sm" mt={4}>
                Reason: {m.overrideReason}
              </Text>
              <OverrideReviewBlock moveId={m.id} moverId={m.actor?.id} review={m.review} what={`${m.fromStage ?? 'new'} → ${m.toStage}`} />
            </>
          )}
          <Byline who={m.actor?.name} at={m.at} via={m.via} />
        </Timeline.Item>
      );
    }
    case 'changes': {
      const shown = entry.created ? byImportance(entry.changes.filter((c) => c.to !== null)) : entry.changes;
      return (
        <Timeline.Item
          key={entry.key}
          bullet={entry.created ? <IconSparkles size={12} aria-hidden /> : <IconPencil size={12} aria-hidden />}
          color="gray"
          title={
            <ItemTitle>
              {entry.created
                ? `Created the ${noun}`
                : shown.length === 1
                  ? `Changed ${inSentence(shown[0]?.fieldLabel ?? '')}`
                  : `Changed ${shown.length} fields`}
            </ItemTitle>
          }
        >
          {entry.created ? (
            <Text size="sm" c="dimmed" mt={2}>
              {shown
                .slice(0, 4)
                .map((c) => `${c.fieldLabel}: ${fieldValue(c.field, c.to, c.toLabel, currency)}`)
                .join(' · ')}
            </Text>
          ) : (
            shown.map((c) => (
              <Text size="sm" key={c.id} mt={2}>
                <Text span fw={600}>
                  {c.fieldLabel}:
                </Text>{' '}
                {fieldValue(c.field, c.from, c.fromLabel, currency)} → {fieldValue(c.field, c.to, c.toLabel, currency)}
              </Text>
            ))
          )}
          <Byline who={entry.actor?.name} at={entry.at} via={entry.via} />
        </Timeline.Item>
      );
    }
  }
}
