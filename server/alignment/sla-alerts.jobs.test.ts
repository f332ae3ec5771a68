// Lead SLA alerts through the jobs layer on both engines, the clock injected: the owner is warned
// once when the accept clock is three quarters used (in business hours, so a night in between does
// not count), the owner's manager is told once when it runs out, nobody else hears of it, and a
// lead decided in time alerts nobody; running the plan again notifies nobody twice. Reassignment on
// breach (decision 0103): off by default; on, the lead goes once to the next available rep.
import { expect, it } from 'vitest';
import type { JobRun } from '../jobs/job.js';
import { enqueue } from '../jobs/jobs.service.js';
import { JOBS, SCHEDULES } from '../jobs/registry.js';
import { createJobRunner } from '../jobs/runner.js';
import { describeEngines, type TestUser } from '../test/test-env.js';
import { dueSlaAlerts, leadSlaAlertJob, planLeadSlaAlertsJob, type SlaAlert } from './sla-alerts.jobs.js';
import { agreementInForce, HOT_LEAD } from './testing.js';

describeEngines('lead SLA alerts', { ownDatabase: true }, (env) => {
  it('warns the owner when the accept SLA is at risk and escalates a breach to the manager, each once', async () => {
    // Monday 30 November 2026, 09:00 in Berlin: the office opens (Mon–Fri 9–17, accept within 4 business hours).
    env().clock.now = Date.parse('2026-11-30T08:00:00Z');
    const w = await env().workspace({ timezone: 'Europe/Berlin' });
    const marketing = await w.user('marketing', { name: 'Mo Marketing' });
    const manager = await w.user('manager', { name: 'Mia Manager' });
    const otherManager = await w.user('manager', { name: 'Otto Other' });
    const team = await w.team('Inbound', { managerId: manager.id });
    await w.team('Outbound', { managerId: otherManager.id });
    const rep = await w.user('rep', { teamId: team, name: 'Rita Rep' });
    await agreementInForce(w, marketing);
    const settings = (await w.as(w.admin).get('/api/v1/lead-settings')).body;
    const put = await w.as(w.admin).put('/api/v1/lead-settings', {
      version: settings.version,
      routing: { ...settings.routing, defaultTeamId: team },
      businessHours: settings.businessHours,
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);

    const arrive = async (email: string) => {
      const res = await w.as(marketing).post('/api/v1/leads', { ...HOT_LEAD, email });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.lead.ownerId).toBe(rep.id);
      return res.body.lead as { id: string; version: number; sla: { accept: { dueAt: string } } };
    };
    const late = await arrive('late@acme-soft.example');
    const prompt = await arrive('prompt@acme-soft.example');
    expect(late.sla.accept.dueAt).toBe('2026-11-30T12:00:00.000Z');

    const runner = createJobRunner({ database: env().database, config: env().config, now: () => env().clock.now, jobs: JOBS, schedules: SCHEDULES });
    const plan = async () => {
      for (let i = 0; i < 2; i++) {
        await enqueue({ db: env().database.db, now: () => env().clock.now }, planLeadSlaAlertsJob, {}, { workspaceId: w.id });
        await runner.runDue();
        await runner.runDue();
      }
    };
    const inbox = async (who: TestUser) =>
      (await w.as(who).get('/api/v1/notifications?limit=50')).body.items
        .filter((n: { kind: string }) => n.kind.startsWith('alignment.lead-accept'))
        .map((n) => ({ kind: n.kind, title: n.title }));

    // 11:00 Berlin, two of four hours used: on track, nobody is told.
    env().clock.now = Date.parse('2026-11-30T10:00:00Z');
    await plan();
    expect(await inbox(rep)).toEqual([]);

    // The prompt lead is accepted in time; the late one waits.
    const accepted = await w.as(rep).post(`/api/v1/leads/${prompt.id}/accept`, { version: prompt.version });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);

    // 12:15 Berlin: three and a quarter hours used, at risk: the owner is warned, once however often the plan runs.
    env().clock.now = Date.parse('2026-11-30T11:15:00Z');
    await plan();
    await plan();
    expect(await inbox(rep)).toEqual([
      { kind: 'alignment.lead-accept-at-risk', title: 'Accept or reject Dana Buyer (Acme Soft) by Mon 30 Nov, 13:00 CET: the SLA gives 4 business hours' },
    ]);
    expect(await inbox(manager)).toEqual([]);

    // 13:30 Berlin: breached, escalated to Rita's manager, once; the owner is not warned again, the other manager hears nothing.
    env().clock.now = Date.parse('2026-11-30T12:30:00Z');
    await plan();
    await plan();
    expect(await inbox(manager)).toEqual([
      {
        kind: 'alignment.lead-accept-breached',
        title: 'Rita Rep missed the accept SLA on Dana Buyer (Acme Soft) (4 business hours, due Mon 30 Nov, 13:00 CET)',
      },
    ]);
    expect(await inbox(rep)).toHaveLength(1);
    expect(await inbox(otherManager)).toEqual([]);
    expect(await inbox(marketing)).toEqual([]);
    const alerts = await env()
      .database.db.selectFrom('lead_sla_alerts')
      .select(['lead_id', 'kind'])
      .where('workspace_id', '=', w.id)
      .where('kind', 'in', ['at_risk', 'breached'])
      .orderBy('kind')
      .execute();
    expect(alerts).toEqual([
      { lead_id: late.id, kind: 'at_risk' },
      { lead_id: late.id, kind: 'breached' },
    ]);

    // A lead that arrives in the evening runs on business hours: at 08:00 next morning it is on track.
    env().clock.now = Date.parse('2026-11-30T18:00:00Z');
    const evening = await arrive('evening@acme-soft.example');
    env().clock.now = Date.parse('2026-12-01T07:00:00Z');
    await plan();
    expect(await inbox(rep)).toHaveLength(1);
    // Found already breached (the plan did not run in between): only the escalation goes out.
    env().clock.now = Date.parse('2026-12-01T13:00:00Z');
    await plan();
    expect(await inbox(rep)).toHaveLength(1);
    expect((await inbox(manager)).filter((n: { title: string }) => n.title.includes('due Tue 1 Dec, 13:00'))).toHaveLength(1);
    expect(
      await env()
        .database.db.selectFrom('lead_sla_alerts')
        .select('kind')
        .where('lead_id', '=', evening.id)
        .where('kind', 'in', ['at_risk', 'breached'])
        .execute(),
    ).toEqual([{ kind: 'breached' }]);
  });

  it('escalates to the owner themself when nobody manages them, and names the lead only for a reader who reaches it', async () => {
    env().clock.now = Date.parse('2026-11-30T08:00:00Z');
    const w = await env().workspace({ timezone: 'Europe/Berlin' });
    const marketing = await w.user('marketing');
    const team = await w.team('Unmanaged');
    const rep = await w.user('rep', { teamId: team, name: 'Solo Rep' });
    await agreementInForce(w, marketing);
    const settings = (await w.as(w.admin).get('/api/v1/lead-settings')).body;
    await w.as(w.admin).put('/api/v1/lead-settings', {
      version: settings.version,
      routing: { ...settings.routing, defaultTeamId: team },
      businessHours: settings.businessHours,
    });
    const lead = (await w.as(marketing).post('/api/v1/leads', { ...HOT_LEAD, email: 'solo@acme-soft.example' })).body.lead;
    expect(lead.ownerId).toBe(rep.id);

    env().clock.now = Date.parse('2026-11-30T13:00:00Z');
    const runner = createJobRunner({ database: env().database, config: env().config, now: () => env().clock.now, jobs: JOBS, schedules: SCHEDULES });
    await enqueue({ db: env().database.db, now: () => env().clock.now }, planLeadSlaAlertsJob, {}, { workspaceId: w.id });
    await runner.runDue();
    await runner.runDue();
    const titles = async (who: TestUser) =>
      (await w.as(who).get('/api/v1/notifications?limit=50')).body.items
        .filter((n: { kind: string }) => n.kind.startsWith('alignment.lead-accept'))
        .map((n: { title: string }) => n.title);
    expect(await titles(rep)).toEqual(['Solo Rep missed the accept SLA on Dana Buyer (Acme Soft) (4 business hours, due Mon 30 Nov, 13:00 CET)']);

    // The lead moves to another rep's reach: Solo's old alert no longer names it.
    const other = await w.user('rep', { name: 'Other Rep' });
    const current = (await w.as(w.admin).get(`/api/v1/leads/${lead.id}`)).body;
    const moved = await w.as(w.admin).post(`/api/v1/leads/${lead.id}/assign`, { version: current.version, ownerId: other.id });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(await titles(rep)).toEqual(['Solo Rep missed the accept SLA on a lead you cannot see (4 business hours, due Mon 30 Nov, 13:00 CET)']);
  });

  it('reassigns a breached lead once to the next available rep when the workspace turned it on, never to an away rep', async () => {
    env().clock.now = Date.parse('2026-11-30T08:00:00Z'); // Monday 09:00 Berlin
    const w = await env().workspace({ timezone: 'Europe/Berlin' });
    const marketing = await w.user('marketing');
    const manager = await w.user('manager', { name: 'Mia Manager' });
    const team = await w.team('Inbound', { managerId: manager.id });
    const reps = [await w.user('rep', { teamId: team, name: 'Rita Rep' }), await w.user('rep', { teamId: team, name: 'Rob Rep' })];
    const away = await w.user('rep', { teamId: team, name: 'Ava Away' });
    await agreementInForce(w, marketing);
    const settings = (await w.as(w.admin).get('/api/v1/lead-settings')).body;
    expect(settings.slaReassign).toEqual({ enabled: false, clauses: ['accept'], maxPerLead: 1 });
    const routing = { ...settings.routing, defaultTeamId: team, awayUserIds: [away.id] };
    const put = await w.as(w.admin).put('/api/v1/lead-settings', { version: settings.version, routing, businessHours: settings.businessHours });
    expect(put.status, JSON.stringify(put.body)).toBe(200);

    const runner = createJobRunner({ database: env().database, config: env().config, now: () => env().clock.now, jobs: JOBS, schedules: SCHEDULES });
    const plan = async () => {
      await enqueue({ db: env().database.db, now: () => env().clock.now }, planLeadSlaAlertsJob, {}, { workspaceId: w.id });
      await runner.runDue();
      await runner.runDue();
    };
    const arrive = async (email: string) => (await w.as(marketing).post('/api/v1/leads', { ...HOT_LEAD, email })).body.lead as { id: string; ownerId: string };
    const lead = async (id: string) => (await w.as(w.admin).get(`/api/v1/leads/${id}`)).body;
    const kinds = async (who: TestUser) =>
      (await w.as(who).get('/api/v1/notifications?limit=50')).body.items
        .map((n: { kind: string }) => n.kind)
        .filter((k: string) => k.startsWith('alignment.lead-reassigned') || k === 'alignment.lead-accept-breached');
    const slaBreachRows = (id: string) =>
      env()
        .database.db.selectFrom('lead_transitions')
        .select(['owner_id', 'from_status', 'to_status'])
        .where('lead_id', '=', id)
        .where('reason', '=', 'sla-breach')
        .execute();

    // Off by default: the breach is escalated, the lead stays with its owner.
    const kept = await arrive('kept@acme-soft.example');
    env().clock.now = Date.parse('2026-11-30T12:30:00Z');
    await plan();
    expect((await lead(kept.id)).ownerId).toBe(kept.ownerId);
    expect(await slaBreachRows(kept.id)).toEqual([]);
    expect(await kinds(manager)).toEqual(['alignment.lead-accept-breached']);

    // Both clauses on: the cap still counts one reassignment per lead in all, not one per clause.
    const on = { enabled: true, clauses: ['accept', 'touch'], maxPerLead: 1 };
    const bad = await w
      .as(w.admin)
      .put('/api/v1/lead-settings', { version: put.body.version, routing, businessHours: settings.businessHours, slaReassign: { ...on, maxPerLead: 0 } });
    expect(bad.status).toBe(400);
    const none = await w
      .as(w.admin)
      .put('/api/v1/lead-settings', { version: put.body.version, routing, businessHours: settings.businessHours, slaReassign: { ...on, clauses: [] } });
    expect(none.status).toBe(400);
    expect(none.body.error?.details.fields[0]?.field).toBe('slaReassign.clauses');
    const turned = await w
      .as(w.admin)
      .put('/api/v1/lead-settings', { version: put.body.version, routing, businessHours: settings.businessHours, slaReassign: on });
    expect(turned.status, JSON.stringify(turned.body)).toBe(200);
    expect(turned.body.slaReassign).toEqual(on);

    // Monday 14:00 Berlin; four business hours run out Tuesday 10:00. At 10:30 the breach is handled
    // by two runs of the alert job at once: one reassignment.
    env().clock.now = Date.parse('2026-11-30T13:00:00Z');
    const late = await arrive('late@acme-soft.example');
    const [from, to] = late.ownerId === reps[0]?.id ? (reps as [TestUser, TestUser]) : ([reps[1], reps[0]] as [TestUser, TestUser]);
    env().clock.now = Date.parse('2026-12-01T09:30:00Z');
    const alert = (await dueSlaAlerts(w.ctx(w.admin))).find((a) => a.leadId === late.id && a.clause === 'accept') as SlaAlert;
    expect(alert.kind).toBe('breached');
    const run = (n: number): JobRun<SlaAlert> => ({
      id: `run-${n}`,
      name: leadSlaAlertJob.name,
      payload: alert,
      workspaceId: w.id,
      attempt: 1,
      maxAttempts: 1,
      db: env().database.db,
      bulk: env().database.bulk,
      dialect: env().database.dialect,
      config: env().config,
      now: () => env().clock.now,
      progress: async () => {},
      textParts: async () => null,
      log: () => {},
    });
    await Promise.all([leadSlaAlertJob.handler(run(1)), leadSlaAlertJob.handler(run(2))]);
    await plan();

    const moved = await lead(late.id);
    expect(moved.ownerId).toBe(to.id);
    expect(moved.routedAt).toBe('2026-12-01T09:30:00.000Z');
    // The clock starts again for the new owner: 10:30 Berlin + 4 business hours.
    expect(moved.sla.accept.dueAt).toBe('2026-12-01T13:30:00.000Z');
    expect(await slaBreachRows(late.id)).toEqual([{ owner_id: to.id, from_status: 'mql', to_status: 'mql' }]);
    expect(await kinds(to)).toEqual(['alignment.lead-reassigned-to-you']);
    expect(await kinds(from)).toEqual(['alignment.lead-reassigned-away']);
    expect(await kinds(away)).toEqual([]);
    expect(await kinds(manager)).toEqual(['alignment.lead-accept-breached', 'alignment.lead-accept-breached']);
    // Turning it on moved no lead whose breach was handled before.
    expect((await lead(kept.id)).ownerId).toBe(kept.ownerId);

    // The new owner misses both clocks too (touch due 11:30, accept 14:30 Berlin): escalated again, but
    // the lead stays (at most one reassignment per lead, whichever clause).
    env().clock.now = Date.parse('2026-12-01T14:00:00Z');
    await plan();
    await plan();
    expect((await lead(late.id)).ownerId).toBe(to.id);
    expect(await slaBreachRows(late.id)).toHaveLength(1);
    expect(await kinds(manager)).toHaveLength(3);
    expect(await kinds(from)).toEqual(['alignment.lead-reassigned-away']);
  });
});
