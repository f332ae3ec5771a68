// Pipeline hygiene against the independent reference (testing/hygiene-reference.ts), on a random
// half year of history written through the deal services: close dates moved and left to pass,
// stages entered and left, owners changed, deals deleted, activities due later or deleted. Every
// scope, a weekly and a monthly trend (each step judged at its own end), a figure as of a past
// instant, and the drill-down.
import { expect, it } from 'vitest';
import { boundsOf, parsePeriodKey, periodsWithin } from '../../lib/periods.js';
import { newId } from '../ids.js';
import { describeEngines } from '../test/test-env.js';
import { loadHygieneRefData, referenceHygiene } from './testing/hygiene-reference.js';
import { randomHistory, rng } from './testing/random-history.js';

const ratio = (r: { clean: number; open: number }) => (r.open > 0 ? r.clean / r.open : null);

describeEngines('pipeline hygiene against the reference', (env) => {
  it('agrees for every scope, week and month, as of now and of a past instant, and drills down to its deals', async () => {
    const h = await randomHistory(env(), 20261206, { deals: 30, start: '2026-06-01', days: 150 });
    // Next steps booked ahead through the half year: some done early, some deleted, some on no deal.
    const random = rng(6122026);
    const DAY = 86_400_000;
    const start = Date.parse('2026-06-01T00:00:00Z');
    for (const dealId of [...h.dealIds, null]) {
      for (let i = 0; i < 12; i++) {
        const created = start + Math.floor(random() * 150 * DAY);
        const due = created + Math.floor((0.5 + random() * 20) * DAY);
        await env()
          .database.db.insertInto('activities')
          .values({
            id: newId(),
            workspace_id: h.w.id,
            type: 'call',
            subject: 'Next step',
            body: null,
            deal_id: dealId,
            contact_id: null,
            account_id: null,
            owner_id: h.reps[0]?.id as string,
            occurred_at: due,
            duration_minutes: null,
            completed_at: random() < 0.3 ? created + Math.floor(random() * (due - created)) : null,
            external_id: null,
            created_at: created,
            updated_at: created,
            deleted_at: random() < 0.1 ? created + DAY : null,
            version: 1,
          })
          .execute();
      }
    }
    const data = await loadHygieneRefData(env().database.db, h.w.id);
    const admin = h.w.as(h.w.admin);
    const team = new Set([h.reps[0]?.id, h.reps[1]?.id, h.reps[2]?.id, h.manager.id] as string[]);
    const scopes = [
      { q: 'scope=workspace', owners: null },
      { q: `scope=team&scopeId=${h.teamId}`, owners: team },
      { q: `scope=rep&scopeId=${h.reps[0]?.id}`, owners: new Set([h.reps[0]?.id as string]) },
    ];
    const now = env().clock.now;
    const range = { from: '2026-06-01', to: '2026-11-30' };
    let compared = 0;
    let nonTrivial = 0;
    for (const by of ['week', 'month'] as const) {
      const steps = periodsWithin(range, by, 1);
      for (const scope of scopes) {
        const res = await admin.get(`/api/v1/kpis/pipeline_hygiene/trend?from=${range.from}&to=${range.to}&by=${by}&${scope.q}`);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body.points).toHaveLength(steps.length);
        steps.forEach((p, i) => {
          const b = boundsOf(p, 'UTC');
          const point = res.body.points[i];
          if (b.start > now) {
            expect(point?.value, `${p.key} not begun`).toBeNull();
            return;
          }
          const expected = referenceHygiene(data, Math.min(b.end - 1, now), 'UTC', scope.owners);
          expect({ value: point!.value, clean: point!.numerator ?? 0, open: point!.denominator ?? 0 }, `${by} ${p.key} ${scope.q}`).toEqual({
            value: ratio(expected),
            clean: expected.clean,
            open: expected.open,
          });
          compared += 1;
          if (expected.clean > 0 && expected.clean < expected.open) nonTrivial += 1;
        });
      }
    }
    expect(compared).toBeGreaterThan(50);
    expect(nonTrivial).toBeGreaterThan(10);

    // As of a past instant: judged then, with what was known then.
    const asOf = '2026-09-10T12:00:00.000Z';
    const sept = await admin.get(`/api/v1/kpis/pipeline_hygiene?period=2026-09&asOf=${asOf}`);
    expect(sept.status, JSON.stringify(sept.body)).toBe(200);
    expect(sept.body.value).toBe(ratio(referenceHygiene(data, Date.parse(asOf), 'UTC', null)));

    // The drill-down lists the deals judged at the month's end, clean ones in the numerator.
    const period = parsePeriodKey('2026-08', 1);
    const expected = referenceHygiene(data, boundsOf(period as NonNullable<typeof period>, 'UTC').end - 1, 'UTC', null);
    const den = await admin.get('/api/v1/kpis/pipeline_hygiene/records?period=2026-08&part=denominator&limit=200');
    const num = await admin.get('/api/v1/kpis/pipeline_hygiene/records?period=2026-08&part=numerator&limit=200');
    expect(den.status, JSON.stringify(den.body)).toBe(200);
    expect(den.body.items).toHaveLength(expected.open);
    expect(num.body.items).toHaveLength(expected.clean);
  }, 180_000);
});
