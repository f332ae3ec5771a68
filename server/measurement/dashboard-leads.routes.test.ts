// The lead funnel dashboard on a random quarter of leads: each figure is the KPI API's answer for
// the same scope and period and agrees with the independent reference; marketing reads the
// workspace, a rep their own leads, a manager the team; bad input is a 400 naming the field.
import { expect, it } from 'vitest';
import { boundsOf, parsePeriodKey } from '../../lib/periods.js';
import { describeEngines } from '../test/test-env.js';
import { LEAD_FUNNEL_KPIS } from './dashboard-leads.service.js';
import { CATALOGUE } from './kpis/registry.js';
import { funnelFigures, loadFunnelData } from './testing/funnel-reference.js';
import { randomLeads } from './testing/random-leads.js';

describeEngines('the lead funnel dashboard', (env) => {
  it('gives each role the funnel in its reach, figure by figure the KPI API’s and the reference’s', async () => {
    const h = await randomLeads(env(), 20261206, { days: 60 });
    const data = await loadFunnelData(env().database.db, h.w.id);
    const period = parsePeriodKey('2026-07', 1);
    if (!period) throw new Error('a month');
    const range = { from: period.from, to: period.to, ...boundsOf(period, 'Europe/Berlin') };
    const rep = h.reps[0];
    if (!rep) throw new Error('a rep');

    // Every funnel KPI of the catalogue is on the screen, once.
    expect([...LEAD_FUNNEL_KPIS].sort()).toEqual(
      CATALOGUE.filter((k) => k.meta.audience === 'funnel')
        .map((k) => k.meta.id)
        .sort(),
    );

    const cases = [
      { who: h.marketing, owners: null, scope: 'workspace' },
      { who: rep, owners: new Set([rep.id]), scope: 'rep' },
      { who: h.manager, owners: new Set([...h.reps.map((r) => r.id), h.manager.id]), scope: 'team' },
    ] as const;
    let nonZero = 0;
    for (const c of cases) {
      const res = await h.w.as(c.who).get('/api/v1/dashboard/leads?period=2026-07');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ scope: { kind: c.scope }, period: { key: '2026-07' }, asOf: null });
      expect(res.body.figures.map((f) => f.kpi.id)).toEqual([...LEAD_FUNNEL_KPIS]);
      const expected = funnelFigures(data, { range, at: env().clock.now, owners: c.owners });
      for (const f of res.body.figures) {
        const one = (await h.w.as(c.who).get(`/api/v1/kpis/${f.kpi.id}?period=2026-07`)).body;
        expect(f, `${f.kpi.id} as ${c.scope}`).toEqual(one);
        const want = expected[f.kpi.id] ?? null;
        if (want === null) expect(f.value, f.kpi.id).toBeNull();
        else expect(Math.abs(f.value! - want), `${f.kpi.id} ${f.value} vs ${want}`).toBeLessThan(1e-9 * Math.max(1, Math.abs(want)));
        if (f.value) nonZero++;
        // The drill-down lists leads, never deals (marketing included).
        expect(f.drill.numerator).toContain(`/api/v1/kpis/${f.kpi.id}/records?`);
      }
    }
    expect(nonZero, 'figures with something in them').toBeGreaterThan(10);

    // A rep's funnel is their own: the MQLs are the leads they own, fewer than the workspace's.
    const mine = (await h.w.as(rep).get('/api/v1/dashboard/leads?period=2026-07')).body.figures[0];
    const all = (await h.w.as(h.marketing).get('/api/v1/dashboard/leads?period=2026-07')).body.figures[0];
    expect(mine?.value).toBeLessThan(all!.value!);

    // As of a past date, and a range.
    const past = await h.w.as(h.w.admin).get('/api/v1/dashboard/leads?from=2026-07-01&to=2026-07-15&asOf=2026-07-20');
    expect(past.status).toBe(200);
    expect(past.body).toMatchObject({ scope: { kind: 'workspace' }, period: { kind: 'custom' }, asOf: expect.stringMatching(/^2026-07-20T/) });

    // Reach and bad input.
    expect((await h.w.as(rep).get(`/api/v1/dashboard/leads?scope=team&scopeId=${h.teamId}`)).status).toBe(403);
    expect((await h.w.as(h.marketing).get(`/api/v1/dashboard/leads?scope=rep&scopeId=${rep.id}`)).status).toBe(403);
    const bad = await h.w.as(h.marketing).get('/api/v1/dashboard/leads?period=2026-13');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error?.details)).toContain('period');
    expect((await h.w.as(h.marketing).get('/api/v1/dashboard/leads?from=2026-07-01')).status).toBe(400);
    const coach = await h.w.user('coach');
    // An outside coach owns no leads: their own funnel is empty, nobody else's shows.
    const coached = await h.w.as(coach).get('/api/v1/dashboard/leads?period=2026-07');
    expect(coached.body.figures.map((f) => f.count)).toEqual(LEAD_FUNNEL_KPIS.map(() => 0));
  }, 120_000);
});
