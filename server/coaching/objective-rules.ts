// Objectives, pure: the baseline window (as long as the objective's, just before it), whether a
// value meets the target, and the verified effect (the coachee's change minus the benchmark's).
import { addDays, daysBetween } from '../../lib/calendar.js';

export function baselineWindow(startDate: string, reviewDate: string): { from: string; to: string } {
  const days = daysBetween(startDate, reviewDate) + 1;
  return { from: addDays(startDate, -days), to: addDays(startDate, -1) };
}

export function meets(value: number, target: number, better: 'higher' | 'lower'): boolean {
  return better === 'higher' ? value >= target : value <= target;
}

const diff = (after: number | null, before: number | null) => (after === null || before === null ? null : after - before);

export function verifiedEffect(
  person: { before: number | null; after: number | null },
  bench: { before: number | null; after: number | null },
): { change: number | null; benchChange: number | null; effect: number | null } {
  const change = diff(person.after, person.before);
  const benchChange = diff(bench.after, bench.before);
  return { change, benchChange, effect: change === null || benchChange === null ? null : change - benchChange };
}
