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
