// The weekly digest through the jobs layer on the worked example: Monday 07:00 on the workspace's
// clock every sales person gets one digest (however often the schedule runs), in numbers only,
// read with their own reach.
import { expect, it } from 'vitest';
import { JOBS, SCHEDULES } from '../jobs/registry.js';
import { createJobRunner } from '../jobs/runner.js';
import { workedExample } from '../measurement/testing/worked-example.js';
import { describeEngines, type TestUser } from '../test/test-env.js';

describeEngines('weekly digest', { ownDatabase: true }, (env) => {
  it('sends each sales person one digest on Monday morning, naming no record', async () => {
    const clock = env().clock;
    const x = await workedExample(env());
    await x.w.as(x.w.admin).put('/api/v1/quotas', { items: [{ scopeType: 'user', scopeId: x.ann.id, periodKey: 'FY2026-Q4', amount: 300_000 }] });
    const runner = createJobRunner({ database: env().database, config: env().config, now: () => clock.now, jobs: JOBS, schedules: SCHEDULES });
    const digests = async (who: TestUser) =>
      (await x.w.as(who).get('/api/v1/notifications')).body.items.filter((n: { kind: string }) => n.kind === 'rhythm.weekly-digest');

    // Sunday evening: nothing yet.
    clock.now = Date.parse('2026-11-29T20:00:00.000Z');
    await runner.runDue();
    expect(await digests(x.ann)).toHaveLength(0);
    // Monday 07:00 and the passes after it: one digest each.
    clock.now = Date.parse('2026-11-30T07:00:30.000Z');
    for (let i = 0; i < 3; i++) {
      await runner.runDue();
      clock.now += 60_000;
    }
    const ann = await digests(x.ann);
    expect(ann).toHaveLength(1);
    expect(ann[0].title).toMatch(/^Your week 2026-W49: planted .* of .* needed to date; behind in \d+ months? — plant .* extra a month$/);
    expect(ann[0].record.path).toBe('/year');
    const mia = await digests(x.mia);
    expect(mia).toHaveLength(1);
    expect(mia[0].title).toMatch(/discipline index \d+/);
    expect((await digests(x.dan))[0].title).toBe('Your week 2026-W49: nothing needs your attention');
    for (const n of [...ann, ...mia]) for (const name of ['D1', 'D2', 'D3', 'D4', 'Ann', 'Ben', 'Cat', 'Dan', ' T ']) expect(n.title).not.toContain(name);

    const jobs = await env()
      .database.db.selectFrom('jobs')
      .select(['id'])
      .where('name', '=', 'rhythm.weekly-digest')
      .where('workspace_id', '=', x.w.id)
      .execute();
    // Admin, Mia, Ann, Ben, Cat, Dan: one job each for the week.
    expect(jobs).toHaveLength(6);
  });
});
