// How fast an import goes: the rate of the phase under way and the time its rest needs, for the
// CLI's bar and the job's progress the Import page shows.
import { performance } from 'node:perf_hooks';
import type { ImportProgress } from './import.service.js';

/** Rows a second since a phase began (null in its first second) and the seconds left at that rate. */
export class PhaseRate {
  private phase: ImportProgress['phase'] | null = null;
  private start = { at: 0, done: 0 };

  constructor(private readonly now: () => number = () => performance.now()) {}

  of(p: ImportProgress): { rate: number | null; secondsLeft: number | null } {
    const at = this.now();
    if (p.phase !== this.phase) {
      this.phase = p.phase;
      this.start = { at, done: p.done };
    }
    const seconds = (at - this.start.at) / 1000;
    if (seconds < 1 || p.done <= this.start.done) return { rate: null, secondsLeft: null };
    const rate = (p.done - this.start.done) / seconds;
    return { rate, secondsLeft: Math.ceil(Math.max(0, p.total - p.done) / rate) };
  }
}
