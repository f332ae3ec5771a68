import { expect, it } from 'vitest';
import { describeEngines } from '../test/test-env.js';
import { KPI_IDS } from './kpis/registry.js';

describeEngines('kpi smoke', (env) => {
  it('runs every KPI', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const api = w.as(rep);
    const { body: d } = await api.post('/api/v1/deals', { name: 'A', amount: 1000, closeDate: '2026-12-01' });
    env().clock.now += 86_400_000;
    const won = await api.patch(`/api/v1/deals/${d.id}`, { version: 1, status: 'won' });
    expect(won.status).toBe(200);
    for (const id of KPI_IDS) {
      for (const q of ['', '&asOf=2026-11-29']) {
        const res = await w.as(w.admin).get(`/api/v1/kpis/${id}?period=FY2026-Q4${q}`);
        expect(res.status, `${id} ${JSON.stringify(res.body)}`).toBe(200);
        const rec = await w.as(w.admin).get(res.body.drill.numerator);
        expect(rec.status, `${id} ${JSON.stringify(rec.body)}`).toBe(200);
        const tr = await w.as(w.admin).get(`/api/v1/kpis/${id}/trend?period=FY2026${q}`);
        expect(tr.status, `${id} ${JSON.stringify(tr.body)}`).toBe(200);
      }
    }
  });
});
