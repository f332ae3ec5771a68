// The first-run screen's API on an empty database: it makes exactly one workspace and its admin,
// even when two browsers post at once, and refuses once Furrow is set up.
import { describe, expect, inject, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrator.js';
import { createScratchDatabase, dropScratchDatabase } from '../test/pg-admin.js';

const setup = (email: string) => ({
  workspaceName: 'Acme Sales',
  email,
  name: 'Ada Admin',
  password: 'a long enough secret',
  currency: 'EUR',
  timezone: 'Europe/Berlin',
});

async function onEmptyDatabase(url: string) {
  const database = openDatabase(url, { poolSize: 4 });
  await migrateToLatest(database.db);
  const config = loadConfig({ NODE_ENV: 'test' }, { databaseUrl: url, webDir: '/nonexistent' });
  const app = await buildApp({ database, config, now: Date.now });
  await app.ready();
  try {
    const post = (email: string) => app.inject({ method: 'POST', url: '/api/v1/setup', payload: setup(email) });
    expect((await app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needed: true });

    const bad = await app.inject({ method: 'POST', url: '/api/v1/setup', payload: { ...setup('x@acme.test'), password: 'short', currency: 'eur' } });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['currency', 'password']);

    const answers = await Promise.all([post('first@acme.test'), post('second@acme.test'), post('third@acme.test')]);
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409]);
    const won = answers.find((a) => a.statusCode === 201);
    expect(String(won?.headers['set-cookie'])).toMatch(/furrow_session=.+HttpOnly; SameSite=Lax/);
    for (const lost of answers.filter((a) => a.statusCode === 409)) expect(lost.json().error.code).toBe('conflict');

    expect(await database.db.selectFrom('workspaces').select('id').execute()).toHaveLength(1);
    expect(await database.db.selectFrom('users').select('role').execute()).toEqual([{ role: 'admin' }]);
    expect((await app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needed: false });
    expect((await post('late@acme.test')).statusCode).toBe(409);
  } finally {
    await app.close();
    await database.close();
  }
}

describe('first-run setup', () => {
  it('makes one workspace and its admin on SQLite', async () => {
    await onEmptyDatabase(':memory:');
  });

  const adminUrl = inject('pgAdminUrl');
  it.runIf(adminUrl)('makes one workspace and its admin on PostgreSQL, with three racing posts', async () => {
    const url = await createScratchDatabase(adminUrl as string, 'furrow_setup');
    try {
      await onEmptyDatabase(url);
    } finally {
      await dropScratchDatabase(adminUrl as string, url);
    }
  });
});
