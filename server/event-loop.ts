// Long synchronous work (an import writing through better-sqlite3, an export formatting rows) must
// hand the event loop back now and then, or every other request waits for it. A time slice, not a
// row count: rows differ a hundredfold in cost, and what matters is how long others wait.
import { performance } from 'node:perf_hooks';

/** Resolves on the next turn of the event loop, after pending I/O (setImmediate, not a microtask). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Returns a function to call between units of work: it yields to the event loop once `sliceMs` of
 * work have passed since the last yield, and is a no-op (no await cost beyond a microtask) otherwise.
 */
export function timeSlicer(sliceMs = 20): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await yieldToEventLoop();
    since = performance.now();
  };
}
