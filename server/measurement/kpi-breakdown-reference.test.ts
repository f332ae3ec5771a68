// Deal KPIs broken down by a field of the deal or its account (?dealGroup=): each group's figure
// against the reference computation over that group's deals alone, on a random half year of
// history, several periods, scopes and as-of dates; the groups partition the figure; the
// drill-down of a group lists its records; bad groups are refused naming the parameter.
import { expect, it } from 'vitest';
import { boundsOf, parsePeriodKey, quarterTails } from '../../lib/periods.js';
import { describeEngines } from '../test/test-env.js';
import { type History, randomHistory } from './testing/random-history.js';
import { recordsPath } from './testing/records-path.js';
import { loadRefData, type RefData, referenceFigures } from './testing/reference.js';

const NONE = '(none)';
const KPIS = ['win_rate', 'won_amount'] as const;

/** The history's deals and changes of some deals only: the reference then figures that group alone. */
function only(data: RefData, ids: Set<string>): RefData {
  return {
    ...data,
    deals: data.deals.filter((d) => ids.has(d.id)),
    changes: data.changes.filter((c) => ids.has(c.entity_id)),
    moves: data.moves.filter((m) => ids.has(m.deal_id)),
  };
}

function close(actual: number | null, expected: number | null, label: string) {
  if (expected === null) return expect(actual, label).toBeNull();
  expect(actual, label).not.toBeNull();
  expect(Math.abs((actual as number) - expected), `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

describeEngines('KPI breakdown by a deal or account field against an independent computation', (env) => {
  let built: Promise<{ h: History; groups: Record<string, Map<string, string>> }> | undefined;
  /** The history, each deal given a product, an account (with industry and segment) or none. */
  const setup = () => {
    built ??= (async () => {
      const h = await randomHistory(env(), 20261128, { deals: 45 });
      const admin = h.w.as(h.w.admin);
      const product = ['Core', 'Add-on', 'Services'];
      await admin.post('/api/v1/custom-fields', { entity: 'deal', key: 'product', label: 'Product', type: 'select', options: product });
      await admin.post('/api/v1/custom-fields', { entity: 'account', key: 'segment', label: 'Segment', type: 'select', options: ['SMB', 'Enterprise'] });
      const accounts = [];
      for (const [name, industry, segment] of [
        ['Acme', 'Software', 'Enterprise'],
        ['Globex', 'Retail', 'SMB'],
        ['Initech', null, 'SMB'],
      ] as const) {
        const res = await admin.post('/api/v1/accounts', { name, industry, custom: { segment }, shared: true });
        expect(res.status).toBe(201);
        accounts.push({ id: res.body.id as string, industry: industry ?? NONE, segment });
      }
      const groups: Record<string, Map<string, string>> = {
        'deal.custom.product': new Map(),
        'account.industry': new Map(),
        'account.custom.segment': new Map(),
      };
      // Written straight to the rows: the group fields are read as they are now, and leaving
      // updated_at alone keeps the history's as-of replay exactly what it was.
      const all = await env().database.db.selectFrom('deals').select('id').where('workspace_id', '=', h.w.id).orderBy('id').execute();
      expect(all.length).toBeGreaterThanOrEqual(h.dealIds.length);
      for (const [i, { id }] of all.entries()) {
        const p = product[i % 4];
        const account = accounts[(i >> 1) % 4];
        await env()
          .database.db.updateTable('deals')
          .set({ custom: JSON.stringify(p ? { product: p } : {}), account_id: account?.id ?? null })
          .where('id', '=', id)
          .execute();
        groups['deal.custom.product']?.set(id, p ?? NONE);
        groups['account.industry']?.set(id, account?.industry ?? NONE);
        groups['account.custom.segment']?.set(id, account?.segment ?? NONE);
      }
      return { h, groups };
    })();
    return built;
  };

  it('gives each group the figure of its deals alone, for win rate and bookings', async () => {
    const { h, groups } = await setup();
    const data = await loadRefData(env().database.db, h.w.id);
    const admin = h.w.as(h.w.admin);
    const team = new Set([h.reps[0]?.id, h.reps[1]?.id, h.reps[2]?.id, h.manager.id] as string[]);
    const scopes = [
      { q: 'scope=workspace', owners: null },
      { q: `scope=team&scopeId=${h.teamId}`, owners: team },
    ];
    let compared = 0;
    for (const key of ['FY2026', 'FY2026-Q3']) {
      const period = parsePeriodKey(key, 1);
      if (!period) throw new Error(key);
      const range = { from: period.from, to: period.to, ...boundsOf(period, 'UTC') };
      for (const asOf of [null, '2026-09-01']) {
        const at = asOf === null ? env().clock.now : Date.parse(`${asOf}T23:59:59.999Z`);
        for (const scope of scopes) {
          const refQuery = { range, at, owners: scope.owners, currency: 'EUR', quarterTails: quarterTails(range, 1, 14) };
          for (const [dealGroup, byDeal] of Object.entries(groups)) {
            const values = new Set(byDeal.values());
            for (const id of KPIS) {
              const res = await admin.get(`/api/v1/kpis/${id}?period=${key}&${scope.q}&dealGroup=${dealGroup}${asOf ? `&asOf=${asOf}` : ''}`);
              expect(res.status, JSON.stringify(res.body)).toBe(200);
              const items = res.body.breakdown as { key: string; label: string; value: number | null; numerator: number | null }[];
              expect(items.every((g) => values.has(g.key))).toBe(true);
              // The groups partition the figure: every record counts in exactly one.
              expect(items.reduce((s, g) => s + (g.numerator ?? 0), 0)).toBe(res.body.numerator ?? 0);
              for (const value of values) {
                const ids = new Set([...byDeal].filter(([, v]) => v === value).map(([dealId]) => dealId));
                const expected = referenceFigures(only(data, ids), refQuery)[id] ?? null;
                const item = items.find((g) => g.key === value);
                const label = `${id} ${dealGroup}=${value} ${key} ${scope.q} asOf ${asOf}`;
                if (item) close(item.value, expected, label);
                else expect(expected === null || expected === 0, `${label}: missing, expected ${expected}`).toBe(true);
                compared += 1;
              }
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
    const sample = (await admin.get('/api/v1/kpis/win_rate?period=FY2026&dealGroup=deal.custom.product')).body;
    expect(sample.breakdown?.length).toBeGreaterThan(2);
    expect(sample.breakdown?.find((g: { key: string }) => g.key === NONE)?.label).toBe('None');
  }, 240_000);

  it('drills into one group, and refuses a group that is not a text or choice field of a deal KPI', async () => {
    const { h } = await setup();
    const admin = h.w.as(h.w.admin);
    const win = (await admin.get('/api/v1/kpis/win_rate?period=FY2026&dealGroup=deal.custom.product')).body;
    const core = win.breakdown!.find((g: { key: string }) => g.key === 'Core');
    expect(win.drill.numerator).toContain('dealGroup=deal.custom.product');
    const records = await admin.get(`${recordsPath(win.drill.numerator)}&group=Core&limit=200`);
    expect(records.status).toBe(200);
    expect(records.body.items).toHaveLength(core!.numerator!);
    expect(records.body.items.every((r) => r.group === 'Core')).toBe(true);

    await admin.post('/api/v1/custom-fields', { entity: 'deal', key: 'seats', label: 'Seats', type: 'number' });
    for (const [url, message] of [
      ['/api/v1/kpis/win_rate?dealGroup=deal.custom.nope', 'no deal field has the key nope'],
      ['/api/v1/kpis/win_rate?dealGroup=deal.custom.seats', 'Seats is a number field; only text and choice fields group deals'],
      ['/api/v1/kpis/win_rate?dealGroup=account.owner', 'must be account.industry, account.country, deal.custom.<key> or account.custom.<key>'],
      ['/api/v1/kpis/activity_volume?dealGroup=account.industry', expect.stringContaining('cannot be broken down')],
    ] as const) {
      const res = await admin.get(url);
      expect(res.status, url).toBe(400);
      expect(res.body.error?.details.fields, url).toEqual([{ field: 'dealGroup', message }]);
    }
  });
});
