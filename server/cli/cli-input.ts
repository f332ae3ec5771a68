// Command-line options checked against the API schema they feed (loaded only by commands that run).
import type { TSchema } from 'typebox';
import Value from 'typebox/value';
import { usageError } from './cli-io.js';

/** Checks command-line input against the API schema it feeds, naming every bad option. */
export function checkInput<T>(schema: TSchema, value: T, optionOf: (path: string) => string = (p) => `--${p.replace(/^\//, '')}`): T {
  const problems = [...Value.Errors(schema, value)].map((e) => `${optionOf(e.instancePath)} ${e.message}`);
  if (problems.length > 0) throw usageError(problems.join('\n'));
  return value;
}
