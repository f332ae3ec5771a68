// Pure: which tracked fields changed between two versions of a record, as history rows want them.

export type HistoryValue = string | number | boolean | null | undefined;

export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

/** History stores every value as text (null stays null) so one table holds every field. */
export function historyText(value: HistoryValue): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
}

/** Changes for the fields present in `next` whose text form differs from `prev`. */
export function diffFields(prev: Record<string, HistoryValue>, next: Record<string, HistoryValue>, fields: readonly string[]): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of fields) {
    if (!(field in next) || next[field] === undefined) continue;
    const from = historyText(prev[field]);
    const to = historyText(next[field]);
    if (from !== to) out.push({ field, from, to });
  }
  return out;
}

/** The creation snapshot: every tracked field with a value, from null. */
export function initialFields(record: Record<string, HistoryValue>, fields: readonly string[]): FieldChange[] {
  return fields.map((field) => ({ field, from: null, to: historyText(record[field]) })).filter((c) => c.to !== null);
}
