// A chart drawn only once it is about to scroll into view, and then one chart at a time. Recharts
// lays out and draws every chart on the main thread; a dashboard of several charts kept the page busy
// for seconds before anything below the first screen was even looked at, and the charts of the first
// screen, drawn in the same commit as the figures, made one long task of the page's first paint.
// Until drawn, a box of the chart's height holds its place, so nothing moves when a chart arrives;
// the figures and tables paint first, then each chart in a task of its own (a transition React may
// interrupt for input). Once drawn it stays (scrolling back does not redraw it).
import { type ReactNode, startTransition, useEffect, useRef, useState } from 'react';
import { createDrawQueue } from './draw-queue';

interface Props {
  /** The chart's height in px, as drawn: the placeholder takes exactly this much room. */
  height: number;
  /** What the chart shows, read out while it is still a placeholder. */
  label: string;
  children: ReactNode;
}

/** How far ahead of the viewport a chart starts drawing, so it is there when scrolled to (or tabbed to). */
const AHEAD = '300px 0px';

// One chart drawn at a time across the app, each from a new task so the browser paints between.
const draws = createDrawQueue((run) => setTimeout(() => startTransition(run), 0));

export function DeferredChart({ height, label, children }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(() => typeof IntersectionObserver === 'undefined');
  const [due, setDue] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (shown || due || !el) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setDue(true);
          observer.disconnect();
        }
      },
      { rootMargin: AHEAD },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [shown, due]);
  // In view: wait for its turn. Gone before its turn: leave the queue; gone during it: pass it on.
  const turn = useRef<'waiting' | 'drawing' | 'drawn'>('waiting');
  const mounted = useRef(false);
  useEffect(() => {
    if (!due || shown) return;
    return draws.queue(() => {
      // Its turn came after it left the page: nothing will commit, so the queue moves on.
      if (!mounted.current) return false;
      turn.current = 'drawing';
      setShown(true);
      return true;
    });
  }, [due, shown]);
  // Drawn and committed: the next chart's turn.
  useEffect(() => {
    if (!shown || !due || turn.current === 'drawn') return;
    turn.current = 'drawn';
    draws.next();
  }, [shown, due]);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      if (turn.current === 'drawing') draws.next();
    };
  }, []);
  if (shown) return <div style={{ minHeight: height }}>{children}</div>;
  return <div ref={box} style={{ height }} role="img" aria-label={`${label} (drawn when scrolled into view)`} data-testid="deferred-chart" />;
}
