// The turns of DeferredChart: charts due to be drawn, in the order they came into view, one at a
// time, each from a task of its own (`schedule`) so the browser paints between them. A draw that
// can no longer happen (its chart left the page before its turn came) answers false and passes the
// turn on at once: otherwise the queue waited for a commit that never came, and no chart of any
// later page was drawn until a reload (the dashboard journey, after Enter on a chart and Back).
export interface DrawQueue {
  /** Queues a draw; returns a function that takes it out again if its turn has not come. */
  queue(draw: () => boolean): () => void;
  /** The current draw has been committed: the next one's turn. */
  next(): void;
}

export function createDrawQueue(schedule: (run: () => void) => void): DrawQueue {
  const waiting: (() => boolean)[] = [];
  let drawing = false;
  const next = (): void => {
    const draw = waiting.shift();
    drawing = draw !== undefined;
    if (draw)
      schedule(() => {
        if (!draw()) next();
      });
  };
  return {
    queue(draw) {
      waiting.push(draw);
      if (!drawing) next();
      return () => {
        const at = waiting.indexOf(draw);
        if (at >= 0) waiting.splice(at, 1);
      };
    },
    next,
  };
}
