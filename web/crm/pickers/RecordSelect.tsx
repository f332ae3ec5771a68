// A searchable picker over a server list: typing asks the server (q=…), not a local filter, so it
// works for a workspace with a million records.
import { Loader, Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api } from '../../app/api';
import type { Entity, ListParams, Page } from '../shared/resources';

export interface Option {
  value: string;
  label: string;
}

interface Props<T> extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> {
  entity: Entity;
  value: string | null;
  /** The label of the current value, so it shows before any search ran. */
  valueLabel?: string | null;
  onChange(value: string | null, label: string | null): void;
  toOption(row: T): Option;
  params?: ListParams;
}

export function RecordSelect<T>({ entity, value, valueLabel, onChange, toOption, params, ...rest }: Props<T>) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const results = useQuery({
    queryKey: [entity, 'list', { picker: true, q, ...params }],
    queryFn: ({ signal }) => api.get<Page<T>>(`/api/v1/${entity}`, { q: q || undefined, limit: 20, ...params }, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const data = useMemo(() => {
    const options = (results.data?.items ?? []).map(toOption);
    const current = value ? (labels[value] ?? valueLabel) : null;
    if (value && current && !options.some((o) => o.value === value)) options.unshift({ value, label: current });
    return options;
  }, [results.data, value, valueLabel, labels, toOption]);

  return (
    <Select
      {...rest}
      searchable
      clearable
      data={data}
      value={value}
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={results.isFetching ? 'Searching…' : 'Nothing found'}
      rightSection={results.isFetching ? <Loader size="xs" /> : undefined}
      onChange={(next, option) => {
        if (next && option) setLabels((l) => ({ ...l, [next]: option.label }));
        onChange(next, option?.label ?? null);
      }}
    />
  );
}
