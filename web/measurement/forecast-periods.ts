// The fiscal calendar in the browser, the same arithmetic as server/measurement/periods.ts: a fiscal
// year starts on the first of the workspace's start month and is named after the calendar year it
// ends in (a year starting February 2026 is FY2027). Quarters are keyed FY2027-Q1.

export interface FiscalQuarter {
  key: string;
  fy: number;
  quarter: number;
  /** "Q1 FY2027", as the server labels it. */
  label: string;
  /** Inclusive calendar dates. */
  from: string;
  to: string;
}

const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n: number) => String(n).padStart(2, '0');

function shiftMonth(year: number, month: number, offset: number): [number, number] {
  const index = year * 12 + (month - 1) + offset;
  return [Math.floor(index / 12), (index % 12) + 1];
}

function monthEnd(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

export function fiscalYearOf(date: string, startMonth: number): number {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return startMonth === 1 || m < startMonth ? y : y + 1;
}

export function fiscalQuarter(fy: number, quarter: number, startMonth: number): FiscalQuarter {
  const startYear = startMonth === 1 ? fy : fy - 1;
  const [sy, sm] = shiftMonth(startYear, startMonth, (quarter - 1) * 3);
  const [ey, em] = shiftMonth(sy, sm, 2);
  return { key: `FY${fy}-Q${quarter}`, fy, quarter, label: `Q${quarter} FY${fy}`, from: `${sy}-${pad(sm)}-01`, to: monthEnd(ey, em) };
}

export function quarterOf(date: string, startMonth: number): FiscalQuarter {
  const m = Number(date.slice(5, 7));
  const index = (m - startMonth + 12) % 12;
  return fiscalQuarter(fiscalYearOf(date, startMonth), Math.floor(index / 3) + 1, startMonth);
}

/** The quarter `offset` quarters after the given one (negative: before). */
export function shiftQuarter(q: FiscalQuarter, offset: number, startMonth: number): FiscalQuarter {
  const index = q.fy * 4 + (q.quarter - 1) + offset;
  return fiscalQuarter(Math.floor(index / 4), (index % 4) + 1, startMonth);
}

/** "Feb – Apr 2026": the months a quarter spans. */
export function monthsOf(q: Pick<FiscalQuarter, 'from' | 'to'>): string {
  const a = MONTHS_SHORT[Number(q.from.slice(5, 7)) - 1];
  const b = MONTHS_SHORT[Number(q.to.slice(5, 7)) - 1];
  const ya = q.from.slice(0, 4);
  const yb = q.to.slice(0, 4);
  return ya === yb ? `${a} – ${b} ${yb}` : `${a} ${ya} – ${b} ${yb}`;
}

/** The quarters a picker offers: `back` before the current one, the current one, `ahead` after it; newest first. */
export function quarterChoices(today: string, startMonth: number, back = 6, ahead = 1): FiscalQuarter[] {
  const current = quarterOf(today, startMonth);
  const out: FiscalQuarter[] = [];
  for (let i = ahead; i >= -back; i--) out.push(shiftQuarter(current, i, startMonth));
  return out;
}

/** The fiscal year's months, keyed as quotas key them (2026-02). */
export function fiscalMonths(fy: number, startMonth: number): { key: string; label: string }[] {
  const startYear = startMonth === 1 ? fy : fy - 1;
  return Array.from({ length: 12 }, (_, i) => {
    const [y, m] = shiftMonth(startYear, startMonth, i);
    return { key: `${y}-${pad(m)}`, label: `${MONTHS_SHORT[m - 1]} ${String(y).slice(2)}` };
  });
}
