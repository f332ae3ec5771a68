// The web app computes the fiscal quarters its period pickers offer (web/measurement/
// forecast-periods.ts) without asking the server; this keeps that copy equal to the server's
// calendar for every start month and date, so a picked quarter is the quarter the API reports.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as web from '../../web/measurement/forecast-periods.js';
import { addDays } from '../process/adherence-formulas.js';
import { fiscalQuarter, fiscalYearOf, parsePeriodKey, periodContaining, periodsWithin } from './periods.js';

const arbDate = fc.integer({ min: 0, max: 365 * 8 }).map((n) => addDays('2022-01-01', n));
const arbStart = fc.integer({ min: 1, max: 12 });

describe('the web fiscal calendar', () => {
  it('puts every date in the quarter and fiscal year the server does', () => {
    fc.assert(
      fc.property(arbDate, arbStart, (date, start) => {
        const server = periodContaining('quarter', date, start);
        const q = web.quarterOf(date, start);
        expect({ key: q.key, label: q.label, from: q.from, to: q.to }).toEqual({ key: server.key, label: server.label, from: server.from, to: server.to });
        expect(web.fiscalYearOf(date, start)).toBe(fiscalYearOf(date, start));
      }),
    );
  });

  it('steps quarters across fiscal years without gaps, each one a key the API accepts', () => {
    fc.assert(
      fc.property(arbDate, arbStart, fc.integer({ min: -9, max: 9 }), (date, start, offset) => {
        const a = web.shiftQuarter(web.quarterOf(date, start), offset, start);
        const next = web.shiftQuarter(a, 1, start);
        expect(next.from).toBe(addDays(a.to, 1));
        expect(parsePeriodKey(a.key, start)).toMatchObject({ kind: 'quarter', from: a.from, to: a.to });
        expect(fiscalQuarter(a.fy, a.quarter, start)).toMatchObject({ key: a.key });
      }),
    );
  });

  it('lists the fiscal year’s months as the server keys them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2020, max: 2032 }), arbStart, (fy, start) => {
        const year = parsePeriodKey(`FY${fy}`, start);
        expect(year).not.toBeNull();
        const months = periodsWithin(year as NonNullable<typeof year>, 'month', start).map((m) => m.key);
        expect(web.fiscalMonths(fy, start).map((m) => m.key)).toEqual(months);
      }),
    );
  });

  it('offers the current quarter among the picker’s choices, newest first', () => {
    const choices = web.quarterChoices('2026-11-28', 2, 6, 1);
    expect(choices.map((q) => q.key)).toEqual(['FY2028-Q1', 'FY2027-Q4', 'FY2027-Q3', 'FY2027-Q2', 'FY2027-Q1', 'FY2026-Q4', 'FY2026-Q3', 'FY2026-Q2']);
    expect(web.monthsOf(web.fiscalQuarter(2027, 4, 2))).toBe('Nov 2026 – Jan 2027');
  });
});
