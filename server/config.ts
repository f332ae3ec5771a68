// The only reader of process.env. Every problem is collected and reported at once, so an operator
// fixes a bad deployment in one round instead of one variable at a time.
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  readonly databaseUrl: string;
  readonly port: number;
  readonly host: string;
  readonly logLevel: LogLevel;
  /** Session lifetime in milliseconds (sliding: renewed on use). */
  readonly sessionTtlMs: number;
  /** Mark cookies Secure. On by default in production; off for plain-http localhost. */
  readonly cookieSecure: boolean;
  /** Public origin (scheme://host[:port]) used to check Origin headers and build links. */
  readonly publicUrl: string | null;
  /** Failed logins allowed per email (and per address) in a 15-minute window. */
  readonly loginMaxAttempts: number;
  /** Directory holding the built web app. */
  readonly webDir: string;
  readonly env: 'production' | 'development' | 'test';
  /** Postgres connection pool size per app node. */
  readonly pgPoolSize: number;
  /** Trust X-Forwarded-* from a reverse proxy (needed for client addresses behind one). */
  readonly trustProxy: boolean;
  /** Folder holding practice recordings (audio); created on first upload. */
  readonly practiceStorageDir: string;
  /** Largest practice recording accepted, in bytes. */
  readonly practiceMaxUploadBytes: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export const DEFAULT_DATABASE_URL = 'sqlite:./data/furrow.db';

export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const problems: string[] = [];
  const mode = (env.NODE_ENV ?? 'development') as Config['env'];
  if (!['production', 'development', 'test'].includes(mode)) problems.push(`NODE_ENV must be production, development or test (got "${mode}")`);

  const databaseUrl = env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  if (!/^(sqlite:|file:|postgres:\/\/|postgresql:\/\/)/.test(databaseUrl) && !databaseUrl.endsWith('.db') && databaseUrl !== ':memory:') {
    problems.push('DATABASE_URL must be sqlite:<path>, a path ending in .db, or postgres://…');
  }

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  };

  const port = int('PORT', 3000, 0, 65535);
  const sessionHours = int('SESSION_TTL_HOURS', 24 * 14, 1, 24 * 365);
  const loginMaxAttempts = int('LOGIN_MAX_ATTEMPTS', 10, 1, 1000);
  const pgPoolSize = int('PG_POOL_SIZE', 10, 1, 200);
  const practiceMaxUploadMb = int('PRACTICE_MAX_UPLOAD_MB', 20, 1, 500);

  const logLevel = (env.LOG_LEVEL ?? (mode === 'test' ? 'silent' : 'info')) as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);

  let publicUrl: string | null = null;
  if (env.PUBLIC_URL) {
    try {
      publicUrl = new URL(env.PUBLIC_URL).origin;
    } catch {
      problems.push(`PUBLIC_URL must be an absolute URL (got "${env.PUBLIC_URL}")`);
    }
  }

  const flag = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return fallback;
    if (!['true', 'false', '1', '0'].includes(raw)) {
      problems.push(`${name} must be true or false (got "${raw}")`);
      return fallback;
    }
    return raw === 'true' || raw === '1';
  };
  const cookieSecure = flag('COOKIE_SECURE', mode === 'production' && (publicUrl?.startsWith('https:') ?? false));
  const trustProxy = flag('TRUST_PROXY', false);

  if (problems.length > 0) throw new ConfigError(problems);

  return Object.freeze({
    databaseUrl,
    port,
    host: env.HOST?.trim() || '0.0.0.0',
    logLevel,
    sessionTtlMs: sessionHours * 3600_000,
    cookieSecure,
    publicUrl,
    loginMaxAttempts,
    webDir: env.FURROW_WEB_DIR?.trim() || 'dist/web',
    env: mode,
    pgPoolSize,
    trustProxy,
    // Tests never write into the working tree.
    practiceStorageDir: env.PRACTICE_STORAGE_DIR?.trim() || (mode === 'test' ? join(tmpdir(), 'furrow-test-recordings') : './data/recordings'),
    practiceMaxUploadBytes: practiceMaxUploadMb * 1024 * 1024,
    ...overrides,
  });
}

/** Test runs only: the PostgreSQL server to run the engine-looped suites on, when set. */
export function testDatabaseUrl(env: Record<string, string | undefined> = process.env): string | null {
  const url = env.TEST_DATABASE_URL?.trim();
  return url ? url : null;
}

/** Test runs only: a browser binary to use instead of the bundled Chromium. */
export function testBrowserPath(env: Record<string, string | undefined> = process.env): string | null {
  return env.FURROW_TEST_CHROMIUM?.trim() || null;
}
