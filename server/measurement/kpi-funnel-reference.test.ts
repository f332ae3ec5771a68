// The funnel and compliance KPIs against an independent computation on a random quarter of leads
// (written through the API), for several scopes, periods and as-of dates; the drill-down lists the
// leads behind a figure; marketing reads the funnel of the workspace and its leads, never deals.
import { expect, it } from 'vitest';
import type { KpiRecord, KpiRecordPage } from '../../api/measurement.js';
import { boundsOf, customPeriod, parsePeriodKey } from '../../lib/periods.js';
import { describeEngines } from '../test/test-env.js';
import { CATALOGUE } from './kpis/registry.js';
import { funnelFigures, loadFunnelData, rejectionMix } from './testing/funnel-reference.js';
import { type LeadHistory, randomLeads } from './testing/random-leads.js';
import { type KpiRecordsPath, recordsPath } from './testing/records-path.js';

const FUNNEL = CATALOGUE.filter((k) => k.meta.audience === 'funnel').map((k) => k.meta.id);

function close(actual: number | null, expected: number | null, label: string) {
  if (expected === null) {
    expect(actual, label).toBeNull();
    return;
  }
  expect(actual, label).not.toBeNull();
  expect(Math.abs((actual as number) - expected), `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

describeEngines('funnel KPIs against an independent computation', (env) => {
  let built: Promise<LeadHistory> | undefined;
  const history = () => {
    built ??= randomLeads(env(), 20261205);
    return built;
  };

  it('agrees with the reference for every funnel KPI, scope, period and as-of date', async () => {
    const h = await history();
    const data = await loadFunnelData(env().database.db, h.w.id);
    // The history has something at every stage, or the comparison proves little.
    for (const to of ['mql', 'accepted', 'rejected', 'sql', 'converted', 'recycled']) {
      expect(data.transitions.filter((t) => t.to_status === to).length, to).toBeGreaterThan(0);
    }
    expect(data.touches.length).toBeGreaterThan(10);
    const admin = h.w.as(h.w.admin);
    const periods = [parsePeriodKey('2026-07', 1), parsePeriodKey('FY2026-Q3', 1), customPeriod('2026-06-10', '2026-08-20')].map(
      (p) => p as NonNullable<typeof p>,
    );
    const asOfs = [null, '2026-07-20', '2026-08-10T12:00:00.000Z'];
    const scopes = [
      { q: 'scope=workspace', owners: null },
      { q: `scope=team&scopeId=${h.teamId}`, owners: new Set([...h.reps.map((r) => r.id), h.manager.id]) },
      { q: `scope=rep&scopeId=${h.reps[0]?.id}`, owners: new Set([h.reps[0]?.id as string]) },
    ];
    const seen = new Map<string, number>();
    for (const period of periods) {
      const range = { from: period.from, to: period.to, ...boundsOf(period, 'Europe/Berlin') };
      const periodQuery = period.kind === 'custom' ? `from=${period.from}&to=${period.to}` : `period=${period.key}`;
      for (const asOf of asOfs) {
        const at = asOf === null ? env().clock.now : asOf.length === 10 ? Date.parse(`${asOf}T23:59:59.999+02:00`) : Date.parse(asOf);
        for (const scope of scopes) {
          const expected = funnelFigures(data, { range, at, owners: scope.owners });
          for (const id of FUNNEL) {
            const res = await admin.get(`/api/v1/kpis/${id}?${periodQuery}&${scope.q}${asOf ? `&asOf=${asOf}` : ''}`);
            expect(res.status, JSON.stringify(res.body)).toBe(200);
            close(res.body.value, expected[id] ?? null, `${id} ${period.key} ${scope.q} asOf ${asOf}`);
            if (res.body.value !== null && res.body.value !== 0) seen.set(id, (seen.get(id) ?? 0) + 1);
          }
        }
      }
    }
    // Every KPI had a figure somewhere: a definition that always says "no data" proves nothing.
    expect(FUNNEL.filter((id) => !seen.has(id))).toEqual([]);
  }, 240_000);

  it('breaks the rejections down by reason, and lists exactly the leads behind a figure in the caller’s reach', async () => {
    const h = await history();
    const data = await loadFunnelData(env().database.db, h.w.id);
    const range = { from: '2026-06-01', to: '2026-08-31', ...boundsOf(customPeriod('2026-06-01', '2026-08-31'), 'Europe/Berlin') };
    const rejections = (await h.w.as(h.w.admin).get('/api/v1/kpis/lead_rejections?from=2026-06-01&to=2026-08-31')).body;
    const mix = rejectionMix(data, { range, at: env().clock.now, owners: null });
    expect(new Map(rejections.breakdown?.map((b) => [b.key, b.value]))).toEqual(mix);

    const mo = h.w.as(h.marketing);
    const all = async (client: typeof mo, url: string) => {
      const items: KpiRecord[] = [];
      for (let next: KpiRecordsPath | null = recordsPath(url); next; ) {
        const page: KpiRecordPage = (await client.get(next)).body;
        items.push(...page.items);
        next = page.nextCursor ? recordsPath(`${url}&cursor=${page.nextCursor}`) : null;
      }
      return items;
    };
    // Marketing: the workspace's funnel, its leads, and no deal column.
    const sal = await mo.get('/api/v1/kpis/mql_to_sal?from=2026-06-01&to=2026-08-31');
    expect(sal.status, JSON.stringify(sal.body)).toBe(200);
    expect(sal.body.scope.kind).toBe('workspace');
    const accepted = await all(mo, `${sal.body.drill.numerator}&limit=7`);
    const mqls = await all(mo, `${sal.body.drill.denominator}&limit=50`);
    expect(accepted).toHaveLength(sal.body.numerator!);
    expect(mqls).toHaveLength(sal.body.denominator!);
    expect(accepted.every((r) => r.recordType === 'lead' && r.leadId && r.dealId === null && r.amount === null)).toBe(true);
    for (const r of accepted.slice(0, 3)) expect((await mo.get(`/api/v1/leads/${r.leadId}`)).status).toBe(200);
    // By source: the groups add up to the figure, and each group's list is its share.
    const bySource = await all(mo, `${sal.body.drill.denominator}&leadGroup=source&group=Events&limit=200`);
    const events = data.leads.filter((l) => l.source === 'Events').map((l) => l.id);
    expect(bySource.every((r) => r.leadId != null && events.includes(r.leadId))).toBe(true);
    expect(bySource.length).toBeLessThan(mqls.length);
    // By agreement version (the history changes agreement half way): each version's MQLs, together all of them.
    const versions = [...new Set(mqls.map((r) => data.leads.find((l) => l.id === r.leadId)?.agreement_id))];
    expect(versions.length).toBeGreaterThan(1);
    let listed = 0;
    for (const version of versions) {
      const rows = await all(mo, `${sal.body.drill.denominator}&leadGroup=agreement&group=${version}&limit=200`);
      expect(rows.every((r) => data.leads.find((l) => l.id === r.leadId)?.agreement_id === version)).toBe(true);
      listed += rows.length;
    }
    expect(listed).toBe(mqls.length);
    // Marketing sees no deal KPI, no other scope; a rep sees the leads of their own funnel only.
    expect((await mo.get('/api/v1/kpis/win_rate')).status).toBe(403);
    expect((await mo.get('/api/v1/kpis/win_rate/records')).status).toBe(403);
    expect((await mo.get(`/api/v1/kpis/mql_to_sal?scope=rep&scopeId=${h.reps[0]?.id}`)).status).toBe(403);
    const rep = h.w.as(h.reps[0] as NonNullable<(typeof h.reps)[0]>);
    const mine = (await rep.get('/api/v1/kpis/lead_mqls?from=2026-06-01&to=2026-08-31')).body;
    const mineRecords = await all(rep, `${mine.drill.numerator}&limit=200`);
    expect(mineRecords).toHaveLength(mine.value!);
    expect(mineRecords.every((r) => r.ownerId === h.reps[0]?.id)).toBe(true);
    expect((await rep.get('/api/v1/kpis/lead_mqls?scope=workspace')).status).toBe(403);
    expect((await mo.get('/api/v1/kpis/win_rate/records?leadGroup=source')).status).toBe(403);
    expect((await h.w.as(h.w.admin).get('/api/v1/kpis/win_rate/records?leadGroup=source')).status).toBe(400);
  }, 120_000);
});
