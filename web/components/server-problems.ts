// A failed save's field problems onto a form. Apart from schema-errors.ts (TypeBox) so that saving,
// which every screen does, does not put TypeBox in the first page's JavaScript.
import type { FieldProblem } from '../../api/common';

/** Server problems (400 details.fields) onto form fields; the rest is shown above the form. */
export function mapServerProblems(
  problems: FieldProblem[],
  formFields: readonly string[],
  rename: Record<string, string> = {},
): { fieldErrors: Record<string, string>; other: string[] } {
  const fieldErrors: Record<string, string> = {};
  const other: string[] = [];
  for (const problem of problems) {
    const field = rename[problem.field] ?? problem.field;
    const message = problem.message.charAt(0).toUpperCase() + problem.message.slice(1);
    if (formFields.includes(field)) fieldErrors[field] = message;
    else other.push(`${problem.field}: ${problem.message}`);
  }
  return { fieldErrors, other };
}
