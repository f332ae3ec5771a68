// When things happen to a simulated deal besides stage changes: quarter-end cramming and close
// dates that slip.
import { addDays, berlinDate, DAY, dateStart, HOUR, quarterEnd, quarterStart, workingTime, workingTimeOnOrBefore } from './calendar.js';
import type { Rng } from './random.js';

const closeMoment = (date: string) => dateStart(date) + 12 * HOUR;

/**
 * Crammers land wins in the quarter's last two weeks: a deal early in a quarter is pulled into
 * the previous one (with a discount), any other is held back until the quarter's end.
 */
export function cram(exitAt: number, stayStart: number, rng: Rng): { exitAt: number; pulledIn: boolean; holdFor: string | null } {
  const date = berlinDate(exitAt);
  const qEnd = quarterEnd(date);
  const windowStart = dateStart(addDays(qEnd, -13));
  if (exitAt >= windowStart) return { exitAt, pulledIn: false, holdFor: null };
  const intoQuarter = (exitAt - dateStart(quarterStart(date))) / DAY;
  const prevEnd = dateStart(addDays(quarterStart(date), -1));
  if (intoQuarter <= 25 && prevEnd > stayStart + 2 * DAY) {
    const from = Math.max(prevEnd - 13 * DAY, stayStart + DAY);
    const at = workingTimeOnOrBefore(from + rng.next() * (prevEnd - from), rng);
    if (at > stayStart) return { exitAt: at, pulledIn: true, holdFor: null };
  }
  const held = workingTimeOnOrBefore(windowStart + rng.next() * 13 * DAY, rng);
  return { exitAt: held, pulledIn: false, holdFor: berlinDate(held) };
}

/** A close date that passes while the deal is open gets moved out, unless the rep lets it go stale. */
export function slippedCloseDates(closeDate: string, stayStart: number, limit: number, hygiene: number, rng: Rng): { at: number; date: string }[] {
  const out: { at: number; date: string }[] = [];
  let moment = closeMoment(closeDate);
  while (moment < limit && rng.chance(hygiene)) {
    const at = workingTime(Math.max(moment, stayStart) + rng.float(0, 4) * DAY, rng);
    if (at >= limit) break;
    const date = berlinDate(at + rng.float(14, 45) * DAY);
    out.push({ at, date });
    moment = closeMoment(date);
  }
  return out;
}
