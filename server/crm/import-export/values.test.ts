import { describe, expect, it } from 'vitest';
import {
  calendarDateOf,
  formatMinorUnits,
  instantOf,
  orderEvidence,
  parseBoolean,
  parseDate,
  parseDurationMinutes,
  parseInteger,
  parseMoneyText,
  toMinorUnits,
} from './values.js';

const date = (text: string, order: 'dmy' | 'mdy' | null = null) => {
  const r = parseDate(text, order);
  return r.ok ? calendarDateOf(r.value, 'UTC') : `error: ${r.message}`;
};

const minor = (text: string, currency = 'EUR') => {
  const m = parseMoneyText(text);
  if (!m.ok) return `error: ${m.message}`;
  const r = toMinorUnits(m.value, m.value.currency ?? currency);
  return r.ok ? r.value : `error: ${r.message}`;
};

describe('dates', () => {
  it('reads ISO dates and datetimes', () => {
    expect(date('2026-01-05')).toBe('2026-01-05');
    expect(date('2026/1/5')).toBe('2026-01-05');
    expect(date('2026-01-05T23:30:00-02:00')).toBe('2026-01-06');
    expect(date('2026-01-05 10:00:00')).toBe('2026-01-05');
    const r = parseDate('2026-01-05T10:00:00.250Z', null);
    expect(r.ok && r.value.instant).toBe(Date.UTC(2026, 0, 5, 10, 0, 0, 250));
  });

  it('reads regional numeric dates, deciding day/month from the value, the order or the separator', () => {
    expect(date('25/01/2026')).toBe('2026-01-25');
    expect(date('01/25/2026')).toBe('2026-01-25');
    expect(date('05.01.2026')).toBe('2026-01-05');
    expect(date('03/04/2026', 'dmy')).toBe('2026-04-03');
    expect(date('03/04/2026', 'mdy')).toBe('2026-03-04');
    expect(date('1/5/26', 'mdy')).toBe('2026-01-05');
    expect(date('04/04/2026')).toBe('2026-04-04');
    expect(date('03/04/2026')).toMatch(/ambiguous.*DD\/MM\/YYYY or MM\/DD\/YYYY/);
    expect(date('13/25/2026')).toMatch(/not a valid/);
    expect(date('01/25/2026', 'dmy')).toMatch(/not a valid DD\/MM\/YYYY date/);
    expect(date('31/02/2026')).toMatch(/not a valid/);
  });

  it('reads dates with month names and 12-hour times', () => {
    expect(date('Jan 5, 2026')).toBe('2026-01-05');
    expect(date('January 5th 2026')).toBe('2026-01-05');
    expect(date('5 Jan 2026')).toBe('2026-01-05');
    expect(date('05-Jan-26')).toBe('2026-01-05');
    expect(date('Sept 30, 2026')).toBe('2026-09-30');
    expect(date('Mon, Jan 5, 2026')).toBe('2026-01-05');
    const r = parseDate('1/5/2026 3:15 PM', 'mdy');
    expect(r.ok && r.value.time).toEqual([15, 15, 0, 0]);
    expect(date('Janitor 5, 2026')).toMatch(/not a date/);
    expect(date('soon')).toMatch(/not a date Furrow can read/);
  });

  it('places wall-clock times and bare dates in the workspace zone', () => {
    const r = parseDate('2026-07-01 09:00', null);
    expect(r.ok && instantOf(r.value, 'Europe/Berlin')).toBe(Date.UTC(2026, 6, 1, 7));
    const d = parseDate('2026-07-01', null);
    expect(d.ok && instantOf(d.value, 'America/New_York')).toBe(Date.UTC(2026, 6, 1, 16));
  });

  it('collects evidence for the file-wide day/month order', () => {
    expect(orderEvidence('25/01/2026')).toBe('dmy');
    expect(orderEvidence('01/25/2026')).toBe('mdy');
    expect(orderEvidence('01/02/2026')).toBe('ambiguous');
    expect(orderEvidence('02/02/2026')).toBe('either');
    expect(orderEvidence('2026-01-02')).toBe('none');
  });
});

describe('money', () => {
  it('reads common notations into minor units', () => {
    expect(minor('1,234.56')).toBe(123456);
    expect(minor('1.234,56')).toBe(123456);
    expect(minor('1 234,56')).toBe(123456);
    expect(minor('€1,234')).toBe(123400);
    expect(minor('1234.5 EUR')).toBe(123450);
    expect(minor("CHF 1'234.50")).toBe(123450);
    expect(minor('1,234,567')).toBe(123456700);
    expect(minor('0.125', 'BHD')).toBe(125);
    expect(minor('12500')).toBe(1250000);
    expect(minor('¥5,000')).toBe(5000);
    expect(minor('1.5', 'JPY')).toMatch(/decimal places; JPY has none/);
    expect(minor('1.234.56')).toMatch(/not an amount|misplaced/);
    expect(minor('-5')).toMatch(/negative/);
    expect(minor('12,34,567')).toMatch(/misplaced/);
    expect(minor('abc')).toMatch(/not an amount/);
  });

  it('names the currency of a symbol or code', () => {
    expect(parseMoneyText('$1,000')).toMatchObject({ ok: true, value: { currency: 'USD' } });
    expect(parseMoneyText('1.000,00 €')).toMatchObject({ ok: true, value: { currency: 'EUR', whole: '1000' } });
    expect(parseMoneyText('GBP 10')).toMatchObject({ ok: true, value: { currency: 'GBP' } });
  });

  it('writes minor units back as plain decimals', () => {
    expect(formatMinorUnits(123456, 'EUR')).toBe('1234.56');
    expect(formatMinorUnits(5, 'EUR')).toBe('0.05');
    expect(formatMinorUnits(5000, 'JPY')).toBe('5000');
  });
});

describe('other cells', () => {
  it('reads flags, whole numbers and durations', () => {
    expect(parseBoolean('Done')).toEqual({ ok: true, value: true });
    expect(parseBoolean('Not Started')).toEqual({ ok: true, value: false });
    expect(parseBoolean('NOT_STARTED')).toEqual({ ok: true, value: false });
    expect(parseBoolean('Waiting on someone else')).toEqual({ ok: true, value: false });
    expect(parseBoolean('maybe').ok).toBe(false);
    expect(parseInteger('1,200', 0, 10_000)).toEqual({ ok: true, value: 1200 });
    expect(parseInteger('51-200', 0, 10_000).ok).toBe(false);
    expect(parseDurationMinutes('45')).toEqual({ ok: true, value: 45 });
    expect(parseDurationMinutes('01:30')).toEqual({ ok: true, value: 90 });
    expect(parseDurationMinutes('1h 15m')).toEqual({ ok: true, value: 75 });
    expect(parseDurationMinutes('30 min')).toEqual({ ok: true, value: 30 });
    expect(parseDurationMinutes('a while').ok).toBe(false);
  });
});
