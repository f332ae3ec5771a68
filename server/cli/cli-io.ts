// What a command may touch of the outside world, passed in so tests run the real program in
// process: output streams, the environment for loadConfig, stdin, and whether a person watches.
import type { Writable } from 'node:stream';
import type { TSchema } from 'typebox';
import Value from 'typebox/value';
import { type Config, ConfigError, loadConfig } from '../config.js';
import { AppError } from '../errors.js';

export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  /** Environment for loadConfig; absent means the process environment (read by config.ts only). */
  env?: Record<string, string | undefined>;
  /** Progress bars only when a person watches stderr. */
  isTTY: boolean;
  readStdin(): Promise<string>;
  /** Wall clock; tests pin it. */
  now(): number;
}

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** An expected way for a command to end: a message for the person and the exit code. */
export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

export const usageError = (message: string): CliError => new CliError(EXIT.usage, message);
export const failure = (message: string): CliError => new CliError(EXIT.failure, message);

export function println(stream: Writable, text = ''): void {
  stream.write(`${text}\n`);
}

export function configOf(io: CliIo): Config {
  return io.env ? loadConfig(io.env) : loadConfig();
}

/** Checks command-line input against the API schema it feeds, naming every bad option. */
export function checkInput<T>(schema: TSchema, value: T, optionOf: (path: string) => string = (p) => `--${p.replace(/^\//, '')}`): T {
  const problems = [...Value.Errors(schema, value)].map((e) => `${optionOf(e.instancePath)} ${e.message}`);
  if (problems.length > 0) throw usageError(problems.join('\n'));
  return value;
}

/** How any error ends the command: message on stderr and the exit code. */
export function report(io: CliIo, error: unknown): number {
  if (error instanceof CliError) {
    if (error.message) println(io.stderr, error.message);
    return error.exitCode;
  }
  if (error instanceof ConfigError) {
    println(io.stderr, 'The configuration has problems:');
    for (const p of error.problems) println(io.stderr, `  - ${p}`);
    return EXIT.failure;
  }
  if (error instanceof AppError) {
    const fields = (error.details as { fields?: { field: string; message: string }[] } | undefined)?.fields;
    println(io.stderr, fields?.length ? fields.map((f) => `${f.field}: ${f.message}`).join('\n') : error.message);
    return error.code === 'invalid_input' ? EXIT.usage : EXIT.failure;
  }
  println(io.stderr, `Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return EXIT.failure;
}

/** A plain table for list commands: columns padded to their widest cell. */
export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ')).join('\n');
}
