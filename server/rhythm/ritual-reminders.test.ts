// "A ritual starts in an hour" through the jobs layer: the schedule queues one reminder per
// occurrence (singleton key), the reminder notifies the owner and attendees exactly once however
// often the schedule runs, and a completed occurrence is not reminded.
import { expect, it } from 'vitest';
import { JOBS, SCHEDULES } from '../jobs/registry.js';
import { createJobRunner } from '../jobs/runner.js';
import { describeEngines } from '../test/test-env.js';

describeEngines('ritual reminders', { ownDatabase: true }, (env) => {
  it('reminds the people of a ritual once, an hour before, and never of a completed occurrence', async () => {
    const clock = env().clock;
    const saved = clock.now;
    try {
      const w = await env().workspace({ timezone: 'Europe/Berlin' });
      const manager = await w.user('manager', { name: 'Mia' });
      const team = await w.team('East', { managerId: manager.id });
      const rep = await w.user('rep', { teamId: team, name: 'Rita' });
      const ritual = (await w.as(w.admin).post('/api/v1/rituals', { kind: 'forecast_call', teamId: team, rrule: 'FREQ=DAILY', startsAt: '2026-11-29T16:00' }))
        .body;
      const first = ritual.nextOccurrence;
      expect(first?.scheduledAt).toBe('2026-11-29T15:00:00.000Z');
      const runner = createJobRunner({ database: env().database, config: env().config, now: () => clock.now, jobs: JOBS, schedules: SCHEDULES });
      const inbox = async (who: typeof rep) =>
        (await w.as(who).get('/api/v1/notifications')).body.items.filter((n: { kind: string }) => n.kind === 'rhythm.ritual-starting');

      // 40 minutes before: the five-minute schedule queues the reminder, which runs at once.
      clock.now = Date.parse('2026-11-29T14:20:00.000Z');
      for (let i = 0; i < 3; i++) {
        await runner.runDue();
        clock.now += 5 * 60_000;
      }
      for (const who of [rep, manager]) {
        const items = await inbox(who);
        expect(items).toHaveLength(1);
        expect(items[0]?.title).toBe('Forecast call starts in an hour');
        expect(items[0]?.record?.path).toBe(`/rituals/occurrences/${first!.id}`);
      }
      const jobs = await env()
        .database.db.selectFrom('jobs')
        .select(['id'])
        .where('name', '=', 'rhythm.ritual-reminder')
        .where('workspace_id', '=', w.id)
        .execute();
      expect(jobs).toHaveLength(1);

      // The next day's occurrence is called off beforehand: nobody is reminded of it.
      const next = (await w.as(w.admin).get(`/api/v1/ritual-occurrences?from=2026-11-30T00:00:00.000Z&to=2026-11-30T23:00:00.000Z&ritualId=${ritual.id}`)).body
        .items[0];
      expect((await w.as(manager).put(`/api/v1/ritual-occurrences/${next!.id}/completion`, { version: 1, status: 'skipped' })).status).toBe(200);
      clock.now = Date.parse('2026-11-30T14:30:00.000Z');
      await runner.runDue();
      expect(await inbox(rep)).toHaveLength(1);
    } finally {
      clock.now = saved;
    }
  });
});
