// Decides which CSV column feeds which Furrow field: the field's own key or label, then the
// preset (given, or the one whose headers the file matches best), then the caller's explicit
// mapping, which always wins. Pure; the matching
// itself is lib/csv.ts, which the browser's mapping table uses too, so the page shows what an import does.
import type { ImportEntity, ImportPreset } from '../../../api/imports.js';
import { detectPreset as detectAmong, fieldsByName, guessField, normaliseHeader, presetLookup } from '../../../lib/csv.js';
import { unneutralise } from '../../csv-cells.js';
import type { FieldProblem } from '../../errors.js';
import { stageKey } from './deal-import-rules.js';
import { FIELDS, type FieldDef } from './fields.js';
import { PRESET_NAMES, PRESETS } from './presets.js';

/** Mapping a header to one of these drops the column. */
export const IGNORE = new Set(['', '-', 'ignore', 'skip']);

export interface ColumnMapping {
  /** Column index → field key, for mapped columns only, in file order. */
  columns: { index: number; header: string; field: string }[];
  /** header → field as reported back to the caller. */
  mapping: Record<string, string>;
  preset: ImportPreset | null;
  ignored: string[];
  problems: FieldProblem[];
}

/** The preset whose headers cover most of the file's columns (none when nothing matches). */
export function detectPreset(entity: ImportEntity, headers: readonly string[]): ImportPreset | null {
  return detectAmong(Object.fromEntries(PRESET_NAMES.map((name) => [name, PRESETS[name][entity]])) as Record<ImportPreset, Record<string, string>>, headers);
}

export function resolveMapping(
  entity: ImportEntity,
  headers: readonly string[],
  options: {
    preset?: ImportPreset | undefined;
    mapping?: Record<string, string> | undefined;
    /** The workspace's fields (built-in and custom, see fieldsOf); the built-in ones when absent. */
    fields?: readonly FieldDef[] | undefined;
  },
): ColumnMapping {
  const fields = options.fields ?? FIELDS[entity];
  const problems: FieldProblem[] = [];
  // A custom field labelled like a built-in one is reached by its custom.<key> (see fieldsByName).
  const byName = fieldsByName(fields);
  const preset = options.preset ?? detectPreset(entity, headers);
  const presetMap = preset ? presetLookup(PRESETS[preset][entity]) : new Map<string, string>();
  const explicit = new Map<string, string[]>();
  const headerSet = new Set(headers.map(normaliseHeader));
  for (const [header, field] of Object.entries(options.mapping ?? {})) {
    const key = normaliseHeader(header);
    if (!headerSet.has(key)) {
      problems.push({ field: `mapping.${header}`, message: `the file has no column "${header}" (columns: ${headers.join(', ')})` });
      continue;
    }
    // One column may feed several fields ("name+externalId": the opportunity id as both).
    const targets = field.split('+').map((t) => t.trim());
    if (targets.length === 1 && IGNORE.has((targets[0] as string).toLowerCase())) {
      explicit.set(key, []);
      continue;
    }
    const unknown = targets.filter((t) => !fields.some((d) => d.key === t));
    if (unknown.length > 0) {
      problems.push({
        field: `mapping.${header}`,
        message: `"${unknown.join('+')}" is not a field of ${entity}; fields are ${fields.map((d) => d.key).join(', ')}`,
      });
      continue;
    }
    explicit.set(key, targets);
  }

  const columns: ColumnMapping['columns'] = [];
  const mapping: Record<string, string> = {};
  const ignored: string[] = [];
  headers.forEach((header, index) => {
    const key = normaliseHeader(header);
    const guessed = guessField(header, presetMap, byName);
    const targets = explicit.get(key) ?? (guessed ? [guessed] : []);
    for (const field of targets) columns.push({ index, header, field });
    if (targets.length > 0) mapping[header] = targets.join('+');
    else if (header !== '') ignored.push(header);
  });

  const mapped = new Set(columns.map((c) => c.field));
  for (const d of fields) {
    if (d.required && !mapped.has(d.key)) {
      problems.push({ field: d.key, message: `no column is mapped to ${d.label} (${d.key}), which is required; map one with "Header=${d.key}"` });
    }
  }
  if (entity === 'contacts' && !mapped.has('lastName') && !mapped.has('fullName') && !mapped.has('firstName')) {
    problems.push({ field: 'lastName', message: 'no column gives the contact’s name; map First Name / Last Name or Full Name' });
  }
  return { columns, mapping, preset, ignored, problems };
}

/** The row as field → trimmed text; the first non-empty column wins when several map to a field. */
export function rowValues(columns: ColumnMapping['columns'], cells: readonly string[]): Map<string, string> {
  const values = new Map<string, string>();
  for (const c of columns) {
    if (values.has(c.field)) continue;
    // Undo the apostrophe an export puts before text a spreadsheet would run as a formula.
    const text = unneutralise((cells[c.index] ?? '').trim()).trim();
    if (text !== '') values.set(c.field, text);
  }
  return values;
}

/**
 * Applies the caller's value mapping (field → value in the file → value in Furrow) to a row's
 * cells: "Engaging" in the stage column becomes "Discovery" before the row is read.
 */
export function mapValues(values: Map<string, string>, valueMap: ReadonlyMap<string, ReadonlyMap<string, string>>): Map<string, string> {
  for (const [field, map] of valueMap) {
    const text = values.get(field);
    if (text === undefined) continue;
    const target = map.get(stageKey(text));
    if (target !== undefined) values.set(field, target);
  }
  return values;
}

/** The value mapping checked against the mapped fields, keyed for mapValues. */
export function valueMapOf(
  values: Record<string, Record<string, string>> | undefined,
  mappedFields: ReadonlySet<string>,
): { map: Map<string, Map<string, string>>; problems: FieldProblem[] } {
  const map = new Map<string, Map<string, string>>();
  const problems: FieldProblem[] = [];
  for (const [field, pairs] of Object.entries(values ?? {})) {
    if (!mappedFields.has(field)) {
      problems.push({ field: `values.${field}`, message: `no column is mapped to ${field}, so its values cannot be mapped` });
      continue;
    }
    map.set(field, new Map(Object.entries(pairs).map(([from, to]) => [stageKey(from), to.trim()])));
  }
  return { map, problems };
}
