import { describe, expect, it } from 'vitest';
import { createDrawQueue } from './draw-queue';

/** A scheduler the test runs by hand, task by task. */
function tasks() {
  const queued: (() => void)[] = [];
  return {
    schedule: (run: () => void) => void queued.push(run),
    runOne: () => queued.shift()?.(),
    get size() {
      return queued.length;
    },
  };
}

describe('the charts’ draw queue', () => {
  it('draws one at a time, in order, the next once the last is committed', () => {
    const t = tasks();
    const q = createDrawQueue(t.schedule);
    const drawn: string[] = [];
    q.queue(() => drawn.push('a') > 0);
    q.queue(() => drawn.push('b') > 0);
    t.runOne();
    expect(drawn).toEqual(['a']);
    expect(t.size).toBe(0);
    q.next();
    t.runOne();
    expect(drawn).toEqual(['a', 'b']);
  });

  it('passes the turn on when a chart left the page before its draw ran, so later charts still draw', () => {
    const t = tasks();
    const q = createDrawQueue(t.schedule);
    const drawn: string[] = [];
    q.queue(() => false); // its turn came after it was gone
    q.queue(() => drawn.push('later') > 0);
    t.runOne();
    t.runOne();
    expect(drawn).toEqual(['later']);
  });

  it('forgets a draw taken out before its turn', () => {
    const t = tasks();
    const q = createDrawQueue(t.schedule);
    const drawn: string[] = [];
    q.queue(() => drawn.push('first') > 0);
    const cancel = q.queue(() => drawn.push('gone') > 0);
    cancel();
    q.queue(() => drawn.push('third') > 0);
    t.runOne();
    q.next();
    t.runOne();
    expect(drawn).toEqual(['first', 'third']);
  });
});
