// Long synchronous work (an import writing through better-sqlite3, an export formatting rows) must
// hand the event loop back now and then, or every other request waits for it. A time slice, not a
// row count: rows differ a hundredfold in cost, and what matters is how long others wait.
//
// The slices of all such work share the loop: at most one runs per turn. When an import, a dry run
// and an export each ran their 20 ms in the same turn, a turn lasted 60–200 ms and a burst of new
// connections (Node accepts one per turn) made /healthz wait over a second behind ten KPI requests.
// Slices are 8 ms: a burst of ten connections then waits ~10 short turns, not ten long ones
// (abuse test p99 1.1 s → 0.08–0.2 s at load 1.3).
import { performance } from 'node:perf_hooks';

/** Slices waiting for their turn, first come first served. */
const waiting: (() => void)[] = [];
let releasing = false;

function releaseOne(): void {
  const next = waiting.shift();
  // The released slice runs in this turn's microtasks; the next waits for a later turn.
  next?.();
  if (waiting.length > 0) setImmediate(releaseOne);
  else releasing = false;
}

/**
 * Resolves on a later turn of the event loop in which no other slice of background work runs:
 * waiters are released one per turn, in order, after that turn's I/O.
 */
export function nextSliceTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!releasing) {
      releasing = true;
      setImmediate(releaseOne);
    }
  });
}

/**
 * Returns a function to call between units of work: it yields to the event loop once `sliceMs` of
 * work have passed since the last yield, and is a no-op (no await cost beyond a microtask) otherwise.
 * Resumed work waits for a turn of its own (nextSliceTurn), so several long jobs never add up in one turn.
 */
export function timeSlicer(sliceMs = 8): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await nextSliceTurn();
    since = performance.now();
  };
}
