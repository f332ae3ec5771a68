// The columns of a chosen CSV and the field each one feeds, for the mapping table. The file is read
// with csv-parse's browser build and the options, delimiter and column matching of lib/csv.ts, as
// the server reads it; the page then sends the whole table as the mapping, so what is shown is what is used.
import { parse } from 'csv-parse/browser/esm/sync';
import type { ImportFields, ImportPreset } from '../../../api/imports';
import { csvOptions, detectPreset, fieldsByName, guessField, presetLookup } from '../../../lib/csv';

export const IGNORE = 'ignore';

export interface CsvHead {
  headers: string[];
  /** The first data row's cells, to show what a column holds. */
  sample: string[];
}

/** The header row and the first data row; comma, semicolon or tab, quotes, line breaks in quotes, a BOM. */
export function readCsvHead(text: string): CsvHead {
  let records: string[][];
  try {
    records = parse(text, { ...csvOptions(text), to: 2 }) as string[][];
  } catch {
    // The server reports what is wrong with the file, with its line; the table shows what it can.
    records = [];
  }
  const [headers = [], sample = []] = records;
  return { headers: headers.map((h) => h.trim()), sample };
}

/** header → field key (or IGNORE) for every non-empty header: the preset first, then key or label. */
export function autoMapping(fields: ImportFields, headers: readonly string[], preset: ImportPreset | null): Record<string, string> {
  const byName = fieldsByName(fields.fields);
  const chosen = preset ?? detectPreset<ImportPreset>(fields.presets, headers);
  const presetMap = chosen ? presetLookup(fields.presets[chosen] ?? {}) : new Map<string, string>();
  const mapping: Record<string, string> = {};
  for (const header of headers) if (header !== '') mapping[header] = guessField(header, presetMap, byName) ?? IGNORE;
  return mapping;
}

/** Required fields no column feeds, by label; the server refuses such a file before reading a row. */
export function missingRequired(fields: ImportFields, mapping: Record<string, string>): string[] {
  const used = new Set(Object.values(mapping));
  return fields.fields.filter((f) => f.required && !used.has(f.key)).map((f) => f.label);
}
