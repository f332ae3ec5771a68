// Expired sessions are refused at once; the hourly system schedule then removes their rows, so the
// table does not keep every browser that never signed out (issue 17, item 7).
import { expect, it } from 'vitest';
import { newId } from '../ids.js';
import { JOBS, SCHEDULES } from '../jobs/registry.js';
import { createJobRunner } from '../jobs/runner.js';
import { describeEngines } from '../test/test-env.js';

describeEngines('expired sessions', (env) => {
  it('deletes expired sessions on the hourly schedule and keeps live ones', async () => {
    const clock = env().clock;
    const saved = clock.now;
    try {
      const w = await env().workspace();
      const rep = await w.user('rep');
      const db = env().database.db;
      const start = Date.parse('2026-12-01T10:00:00.000Z');
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

      const runner = createJobRunner({ database: env().database, config: env().config, now: () => clock.now, jobs: JOBS, schedules: SCHEDULES });
      await runner.runDue();
      // The schedule is at minute 17: step to it and run what is due then.
      clock.now = Date.parse('2026-12-01T10:17:00.000Z');
      await runner.runDue();
      await runner.runDue();
      const left = (await db.selectFrom('sessions').select('id').where('user_id', '=', rep.id).execute()).map((s) => s.id);
      expect(left).toContain(live.id);
      expect(left).not.toContain(expired.id);
    } finally {
      clock.now = saved;
    }
  });
});
