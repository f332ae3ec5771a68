// The operator's view of the queue: schedules and recent jobs of the workspace, run now (once for
// two clicks), retry of a failed job, audited; admin only, another workspace's jobs invisible.
import { beforeAll, expect, it } from 'vitest';
import { describeEngines, type TestUser, type TestWorkspace } from '../test/test-env.js';
import { defineJob } from './job.js';
import { enqueue } from './jobs.service.js';
import { JOBS, SCHEDULES } from './registry.js';
import { createJobRunner } from './runner.js';

const failing = defineJob<Record<string, never>>({ name: 'test.operator-view', handler: async () => undefined });

describeEngines('background jobs (operator view)', { ownDatabase: true }, (env) => {
  let w: TestWorkspace;
  let other: TestWorkspace;
  let manager: TestUser;
  let rep: TestUser;

  beforeAll(async () => {
    w = await env().workspace();
    other = await env().workspace();
    manager = await w.user('manager');
    rep = await w.user('rep');
  });

  /** A job of the workspace that failed for good (queued far ahead so no runner takes it first). */
  const failedJob = async (workspaceId: string | null) => {
    const jobs = { db: env().database.db, now: () => env().clock.now };
    const id = await enqueue(jobs, failing, {}, { workspaceId, runAt: env().clock.now + 365 * 86_400_000 });
    await env()
      .database.db.updateTable('jobs')
      .set({ state: 'failed', attempts: 4, last_error: 'boom', finished_at: env().clock.now })
      .where('id', '=', id)
      .execute();
    return id;
  };

  it('lists the schedules that apply, with a description, and runs one now once for two clicks', async () => {
    const schedules = await w.as(w.admin).get('/api/v1/job-schedules');
    expect(schedules.status).toBe(200);
    const digest = schedules.body.items.find((s: { name: string }) => s.name === 'rhythm.plan-weekly-digest');
    expect(digest).toMatchObject({ scope: 'workspace', lastJob: null });
    expect(digest?.description).not.toBe('');
    expect(schedules.body.items.find((s: { name: string }) => s.name === 'identity.delete-expired-sessions')).toMatchObject({ scope: 'system' });

    const first = await w.as(w.admin).post('/api/v1/job-schedules/rhythm.plan-weekly-digest/run');
    expect(first.status, JSON.stringify(first.body)).toBe(202);
    const second = await w.as(w.admin).post('/api/v1/job-schedules/rhythm.plan-weekly-digest/run');
    expect(second.status).toBe(409);
    expect((await w.as(w.admin).post('/api/v1/job-schedules/no.such-job/run')).status).toBe(404);

    const queued = await w.as(w.admin).get('/api/v1/jobs?state=queued');
    expect(queued.status).toBe(200);
    const digests = queued.body.items.filter((j: { name: string }) => j.name === 'rhythm.plan-weekly-digest');
    expect(digests).toEqual([expect.objectContaining({ id: first.body.jobId, state: 'queued', createdBy: { id: w.admin.id, name: expect.any(String) } })]);
    expect(digests[0]).not.toHaveProperty('payload');
    const after = await w.as(w.admin).get('/api/v1/job-schedules');
    expect(after.body.items.find((s: { name: string }) => s.name === 'rhythm.plan-weekly-digest')?.lastJob).toMatchObject({
      id: first.body.jobId,
      state: 'queued',
    });

    // Another workspace sees none of it.
    const theirs = await other.as(other.admin).get('/api/v1/jobs');
    expect(theirs.body.items.map((j: { id: string }) => j.id)).not.toContain(first.body.jobId);
    const audit = await w.as(w.admin).get('/api/v1/audit-log?action=job.run_now');
    expect(audit.body.items[0]).toMatchObject({ targetId: first.body.jobId, actor: { id: w.admin.id } });
  });

  it("computes a schedule's next run on the workspace's wall clock before the runner has written its row", async () => {
    const berlin = await env().workspace({ timezone: 'Europe/Berlin' });
    // No runner has started in tests: no job_schedules row exists for this workspace.
    expect(await env().database.db.selectFrom('job_schedules').select('key').where('workspace_id', '=', berlin.id).execute()).toEqual([]);
    expect(new Date(env().clock.now).toISOString()).toBe('2026-11-28T10:00:00.000Z'); // a Saturday
    const list = await berlin.as(berlin.admin).get('/api/v1/job-schedules');
    expect(list.status).toBe(200);
    const byName = (name: string) => list.body.items.find((s: { name: string }) => s.name === name);
    // '0 7 * * 1': Monday 07:00 in Berlin (CET, UTC+1) is 06:00 UTC.
    expect(byName('rhythm.plan-weekly-digest')).toMatchObject({ cron: '0 7 * * 1', timezone: 'Europe/Berlin', nextRunAt: '2026-11-30T06:00:00.000Z' });
    // A system schedule runs on UTC for every workspace: '17 * * * *'. Its one row is shared by the
    // whole database: on PostgreSQL another suite's runner, on its own clock, may have written it.
    const system = await env()
      .database.db.selectFrom('job_schedules')
      .select('next_run_at')
      .where('workspace_id', 'is', null)
      .where('name', '=', 'identity.delete-expired-sessions')
      .executeTakeFirst();
    expect(byName('identity.delete-expired-sessions')).toMatchObject({
      timezone: 'UTC',
      nextRunAt: system ? new Date(Number(system.next_run_at)).toISOString() : '2026-11-28T10:17:00.000Z',
    });
    for (const s of list.body.items) expect(s.nextRunAt, s.name).not.toBeNull();

    // Once the runner has written the rows, the page shows what the runner will do.
    const runner = createJobRunner({ database: env().database, config: env().config, now: () => env().clock.now, jobs: JOBS, schedules: SCHEDULES });
    await runner.runDue({ maxJobs: 0 });
    const row = await env()
      .database.db.selectFrom('job_schedules')
      .selectAll()
      .where('workspace_id', '=', berlin.id)
      .where('name', '=', 'rhythm.plan-weekly-digest')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ timezone: 'Europe/Berlin', next_run_at: Date.parse('2026-11-30T06:00:00.000Z') });
    const after = await berlin.as(berlin.admin).get('/api/v1/job-schedules');
    expect(after.body.items.find((s: { name: string }) => s.name === 'rhythm.plan-weekly-digest')).toMatchObject({
      timezone: 'Europe/Berlin',
      nextRunAt: '2026-11-30T06:00:00.000Z',
    });
  });

  it("shows when a job's current attempt started: null while queued, the claim once a runner took it", async () => {
    let t = env().clock.now + 60_000;
    let calls = 0;
    const timed = defineJob<Record<string, never>>({
      name: 'test.timed',
      retryLimit: 1,
      backoff: { delayMs: 10_000, exponential: false },
      handler: async () => {
        calls += 1;
        t += 2_500; // the handler takes 2.5 s by the runner's clock
        if (calls === 1) throw new Error('first attempt fails');
      },
    });
    const id = await enqueue({ db: env().database.db, now: () => env().clock.now }, timed, {}, { workspaceId: w.id });
    const shown = async () => {
      const list = await w.as(w.admin).get('/api/v1/jobs?name=test.timed');
      expect(list.status).toBe(200);
      const one = await w.as(w.admin).get(`/api/v1/jobs/${id}`);
      expect(one.status).toBe(200);
      const listed = list.body.items.find((j: { id: string }) => j.id === id);
      expect(listed?.startedAt).toBe(one.body.startedAt);
      return listed;
    };
    expect(await shown()).toMatchObject({ state: 'queued', startedAt: null, finishedAt: null });

    const runner = createJobRunner({ database: env().database, config: env().config, now: () => t, jobs: [timed] });
    const firstClaim = t;
    await runner.runDue();
    // The failed attempt is queued again for its retry: it has not started yet.
    expect(await shown()).toMatchObject({ state: 'queued', attempts: 1, startedAt: null, lastError: 'first attempt fails' });
    expect(firstClaim).toBeLessThan(t);

    t += 10_000;
    const secondClaim = t;
    await runner.runDue();
    expect(await shown()).toMatchObject({
      state: 'done',
      attempts: 2,
      startedAt: new Date(secondClaim).toISOString(),
      finishedAt: new Date(secondClaim + 2_500).toISOString(),
    });
  });

  it('retries a failed job once, and not a job of another workspace', async () => {
    const id = await failedJob(w.id);
    const foreign = await failedJob(other.id);
    const failed = await w.as(w.admin).get('/api/v1/jobs?state=failed');
    expect(failed.body.items.find((j: { id: string }) => j.id === id)).toMatchObject({ attempts: 4, maxAttempts: 4, lastError: 'boom', createdBy: null });
    expect(failed.body.items.map((j: { id: string }) => j.id)).not.toContain(foreign);

    const retried = await w.as(w.admin).post(`/api/v1/jobs/${id}/retry`);
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    expect(retried.body).toMatchObject({ jobId: id, state: 'queued' });
    expect((await w.as(w.admin).get(`/api/v1/jobs/${id}`)).body).toMatchObject({ state: 'queued', attempts: 0 });
    expect((await w.as(w.admin).post(`/api/v1/jobs/${id}/retry`)).status).toBe(409);
    expect((await w.as(w.admin).post(`/api/v1/jobs/${foreign}/retry`)).status).toBe(404);
    const audit = await w.as(w.admin).get('/api/v1/audit-log?action=job.retried');
    expect(audit.body.items.map((e) => e.targetId)).toEqual([id]);
  });

  it("shows the system's own jobs read-only, and filters by name", async () => {
    const system = await failedJob(null);
    const mine = await failedJob(w.id);
    const listed = await w.as(w.admin).get(`/api/v1/jobs?state=failed&name=${failing.name}`);
    expect(listed.body.items.find((j: { id: string }) => j.id === system)).toMatchObject({ scope: 'system' });
    expect(listed.body.items.find((j: { id: string }) => j.id === mine)).toMatchObject({ scope: 'workspace' });
    expect((await w.as(w.admin).get('/api/v1/jobs?name=rhythm.no-such-job')).body.items).toEqual([]);
    // One workspace's admin does not re-run housekeeping that works for every workspace.
    expect((await w.as(w.admin).post(`/api/v1/jobs/${system}/retry`)).status).toBe(404);
    expect((await w.as(w.admin).post('/api/v1/job-schedules/identity.delete-expired-sessions/run')).status).toBe(403);
  });

  it('refuses the lists and actions to every other role', async () => {
    const id = await failedJob(w.id);
    for (const user of [manager, rep]) {
      expect((await w.as(user).get('/api/v1/job-schedules')).status).toBe(403);
      expect((await w.as(user).get('/api/v1/jobs')).status).toBe(403);
      expect((await w.as(user).post('/api/v1/job-schedules/rhythm.plan-weekly-digest/run')).status).toBe(403);
      expect((await w.as(user).post(`/api/v1/jobs/${id}/retry`)).status).toBe(403);
    }
  });
});
