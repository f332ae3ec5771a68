// The body every record list shares: search, filters and columns on top; the table, or a loading,
// error or empty state; keyset paging below. The URL holds all of it.
import { Button, Group, Paper } from '@mantine/core';
import type { ReactNode } from 'react';
import type { UrlState } from '../../app/url-state';
import { ColumnPicker } from '../../components/ColumnPicker';
import type { Column } from '../../components/columns';
import { DataTable } from '../../components/DataTable';
import { EmptyHint } from '../../components/EmptyHint';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { Pager } from '../../components/Pager';
import { SearchBox } from '../../components/SearchBox';
import { useColumnChoice } from '../../components/useColumnChoice';
import { type Entity, type ListParams, PAGE_SIZE, type RecordOf, useList } from '../../data/records';

interface Props<E extends Entity, T = RecordOf[E]> {
  entity: E;
  url: UrlState;
  columns: Column<T>[];
  defaultSort: string;
  /** Filters from the URL, already in API form. */
  filters: ListParams;
  filterControls?: ReactNode;
  searchLabel: string;
  noun: string;
  rowKey(row: T): string;
  empty: { icon: ReactNode; title: string; description: ReactNode; action?: ReactNode };
  /** Whether filters beyond the list's defaults are on (default: any filter has a value). */
  narrowed?: boolean;
}

export function ListView<E extends Entity>({
  entity,
  url,
  columns,
  defaultSort,
  filters,
  filterControls,
  searchLabel,
  noun,
  rowKey,
  empty,
  narrowed: narrowedProp,
}: Props<E>) {
  const choice = useColumnChoice(entity, columns);
  const q = url.get('q');
  const sort = url.get('sort') ?? defaultSort;
  const params: ListParams = { ...filters, q, sort, cursor: url.cursor, limit: PAGE_SIZE };
  const list = useList(entity, params);
  const narrowed = Boolean(q) || (narrowedProp ?? Object.values(filters).some((v) => v !== undefined && v !== ''));

  let body: ReactNode;
  if (list.isPending) body = <LoadingState rows={10} label={`Loading ${noun}`} />;
  else if (list.isError) body = <ErrorState error={list.error} onRetry={() => list.refetch()} />;
  else if (list.data.items.length === 0 && narrowed)
    body = (
      <EmptyHint
        icon={empty.icon}
        title={`No ${noun} match`}
        description="Nothing matches this search and these filters. Clear them to see everything you can see."
        action={
          <Button variant="light" onClick={() => url.set(Object.fromEntries([...Object.keys(filters), 'q'].map((k) => [k, null])))}>
            Clear search and filters
          </Button>
        }
      />
    );
  else if (list.data.items.length === 0) body = <EmptyHint {...empty} />;
  else
    body = (
      <>
        <DataTable
          caption={`${noun}, sorted by ${sort.replace(/^-/, '')}`}
          columns={columns}
          visible={choice.visible}
          rows={list.data.items}
          rowKey={rowKey}
          sort={sort}
          onSort={(next) => url.set({ sort: next === defaultSort ? null : next })}
        />
        <Pager
          noun={noun}
          shown={list.data.items.length}
          hasPrevious={url.hasPrevious}
          nextCursor={list.data.nextCursor}
          onNext={url.next}
          onPrevious={url.previous}
          onFirst={url.first}
        />
      </>
    );

  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="md" gap="sm" wrap="wrap">
        <Group gap="sm" wrap="wrap" style={{ flex: 1 }}>
          <SearchBox label={searchLabel} value={q} onChange={(next) => url.set({ q: next || null }, { replace: true })} />
          {filterControls}
        </Group>
        <ColumnPicker columns={columns} visible={choice.visible} onToggle={choice.toggle} onReset={choice.reset} />
      </Group>
      <div style={{ opacity: list.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }} aria-busy={list.isFetching}>
        {body}
      </div>
    </Paper>
  );
}
