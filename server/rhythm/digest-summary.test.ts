import { describe, expect, it } from 'vitest';
import { digestLines } from './digest-summary.js';

describe('weekly digest lines', () => {
  it('says planting, catch-up, overdue actions and fading disciplines in numbers only', () => {
    const lines = digestLines({
      currency: 'EUR',
      planting: { neededToDate: 150_000_00, plantedToDate: 90_000_00, behindFixable: 2, behindTooLate: 0, catchUpPerMonth: 20_000_00 },
      overdueActions: 1,
      discipline: { overall: 61, previous: 70, fading: ['Process'] },
    });
    expect(lines).toEqual([
      'planted €90k of €150k needed to date; behind in 2 months — plant €20k extra a month',
      '1 overdue coaching action',
      'discipline index 61 (-9 on last month)',
      'fading: Process',
    ]);
  });

  it('says when nothing needs attention, and when it is too late', () => {
    expect(digestLines({ currency: 'EUR', planting: null, overdueActions: 0, discipline: null })).toEqual(['nothing needs your attention']);
    const late = digestLines({
      currency: 'USD',
      planting: { neededToDate: 100, plantedToDate: 0, behindFixable: 0, behindTooLate: 1, catchUpPerMonth: null },
      overdueActions: 0,
      discipline: null,
    });
    expect(late[0]).toMatch(/1 month behind, too late for this year$/);
  });
});
