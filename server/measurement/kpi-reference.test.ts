// The catalogue's SQL against an independent computation on a random half year of history, for
// several scopes, periods and as-of dates; "as of now" against the live tables; the drill-down
// against the figure it explains.
import { expect, it } from 'vitest';
import type { KpiRecord, KpiRecordPage, KpiResult } from '../../api/measurement.js';
import { boundsOf, customPeriod, parsePeriodKey, quarterTails } from '../../lib/periods.js';
import { describeEngines } from '../test/test-env.js';
import { CATALOGUE } from './kpis/registry.js';
import { type History, randomHistory } from './testing/random-history.js';
import { recordsPath } from './testing/records-path.js';
import { loadRefData, referenceFigures } from './testing/reference.js';

// The funnel KPIs read leads, which this history has none of: kpi-funnel-reference.test.ts checks them.
// The coaching KPIs judge relationships the team tree implies, which this reference does not model:
// kpi-coaching-reference.test.ts checks them against their own reference. Pipeline hygiene judges
// each period at its end: kpi-hygiene-reference.test.ts checks it against its own reference.
const OWN_REFERENCE = (id: string) => id.startsWith('coaching_') || id === 'pipeline_hygiene';
const SIMPLE = CATALOGUE.filter((k) => k.kind === 'simple' && k.meta.audience === 'sales' && !OWN_REFERENCE(k.meta.id)).map((k) => k.meta.id);

function close(actual: number | null, expected: number | null, label: string) {
  if (expected === null) {
    expect(actual, label).toBeNull();
    return;
  }
  expect(actual, label).not.toBeNull();
  expect(Math.abs((actual as number) - expected), `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

function scopes(h: History) {
  const team = new Set([h.reps[0]?.id, h.reps[1]?.id, h.reps[2]?.id, h.manager.id] as string[]);
  return [
    { q: 'scope=workspace', owners: null },
    { q: `scope=team&scopeId=${h.teamId}`, owners: team },
    { q: `scope=team&scopeId=${h.subTeamId}`, owners: new Set([h.reps[2]?.id as string]) },
    { q: `scope=rep&scopeId=${h.reps[0]?.id}`, owners: new Set([h.reps[0]?.id as string]) },
  ];
}

describeEngines('KPI catalogue against an independent computation', (env) => {
  // One history for the suite: building it takes a few hundred service calls.
  let built: Promise<History> | undefined;
  const history = () => {
    built ??= randomHistory(env(), 20261128, { deals: 45 });
    return built;
  };

  it('agrees with the reference for every simple KPI, scope, period and as-of date', async () => {
    const h = await history();
    expect(h.dealIds.length).toBeGreaterThan(20);
    const data = await loadRefData(env().database.db, h.w.id);
    // The planning KPIs need meetings with and without plans to compare anything.
    const meetingIds = new Set(data.activities.filter((a) => a.type === 'meeting').map((a) => a.id));
    expect(data.plans.filter((p) => meetingIds.has(p.activity_id)).length).toBeGreaterThan(2);
    expect([...meetingIds].filter((id) => !data.plans.some((p) => p.activity_id === id)).length).toBeGreaterThan(0);
    const admin = h.w.as(h.w.admin);
    const periods = [parsePeriodKey('FY2026-Q3', 1), parsePeriodKey('2026-10', 1), customPeriod('2026-05-01', '2026-11-30')].map(
      (p) => p as NonNullable<typeof p>,
    );
    const asOfs = [null, '2026-08-15', '2026-10-01T12:00:00.000Z'];
    let compared = 0;
    for (const period of periods) {
      const range = { from: period.from, to: period.to, ...boundsOf(period, 'UTC') };
      const periodQuery = period.kind === 'custom' ? `from=${period.from}&to=${period.to}` : `period=${period.key}`;
      for (const asOf of asOfs) {
        const at = asOf === null ? env().clock.now : asOf.length === 10 ? Date.parse(`${asOf}T23:59:59.999Z`) : Date.parse(asOf);
        for (const scope of scopes(h)) {
          const expected = referenceFigures(data, { range, at, owners: scope.owners, currency: 'EUR', quarterTails: quarterTails(range, 1, 14) });
          for (const id of SIMPLE) {
            const res = await admin.get(`/api/v1/kpis/${id}?${periodQuery}&${scope.q}${asOf ? `&asOf=${asOf}` : ''}`);
            expect(res.status, JSON.stringify(res.body)).toBe(200);
            close(res.body.value, expected[id] ?? null, `${id} ${period.key} ${scope.q} asOf ${asOf}`);
            expect(res.body.definitionVersion).toBe(CATALOGUE.find((k) => k.meta.id === id)?.meta.version);
            compared += 1;
          }
        }
      }
    }
    expect(compared).toBe(periods.length * asOfs.length * 4 * SIMPLE.length);
  }, 240_000);

  it('gives the same figures as of now from the history as from the live tables', async () => {
    const h = await history();
    const admin = h.w.as(h.w.admin);
    const now = new Date(env().clock.now).toISOString();
    for (const k of CATALOGUE) {
      for (const q of ['period=FY2026', 'from=2026-05-01&to=2026-11-30', `period=FY2026-Q4&scope=rep&scopeId=${h.reps[1]?.id}`]) {
        const live = await admin.get(`/api/v1/kpis/${k.meta.id}?${q}`);
        const replayed = await admin.get(`/api/v1/kpis/${k.meta.id}?${q}&asOf=${now}`);
        expect(live.status).toBe(200);
        const pick = (b: KpiResult) => ({
          value: b.value,
          numerator: b.numerator,
          denominator: b.denominator,
          count: b.count,
          breakdown: b.breakdown,
          mean: b.mean,
        });
        expect(pick(replayed.body), `${k.meta.id} ${q}`).toEqual(pick(live.body));
      }
    }
  }, 120_000);

  it('lists exactly the records behind a count and a sum', async () => {
    const h = await history();
    const admin = h.w.as(h.w.admin);
    const all = async (url: ReturnType<typeof recordsPath>) => {
      const items: KpiRecord[] = [];
      for (let next: typeof url | null = url; next; ) {
        const page: KpiRecordPage = (await admin.get(next)).body;
        items.push(...page.items);
        next = page.nextCursor ? `${url}&cursor=${page.nextCursor}` : null;
      }
      return items;
    };
    const win = (await admin.get('/api/v1/kpis/win_rate?period=FY2026')).body;
    const wonDeals = await all(`${recordsPath(win.drill.numerator)}&limit=3`);
    const closedDeals = await all(`${recordsPath(win.drill.denominator!)}&limit=3`);
    expect(wonDeals).toHaveLength(win.numerator!);
    expect(closedDeals).toHaveLength(win.denominator!);
    expect(new Set(wonDeals.map((r) => r.dealId)).size).toBe(wonDeals.length);
    expect(wonDeals.every((r) => r.status === 'won')).toBe(true);
    expect(closedDeals.every((r) => r.closeDate !== null && r.closeDate >= '2026-01-01' && r.closeDate <= '2026-12-31')).toBe(true);

    const created = (await admin.get('/api/v1/kpis/pipeline_created?period=FY2026')).body;
    const createdDeals = await all(`${recordsPath(created.drill.numerator)}&limit=200`);
    expect(createdDeals.reduce((s, r) => s + (r.numerator ?? 0), 0)).toBe(created.value);

    const stay = (await admin.get('/api/v1/kpis/time_in_stage?period=FY2026')).body;
    const stays = await all(`${recordsPath(stay.drill.numerator)}&limit=200`);
    expect(stays).toHaveLength(stay.count);
    const days = stays.map((r) => r.value as number).sort((a, b) => a - b);
    const mid = Math.floor(days.length / 2);
    const median = days.length % 2 ? days[mid] : ((days[mid - 1] as number) + (days[mid] as number)) / 2;
    expect(stay.value).toBeCloseTo(median as number, 9);
  });
});
