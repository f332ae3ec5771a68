// The ritual adherence KPI against the independent reference, on a random half year of rituals:
// occurrences held on time, late, skipped, corrected later, a recurrence change and a deleted
// ritual; several scopes, periods and as-of instants; the drill-down lists the occurrences behind it.
import { expect, it } from 'vitest';
import { boundsOf, parsePeriodKey } from '../../lib/periods.js';
import { loadRitualRefData, referenceRitualAdherence } from '../measurement/testing/ritual-reference.js';
import { describeEngines } from '../test/test-env.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describeEngines('ritual adherence KPI', (env) => {
  it('agrees with the reference for every scope, period and as-of instant, and drills down to its occurrences', async () => {
    const clock = env().clock;
    const saved = clock.now;
    const random = rng(20261205);
    const w = await env().workspace({ timezone: 'Europe/Berlin' });
    const m1 = await w.user('manager', { name: 'Mia' });
    const m2 = await w.user('manager', { name: 'Max' });
    const t1 = await w.team('East', { managerId: m1.id });
    const t2 = await w.team('West', { managerId: m2.id });
    const r1 = await w.user('rep', { teamId: t1 });
    await w.user('rep', { teamId: t2 });
    try {
      clock.now = Date.UTC(2026, 0, 2, 8);
      const specs = [
        { api: w.as(m1), team: t1, rrule: 'FREQ=WEEKLY;BYDAY=MO', ownerId: m1.id },
        { api: w.as(m1), team: t1, rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR', ownerId: r1.id },
        { api: w.as(m2), team: t2, rrule: 'FREQ=WEEKLY;BYDAY=TH', ownerId: m2.id },
        { api: w.as(m2), team: t2, rrule: 'FREQ=MONTHLY;BYDAY=1TU', ownerId: m2.id },
      ];
      const ids: string[] = [];
      for (const s of specs) {
        const res = await s.api.post('/api/v1/rituals', {
          kind: 'pipeline_review',
          teamId: s.team,
          ownerId: s.ownerId,
          rrule: s.rrule,
          startsAt: '2026-01-05T09:00',
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        ids.push(res.body.id);
      }
      // Walk through half a year a week at a time, recording what happened to each past occurrence.
      const done = new Map<string, number>();
      for (let week = 0; week < 26; week++) {
        clock.now = Date.UTC(2026, 0, 9, 18) + week * 7 * DAY;
        if (week === 10) expect((await w.as(m2).patch(`/api/v1/rituals/${ids[2]}`, { version: 1, rrule: 'FREQ=WEEKLY;BYDAY=WE' })).status).toBe(200);
        if (week === 20) expect((await w.as(m2).delete(`/api/v1/rituals/${ids[3]}`)).status).toBe(200);
        const list = await w
          .as(w.admin)
          .get(`/api/v1/ritual-occurrences?from=${new Date(clock.now - 8 * DAY).toISOString()}&to=${new Date(clock.now).toISOString()}`);
        for (const o of list.body.items) {
          if (done.has(o.id)) continue;
          const x = random();
          const scheduled = Date.parse(o.scheduledAt);
          const body =
            x < 0.55
              ? { version: o.version, status: 'held', heldAt: new Date(scheduled + 30 * 60_000).toISOString() }
              : x < 0.7
                ? { version: o.version, status: 'held', heldAt: new Date(Math.min(scheduled + 2 * DAY, clock.now)).toISOString() }
                : x < 0.85
                  ? { version: o.version, status: 'skipped' }
                  : null;
          if (body) {
            const res = await w.as(w.admin).put(`/api/v1/ritual-occurrences/${o.id}/completion`, body);
            expect(res.status, JSON.stringify(res.body)).toBe(200);
            done.set(o.id, res.body.version);
          }
        }
        // Now and then a completion is corrected a few days later (the as-of figure before it stays).
        if (week % 6 === 5) {
          const [first] = [...done.entries()].slice(-3);
          if (first) {
            clock.now += 2 * HOUR;
            const res = await w.as(w.admin).put(`/api/v1/ritual-occurrences/${first[0]}/completion`, { version: first[1], status: 'skipped' });
            expect(res.status).toBe(200);
            done.set(first[0], res.body.version);
          }
        }
      }
      clock.now = Date.UTC(2026, 6, 15, 12);
      const data = await loadRitualRefData(env().database.db, w.id);
      expect(data.completions.length).toBeGreaterThan(40);
      expect(data.occurrences.some((o) => o.cancelled_at !== null)).toBe(true);

      const admin = w.as(w.admin);
      const scopes = [
        { q: 'scope=workspace', owners: null },
        { q: `scope=team&scopeId=${t1}`, owners: new Set([m1.id, r1.id]) },
        { q: `scope=team&scopeId=${t2}`, owners: null as Set<string> | null },
        { q: `scope=rep&scopeId=${r1.id}`, owners: new Set([r1.id]) },
      ];
      const t2Users = (await env().database.db.selectFrom('users').select('id').where('team_id', '=', t2).execute()).map((u) => u.id);
      // A team scope covers its members and its manager.
      (scopes[2] as { owners: Set<string> | null }).owners = new Set([...t2Users, m2.id]);
      let compared = 0;
      for (const key of ['FY2026-Q1', 'FY2026-Q2', '2026-03', 'FY2026']) {
        const period = parsePeriodKey(key, 1);
        if (!period) throw new Error(key);
        const bounds = boundsOf(period, 'Europe/Berlin');
        for (const asOf of [null, '2026-02-20', '2026-05-01T10:00:00.000Z']) {
          const at = asOf === null ? clock.now : asOf.length === 10 ? Date.parse(`${asOf}T23:59:59.999+01:00`) : Date.parse(asOf);
          for (const scope of scopes) {
            const expected = referenceRitualAdherence(data, { ...bounds, at, owners: scope.owners });
            const res = await admin.get(`/api/v1/kpis/ritual_adherence?period=${key}&${scope.q}${asOf ? `&asOf=${asOf}` : ''}`);
            expect(res.status, JSON.stringify(res.body)).toBe(200);
            const label = `${key} ${scope.q} asOf ${asOf}`;
            expect(res.body.denominator ?? 0, label).toBe(expected.denominator);
            expect(res.body.numerator ?? 0, label).toBe(expected.numerator);
            if (expected.value === null) expect(res.body.value, label).toBeNull();
            else expect(res.body.value, label).toBeCloseTo(expected.value, 12);
            compared += 1;
          }
        }
      }
      expect(compared).toBe(48);
      const year = (await admin.get('/api/v1/kpis/ritual_adherence?period=FY2026')).body;
      expect(year.value).toBeGreaterThan(0.3);
      expect(year.value).toBeLessThan(0.8);
      const held = await admin.get(`/api/v1/kpis/ritual_adherence/records?period=FY2026&part=numerator&limit=200`);
      expect(held.status, JSON.stringify(held.body)).toBe(200);
      expect(held.body.items).toHaveLength(Math.min(200, year.numerator!));
      expect(held.body.items.every((r) => r.recordType === 'ritual_occurrence' && r.detail?.includes('(held)'))).toBe(true);
    } finally {
      clock.now = saved;
    }
  }, 240_000);
});
