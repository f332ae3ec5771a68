// Fiscal quarters and months as the forecast and quota screens present them. The calendar itself
// (which quarter a date is in, what a key means) is lib/periods.ts, the one the server uses.
import { fiscalYear, type Period, periodsAround, periodsWithin } from '../../lib/periods';

const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Feb – Apr 2026": the months a quarter spans. */
export function monthsOf(q: Pick<Period, 'from' | 'to'>): string {
  const a = MONTHS_SHORT[Number(q.from.slice(5, 7)) - 1];
  const b = MONTHS_SHORT[Number(q.to.slice(5, 7)) - 1];
  const ya = q.from.slice(0, 4);
  const yb = q.to.slice(0, 4);
  return ya === yb ? `${a} – ${b} ${yb}` : `${a} ${ya} – ${b} ${yb}`;
}

/** The quarters a picker offers: `back` before the current one, the current one, `ahead` after it; newest first. */
export function quarterChoices(today: string, startMonth: number, back = 6, ahead = 1): Period[] {
  return periodsAround('quarter', today, startMonth, back, ahead);
}

/** The fiscal year's months, keyed as quotas key them (2026-02), labelled "Feb 26". */
export function fiscalMonths(fy: number, startMonth: number): { key: string; label: string }[] {
  return periodsWithin(fiscalYear(fy, startMonth), 'month', startMonth).map((m) => ({
    key: m.key,
    label: `${MONTHS_SHORT[Number(m.from.slice(5, 7)) - 1]} ${m.from.slice(2, 4)}`,
  }));
}
