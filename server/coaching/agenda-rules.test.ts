import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agendaText, direction, riskReasons } from './agenda-rules.js';

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 28, 10);

describe('riskReasons', () => {
  it('names each test a deal fails, and none for a healthy deal', () => {
    const healthy = { stageEnteredAt: now - 3 * DAY, agingDays: 14, closeDate: '2026-12-31', hasNextStep: true };
    expect(riskReasons(healthy, now, '2026-11-28')).toEqual([]);
    expect(riskReasons({ ...healthy, stageEnteredAt: now - 15 * DAY }, now, '2026-11-28')).toEqual(['past_stage_limit']);
    expect(riskReasons({ ...healthy, closeDate: '2026-11-27', hasNextStep: false }, now, '2026-11-28')).toEqual(['past_close_date', 'no_next_step']);
    // Exactly at the limit is not past it; a stage without a limit never is; closing today is not late.
    expect(riskReasons({ ...healthy, stageEnteredAt: now - 14 * DAY, closeDate: '2026-11-28' }, now, '2026-11-28')).toEqual([]);
    expect(riskReasons({ ...healthy, agingDays: null, stageEnteredAt: 0 }, now, '2026-11-28')).toEqual([]);
  });
});

describe('direction', () => {
  it('reads the last two known values through which way is better', () => {
    expect(direction([0.2, null, 0.3, null], 'higher')).toBe('improving');
    expect(direction([0.2, 0.3], 'lower')).toBe('worsening');
    expect(direction([40, 40.01], 'lower')).toBe('flat');
    expect(direction([null, 5], 'higher')).toBeNull();
  });

  it('swapping which way is better swaps improving and worsening (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null })), (values) => {
        const up = direction(values, 'higher');
        const down = direction(values, 'lower');
        const swap = { improving: 'worsening', worsening: 'improving', flat: 'flat' } as const;
        expect(down).toBe(up === null ? null : swap[up]);
      }),
    );
  });
});

describe('agendaText', () => {
  it('lists each part with something to say and leaves the rest out', () => {
    const text = agendaText({
      focus: { name: 'Win rate', direction: 'worsening', latest: '21.0%' },
      deals: [{ name: 'Acme', reasons: ['past_close_date', 'no_next_step'] }],
      actions: [],
      lastNotes: 'Practise the exec ask',
      reviews: [],
    });
    expect(text).toBe(
      'Focus: Win rate (21.0%, worsening)\n\nSince last session:\nPractise the exec ask\n\nDeals at risk:\n- Acme: past its close date, no next step',
    );
  });
});
