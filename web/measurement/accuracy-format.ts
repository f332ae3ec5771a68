// How the accuracy screens write their figures: percentages, signed bias and submission weeks.
import { formatCalendarDate } from '../app/format';

export const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);

export function signedPct(r: number | null): string {
  if (r === null) return '—';
  const v = Math.round(r * 100);
  return `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v)}%`;
}

export const weekLabel = (weekStart: string) => formatCalendarDate(weekStart).replace(/\s\d{4}$/, '');
