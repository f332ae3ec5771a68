// Checks of agreement terms the schema cannot express. Pure.
import type { AgreementTerms } from '../../api/lead-agreements.js';
import type { FieldProblem } from '../errors.js';

export function termsProblems(t: AgreementTerms): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const dup = (list: { id: string }[], path: string) => {
    const seen = new Set<string>();
    list.forEach((r, i) => {
      if (seen.has(r.id)) problems.push({ field: `${path}/${i}/id`, message: `repeats the rule id ${r.id}` });
      seen.add(r.id);
    });
  };
  dup(t.fit, 'terms/fit');
  dup(t.behaviours, 'terms/behaviours');
  t.fit.forEach((c, i) => {
    if (c.field === 'companySize') {
      if (c.min === undefined && c.max === undefined) problems.push({ field: `terms/fit/${i}/min`, message: 'a company-size criterion needs min or max' });
      if (c.min !== undefined && c.max !== undefined && c.min > c.max) problems.push({ field: `terms/fit/${i}/max`, message: 'must not be below min' });
    } else if (!c.values || c.values.length === 0)
      problems.push({ field: `terms/fit/${i}/values`, message: `a ${c.field} criterion needs at least one value` });
  });
  const reasons = t.rejectionReasons.map((r) => r.trim().toLowerCase());
  if (new Set(reasons).size !== reasons.length) problems.push({ field: 'terms/rejectionReasons', message: 'lists a reason twice' });
  const segments = t.commitments.map((c) => c.segment.trim().toLowerCase());
  if (new Set(segments).size !== segments.length) problems.push({ field: 'terms/commitments', message: 'lists a segment twice' });
  return problems;
}
