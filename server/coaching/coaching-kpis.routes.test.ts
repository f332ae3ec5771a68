// The coaching KPIs at work: a manager's cadence as an expectation that turns from amber to green
// when the overdue session is held (and back when time passes), and who sees which coaching figure —
// an outside coach reads their coachees' figures and the coaching records behind them, never
// another person's, and never the deals; a rep reads their own.
import { expect, it } from 'vitest';
import { describeEngines } from '../test/test-env.js';

const DAY = 86_400_000;

describeEngines('coaching KPIs in expectations and by role', (env) => {
  it('judge a manager’s cadence as an expectation that goes green when the overdue session is held', async () => {
    const clock = env().clock;
    const saved = clock.now;
    try {
      clock.now = Date.UTC(2026, 9, 1, 9);
      const w = await env().workspace();
      const mia = await w.user('manager', { name: 'Mia' });
      const team = await w.team('T', { managerId: mia.id });
      const ann = await w.user('rep', { teamId: team, name: 'Ann' });
      const ben = await w.user('rep', { teamId: team, name: 'Ben' });
      clock.now = Date.UTC(2026, 10, 20, 10);
      const held = (days: number) => new Date(clock.now - days * DAY).toISOString();
      for (const [coachee, ago] of [
        [ann.id, 3],
        [ben.id, 12],
      ] as const) {
        const res = await w.as(mia).post('/api/v1/coaching-sessions', { coacheeId: coachee, scheduledAt: held(ago), heldAt: held(ago) });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
      }
      const created = await w.as(w.admin).post('/api/v1/expectations', {
        kpiId: 'coaching_cadence_kept',
        scopeType: 'user',
        scopeId: mia.id,
        periodKind: 'month',
        target: 1,
        amberThreshold: 0.9,
        redThreshold: 0.5,
        ownerId: mia.id,
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const status = async () => {
        const res = await w.as(mia).get('/api/v1/expectations');
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        return res.body.items.find((e: { id: string }) => e.id === created.body.id)!.current;
      };
      // Ann's weekly 1:1 is kept, Ben's is 12 days old: half the cadence kept → amber.
      expect(await status()).toMatchObject({ status: 'amber', value: 0.5 });
      const ben1 = await w.as(mia).post('/api/v1/coaching-sessions', { coacheeId: ben.id, scheduledAt: held(0), heldAt: held(0) });
      expect(ben1.status).toBe(201);
      expect(await status()).toMatchObject({ status: 'green', value: 1 });
      // Nine days later nobody has had a session: both overdue → red, two sessions owed.
      clock.now += 9 * DAY;
      expect(await status()).toMatchObject({ status: 'red', value: 0 });
      const overdue = await w.as(mia).get(`/api/v1/kpis/coaching_sessions_overdue?period=2026-11&scope=rep&scopeId=${mia.id}`);
      expect(overdue.body.value).toBe(2);
      // The dashboards' and expectations' picker lists the four (the catalogue the web app reads).
      const ids = (await w.as(mia).get('/api/v1/kpis')).body.items.map((k: { id: string }) => k.id);
      for (const id of ['coaching_cadence_kept', 'coaching_sessions_overdue', 'coaching_action_items_closed', 'coaching_objectives_met'])
        expect(ids).toContain(id);
    } finally {
      clock.now = saved;
    }
  });

  it('let a coach read their coachees’ figures and coaching records, not anyone else’s, and never the deals', async () => {
    const clock = env().clock;
    const saved = clock.now;
    try {
      clock.now = Date.UTC(2026, 9, 1, 9);
      const w = await env().workspace();
      const mia = await w.user('manager', { name: 'Mia' });
      const team = await w.team('T', { managerId: mia.id });
      const ann = await w.user('rep', { teamId: team, name: 'Ann' });
      const ben = await w.user('rep', { teamId: team, name: 'Ben' });
      const kim = await w.user('coach', { name: 'Kim' });
      const rel = await w.as(w.admin).post('/api/v1/coaching-relationships', { coachId: kim.id, coacheeId: ann.id, cadenceDays: 14 });
      expect(rel.status, JSON.stringify(rel.body)).toBe(201);
      clock.now = Date.UTC(2026, 10, 2, 10);
      const first = await w.as(kim).post('/api/v1/coaching-sessions', {
        coacheeId: ann.id,
        scheduledAt: new Date(clock.now).toISOString(),
        heldAt: new Date(clock.now).toISOString(),
        actionItems: [{ text: 'Rewrite the discovery questions', ownerId: ann.id }],
      });
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      const item = first.body.actionItems[0];
      clock.now += 5 * DAY;
      expect((await w.as(ann).patch(`/api/v1/action-items/${item!.id}`, { version: item!.version, completed: true })).status).toBe(200);
      clock.now += 5 * DAY;
      const next = await w.as(kim).post('/api/v1/coaching-sessions', {
        coacheeId: ann.id,
        scheduledAt: new Date(clock.now).toISOString(),
        heldAt: new Date(clock.now).toISOString(),
      });
      expect(next.status, JSON.stringify(next.body)).toBe(201);

      const items = `/api/v1/kpis/coaching_action_items_closed?period=2026-11&scope=rep&scopeId=${ann.id}` as const;
      const asKim = await w.as(kim).get(items);
      expect(asKim.status, JSON.stringify(asKim.body)).toBe(200);
      expect(asKim.body).toMatchObject({ value: 1, numerator: 1, denominator: 1 });
      // The same figure for the coachee herself and her manager.
      expect((await w.as(ann).get(items)).body.value).toBe(1);
      expect((await w.as(mia).get(items)).body.value).toBe(1);
      // The coach drills into the coaching records behind it…
      const records = await w.as(kim).get(`/api/v1/kpis/coaching_action_items_closed/records?period=2026-11&scope=rep&scopeId=${ann.id}&part=numerator`);
      expect(records.status, JSON.stringify(records.body)).toBe(200);
      expect(records.body.items.map((r) => r.detail)).toEqual(['Rewrite the discovery questions']);
      // …but not into deal figures' records, and sees nobody else's figures.
      const deals = await w.as(kim).get(`/api/v1/kpis/win_rate/records?period=2026-11&scope=rep&scopeId=${ann.id}`);
      expect(deals.status).toBe(403);
      expect((await w.as(kim).get(`/api/v1/kpis/coaching_action_items_closed?period=2026-11&scope=rep&scopeId=${ben.id}`)).status).toBe(404);
      expect((await w.as(kim).get('/api/v1/kpis/coaching_cadence_kept?period=2026-11&scope=workspace')).status).toBe(403);
      // Kim's own cadence: Ann's fortnightly session is kept.
      const own = await w.as(kim).get('/api/v1/kpis/coaching_cadence_kept?period=2026-11');
      expect(own.status, JSON.stringify(own.body)).toBe(200);
      expect(own.body).toMatchObject({ value: 1, numerator: 1, denominator: 1 });
      // A rep sees their own figures only.
      expect((await w.as(ben).get(`/api/v1/kpis/coaching_action_items_closed?period=2026-11&scope=rep&scopeId=${ann.id}`)).status).toBe(403);
      expect((await w.as(ben).get(`/api/v1/kpis/coaching_cadence_kept?period=2026-11&scope=rep&scopeId=${mia.id}`)).status).toBe(403);
    } finally {
      clock.now = saved;
    }
  });
});
