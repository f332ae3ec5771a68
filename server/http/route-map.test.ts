// api/routes.ts is the server's tests' only source of response types, so it must not drift from the
// routes: every /api/v1 route the built app registers is in the map, nothing in the map is unregistered,
// and each route's success schemas are the map's (deep equality: a factory such as Page(Deal) builds a new
// object per call, and an equal schema has the same static type, so a wrong type cannot be named).
import { readdirSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import type { RouteOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../api/routes.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';

async function registeredRoutes(): Promise<Map<string, Record<string, unknown>>> {
  const database = openDatabase(':memory:', { poolSize: 1 });
  const config = loadConfig({ NODE_ENV: 'test' }, { databaseUrl: ':memory:', webDir: '/nonexistent' });
  const routes: RouteOptions[] = [];
  const app = await buildApp({ database, config, now: Date.now, onRoute: (route) => routes.push(route) });
  await app.ready();
  await app.close();
  await database.close();
  const byKey = new Map<string, Record<string, unknown>>();
  for (const route of routes.filter((r) => r.url.startsWith('/api/v1/'))) {
    const responses = (route.schema?.response ?? {}) as Record<string, unknown>;
    const success = Object.fromEntries(Object.entries(responses).filter(([status]) => /^2\d\d$/.test(status)));
    for (const method of [route.method].flat().filter((m) => m !== 'HEAD')) byKey.set(`${method} ${route.url}`, success);
  }
  return byKey;
}

describe('api/routes.ts, the route map', () => {
  it('lists every registered /api/v1 route, only those, each with the success schemas the route declares', async () => {
    const registered = await registeredRoutes();
    const mapped = new Map<string, Record<string, unknown>>(Object.entries(ROUTES));
    expect(
      [...registered.keys()].filter((key) => !mapped.has(key)),
      'registered but not in api/routes.ts',
    ).toEqual([]);
    expect(
      [...mapped.keys()].filter((key) => !registered.has(key)),
      'in api/routes.ts but not registered',
    ).toEqual([]);
    const differing = [...registered].filter(([key, success]) => !isDeepStrictEqual(success, mapped.get(key)));
    expect(
      differing.map(([key]) => key),
      'success schemas differ from the route',
    ).toEqual([]);
    expect(registered.size).toBeGreaterThan(200);
  });

  it('would see a wrong schema: an item type in place of its page differs', () => {
    const { 'GET /api/v1/deals': page, 'GET /api/v1/deals/:id': one } = ROUTES;
    expect(isDeepStrictEqual(page, one)).toBe(false);
    expect(isDeepStrictEqual(page[200], structuredClone(page[200]))).toBe(true);
  });
});

// Issue #8: the tests read bodies with their api/ types (the typed client, variantWith, recordsPath). `any`
// in a test or test helper is left only as a type argument (a table of JobDefinition<any>, say): a
// value typed `any` — a body, a callback's parameter, a cast — would let a read of a wrong field pass.
describe('test code', () => {
  it('types no value as any', () => {
    const found = readdirSync('server', { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.test\.ts$|\/testing\/|^test\//.test(file) && file !== 'http/route-map.test.ts')
      .flatMap((file) =>
        readFileSync(`server/${file}`, 'utf8')
          .split('\n')
          .flatMap((line, i) => (/(:\s*any\b(?!\s*>)|\bas any\b|\bany\[\])/.test(line.replace(/\/\/.*$/, '')) ? [`server/${file}:${i + 1}`] : [])),
      );
    expect(found).toEqual([]);
  });
});
