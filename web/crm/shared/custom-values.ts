// Custom field values on the record forms and pages (accounts and contacts; deals fill theirs
// through the gate). Empty inputs are sent as null, so a cleared value is cleared on the server.
import type { CustomValues } from '../../../api/common';
import type { CustomField } from '../../../api/pipelines';
import type { Detail } from '../../components/Details';

export type CustomFormValues = Record<string, string | number | boolean | null>;

/** The values a form starts with: the record's, as stored. */
export const customFormValues = (values: CustomValues | undefined): CustomFormValues => ({ ...(values ?? {}) });

/** What the API takes: an input's empty text (a cleared number or date too) as null. */
export function customBody(values: CustomFormValues): CustomValues {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, typeof value === 'string' && value.trim() === '' ? null : value]));
}

/** Only the values that changed, so a save never overwrites a value the person did not touch. */
export function customChanged(next: CustomFormValues, base: CustomFormValues): CustomValues | undefined {
  const after = customBody(next);
  const before = customBody(base);
  const changed = Object.entries(after).filter(([key, value]) => (before[key] ?? null) !== value);
  return changed.length > 0 ? Object.fromEntries(changed) : undefined;
}

function shown(field: CustomField, value: CustomValues[string] | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (field.type === 'boolean') return value ? 'Yes' : 'No';
  // Grouped digits help a revenue, not a year founded or a code: four digits stay as written.
  if (field.type === 'number' && typeof value === 'number') return Math.abs(value) >= 10_000 ? value.toLocaleString() : String(value);
  return String(value);
}

/** A record page's lines for its custom fields, in the admin's order. */
export const customDetails = (fields: readonly CustomField[], values: CustomValues): Detail[] =>
  fields.map((f) => ({ label: f.label, value: shown(f, values[f.key]) }));

/** The values in one line, for the dialog that compares a stale edit with the newer version. */
export function describeCustom(values: CustomValues): string {
  const set = Object.entries(values).filter(([, value]) => value !== null && value !== '');
  return set.length === 0 ? '—' : set.map(([key, value]) => `${key}: ${String(value)}`).join(', ');
}
