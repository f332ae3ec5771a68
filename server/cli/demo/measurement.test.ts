import { expect, it } from 'vitest';
import { randomHistory } from '../../measurement/testing/random-history.js';
import { describeEngines } from '../../test/test-env.js';
import { roundCall, seedMeasurement } from './measurement.js';

it('rounds a demo call to a hundred, and a call of nothing to zero rather than up to a hundred', () => {
  expect([0, 4_999, 5_000, 14_999, 1_234_567].map(roundCall)).toEqual([0, 0, 10_000, 10_000, 1_230_000]);
});

describeEngines('demo measurement seed', (env) => {
  it('seeds quotas, expectations and weekly calls the measurement screens can read', async () => {
    const h = await randomHistory(env(), 31, { deals: 30, days: 200, start: '2026-05-01' });
    env().clock.now = Date.parse('2026-11-28T10:00:00Z');
    const seeded = await seedMeasurement(env().database.db, { workspaceId: h.w.id, now: env().clock.now });
    // Four reps, from the quarter a year ago to the next one.
    expect(seeded.quotas).toBe(4 * 6);
    expect(seeded.expectations).toBeGreaterThan(6);
    expect(seeded.submissions).toBeGreaterThan(50);
    const admin = h.w.as(h.w.admin);
    const attainment = (await admin.get('/api/v1/kpis/quota_attainment?period=FY2026-Q3')).body;
    expect(attainment.quota).toBeGreaterThan(0);
    const accuracy = (await admin.get('/api/v1/forecast/accuracy?period=FY2026-Q3')).body;
    expect(accuracy.closed).toBe(true);
    expect(accuracy.people.length).toBeGreaterThan(3);
    expect(accuracy.commitConversion.length).toBe(4);
    const expectations = (await admin.get('/api/v1/expectations')).body.items;
    expect(expectations.length).toBe(seeded.expectations);
    expect((await admin.get('/api/v1/dashboard')).status).toBe(200);
    const forecast = (await admin.get('/api/v1/forecast')).body;
    expect(forecast.latest).not.toBeNull();
  }, 120_000);
});
