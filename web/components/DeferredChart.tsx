// A chart drawn only once it is about to scroll into view. Recharts lays out and draws every chart
// on the main thread; a dashboard of several charts kept the page busy for seconds before anything
// below the first screen was even looked at. Until then a box of the chart's height holds its place,
// so nothing moves when it is drawn; once drawn it stays (scrolling back does not redraw it).
import { type ReactNode, useEffect, useRef, useState } from 'react';

interface Props {
  /** The chart's height in px, as drawn: the placeholder takes exactly this much room. */
  height: number;
  /** What the chart shows, read out while it is still a placeholder. */
  label: string;
  children: ReactNode;
}

/** How far ahead of the viewport a chart starts drawing, so it is there when scrolled to (or tabbed to). */
const AHEAD = '300px 0px';

export function DeferredChart({ height, label, children }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const el = box.current;
    if (shown || !el) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setShown(true);
          observer.disconnect();
        }
      },
      { rootMargin: AHEAD },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [shown]);
  if (shown) return <div style={{ minHeight: height }}>{children}</div>;
  return <div ref={box} style={{ height }} role="img" aria-label={`${label} (drawn when scrolled into view)`} data-testid="deferred-chart" />;
}
