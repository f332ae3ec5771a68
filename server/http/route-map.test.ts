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

// Body reads the typed client's conversion left as casts (`as NotYetTyped`, issue #8): this list only shrinks.
const NOT_YET_TYPED: string[] = [
  'server/coaching/action-items.routes.test.ts',
  'server/coaching/coaching-kpis.routes.test.ts',
  'server/coaching/focus.routes.test.ts',
  'server/crm/deal-comments.routes.test.ts',
  'server/crm/import-export/export.test.ts',
  'server/crm/import-export/import-availability.test.ts',
  'server/crm/import-export/import-background.test.ts',
  'server/crm/import-export/import-cell-guard.test.ts',
  'server/crm/import-export/import-custom-fields.test.ts',
  'server/crm/import-export/import-deals.test.ts',
  'server/crm/import-export/import-history.test.ts',
  'server/crm/import-export/import-leads.test.ts',
  'server/crm/import-export/import-record-custom-fields.test.ts',
  'server/crm/import-export/import-value-mapping.test.ts',
  'server/crm/timeline.routes.test.ts',
  'server/http/openapi.test.ts',
  'server/http/schema-fuzz.test.ts',
  'server/identity/unique-names.test.ts',
  'server/identity/visibility.matrix.test.ts',
  'server/measurement/kpi-breakdown-reference.test.ts',
  'server/measurement/kpi-coaching-reference.test.ts',
  'server/measurement/kpi-history.test.ts',
  'server/measurement/kpi-reference.test.ts',
  'server/measurement/kpi.routes.test.ts',
  'server/measurement/lead-funnel-groups.routes.test.ts',
  'server/measurement/targets.routes.test.ts',
  'server/measurement/testing/random-leads.ts',
  'server/ops/webhooks.routes.test.ts',
  'server/planning/call-plans.routes.test.ts',
  'server/process/override-reviews.routes.test.ts',
  'server/process/process-admin.routes.test.ts',
  'server/rhythm/discipline-alerts.jobs.test.ts',
  'server/rhythm/discipline.routes.test.ts',
  'server/rhythm/discipline.visibility.test.ts',
  'server/rhythm/harvest.routes.test.ts',
  'server/rhythm/ritual-adherence.kpi.test.ts',
  'server/rhythm/rituals.routes.test.ts',
];

describe('NotYetTyped, the casts left', () => {
  it('is used only in the listed files, and each listed file still uses it', () => {
    const users = readdirSync('server', { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.test\.ts$|\/testing\//.test(file) && file !== 'http/route-map.test.ts')
      .filter((file) => readFileSync(`server/${file}`, 'utf8').includes('NotYetTyped'))
      .map((file) => `server/${file}`)
      .sort();
    expect(
      users.filter((file) => !NOT_YET_TYPED.includes(file)),
      'new uses: type the read from api/routes.ts',
    ).toEqual([]);
    expect(
      NOT_YET_TYPED.filter((file) => !users.includes(file)),
      'no longer used: take it off the list',
    ).toEqual([]);
  });
});
