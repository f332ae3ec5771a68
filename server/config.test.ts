import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to an embedded SQLite file and port 3000', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ databaseUrl: 'sqlite:./data/furrow.db', port: 3000, cookieSecure: false });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({
        PORT: 'abc',
        LOG_LEVEL: 'loud',
        DATABASE_URL: 'mysql://x',
        PUBLIC_URL: 'not a url',
        COOKIE_SECURE: 'maybe',
        TRUST_PROXY: 'yes please',
        NODE_ENV: 'prod',
        SESSION_TTL_HOURS: '0',
        LOGIN_MAX_ATTEMPTS: 'many',
        PG_POOL_SIZE: '-1',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      const names = [
        'PORT',
        'LOG_LEVEL',
        'DATABASE_URL',
        'PUBLIC_URL',
        'COOKIE_SECURE',
        'TRUST_PROXY',
        'NODE_ENV',
        'SESSION_TTL_HOURS',
        'LOGIN_MAX_ATTEMPTS',
        'PG_POOL_SIZE',
      ];
      for (const name of names) expect(problems).toContain(name);
      expect((error as ConfigError).problems).toHaveLength(names.length);
    }
  });

  it('makes cookies Secure in production behind https', () => {
    expect(loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://crm.example.com' }).cookieSecure).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://crm.example.com', COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
  });

  it('takes a PostgreSQL read replica only with a PostgreSQL primary', () => {
    const pg = 'postgres://furrow@db1/furrow';
    expect(loadConfig({}).databaseReplicaUrl).toBeNull();
    expect(loadConfig({ DATABASE_URL: pg, DATABASE_REPLICA_URL: 'postgres://furrow@db2/furrow' }).databaseReplicaUrl).toBe('postgres://furrow@db2/furrow');
    expect(() => loadConfig({ DATABASE_URL: pg, DATABASE_REPLICA_URL: 'sqlite:./copy.db' })).toThrow(/DATABASE_REPLICA_URL must be postgres/);
    expect(() => loadConfig({ DATABASE_REPLICA_URL: 'postgres://furrow@db2/furrow' })).toThrow(/needs a PostgreSQL DATABASE_URL/);
    expect(loadConfig({ KPI_AS_OF_INLINE: 'true' }).kpiAsOfInline).toBe(true);
  });

  it('reads TRUST_PROXY as a flag', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
  });
});

describe('SMTP settings', () => {
  const secret = 'x'.repeat(32);
  it('is off without SMTP_URL or SMTP_HOST: notifications stay in the app', () => {
    expect(loadConfig({}).smtp).toBeNull();
  });

  it('reads a URL or host/port/user/pass, with the sender and the link secret', () => {
    expect(loadConfig({ SMTP_URL: 'smtp://u:p@mail.example.com:587', SMTP_FROM: 'Furrow <f@example.com>', EMAIL_LINK_SECRET: secret }).smtp).toEqual({
      transport: 'smtp://u:p@mail.example.com:587',
      from: 'Furrow <f@example.com>',
      linkSecret: secret,
    });
    expect(
      loadConfig({ SMTP_HOST: 'mail.example.com', SMTP_PORT: '465', SMTP_USER: 'u', SMTP_PASS: 'p', SMTP_FROM: 'f@example.com', EMAIL_LINK_SECRET: secret })
        .smtp?.transport,
    ).toEqual({
      host: 'mail.example.com',
      port: 465,
      secure: true,
      auth: { user: 'u', pass: 'p' },
    });
  });

  it('lists every SMTP problem at once', () => {
    try {
      loadConfig({ SMTP_HOST: 'mail.example.com', SMTP_PORT: 'x', SMTP_PASS: 'p', SMTP_FROM: 'nobody', EMAIL_LINK_SECRET: 'short' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const text = (error as ConfigError).problems.join('\n');
      for (const name of ['SMTP_PORT', 'SMTP_PASS', 'SMTP_FROM', 'EMAIL_LINK_SECRET']) expect(text).toContain(name);
    }
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.com', SMTP_FROM: 'f@example.com', EMAIL_LINK_SECRET: secret })).toThrow(/SMTP_URL/);
  });
});

describe('recording storage', () => {
  const s3 = {
    PRACTICE_STORAGE: 's3',
    PRACTICE_S3_ENDPOINT: 'http://minio.internal:9000',
    PRACTICE_S3_BUCKET: 'furrow-recordings',
    PRACTICE_S3_ACCESS_KEY_ID: 'AKIAFURROW',
    PRACTICE_S3_SECRET_ACCESS_KEY: 'super-secret-value-42',
  };

  it('is a local folder by default', () => {
    expect(loadConfig({ PRACTICE_STORAGE_DIR: '/srv/recordings' }).practiceStorage).toEqual({ kind: 'local', dir: '/srv/recordings' });
    expect(loadConfig({}).practiceStorage).toEqual({ kind: 'local', dir: './data/recordings' });
  });

  it('reads an S3-compatible store, whose secret never shows when the config is printed', () => {
    const config = loadConfig({ ...s3, PRACTICE_S3_REGION: 'eu-west-3', PRACTICE_S3_PATH_STYLE: 'true', PRACTICE_S3_PREFIX: 'furrow/pitches/' });
    expect(config.practiceStorage).toEqual({
      kind: 's3',
      endpoint: 'http://minio.internal:9000',
      region: 'eu-west-3',
      bucket: 'furrow-recordings',
      prefix: 'furrow/pitches/',
      pathStyle: true,
      accessKeyId: 'AKIAFURROW',
    });
    expect(config.practiceStorage.kind === 's3' && config.practiceStorage.secretAccessKey).toBe('super-secret-value-42');
    expect(JSON.stringify(config)).not.toContain('super-secret');
    expect(inspect(config, { depth: 5 })).not.toContain('super-secret');
    // AWS's defaults: us-east-1, virtual-hosted style.
    expect(loadConfig(s3).practiceStorage).toMatchObject({ region: 'us-east-1', pathStyle: false, prefix: '' });
  });

  it('lists every S3 problem at once, never quoting the secret', () => {
    let error: unknown;
    try {
      loadConfig({
        PRACTICE_STORAGE: 's3',
        PRACTICE_S3_ENDPOINT: 'ftp://user:pw@host/path',
        PRACTICE_S3_BUCKET: 'Bad_Bucket',
        PRACTICE_S3_REGION: 'EU WEST',
        PRACTICE_S3_PREFIX: '../up',
        PRACTICE_S3_PATH_STYLE: 'maybe',
        PRACTICE_STORAGE_DIR: '/srv/recordings',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = (error as ConfigError).problems.join('\n');
    for (const name of [
      'PRACTICE_S3_ENDPOINT',
      'PRACTICE_S3_BUCKET',
      'PRACTICE_S3_REGION',
      'PRACTICE_S3_PREFIX',
      'PRACTICE_S3_PATH_STYLE',
      'PRACTICE_S3_ACCESS_KEY_ID',
      'PRACTICE_S3_SECRET_ACCESS_KEY',
      'PRACTICE_STORAGE_DIR',
    ])
      expect(text).toContain(name);
    expect(() => loadConfig({ ...s3, PRACTICE_S3_ENDPOINT: 'nope' })).toThrow(ConfigError);
    try {
      loadConfig({ ...s3, PRACTICE_S3_ENDPOINT: 'nope' });
    } catch (e) {
      expect(String((e as Error).message)).not.toContain('super-secret');
    }
    expect(() => loadConfig({ PRACTICE_STORAGE: 'ftp' })).toThrow(/PRACTICE_STORAGE must be local or s3/);
    expect(() => loadConfig({ PRACTICE_S3_BUCKET: 'b' })).toThrow(/PRACTICE_S3_BUCKET set but PRACTICE_STORAGE is local/);
  });
});
