import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { timeSlicer } from './event-loop.js';

/** Busy work of `ms` on the main thread (what an import's synchronous statements are). */
const busy = (ms: number) => {
  const start = performance.now();
  while (performance.now() - start < ms) {
    // spin
  }
};

describe('timeSlicer', () => {
  it('lets at most one slice of background work run per turn of the event loop, fairly', async () => {
    // A turn counter advanced by its own setImmediate chain: one step per turn of the loop.
    let turn = 0;
    let ticking = true;
    const tick = () => {
      turn++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const started: { job: number; turn: number }[] = [];
    const job = async (id: number) => {
      const pause = timeSlicer(4);
      for (let unit = 0; unit < 30; unit++) {
        busy(2);
        const before = turn;
        await pause();
        if (turn !== before) started.push({ job: id, turn });
      }
    };
    await Promise.all([job(1), job(2), job(3)]);
    ticking = false;

    const turns = started.map((s) => s.turn);
    // Three jobs yielding every ~4 ms: none resumes in a turn another resumed in.
    expect(new Set(turns).size).toBe(turns.length);
    // And each got its share: resumptions alternate between the jobs instead of one finishing first.
    const firstTen = started.slice(0, 9).map((s) => s.job);
    expect(new Set(firstTen)).toEqual(new Set([1, 2, 3]));
  });

  it('does not yield before the slice is used up', async () => {
    const pause = timeSlicer(1000);
    let immediate = false;
    setImmediate(() => {
      immediate = true;
    });
    for (let i = 0; i < 100; i++) await pause();
    expect(immediate).toBe(false);
  });
});
