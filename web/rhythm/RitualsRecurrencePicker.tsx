import { Group, NumberInput, Select, Text } from '@mantine/core';
import { RRule } from 'rrule';

/** The shapes a ritual's rhythm takes; each becomes one RRULE. */
export type Pattern = 'weekly' | 'everyNWeeks' | 'monthly' | 'quarterly';
export interface Recurrence {
  pattern: Pattern;
  day: string;
  interval: number;
  nth: number;
}

export const DAYS = [
  { value: 'MO', label: 'Monday' },
  { value: 'TU', label: 'Tuesday' },
  { value: 'WE', label: 'Wednesday' },
  { value: 'TH', label: 'Thursday' },
  { value: 'FR', label: 'Friday' },
];
const NTH = [
  { value: '1', label: 'first' },
  { value: '2', label: 'second' },
  { value: '3', label: 'third' },
  { value: '4', label: 'fourth' },
  { value: '-1', label: 'last' },
];

export function toRRule(r: Recurrence): string {
  switch (r.pattern) {
    case 'weekly':
      return `FREQ=WEEKLY;BYDAY=${r.day}`;
    case 'everyNWeeks':
      return `FREQ=WEEKLY;INTERVAL=${r.interval};BYDAY=${r.day}`;
    case 'monthly':
      return `FREQ=MONTHLY;BYDAY=${r.nth}${r.day}`;
    case 'quarterly':
      return `FREQ=MONTHLY;INTERVAL=3;BYDAY=${r.nth}${r.day}`;
  }
}

/** Reads an RRULE back into the picker; a rule it cannot show keeps its text as "custom". */
export function fromRRule(rule: string): Recurrence | null {
  const m = /^FREQ=(WEEKLY|MONTHLY)(?:;INTERVAL=(\d+))?;BYDAY=([+-]?\d)?([A-Z]{2})$/.exec(rule);
  if (!m) return null;
  const [, freq, interval, nth, day] = m as unknown as [string, string, string | undefined, string | undefined, string];
  const n = Number(interval ?? 1);
  if (freq === 'WEEKLY') return { pattern: n === 1 ? 'weekly' : 'everyNWeeks', day, interval: n, nth: 1 };
  if (n === 1) return { pattern: 'monthly', day, interval: 1, nth: Number(nth ?? 1) };
  if (n === 3) return { pattern: 'quarterly', day, interval: 3, nth: Number(nth ?? 1) };
  return null;
}

export function recurrenceWords(rule: string): string {
  try {
    return RRule.fromString(rule).toText();
  } catch {
    return rule;
  }
}

export function RitualsRecurrencePicker({ value, onChange }: { value: Recurrence; onChange(next: Recurrence): void }) {
  const set = (patch: Partial<Recurrence>) => onChange({ ...value, ...patch });
  return (
    <div>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label="Repeats"
          allowDeselect={false}
          data={[
            { value: 'weekly', label: 'Weekly' },
            { value: 'everyNWeeks', label: 'Every N weeks' },
            { value: 'monthly', label: 'Monthly on the Nth weekday' },
            { value: 'quarterly', label: 'Quarterly' },
          ]}
          value={value.pattern}
          onChange={(v) => v && set({ pattern: v as Pattern, interval: v === 'everyNWeeks' ? Math.max(2, value.interval) : value.interval })}
        />
        {value.pattern === 'everyNWeeks' && (
          <NumberInput label="Every how many weeks" min={2} max={12} w={170} value={value.interval} onChange={(v) => set({ interval: Number(v) || 2 })} />
        )}
        {(value.pattern === 'monthly' || value.pattern === 'quarterly') && (
          <Select label="Which" allowDeselect={false} w={120} data={NTH} value={String(value.nth)} onChange={(v) => v && set({ nth: Number(v) })} />
        )}
        <Select label="Day" allowDeselect={false} w={150} data={DAYS} value={value.day} onChange={(v) => v && set({ day: v })} />
      </Group>
      <Text size="sm" c="dimmed" mt={6} data-testid="recurrence-text">
        Repeats {recurrenceWords(toRRule(value))}{' '}
        <Text span ff="monospace" size="xs">
          ({toRRule(value)})
        </Text>
      </Text>
    </div>
  );
}
