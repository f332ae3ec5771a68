import { describe, expect, it } from 'vitest';
import { type DigestFigures, digestLines } from './digest-summary.js';

const NOTHING: DigestFigures = {
  currency: 'EUR',
  planting: null,
  overdueActions: 0,
  breachedLeads: 0,
  gatedDeals: 0,
  offTrack: { red: 0, amber: 0 },
  ritualsThisWeek: 0,
  discipline: null,
};

describe('weekly digest lines', () => {
  it('says planting, catch-up, overdue actions and fading disciplines in numbers only', () => {
    const lines = digestLines({
      ...NOTHING,
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

  it('says what needs attention: breached leads, gated deals, expectations off track and the week’s rituals, counted', () => {
    expect(digestLines({ ...NOTHING, breachedLeads: 2, overdueActions: 3, gatedDeals: 1, offTrack: { red: 1, amber: 2 }, ritualsThisWeek: 4 })).toEqual([
      '2 leads past the SLA',
      '3 overdue coaching actions',
      '1 deal held at a gate',
      '3 expectations off track (1 red, 2 amber)',
      '4 rituals this week',
    ]);
    expect(digestLines({ ...NOTHING, breachedLeads: 1, gatedDeals: 2, offTrack: { red: 0, amber: 1 }, ritualsThisWeek: 1 })).toEqual([
      '1 lead past the SLA',
      '2 deals held at a gate',
      '1 expectation off track (1 amber)',
      '1 ritual this week',
    ]);
    expect(digestLines({ ...NOTHING, offTrack: { red: 2, amber: 0 } })).toEqual(['2 expectations off track (2 red)']);
  });

  it('says when nothing needs attention, and when it is too late', () => {
    expect(digestLines(NOTHING)).toEqual(['nothing needs your attention']);
    const late = digestLines({
      ...NOTHING,
      currency: 'USD',
      planting: { neededToDate: 100, plantedToDate: 0, behindFixable: 0, behindTooLate: 1, catchUpPerMonth: null },
    });
    expect(late[0]).toMatch(/1 month behind, too late for this year$/);
  });
});
