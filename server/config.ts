// The only reader of process.env. Every problem is collected and reported at once, so an operator
// fixes a bad deployment in one round instead of one variable at a time.
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  readonly databaseUrl: string;
  /** A PostgreSQL hot-standby replica of DATABASE_URL for dashboards and KPI reads; null = everything on the primary. */
  readonly databaseReplicaUrl: string | null;
  /**
   * Replay "as of a past date" inside each statement instead of into a temporary table once per
   * request. Always so on the replica (a hot standby refuses temporary tables); the flag forces it
   * on the primary too, which tests use to cover that mode without a replica.
   */
  readonly kpiAsOfInline: boolean;
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
  /** Postgres connection pool size per app node (interactive requests). */
  readonly pgPoolSize: number;
  /** Postgres pool for long work (imports, exports, KPIs, dashboards), so it never starves the interactive pool. */
  readonly pgBulkPoolSize: number;
  /** PostgreSQL statement_timeout for interactive requests, in ms (0 = none). */
  readonly statementTimeoutMs: number;
  /** PostgreSQL statement_timeout on the bulk pool, in ms (0 = none). */
  readonly bulkStatementTimeoutMs: number;
  /** Imports with more data rows than this run as a background job (202 + job id); smaller ones answer at once. */
  readonly importSyncMaxRows: number;
  /** Largest CSV file accepted as an upload (POST /api/v1/imports/{entity}/upload), in bytes. */
  readonly importMaxUploadBytes: number;
  /** Heavy jobs (imports, dry runs) one user may have queued or running at once. */
  readonly heavyJobsPerUser: number;
  /** Heavy requests (KPIs, dashboards, exports) one user may have in flight at once per node. */
  readonly heavyRequestsPerUser: number;
  /** Trust X-Forwarded-* from a reverse proxy (needed for client addresses behind one). */
  readonly trustProxy: boolean;
  /** Where practice recordings (audio) are stored: a local folder (default) or an S3-compatible bucket. */
  readonly practiceStorage: RecordingStorageConfig;
  /** Largest practice recording accepted, in bytes. */
  readonly practiceMaxUploadBytes: number;
  /** Outgoing email; null = notifications stay in the app (no error). */
  readonly smtp: SmtpConfig | null;
  /** Audit entries older than this many days are purged. */
  readonly auditRetentionDays: number;
  /** Bearer token guarding /metrics; null: open in development and test, off in production. */
  readonly metricsToken: string | null;
  /** Let webhook endpoints resolve to private, loopback or link-local addresses (SSRF guard off). */
  readonly webhookAllowPrivate: boolean;
}

/** A local folder (created on first upload), or an S3-compatible bucket. */
export type RecordingStorageConfig = { readonly kind: 'local'; readonly dir: string } | S3StorageConfig;

export interface S3StorageConfig {
  readonly kind: 's3';
  /** scheme://host[:port] of the S3 API, e.g. https://s3.eu-west-1.amazonaws.com or http://minio:9000. */
  readonly endpoint: string;
  readonly region: string;
  readonly bucket: string;
  /** Prepended to every object key, e.g. "furrow/recordings/" (may be empty). */
  readonly prefix: string;
  /** true: endpoint/bucket/key (MinIO, Garage, Ceph…); false: bucket.endpoint-host/key (AWS's virtual-hosted style). */
  readonly pathStyle: boolean;
  readonly accessKeyId: string;
  /** Not enumerable: JSON.stringify and util.inspect of the config never show it. */
  readonly secretAccessKey: string;
}

export interface SmtpConfig {
  /** What nodemailer.createTransport takes: an smtp(s):// URL or host/port/secure/auth. */
  readonly transport: string | { host: string; port: number; secure: boolean; auth?: { user: string; pass: string } };
  /** The From header, e.g. "Furrow <furrow@example.com>". */
  readonly from: string;
  /** Signs the unsubscribe links in emails (which need no session). */
  readonly linkSecret: string;
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

  const databaseReplicaUrl = env.DATABASE_REPLICA_URL?.trim() || null;
  if (databaseReplicaUrl !== null) {
    if (!/^postgres(ql)?:\/\//.test(databaseReplicaUrl)) problems.push('DATABASE_REPLICA_URL must be postgres://… (a hot standby of DATABASE_URL)');
    else if (!/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push('DATABASE_REPLICA_URL needs a PostgreSQL DATABASE_URL (SQLite has no replica)');
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
  const pgBulkPoolSize = int('PG_BULK_POOL_SIZE', 3, 1, 50);
  const statementTimeoutMs = int('STATEMENT_TIMEOUT_MS', 15_000, 0, 3_600_000);
  const bulkStatementTimeoutMs = int('BULK_STATEMENT_TIMEOUT_MS', 300_000, 0, 86_400_000);
  const importSyncMaxRows = int('IMPORT_SYNC_MAX_ROWS', 500, 0, 1_000_000);
  const importMaxUploadMb = int('IMPORT_MAX_UPLOAD_MB', 1024, 1, 16_384);
  const heavyJobsPerUser = int('HEAVY_JOBS_PER_USER', 1, 1, 100);
  const heavyRequestsPerUser = int('HEAVY_REQUESTS_PER_USER', 3, 1, 100);
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
  const auditRetentionDays = int('AUDIT_RETENTION_DAYS', 365, 1, 3650);
  const webhookAllowPrivate = flag('WEBHOOK_ALLOW_PRIVATE', false);
  const kpiAsOfInline = flag('KPI_AS_OF_INLINE', false);
  const metricsToken = env.METRICS_TOKEN?.trim() || null;
  // A short token guards nothing; say so at start rather than run with it.
  if (metricsToken !== null && metricsToken.length < 16) problems.push('METRICS_TOKEN must be at least 16 characters');

  const smtp = smtpConfig(env, problems, flag);
  const practiceStorage = recordingStorageConfig(env, mode, problems, flag);

  if (problems.length > 0) throw new ConfigError(problems);

  return Object.freeze({
    databaseUrl,
    databaseReplicaUrl,
    kpiAsOfInline,
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
    pgBulkPoolSize,
    statementTimeoutMs,
    bulkStatementTimeoutMs,
    importSyncMaxRows,
    importMaxUploadBytes: importMaxUploadMb * 1024 * 1024,
    heavyJobsPerUser,
    heavyRequestsPerUser,
    trustProxy,
    practiceStorage,
    practiceMaxUploadBytes: practiceMaxUploadMb * 1024 * 1024,
    smtp,
    auditRetentionDays,
    metricsToken,
    webhookAllowPrivate,
    ...overrides,
  });
}

/** SMTP_URL, or SMTP_HOST (+ SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASS); with either, SMTP_FROM and EMAIL_LINK_SECRET. */
function smtpConfig(env: Record<string, string | undefined>, problems: string[], flag: (name: string, fallback: boolean) => boolean): SmtpConfig | null {
  const url = env.SMTP_URL?.trim();
  const host = env.SMTP_HOST?.trim();
  if (!url && !host) return null;
  let transport: SmtpConfig['transport'] = '';
  if (url && host) problems.push('set either SMTP_URL or SMTP_HOST, not both');
  if (url) {
    try {
      if (!['smtp:', 'smtps:'].includes(new URL(url).protocol)) problems.push('SMTP_URL must start with smtp:// or smtps://');
    } catch {
      problems.push('SMTP_URL must be a URL such as smtp://user:pass@mail.example.com:587');
    }
    transport = url;
  } else if (host) {
    const rawPort = env.SMTP_PORT?.trim() || '587';
    const port = Number(rawPort);
    if (!Number.isInteger(port) || port < 1 || port > 65535) problems.push(`SMTP_PORT must be an integer between 1 and 65535 (got "${rawPort}")`);
    const user = env.SMTP_USER?.trim();
    const pass = env.SMTP_PASS ?? '';
    if (pass && !user) problems.push('SMTP_PASS is set without SMTP_USER');
    transport = { host, port, secure: flag('SMTP_SECURE', port === 465), ...(user ? { auth: { user, pass } } : {}) };
  }
  const from = env.SMTP_FROM?.trim() ?? '';
  if (!/^(.*<)?[^\s@<>]+@[^\s@<>]+>?$/.test(from)) problems.push('SMTP_FROM must be an address, e.g. "Furrow <furrow@example.com>", when SMTP is configured');
  const linkSecret = env.EMAIL_LINK_SECRET ?? '';
  if (linkSecret.length < 32) problems.push('EMAIL_LINK_SECRET must be at least 32 characters when SMTP is configured (it signs unsubscribe links)');
  return { transport, from, linkSecret };
}

const S3_VARIABLES = [
  'PRACTICE_S3_ENDPOINT',
  'PRACTICE_S3_REGION',
  'PRACTICE_S3_BUCKET',
  'PRACTICE_S3_PREFIX',
  'PRACTICE_S3_PATH_STYLE',
  'PRACTICE_S3_ACCESS_KEY_ID',
  'PRACTICE_S3_SECRET_ACCESS_KEY',
] as const;

/** PRACTICE_STORAGE=local (PRACTICE_STORAGE_DIR) or s3 (PRACTICE_S3_*). Problems never quote the secret. */
function recordingStorageConfig(
  env: Record<string, string | undefined>,
  mode: Config['env'],
  problems: string[],
  flag: (name: string, fallback: boolean) => boolean,
): RecordingStorageConfig {
  const kind = env.PRACTICE_STORAGE?.trim() || 'local';
  const set = S3_VARIABLES.filter((name) => env[name]?.trim());
  // Tests never write into the working tree.
  const dir = env.PRACTICE_STORAGE_DIR?.trim() || (mode === 'test' ? join(tmpdir(), 'furrow-test-recordings') : './data/recordings');
  if (kind === 'local') {
    if (set.length > 0) problems.push(`${set.join(', ')} set but PRACTICE_STORAGE is local: set PRACTICE_STORAGE=s3 to use them`);
    return { kind: 'local', dir };
  }
  if (kind !== 's3') {
    problems.push(`PRACTICE_STORAGE must be local or s3 (got "${kind}")`);
    return { kind: 'local', dir };
  }
  if (env.PRACTICE_STORAGE_DIR?.trim()) problems.push('PRACTICE_STORAGE_DIR is set but PRACTICE_STORAGE is s3: recordings go to the bucket');
  const rawEndpoint = env.PRACTICE_S3_ENDPOINT?.trim() ?? '';
  let endpoint = '';
  try {
    const url = new URL(rawEndpoint);
    if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password || url.search || url.hash || url.pathname !== '/') throw new Error();
    endpoint = url.origin;
  } catch {
    problems.push(`PRACTICE_S3_ENDPOINT must be http(s)://host[:port] with no path or credentials (got "${rawEndpoint}")`);
  }
  const region = env.PRACTICE_S3_REGION?.trim() || 'us-east-1';
  if (!/^[a-z0-9-]{1,40}$/.test(region)) problems.push(`PRACTICE_S3_REGION must be a region name such as eu-west-1 (got "${region}")`);
  const bucket = env.PRACTICE_S3_BUCKET?.trim() ?? '';
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
    problems.push(`PRACTICE_S3_BUCKET must be a bucket name (3–63 lower-case letters, digits, dots, hyphens; got "${bucket}")`);
  const prefix = env.PRACTICE_S3_PREFIX?.trim() ?? '';
  if (!/^([A-Za-z0-9!_.*'()-]+\/)*$/.test(prefix) || prefix.split('/').some((part) => part === '.' || part === '..'))
    problems.push(`PRACTICE_S3_PREFIX must be empty or folders ending in /, such as furrow/recordings/ (got "${prefix}")`);
  const pathStyle = flag('PRACTICE_S3_PATH_STYLE', false);
  const accessKeyId = env.PRACTICE_S3_ACCESS_KEY_ID?.trim() ?? '';
  if (!accessKeyId) problems.push('PRACTICE_S3_ACCESS_KEY_ID is required with PRACTICE_STORAGE=s3');
  const secretAccessKey = env.PRACTICE_S3_SECRET_ACCESS_KEY?.trim() ?? '';
  if (!secretAccessKey) problems.push('PRACTICE_S3_SECRET_ACCESS_KEY is required with PRACTICE_STORAGE=s3');
  return s3StorageConfig({ endpoint, region, bucket, prefix, pathStyle, accessKeyId, secretAccessKey });
}

/** An S3 storage config whose secret is not enumerable, so logging or serialising the config never prints it. */
export function s3StorageConfig(values: Omit<S3StorageConfig, 'kind'>): S3StorageConfig {
  const { secretAccessKey, ...rest } = values;
  const config = { kind: 's3' as const, ...rest } as S3StorageConfig;
  Object.defineProperty(config, 'secretAccessKey', { value: secretAccessKey, enumerable: false });
  return Object.freeze(config);
}

/** Test runs only: the PostgreSQL server to run the engine-looped suites on, when set. */
export function testDatabaseUrl(env: Record<string, string | undefined> = process.env): string | null {
  const url = env.TEST_DATABASE_URL?.trim();
  return url ? url : null;
}

/** Test runs only: the scale-out suite (haproxy, PostgreSQL binaries) must run, not skip; CI sets FURROW_SCALE_OUT_REQUIRED=1. */
export function scaleOutSuiteRequired(env: Record<string, string | undefined> = process.env): boolean {
  return env.FURROW_SCALE_OUT_REQUIRED === '1';
}

/** Test runs only: a browser binary to use instead of the bundled Chromium. */
export function testBrowserPath(env: Record<string, string | undefined> = process.env): string | null {
  return env.FURROW_TEST_CHROMIUM?.trim() || null;
}

/**
 * The CLI only: the heap bound in MB of `furrow import` (cli/bounded-import.ts), FURROW_IMPORT_HEAP_MB;
 * 256 when unset, null for 0 (no bound, the main thread). Read before any command's configuration.
 */
export function cliImportHeapMb(env: Record<string, string | undefined> = process.env): number | null {
  const text = env.FURROW_IMPORT_HEAP_MB?.trim();
  if (text === undefined || text === '') return 256;
  const mb = Number(text);
  if (!Number.isInteger(mb) || mb < 0) throw new ConfigError([`FURROW_IMPORT_HEAP_MB must be a whole number of MB, 0 for no bound (got "${text}")`]);
  return mb === 0 ? null : Math.max(mb, 64);
}
