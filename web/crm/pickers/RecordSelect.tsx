// A searchable picker over a server list: typing asks the server (q=…), not a local filter, so it
// works for a workspace with a million records.
import { Loader, Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { type Entity, type ListParams, type RecordOf, useRecordSearch } from '../../data/records';

export interface Option {
  value: string;
  label: string;
}

interface Props<E extends Entity, T = RecordOf[E]> extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> {
  entity: E;
  value: string | null;
  /** The label of the current value, so it shows before any search ran. */
  valueLabel?: string | null;
  onChange(value: string | null, label: string | null): void;
  toOption(row: T): Option;
  params?: ListParams;
}

export function RecordSelect<E extends Entity>({ entity, value, valueLabel, onChange, toOption, params, ...rest }: Props<E>) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const results = useRecordSearch(entity, q, params);
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
