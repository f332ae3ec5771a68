// Pure: what each enumerated column of a file (stage, status, owner, type, a select field) holds,
// and the Furrow value each distinct cell goes to — the caller's mapping when it gave one, else the
// value proposed by comparing without case or spacing (and, for stages, outcome words such as
// "Closed Won" to the won stage). The Import page and the CLI show this before anything is written,
// so a value that goes nowhere is mapped by the user instead of refusing the file.
import type { ImportValueChoice } from '../../../api/imports.js';
import { stageKey } from './deal-import-rules.js';
import type { FieldDef } from './fields.js';

export interface ValueFieldSpec {
  field: string;
  label: string;
  /** The values Furrow accepts for the field, as shown to the user. */
  options: readonly string[];
  /** The option a cell goes to without being told, or null when none fits. */
  propose: (text: string) => string | null;
}

/** An entity's own way to match a field's values (leads: status words, campaigns), or undefined for the shared ways. */
export type EntityValueSpec = (field: FieldDef) => ValueFieldSpec | undefined;

/** Distinct values listed per field; a column with more (free text mapped as an owner, say) is cut, most frequent first. */
export const MAX_VALUES_PER_FIELD = 200;

/** Each enumerated field's distinct cells with their rows, counted a row at a time (a big file is read in batches). */
export class ValueCounts {
  private readonly counts: Map<string, Map<string, { value: string; rows: number }>>;

  constructor(private readonly specs: readonly ValueFieldSpec[]) {
    this.counts = new Map(specs.map((s) => [s.field, new Map()]));
  }

  add(row: ReadonlyMap<string, string>): void {
    for (const [field, seen] of this.counts) {
      const text = row.get(field);
      if (text === undefined) continue;
      const key = stageKey(text);
      const entry = seen.get(key);
      if (entry) entry.rows++;
      else seen.set(key, { value: text, rows: 1 });
    }
  }

  choices(valueMap: ReadonlyMap<string, ReadonlyMap<string, string>>): ImportValueChoice[] {
    const choices: ImportValueChoice[] = [];
    for (const spec of this.specs) {
      const seen = [...(this.counts.get(spec.field)?.entries() ?? [])];
      if (seen.length === 0) continue;
      seen.sort(([, a], [, b]) => b.rows - a.rows || a.value.localeCompare(b.value));
      const mapped = valueMap.get(spec.field);
      choices.push({
        field: spec.field,
        label: spec.label,
        options: [...spec.options],
        distinct: seen.length,
        values: seen.slice(0, MAX_VALUES_PER_FIELD).map(([key, { value, rows }]) => {
          const given = mapped?.get(key);
          return given !== undefined ? { value, rows, target: given, how: 'mapped' as const } : proposal(spec, value, rows);
        }),
      });
    }
    return choices;
  }
}

function proposal(spec: ValueFieldSpec, value: string, rows: number): ImportValueChoice['values'][number] {
  const target = spec.propose(value);
  if (target === null) return { value, rows, target: null, how: 'none' };
  return { value, rows, target, how: target === value ? 'same' : 'proposed' };
}

/** The option equal to the text without case, spacing or punctuation. */
export function sameOption(options: readonly string[], text: string): string | null {
  const key = stageKey(text);
  return options.find((o) => stageKey(o) === key) ?? null;
}
