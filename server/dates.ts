// Calendar dates are YYYY-MM-DD in the workspace's time zone; instants are epoch ms.

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of an instant in a time zone (en-CA formats as YYYY-MM-DD). */
export function calendarDate(ms: number, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f.format(new Date(ms));
}

export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}
