import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { titleIfCut } from '../components/title-if-cut';

export interface AttentionItem {
  key: string;
  to: string;
  title: string;
  detail: ReactNode;
  aside?: ReactNode;
}

interface Props {
  id: string;
  title: string;
  /** Why this needs attention and what fixes it. */
  why: string;
  items: AttentionItem[] | undefined;
  loading: boolean;
  error: unknown;
  emptyText: string;
  allLink?: string;
  tone: 'red' | 'orange' | 'blue' | 'gray';
  total?: number | undefined;
  /** Shown instead of the count when there are more than were fetched ("50+"). */
  totalLabel?: string | undefined;
}

/** One kind of "needs attention": what, why, the records, each a link to where it is fixed. */
export function AttentionList({ id, title, why, items, loading, error, emptyText, allLink, tone, total, totalLabel }: Props) {
  const count = total ?? items?.length ?? 0;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id} h="100%">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb={4}>
        <Title order={2} fz="h5" id={id}>
          {title}
        </Title>
        {!loading && !error && (
          <Badge color={count > 0 ? tone : 'gray'} variant={count > 0 ? 'filled' : 'light'}>
            {totalLabel ?? count}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {why}
      </Text>
      {loading ? (
        <LoadingState rows={3} />
      ) : error ? (
        <ErrorState error={error} title="Not available" />
      ) : !items || items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {emptyText}
        </Text>
      ) : (
        <Stack gap={8}>
          {items.map((item) => (
            <Group key={item.key} justify="space-between" wrap="nowrap" gap="sm">
              <div style={{ minWidth: 0 }}>
                <Anchor component={Link} to={item.to} size="sm" fw={600} c="furrow.8" lineClamp={1} ref={titleIfCut}>
                  {item.title}
                </Anchor>
                <Text size="xs" c="dimmed" lineClamp={1} ref={titleIfCut}>
                  {item.detail}
                </Text>
              </div>
              {item.aside && <div style={{ flexShrink: 0 }}>{item.aside}</div>}
            </Group>
          ))}
          {allLink && count > items.length && (
            <Anchor component={Link} to={allLink} size="xs" c="furrow.8">
              See all {totalLabel ?? count}
            </Anchor>
          )}
          {allLink && count <= items.length && items.length >= 6 && (
            <Anchor component={Link} to={allLink} size="xs" c="furrow.8">
              Open as a list
            </Anchor>
          )}
        </Stack>
      )}
    </Paper>
  );
}
