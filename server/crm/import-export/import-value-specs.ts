// How an import reads a file's values before any row is checked: the day/month order its dates
// agree on, and for each enumerated field (stage, status, activity type, owner, a select field) the
// values Furrow has and how a cell is matched to one without being told (proposed on the Import page).
import type { ImportDateFormat } from '../../../api/imports.js';
import type { Pipeline } from '../../../api/pipelines.js';
import { ACTIVITY_TYPES, parseActivityType } from './activity-import-rules.js';
import { findStage, parseStatus } from './deal-import-rules.js';
import type { FieldDef } from './fields.js';
import type { OwnerDirectory } from './import-row.js';
import { type EntityValueSpec, sameOption, type ValueFieldSpec } from './value-choices.js';
import { type DateOrder, orderEvidence } from './values.js';

/** The API's date format names → the parser's day/month order. */
export function dateOrderOf(format: ImportDateFormat | undefined): DateOrder | undefined {
  return format === 'DD/MM/YYYY' ? 'dmy' : format === 'MM/DD/YYYY' ? 'mdy' : undefined;
}

/** What a file's date cells say of their day/month order, gathered a row at a time. */
export class DateEvidence {
  private readonly dateFields: string[];
  private readonly seen = new Set<string>();

  constructor(fields: readonly FieldDef[]) {
    this.dateFields = fields.filter((f) => f.kind === 'date' || f.kind === 'instant' || f.custom?.type === 'date').map((f) => f.key);
  }

  add(values: ReadonlyMap<string, string>): void {
    for (const field of this.dateFields) {
      const text = values.get(field);
      if (text !== undefined) this.seen.add(orderEvidence(text));
    }
  }

  /** dmy or mdy when the cells tell (some day above 12 on one side only), else null. */
  order(): DateOrder | null {
    if (this.seen.has('dmy') && !this.seen.has('mdy')) return 'dmy';
    if (this.seen.has('mdy') && !this.seen.has('dmy')) return 'mdy';
    return null;
  }
}

/** The enumerated fields of the file and the values Furrow has for each, with how a cell is matched without being told. */
export function valueFieldSpecs(
  fields: readonly FieldDef[],
  mapped: ReadonlySet<string>,
  pipelines: readonly Pipeline[],
  users: OwnerDirectory,
  emails: string[],
  entitySpec: EntityValueSpec,
): ValueFieldSpec[] {
  const specs: ValueFieldSpec[] = [];
  for (const f of fields) {
    if (!mapped.has(f.key)) continue;
    const own = entitySpec(f);
    if (own) {
      specs.push(own);
    } else if (f.key === 'stage' && pipelines.length > 0) {
      const main = pipelines.find((p) => p.isDefault) ?? (pipelines[0] as Pipeline);
      const options = [...new Set(pipelines.flatMap((p) => p.stages.map((st) => st.name)))];
      specs.push({
        field: f.key,
        label: f.label,
        options,
        propose: (text) => {
          const outcome = parseStatus(text);
          const stage = findStage(main.stages, text) ?? (outcome === 'won' || outcome === 'lost' ? main.stages.find((st) => st.kind === outcome) : undefined);
          return stage?.name ?? sameOption(options, text);
        },
      });
    } else if (f.key === 'status') {
      specs.push({ field: f.key, label: f.label, options: ['open', 'won', 'lost'], propose: (text) => parseStatus(text) });
    } else if (f.key === 'type' && fields.some((d) => d.key === 'occurredAt')) {
      specs.push({ field: f.key, label: f.label, options: ACTIVITY_TYPES, propose: (text) => parseActivityType(text) });
    } else if (f.kind === 'owner') {
      specs.push({
        field: f.key,
        label: f.label,
        options: emails,
        propose: (text) => {
          const found = users.find(text);
          return 'user' in found ? found.user.email : null;
        },
      });
    } else if (f.custom?.type === 'select' && f.custom.options) {
      const options = f.custom.options;
      specs.push({ field: f.key, label: f.label, options, propose: (text) => sameOption(options, text) });
    }
  }
  return specs;
}
