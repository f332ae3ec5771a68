// The "below the start of the year" alert on the worked example: Mia keeps her weekly 1:1s with Ann
// and Ben in July, then stops. From August coaching is far under July's level, so Mia (the team's
// manager) and the CSO (the workspace's index) are each told once, however often the job runs.
import { expect, it } from 'vitest';
import { enqueue } from '../jobs/jobs.service.js';
import { JOBS } from '../jobs/registry.js';
import { createJobRunner } from '../jobs/runner.js';
import { workedExample } from '../measurement/testing/worked-example.js';
import { describeEngines, type TestUser, variantWith } from '../test/test-env.js';
import { disciplineAlertsJob } from './discipline-alerts.jobs.js';
import { alertsOf } from './discipline-alerts.js';

describeEngines('discipline below the start of the year', { ownDatabase: true }, (env) => {
  it('tells the team manager and the CSO once per slide, in figures', async () => {
    const clock = env().clock;
    const x = await workedExample(env());
    const db = env().database.db;
    await db
      .updateTable('users')
      .set({ created_at: Date.UTC(2026, 6, 1) })
      .where('workspace_id', '=', x.w.id)
      .execute();
    const july28 = new Date(Date.UTC(2026, 6, 28, 10)).toISOString();
    for (const coachee of [x.ann, x.ben]) {
      const held = await x.w.as(x.mia).post('/api/v1/coaching-sessions', { coacheeId: coachee.id, scheduledAt: july28, heldAt: july28 });
      expect(held.status, JSON.stringify(held.body)).toBe(201);
    }
    const index = variantWith((await x.w.as(x.w.admin).get('/api/v1/discipline-index?year=FY2026')).body, 'months');
    const team = index.scopes.find((s) => s.id === x.teamId);
    const coaching = team!.disciplines.find((d) => d.key === 'coaching')!.cells;
    const month = (key: string) => index.months.findIndex((m) => m.key === key);
    expect(coaching[month('2026-07')]).toMatchObject({ score: 100, belowStart: false });
    expect(coaching[month('2026-08')]).toMatchObject({ score: 0, belowStart: true });
    expect(team?.belowStart).toContain('coaching');
    // The slide began in August: that month keys the alert, whichever later month is the latest.
    expect(alertsOf(index).find((a) => a.scopeId === x.teamId && a.discipline === 'coaching')).toMatchObject({
      sinceKey: '2026-08',
      start: 100,
      score: 0,
    });

    const runner = createJobRunner({ database: env().database, config: env().config, now: () => clock.now, jobs: JOBS, schedules: [] });
    const told = async (who: TestUser) =>
      (await x.w.as(who).get('/api/v1/notifications')).body.items.filter(
        (n: { kind: string; title: string }) => n.kind === 'rhythm.discipline-below-start' && n.title.startsWith('Coaching'),
      );
    for (let i = 0; i < 3; i++) {
      await enqueue({ db, now: () => clock.now }, disciplineAlertsJob, {}, { workspaceId: x.w.id });
      await runner.runDue();
    }
    const jobs = await db.selectFrom('jobs').select(['state', 'last_error']).where('name', '=', 'rhythm.discipline-alerts').execute();
    expect(jobs.map((j) => j.last_error)).toEqual(jobs.map(() => null));
    const mia = await told(x.mia);
    expect(mia).toHaveLength(1);
    expect(mia[0]?.title).toMatch(/^Coaching in .+ is 100 points under where the year started: 100 → 0 in /);
    expect(mia[0]?.record?.path).toBe('/year');
    expect((await told(x.w.admin)).length).toBeGreaterThanOrEqual(1);
    // Reps are not told: the index is their managers'.
    expect(await told(x.ann)).toHaveLength(0);
  });
});
