// Pure: checks custom field values against their definitions and normalises them.

import { isOutOfRange } from '../../lib/input-rules.js';
import type { FieldProblem } from '../errors.js';
import { historyText } from './field-diff.js';

export interface CustomFieldDef {
  key: string;
  label: string;
  type: 'text' | 'number' | 'date' | 'boolean' | 'select';
  options: string[] | null;
}

export type CustomValue = string | number | boolean | null;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function validateCustomValues(
  defs: readonly CustomFieldDef[],
  values: Record<string, CustomValue>,
): { values: Record<string, CustomValue>; problems: FieldProblem[] } {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const out: Record<string, CustomValue> = {};
  const problems: FieldProblem[] = [];
  for (const [key, raw] of Object.entries(values)) {
    const def = byKey.get(key);
    const field = `custom.${key}`;
    if (!def) {
      problems.push({ field, message: 'is not a custom field of this workspace' });
      continue;
    }
    if (raw === null || raw === '') {
      out[key] = null;
      continue;
    }
    switch (def.type) {
      case 'text':
        if (typeof raw !== 'string') problems.push({ field, message: 'must be text' });
        else out[key] = raw.trim();
        break;
      case 'number': {
        const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : Number.NaN;
        if (!Number.isFinite(n)) problems.push({ field, message: 'must be a number' });
        // A JSON body cannot carry these (the input guard refuses them); an import's text cell can.
        else if (isOutOfRange(n)) problems.push({ field, message: 'is out of range' });
        else out[key] = n;
        break;
      }
      case 'date':
        if (typeof raw !== 'string' || !DATE.test(raw) || Number.isNaN(Date.parse(`${raw}T00:00:00Z`)))
          problems.push({ field, message: 'must be a date as YYYY-MM-DD' });
        else out[key] = raw;
        break;
      case 'boolean':
        // JSON bodies arrive as sent (http/validators.ts); a CSV cell is parsed to a boolean before it gets here.
        if (typeof raw === 'boolean') out[key] = raw;
        else problems.push({ field, message: 'must be true or false' });
        break;
      case 'select':
        if (typeof raw !== 'string' || !(def.options ?? []).includes(raw))
          problems.push({ field, message: `must be one of: ${(def.options ?? []).join(', ')}` });
        else out[key] = raw;
        break;
    }
  }
  return { values: out, problems };
}

/** A record's `custom` column (a JSON object by key); an unreadable value counts as none. */
export function parseCustomJson(text: string): Record<string, CustomValue> {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, CustomValue>) : {};
  } catch {
    return {};
  }
}

/** History rows (custom.<key>) for the values that differ between two sets. */
export function customChanges(
  before: Record<string, CustomValue>,
  after: Record<string, CustomValue>,
): { field: string; from: string | null; to: string | null }[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys]
    .map((k) => ({ field: `custom.${k}`, from: historyText(before[k] ?? null), to: historyText(after[k] ?? null) }))
    .filter((c) => c.from !== c.to);
}
