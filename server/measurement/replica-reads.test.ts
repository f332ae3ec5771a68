// Dashboards and KPI reads on a real streaming hot-standby replica (DATABASE_REPLICA_URL), started
// here: a fresh PostgreSQL primary on a free port and a pg_basebackup -R copy of it streaming from it
// (test/pg-replica.ts). Proven by a stale marker: with the replica's replay paused, another user's
// write is invisible to a read the replica serves, while the writer's own reads (sent to the
// primary until the replica has replayed their write) see it.

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrator.js';
import { type PgReplicaPair, pgBinDir, startPgReplicaPair } from '../test/pg-replica.js';
import { createTestEnv, type TestEnv, type TestUser, type TestWorkspace } from '../test/test-env.js';
import { type History, randomHistory } from './testing/random-history.js';

const bin = pgBinDir();
if (!bin) console.warn('replica-reads.test.ts skipped: no PostgreSQL binaries under /usr/lib/postgresql/*/bin (initdb, pg_basebackup)');

async function sqlOn(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** The metric's value per label value, from /metrics. */
async function routed(env: TestEnv, metric: string): Promise<Record<string, number>> {
  const text = (await env.anonymous().get('/metrics')).body as string;
  const out: Record<string, number> = {};
  for (const m of text.matchAll(new RegExp(`^${metric}\\{\\w+="(\\w+)"\\} (\\d+)`, 'gm'))) out[m[1] as string] = Number(m[2]);
  return out;
}

describe.skipIf(!bin)('dashboards and KPI reads on a streaming replica', () => {
  let pair: PgReplicaPair;
  let env: TestEnv & { close(): Promise<void> };
  /** The same primary without a replica: what the primary answers. */
  let primaryOnly: TestEnv & { close(): Promise<void> };
  let h: History;
  let w: TestWorkspace;
  let rep: TestUser;

  beforeAll(async () => {
    pair = await startPgReplicaPair(bin as string);
    await sqlOn(pair.primaryUrl('postgres'), 'create database furrow');
    const migrating = openDatabase(pair.primaryUrl('furrow'));
    await migrateToLatest(migrating.db);
    await migrating.close();
    env = await createTestEnv('postgres', { postgres: { url: pair.primaryUrl('furrow'), replicaUrl: pair.replicaUrl('furrow') } });
    primaryOnly = await createTestEnv('postgres', { postgres: { url: pair.primaryUrl('furrow') } });
    h = await randomHistory(env, 4242, { deals: 20, days: 120, start: '2026-06-01' });
    w = h.w;
    rep = h.reps[0] as TestUser;
    await pair.caughtUp('furrow');
  }, 120_000);

  afterAll(async () => {
    await env?.close();
    await primaryOnly?.close();
    await pair?.close();
  });

  it('serves a KPI and a dashboard from the replica, and a caller’s reads after their write from the primary', async () => {
    const admin = w.as(w.admin);
    const repApi = w.as(rep);
    const openPipeline = async (api: typeof admin) => {
      const r = await api.get('/api/v1/kpis/open_pipeline?scope=workspace');
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.value as number;
    };
    const before = await openPipeline(admin);
    const repBefore = (await repApi.get('/api/v1/dashboard')).body;
    expect(repBefore.kind).toBe('rep');
    const served = await routed(env, 'furrow_replica_reads_total');
    expect(served.replica).toBeGreaterThanOrEqual(2);

    await pair.onReplica('furrow', 'select pg_wal_replay_pause()');
    try {
      const stages = (await admin.get('/api/v1/pipelines')).body.items[0]!.stages as { id: string; name: string; kind: string }[];
      const open = stages.filter((s) => s.kind === 'open');
      const created = await repApi.post('/api/v1/deals', { name: 'Replica marker', amount: 777_00, closeDate: '2026-09-30', stageId: open[0]?.id });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const moved = await repApi.post(`/api/v1/deals/${created.body.id}/move`, { version: 1, stageId: open[1]?.id, overrideReason: 'Replica test' });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);

      // The admin wrote nothing: the paused replica serves them, without the new deal.
      expect(await openPipeline(admin)).toBe(before);
      // The rep wrote: their KPI and dashboard come from the primary, with the deal in its new stage.
      const repDashboard = (await repApi.get('/api/v1/dashboard')).body;
      const inStage = (d: typeof repDashboard, id: string | undefined) =>
        (d.pipelineByStage.breakdown as { key: string; value: number }[]).find((g) => g.key === id)?.value ?? 0;
      expect(inStage(repDashboard, open[1]?.id) - inStage(repBefore, open[1]?.id)).toBe(777_00);
      expect(repDashboard.pipelineByStage.value! - repBefore.pipelineByStage.value!).toBe(777_00);
      expect((await routed(env, 'furrow_replica_reads_total')).primary_lag).toBeGreaterThanOrEqual(1);
    } finally {
      await pair.onReplica('furrow', 'select pg_wal_replay_resume()');
    }
    await pair.caughtUp('furrow');
    // Replayed past the rep's write: the replica now has the deal, and serves everyone again.
    expect(await openPipeline(admin)).toBe(before + 777_00);
    const after = await routed(env, 'furrow_replica_reads_total');
    await repApi.get('/api/v1/dashboard');
    expect((await routed(env, 'furrow_replica_reads_total')).replica).toBe((after.replica ?? 0) + 1);
  }, 60_000);

  it('answers a dashboard as of a past date on the replica (no temporary table) as the primary does', async () => {
    const url = `/api/v1/dashboard?period=FY2026-Q3&scope=workspace&asOf=2026-08-20`;
    const servedBefore = (await routed(env, 'furrow_replica_reads_total')).replica ?? 0;
    const onReplica = await w.as(w.admin).get(url);
    expect(onReplica.status, JSON.stringify(onReplica.body)).toBe(200);
    expect((await routed(env, 'furrow_replica_reads_total')).replica).toBe(servedBefore + 1);
    primaryOnly.clock.now = env.clock.now;
    const onPrimary = await primaryOnly.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${w.admin.token}` } });
    expect(onPrimary.statusCode).toBe(200);
    expect(onReplica.body).toEqual(onPrimary.json());
    expect(onReplica.body.tiles.some((t: { value: number | null }) => t.value !== null)).toBe(true);
  }, 60_000);

  it('sends reads to the primary, without an error, when the replica is down', async () => {
    await pair.stopReplica();
    const r = await w.as(w.admin).get('/api/v1/kpis/open_pipeline?scope=workspace');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const dash = await w.as(w.admin).get('/api/v1/dashboard?asOf=2026-08-20');
    expect(dash.status, JSON.stringify(dash.body)).toBe(200);
    expect((await routed(env, 'furrow_replica_fallbacks_total')).unreachable).toBeGreaterThanOrEqual(1);
    expect((await routed(env, 'furrow_replica_reads_total')).primary_down).toBeGreaterThanOrEqual(1);
  }, 60_000);
});
