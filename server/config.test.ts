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
      loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x', PUBLIC_URL: 'not a url', COOKIE_SECURE: 'maybe' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'LOG_LEVEL', 'DATABASE_URL', 'PUBLIC_URL', 'COOKIE_SECURE']) expect(problems).toContain(name);
    }
  });

  it('makes cookies Secure in production behind https', () => {
    expect(loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://crm.example.com' }).cookieSecure).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://crm.example.com', COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
  });
});
