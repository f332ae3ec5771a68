// As-you-type validation with the very TypeBox schemas the server validates requests with (api/),
// so a form cannot disagree with the API about what is valid.
import type { TSchema } from 'typebox';
import { Settings } from 'typebox/system';
import { Value } from 'typebox/value';

// The server's CSP has no 'unsafe-eval': use TypeBox's interpreter instead of compiled checks.
Settings.Set({ useAcceleration: false, maxErrors: 100 });

interface Issue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message: string;
}

function friendly(issue: Issue): string {
  const p = issue.params;
  switch (issue.keyword) {
    case 'required':
      return 'Required';
    case 'minLength':
      return p.limit === 1 ? 'Required' : `At least ${p.limit} characters`;
    case 'maxLength':
      return `At most ${p.limit} characters`;
    case 'pattern':
      return p.pattern === '\\S' ? 'Must not be blank' : p.pattern === '^[A-Z]{3}$' ? 'A three-letter currency code, such as EUR' : 'Has the wrong form';
    case 'format':
      if (p.format === 'email') return 'Enter an email address such as name@example.com';
      if (p.format === 'date') return 'Enter a date';
      if (p.format === 'date-time') return 'Enter a date and time';
      return 'Has the wrong form';
    case 'minimum':
      return p.limit === 0 ? 'Cannot be negative' : `At least ${p.limit}`;
    case 'maximum':
      return `At most ${p.limit}`;
    case 'type':
      return p.type === 'integer' ? 'Enter a whole number' : p.type === 'number' ? 'Enter a number' : 'Required';
    default:
      return 'Is not valid';
  }
}

/** "/closeDate" → "closeDate"; a missing required property is named by its parameter. */
function pathOf(issue: Issue): string | null {
  if (issue.keyword === 'required') {
    const missing = issue.params.requiredProperties ?? issue.params.missingProperty ?? issue.params.required;
    const name = Array.isArray(missing) ? missing[0] : missing;
    return name ? [issue.instancePath.replace(/^\//, '').replace(/\//g, '.'), name].filter(Boolean).join('.') : null;
  }
  if (issue.keyword === 'additionalProperties' || issue.keyword === 'boolean') return null;
  return issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
}

/**
 * Field → message for a request body, the first problem per field. `rename` maps API fields to
 * form fields where they differ (amount in minor units ← the amount a person types).
 */
export function schemaErrors(schema: TSchema, body: unknown, rename: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of Value.Errors(schema, body) as unknown as Issue[]) {
    const path = pathOf(issue);
    if (path === null) continue;
    // A bare value (a password on its own) reports at the root; rename names its field.
    const field = rename[path] ?? path;
    if (field === '') continue;
    // Unions ("text or null") report one issue per branch; the first is the readable one.
    if (!(field in out)) out[field] = friendly(issue);
  }
  return out;
}
