// The first-touch and attempts clauses of the lead SLA alert like the accept clause, through the
// jobs layer on both engines, the clock injected: the owner is warned once at three quarters of
// the clause's window (business hours for the first touch, calendar days for the attempts), the
// owner's manager is told once when it is breached, a lead touched, reached, attempted enough or
// rejected in time alerts nobody, and the leads escalated are exactly those the compliance KPIs
// (lead_touch_sla, lead_attempts_sla) count as breached on the same fixture.
import { expect, it } from 'vitest';
import { enqueue } from '../jobs/jobs.service.js';
import { JOBS, SCHEDULES } from '../jobs/registry.js';
import { createJobRunner } from '../jobs/runner.js';
import { describeEngines, type TestUser } from '../test/test-env.js';
import { planLeadSlaAlertsJob } from './sla-alerts.jobs.js';
import { agreementInForce, HOT_LEAD } from './testing.js';

describeEngines('lead SLA alerts: first touch and attempts', { ownDatabase: true }, (env) => {
  it('warns, escalates once per lead and clause, spares leads worked in time, and agrees with the KPIs', async () => {
    // Monday 30 November 2026, 09:00 in Berlin (Mon–Fri 9–17): first touch within 1 business hour, 3 attempts within 5 days.
    env().clock.now = Date.parse('2026-11-30T08:00:00Z');
    const w = await env().workspace({ timezone: 'Europe/Berlin' });
    const marketing = await w.user('marketing', { name: 'Mo Marketing' });
    const manager = await w.user('manager', { name: 'Mia Manager' });
    const team = await w.team('Inbound', { managerId: manager.id });
    const rep = await w.user('rep', { teamId: team, name: 'Rita Rep' });
    await agreementInForce(w, marketing);
    const settings = (await w.as(w.admin).get('/api/v1/lead-settings')).body;
    const put = await w.as(w.admin).put('/api/v1/lead-settings', {
      version: settings.version,
      routing: { ...settings.routing, defaultTeamId: team },
      businessHours: settings.businessHours,
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);

    const arrive = async (firstName: string) => {
      const res = await w.as(marketing).post('/api/v1/leads', { ...HOT_LEAD, firstName, email: `${firstName.toLowerCase()}@acme-soft.example` });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.lead.ownerId).toBe(rep.id);
      return res.body.lead as { id: string; version: number };
    };
    const touch = async (lead: { id: string }, reached = false) => {
      const res = await w.as(rep).post(`/api/v1/leads/${lead.id}/touches`, { type: 'call', reached });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    };
    const silent = await arrive('Silent'); // never touched: breaches both clauses
    const once = await arrive('Once'); // touched in time, then attempted enough before the window closes
    const rejected = await arrive('Rejected'); // rejected in time: needs neither touch nor attempts
    const reached = await arrive('Reached'); // reached at the first touch
    const thrice = await arrive('Thrice'); // three attempts at once

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
        .filter((n: { kind: string }) => /^alignment\.lead-(touch|attempts)-/.test(n.kind))
        .map((n: { kind: string; title: string; record: { path: string } | null }) => ({ kind: n.kind, title: n.title, link: n.record?.path }))
        .sort((a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title));

    // 09:20 Berlin: a third of the hour used, nobody is told; the leads are worked.
    env().clock.now = Date.parse('2026-11-30T08:20:00Z');
    await plan();
    expect(await inbox(rep)).toEqual([]);
    await touch(once);
    await touch(reached, true);
    for (let i = 0; i < 3; i++) await touch(thrice);
    const rej = await w.as(rep).post(`/api/v1/leads/${rejected.id}/reject`, { version: rejected.version, reason: 'Not a fit' });
    expect(rej.status, JSON.stringify(rej.body)).toBe(200);

    // 09:50 Berlin: 50 of 60 business minutes used: the owner is warned about the silent lead only, once.
    env().clock.now = Date.parse('2026-11-30T08:50:00Z');
    await plan();
    await plan();
    const touchWarning = {
      kind: 'alignment.lead-touch-at-risk',
      title: 'First touch SLA: touch Silent Buyer (Acme Soft) by Mon 30 Nov, 10:00 CET (the SLA gives 1 business hour)',
      link: `/leads/${silent.id}`,
    };
    expect(await inbox(rep)).toEqual([touchWarning]);
    expect(await inbox(manager)).toEqual([]);

    // 10:05 Berlin: breached, escalated to the manager once; the owner is not warned again.
    env().clock.now = Date.parse('2026-11-30T09:05:00Z');
    await plan();
    await plan();
    const touchEscalation = {
      kind: 'alignment.lead-touch-breached',
      title: 'Rita Rep missed the first-touch SLA on Silent Buyer (Acme Soft) (1 business hour, due Mon 30 Nov, 10:00 CET)',
      link: `/leads/${silent.id}`,
    };
    expect(await inbox(manager)).toEqual([touchEscalation]);
    expect(await inbox(rep)).toEqual([touchWarning]);

    // Friday 4 December, 04:00 Berlin: three quarters of the five calendar days gone. The two leads short of attempts and unreached are flagged.
    env().clock.now = Date.parse('2026-12-04T03:00:00Z');
    await plan();
    await plan();
    const attemptsWarnings = [
      {
        kind: 'alignment.lead-attempts-at-risk',
        title: 'Attempts SLA: Once Buyer (Acme Soft) has 1 attempt of 3 and is not reached; the window closes Sat 5 Dec, 09:00 CET',
        link: `/leads/${once.id}`,
      },
      {
        kind: 'alignment.lead-attempts-at-risk',
        title: 'Attempts SLA: Silent Buyer (Acme Soft) has 0 attempts of 3 and is not reached; the window closes Sat 5 Dec, 09:00 CET',
        link: `/leads/${silent.id}`,
      },
    ];
    expect(await inbox(rep)).toEqual([...attemptsWarnings, touchWarning]);

    // Once gets its two more attempts in time; Silent does not. Saturday 10:00 Berlin: the window closed, one escalation.
    env().clock.now = Date.parse('2026-12-04T09:00:00Z');
    await touch(once);
    await touch(once);
    env().clock.now = Date.parse('2026-12-05T09:00:00Z');
    await plan();
    await plan();
    expect(await inbox(manager)).toEqual([
      {
        kind: 'alignment.lead-attempts-breached',
        title: 'Rita Rep missed the attempts SLA on Silent Buyer (Acme Soft) (0 attempts of 3 in 5 days, window closed Sat 5 Dec, 09:00 CET)',
        link: `/leads/${silent.id}`,
      },
      touchEscalation,
    ]);
    expect(await inbox(rep)).toEqual([...attemptsWarnings, touchWarning]);
    expect(await inbox(marketing)).toEqual([]);
    const recorded = await env()
      .database.db.selectFrom('lead_sla_alerts')
      .select(['lead_id', 'kind'])
      .where('workspace_id', '=', w.id)
      .where('kind', 'not in', ['at_risk', 'breached'])
      .execute();
    const byKind = (kind: string) =>
      recorded
        .filter((r) => r.kind === kind)
        .map((r) => r.lead_id)
        .sort();
    expect(byKind('touch_at_risk')).toEqual([silent.id]);
    expect(byKind('touch_breached')).toEqual([silent.id]);
    expect(byKind('attempts_at_risk')).toEqual([silent.id, once.id].sort());
    expect(byKind('attempts_breached')).toEqual([silent.id]);

    // Parity: the leads escalated per clause are those the clause's KPI counts as breached (settled, not met).
    const breachedByKpi = async (kpi: string) => {
      const ids = async (part: string) => {
        const res = await w.as(w.admin).get(`/api/v1/kpis/${kpi}/records?period=2026-11&part=${part}&limit=200`);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        return (res.body.items as { recordId: string }[]).map((r) => r.recordId);
      };
      const met = new Set(await ids('numerator'));
      return (await ids('denominator')).filter((id) => !met.has(id)).sort();
    };
    expect(await breachedByKpi('lead_touch_sla')).toEqual(byKind('touch_breached'));
    expect(await breachedByKpi('lead_attempts_sla')).toEqual(byKind('attempts_breached'));
  });

  it('honours the owner’s preference per kind, and escalates to the owner when nobody manages them', async () => {
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
    const off = await w.as(rep).patch('/api/v1/notifications/preferences/alignment.lead-touch-at-risk', { inApp: false, email: false });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect((await w.as(marketing).post('/api/v1/leads', { ...HOT_LEAD, email: 'solo@acme-soft.example' })).status).toBe(201);
    const runner = createJobRunner({ database: env().database, config: env().config, now: () => env().clock.now, jobs: JOBS, schedules: SCHEDULES });
    const plan = async () => {
      await enqueue({ db: env().database.db, now: () => env().clock.now }, planLeadSlaAlertsJob, {}, { workspaceId: w.id });
      await runner.runDue();
      await runner.runDue();
    };
    const kinds = async () =>
      (await w.as(rep).get('/api/v1/notifications?limit=50')).body.items
        .map((n: { kind: string }) => n.kind)
        .filter((k: string) => k.startsWith('alignment.lead-touch'));
    env().clock.now = Date.parse('2026-11-30T08:50:00Z');
    await plan();
    expect(await kinds()).toEqual([]);
    env().clock.now = Date.parse('2026-11-30T09:05:00Z');
    await plan();
    expect(await kinds()).toEqual(['alignment.lead-touch-breached']);
  });
});
