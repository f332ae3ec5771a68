// Expired sessions are refused at once; the hourly system schedule then removes their rows, so the
// table does not keep every browser that never signed out (issue 17, item 7).
//
// The job is run by enqueueing it, not by stepping the clock to the schedule: the system schedule's
// row is one per database, and other suites' runners (with their own clocks) advance it, so whether
// it is due at this test's minute depends on which file ran first.
import { expect, it } from 'vitest';
import { newId } from '../ids.js';
import { nextRun, parseCron } from '../jobs/cron.js';
import { enqueue } from '../jobs/jobs.service.js';
import { JOBS, SCHEDULES } from '../jobs/registry.js';
import { createJobRunner } from '../jobs/runner.js';
import { describeEngines } from '../test/test-env.js';
import { deleteExpiredSessionsJob } from './sessions.jobs.js';

it('is scheduled hourly at minute 17 for every workspace at once', () => {
  const schedule = SCHEDULES.find((s) => s.job.name === deleteExpiredSessionsJob.name);
  expect(schedule?.scope).toBe('system');
  const at = Date.parse('2026-12-01T10:00:00.000Z');
  expect(new Date(nextRun(parseCron(schedule?.cron ?? ''), 'UTC', at)).toISOString()).toBe('2026-12-01T10:17:00.000Z');
});

describeEngines('expired sessions', { ownDatabase: true }, (env) => {
  it('deletes expired sessions and keeps live ones', async () => {
    const clock = env().clock;
    const saved = clock.now;
    try {
      const w = await env().workspace();
      const rep = await w.user('rep');
      const db = env().database.db;
      const start = Date.parse('2026-12-01T10:17:00.000Z');
      clock.now = start;
      const session = (expiresAt: number) => ({
        id: newId(),
        workspace_id: w.id,
        user_id: rep.id,
        csrf_token: newId(),
        created_at: start - 86_400_000,
        last_seen_at: start - 3_600_000,
        expires_at: expiresAt,
        user_agent: null,
        ip: null,
      });
      const expired = session(start - 1);
      const live = session(start + 86_400_000);
      await db.insertInto('sessions').values([expired, live]).execute();

      await enqueue({ db, now: () => clock.now }, deleteExpiredSessionsJob, {});
      const runner = createJobRunner({ database: env().database, config: env().config, now: () => clock.now, jobs: JOBS });
      await runner.runDue();
      const left = (await db.selectFrom('sessions').select('id').where('user_id', '=', rep.id).execute()).map((s) => s.id);
      expect(left).toContain(live.id);
      expect(left).not.toContain(expired.id);
    } finally {
      clock.now = saved;
    }
  });
});
