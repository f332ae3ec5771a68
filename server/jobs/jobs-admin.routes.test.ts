// The operator's view of the queue: schedules and recent jobs of the workspace, run now (once for
// two clicks), retry of a failed job, audited; admin only, another workspace's jobs invisible.
import { beforeAll, expect, it } from 'vitest';
import { describeEngines, type TestUser, type TestWorkspace } from '../test/test-env.js';
import { defineJob } from './job.js';
import { enqueue } from './jobs.service.js';

const failing = defineJob<Record<string, never>>({ name: 'test.operator-view', handler: async () => undefined });

describeEngines('background jobs (operator view)', (env) => {
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
    expect(digest.description).not.toBe('');
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
    expect(after.body.items.find((s: { name: string }) => s.name === 'rhythm.plan-weekly-digest').lastJob).toMatchObject({
      id: first.body.jobId,
      state: 'queued',
    });

    // Another workspace sees none of it.
    const theirs = await other.as(other.admin).get('/api/v1/jobs');
    expect(theirs.body.items.map((j: { id: string }) => j.id)).not.toContain(first.body.jobId);
    const audit = await w.as(w.admin).get('/api/v1/audit-log?action=job.run_now');
    expect(audit.body.items[0]).toMatchObject({ targetId: first.body.jobId, actor: { id: w.admin.id } });
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
    expect(audit.body.items.map((e: { targetId: string }) => e.targetId)).toEqual([id]);
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
