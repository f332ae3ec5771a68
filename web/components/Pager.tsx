import { Button, Group, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';

interface Props {
  shown: number;
  hasPrevious: boolean;
  nextCursor: string | null | undefined;
  onPrevious(): void;
  onNext(cursor: string): void;
  onFirst(): void;
  noun: string;
}

/** Keyset paging: the server hands out the next cursor; earlier pages come from history state. */
export function Pager({ shown, hasPrevious, nextCursor, onPrevious, onNext, onFirst, noun }: Props) {
  if (!hasPrevious && !nextCursor) {
    return (
      <Text size="sm" c="dimmed" mt="sm">
        {shown} {noun}
      </Text>
    );
  }
  return (
    <Group justify="space-between" mt="sm">
      <Text size="sm" c="dimmed">
        {shown} {noun} on this page
      </Text>
      <Group gap="xs" component="nav" aria-label="Pages">
        {hasPrevious && (
          <Button variant="subtle" size="xs" onClick={onFirst}>
            First page
          </Button>
        )}
        <Button variant="default" size="xs" leftSection={<IconChevronLeft size={14} />} disabled={!hasPrevious} onClick={onPrevious}>
          Previous
        </Button>
        <Button
          variant="default"
          size="xs"
          rightSection={<IconChevronRight size={14} />}
          disabled={!nextCursor}
          onClick={() => nextCursor && onNext(nextCursor)}
        >
          Next
        </Button>
      </Group>
    </Group>
  );
}
