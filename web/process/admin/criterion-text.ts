import type { CriterionKind, ExitCriterion, FieldChoice } from '../../../api/pipelines';
import type { QualificationFramework } from '../../../api/qualification';

export const KIND_LABEL: Record<CriterionKind, string> = {
  field: 'Required field',
  checklist: 'Checklist item',
  activity: 'Required activity',
  qualification: 'Qualification score',
  call_plan: 'Reviewed call plan',
  certification: 'Owner certified',
};

/** The rule behind a criterion in a few words, under its label. */
export function ruleOf(c: ExitCriterion, fields: FieldChoice[], frameworks: QualificationFramework[] | undefined): string {
  switch (c.kind) {
    case 'field':
      return `Field “${fields.find((f) => f.field === c.field)?.label ?? c.field}” filled in`;
    case 'checklist':
      return 'Ticked by the rep';
    case 'activity':
      return `A ${c.activityType} logged on the deal${c.withinDays ? ` in the last ${c.withinDays} days` : ''}`;
    case 'qualification': {
      const f = frameworks?.find((x) => x.id === c.frameworkId);
      return `${f?.name ?? 'Framework'} total ≥ ${c.minScore}${f ? ` of ${f.maxTotal}` : ''}`;
    }
    case 'call_plan':
      return 'A manager-reviewed call plan for the next meeting';
    case 'certification':
      return `Owner certified on ${c.scenario}`;
  }
}
