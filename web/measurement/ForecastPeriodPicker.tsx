// The fiscal quarter a forecast screen shows, kept in the URL (?period=FY2027-Q1). Quarters come
// from the workspace's fiscal calendar; the current one is marked.
import { Select } from '@mantine/core';
import { fiscalYearOf, periodContaining } from '../../lib/periods';
import { todayLocal } from '../app/format';
import { useSession } from '../app/session';
import { monthsOf, quarterChoices } from './forecast-periods';

interface Props {
  /** The period shown (from the URL, or the server's default). */
  value: string | undefined;
  onChange(period: string): void;
  /** Only quarters that have ended (the accuracy view). */
  closedOnly?: boolean;
}

export function ForecastPeriodPicker({ value, onChange, closedOnly = false }: Props) {
  const { workspace } = useSession();
  const today = todayLocal();
  const start = workspace.fiscalYearStartMonth;
  const current = periodContaining('quarter', today, start).key;
  const quarters = quarterChoices(today, start, closedOnly ? 8 : 6, closedOnly ? 0 : 1).filter((q) => !closedOnly || q.to < today);
  // A shared link may name a quarter outside the list; keep it choosable.
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const q of quarters) {
    const group = `FY${fiscalYearOf(q.from, start)}`;
    const items = groups.get(group) ?? [];
    items.push({ value: q.key, label: `${q.label} · ${monthsOf(q)}${q.key === current ? ' (current)' : ''}` });
    groups.set(group, items);
  }
  const data = [...groups].map(([group, items]) => ({ group, items }));
  if (value && !quarters.some((q) => q.key === value)) data.unshift({ group: 'Chosen', items: [{ value, label: value }] });
  return (
    <Select
      aria-label="Period"
      data={data}
      value={value ?? null}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      w={330}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
