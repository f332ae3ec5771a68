// Coaching reminders through the jobs layer on both engines: the daily plan finds cadences past due
// (coach and the coachee's manager are told) and action items due today or overdue (their owner is
// told); running it again notifies nobody twice.
import { expect, it } from 'vitest';
import { enqueue } from '../jobs/jobs.service.js';
import { JOBS, SCHEDULES } from '../jobs/registry.js';
import { createJobRunner } from '../jobs/runner.js';
import { describeEngines, type TestUser } from '../test/test-env.js';
import { planCoachingRemindersJob } from './reminders.jobs.js';

describeEngines('coaching reminders', { ownDatabase: true }, (env) => {
  it('tells the coach, the coachee’s manager and the item owner once, however often it runs', async () => {
    const w = await env().workspace();
    const manager = await w.user('manager', { name: 'Mia Manager' });
    const team = await w.team('Field', { managerId: manager.id });
    const rep = await w.user('rep', { teamId: team, name: 'Rita Rep' });
    const coach = await w.user('coach', { name: 'Cole Coach' });
    expect((await w.as(w.admin).post('/api/v1/coaching-relationships', { coachId: coach.id, coacheeId: rep.id, cadenceDays: 7 })).status).toBe(201);
    const held = { coacheeId: rep.id, scheduledAt: '2026-11-10T09:00:00.000Z', heldAt: '2026-11-10T09:30:00.000Z' };
    const made = await w.as(manager).post('/api/v1/coaching-sessions', {
      ...held,
      actionItems: [
        { ownerId: rep.id, text: 'Due today', dueDate: '2026-11-28' },
        { ownerId: rep.id, text: 'Late', dueDate: '2026-11-20' },
        { ownerId: rep.id, text: 'Later', dueDate: '2026-12-20' },
      ],
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect((await w.as(coach).post('/api/v1/coaching-sessions', held)).status).toBe(201);

    const runner = createJobRunner({ database: env().database, config: env().config, now: () => env().clock.now, jobs: JOBS, schedules: SCHEDULES });
    const inbox = async (who: TestUser) =>
      (await w.as(who).get('/api/v1/notifications?limit=50')).body.items
        .filter((n: { kind: string }) => n.kind.startsWith('coaching.'))
        .map((n: { title: string }) => n.title)
        .sort();
    for (let i = 0; i < 2; i++) {
      await enqueue({ db: env().database.db, now: () => env().clock.now }, planCoachingRemindersJob, {}, { workspaceId: w.id });
      await runner.runDue();
      await runner.runDue();
    }
    expect(await inbox(coach)).toEqual(['Coaching with Rita Rep is overdue (every 7 days)']);
    // Mia coaches Rita herself and is her manager for the outside coach's cadence: two occasions.
    expect(await inbox(manager)).toEqual(['Coaching with Rita Rep is overdue (every 7 days)', 'Coaching with Rita Rep is overdue (every 7 days)']);
    expect(await inbox(rep)).toEqual([
      'An action item from the session with Rita Rep on 2026-11-10 is due today',
      'An action item from the session with Rita Rep on 2026-11-10 is overdue (due 2026-11-20)',
    ]);
    const reminders = await env().database.db.selectFrom('coaching_reminders').select('key').where('workspace_id', '=', w.id).execute();
    expect(reminders).toHaveLength(5);
  });
});
