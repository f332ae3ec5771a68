// What a command may touch of the outside world, passed in so tests run the real program in
// process: output streams, the environment for loadConfig, stdin, and whether a person watches.
import type { Writable } from 'node:stream';
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
  const known = explainSystemError(error);
  if (known) {
    println(io.stderr, known);
    return EXIT.failure;
  }
  println(io.stderr, `Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return EXIT.failure;
}

/** The failures an operator meets on a first start, said plainly instead of as a stack trace. */
export function explainSystemError(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as { code?: unknown; port?: unknown; address?: unknown; syscall?: unknown; message?: unknown };
  const message = typeof e.message === 'string' && e.message ? e.message : String(e.code);
  if (e.syscall === 'listen' && e.code === 'EADDRINUSE') return `Port ${e.port} is already in use by another program: stop it, or set PORT to a free port.`;
  if (e.syscall === 'listen' && e.code === 'EACCES')
    return `Not allowed to listen on port ${e.port} (ports below 1024 need privileges): set PORT to 1024 or above.`;
  if (e.syscall === 'listen' && e.code === 'EADDRNOTAVAIL') return `Cannot listen on ${e.address}: this machine has no such address; check HOST.`;
  if (['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'EAI_AGAIN'].includes(String(e.code))) {
    return `Cannot reach the database (${message || e.code}): check DATABASE_URL and that PostgreSQL is running.`;
  }
  // PostgreSQL: wrong password, unknown role, unknown database.
  if (e.code === '28P01' || e.code === '28000' || e.code === '3D000') return `The database refused the connection: ${message}. Check DATABASE_URL.`;
  return null;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const ANSI_OR_CONTROL = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Text a user typed (names, labels), made safe to print: ANSI escapes and control characters are
 * dropped, so a team called "\u001b[2J…" cannot clear or rewrite an admin's terminal.
 */
export const printable = (text: string): string => text.replace(ANSI_OR_CONTROL, '');

/** A plain table for list commands: columns padded to their widest cell; every cell printable. */
export function table(input: string[][]): string {
  const rows = input.map((r) => r.map((c) => printable(c ?? '')));
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ')).join('\n');
}
