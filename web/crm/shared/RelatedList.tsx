import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { type Entity, type ListParams, type RecordOf, useList } from '../../data/records';

interface Props<T extends RecordOf[Entity]> {
  title: string;
  entity: Entity;
  params: ListParams;
  render(row: T): ReactNode;
  rowKey(row: T): string;
  empty: string;
  /** The full, filtered list. */
  allLink: string;
  action?: ReactNode;
}

/** A record's related records (an account's deals, a contact's deals): the first few, and a link to all. */
export function RelatedList<T extends RecordOf[Entity]>({ title, entity, params, render, rowKey, empty, allLink, action }: Props<T>) {
  const list = useList(entity, { ...params, limit: 8 });
  // T is the entity's record type: the caller says RelatedList<Deal> with entity="deals".
  const items = (list.data?.items ?? []) as T[];
  const headingId = `related-${entity}`;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h4" id={headingId}>
          {title}
        </Title>
        {action}
      </Group>
      {list.isPending ? (
        <LoadingState rows={3} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack gap={6}>
          {items.map((row) => (
            <div key={rowKey(row)}>{render(row)}</div>
          ))}
          {list.data?.nextCursor && (
            <Anchor component={Link} to={allLink} size="sm" c="furrow.8">
              See all
            </Anchor>
          )}
        </Stack>
      )}
    </Paper>
  );
}
