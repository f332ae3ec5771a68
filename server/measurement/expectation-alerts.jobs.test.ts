// "Expectation went red" through the jobs layer on both engines, with an injected clock: the daily
// evaluation tells the owner and their manager when an expectation turns red, once per transition
// (green→red yes, red→red no, red→green→red again), however many runs or nodes evaluate it, and
// never names an expectation its recipient cannot read.
import { expect, it } from 'vitest';
import { enqueue } from '../jobs/jobs.service.js';
import { JOBS } from '../jobs/registry.js';
import { createJobRunner } from '../jobs/runner.js';
import { describeEngines, type TestUser } from '../test/test-env.js';
import { evaluateExpectationsJob } from './expectation-alerts.jobs.js';
import { workedExample } from './testing/worked-example.js';

const DAY = 86_400_000;
const KIND = 'measurement.expectation-red';

describeEngines('expectation went red', { ownDatabase: true }, (env) => {
  it('tells the owner and their manager once per turn to red, and only what each may read', async () => {
    const x = await workedExample(env());
    const admin = x.w.as(x.w.admin);
    // Ann's Q4 win rate is 0.5 (D1 won, D2 lost): green against these thresholds.
    const winRate = await admin.post('/api/v1/expectations', {
      kpiId: 'win_rate',
      scopeType: 'user',
      scopeId: x.ann.id,
      periodKind: 'quarter',
      target: 0.6,
      amberThreshold: 0.45,
      redThreshold: 0.4,
      ownerId: x.ann.id,
    });
    expect(winRate.status, JSON.stringify(winRate.body)).toBe(201);
    expect(winRate.body.current.status).toBe('green');
    // Dan (in no team) closed D5 in 20 days: red. Ann owns it, but her manager Mia does not see Dan.
    const cycle = await admin.post('/api/v1/expectations', {
      kpiId: 'sales_cycle_length',
      scopeType: 'user',
      scopeId: x.dan.id,
      periodKind: 'quarter',
      target: 5,
      amberThreshold: 10,
      redThreshold: 15,
      ownerId: x.ann.id,
    });
    expect(cycle.body.current.status).toBe('red');

    const runners = [0, 1].map(() =>
      createJobRunner({
        database: env().database,
        config: env().config,
        now: () => env().clock.now,
        jobs: JOBS.filter((j) => j.name === evaluateExpectationsJob.name),
      }),
    );
    const jobs = { db: env().database.db, now: () => env().clock.now };
    /** The next morning's evaluation, `copies` of it at once (two nodes, or a rerun racing the first). */
    const nextDay = async (copies = 1) => {
      env().clock.now += DAY;
      for (let i = 0; i < copies; i++) await enqueue(jobs, evaluateExpectationsJob, {}, { workspaceId: x.w.id });
      await Promise.all(runners.slice(0, copies).map((r) => r.runDue()));
    };
    const setWinRate = async (t: { target: number; amberThreshold: number; redThreshold: number }) => {
      const current = await admin.get(`/api/v1/expectations?ownerId=${x.ann.id}`);
      const version = current.body.items.find((e: { id: string }) => e.id === winRate.body.id)!.version;
      const res = await admin.patch(`/api/v1/expectations/${winRate.body.id}`, { version, ...t });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    };
    const RED = { target: 0.9, amberThreshold: 0.8, redThreshold: 0.7 };
    const GREEN = { target: 0.6, amberThreshold: 0.45, redThreshold: 0.4 };
    const inbox = async (who: TestUser) =>
      (await x.w.as(who).get('/api/v1/notifications?limit=100')).body.items
        .filter((n: { kind: string }) => n.kind === KIND)
        .map((n: { title: string; record: { path: string } | null }) => `${n.title} → ${n.record?.path ?? 'no link'}`)
        .sort();
    const annWinRate = 'Win rate for Ann went red for Q4 FY2026 → /expectations?status=off_track';
    const danCycle = 'Sales cycle length (median) for Dan went red for Q4 FY2026 → /expectations?status=off_track';

    // Day 1: first evaluation. Red from the start is news; green is not.
    await nextDay();
    expect(await inbox(x.ann)).toEqual([danCycle]);
    expect(await inbox(x.mia)).toEqual([]);

    // green → red: owner and manager, once; the red → red cycle expectation tells nobody again.
    await setWinRate(RED);
    await nextDay();
    expect(await inbox(x.ann)).toEqual([danCycle, annWinRate]);
    expect(await inbox(x.mia)).toEqual([annWinRate]);

    // red → red, on the next day and by a second run of the same day: nothing new.
    await nextDay();
    await enqueue(jobs, evaluateExpectationsJob, {}, { workspaceId: x.w.id });
    await runners[0]?.runDue();
    expect(await inbox(x.ann)).toEqual([danCycle, annWinRate]);
    expect(await inbox(x.mia)).toEqual([annWinRate]);

    // red → green → red: told again, once, even with two evaluations racing on two runners.
    await setWinRate(GREEN);
    await nextDay();
    expect(await inbox(x.mia)).toEqual([annWinRate]);
    await setWinRate(RED);
    await nextDay(2);
    expect(await inbox(x.ann)).toEqual([danCycle, annWinRate, annWinRate]);
    expect(await inbox(x.mia)).toEqual([annWinRate, annWinRate]);
    const stored = await env().database.db.selectFrom('expectation_statuses').select(['expectation_id', 'status']).where('workspace_id', '=', x.w.id).execute();
    expect(stored.map((s) => s.status).sort()).toEqual(['red', 'red']);

    // Per-user preference: Mia turns the kind off; Ann keeps hers.
    expect((await x.w.as(x.mia).patch(`/api/v1/notifications/preferences/${KIND}`, { inApp: false, email: false })).status).toBe(200);
    await setWinRate(GREEN);
    await nextDay();
    await setWinRate(RED);
    await nextDay();
    expect(await inbox(x.ann)).toHaveLength(4);
    expect(await inbox(x.mia)).toHaveLength(2);

    // Ann leaves Mia's team: Mia's notifications no longer name Ann's expectation, nor link to it.
    const ann = await admin.get(`/api/v1/users/${x.ann.id}`);
    expect((await admin.patch(`/api/v1/users/${x.ann.id}`, { version: ann.body.version, teamId: null })).status).toBe(200);
    expect(await inbox(x.mia)).toEqual(['An expectation you cannot see went red → no link', 'An expectation you cannot see went red → no link']);
    expect(JSON.stringify((await x.w.as(x.mia).get('/api/v1/notifications')).body)).not.toContain('Ann');
  });
});
