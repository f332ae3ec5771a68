// Charts a keyboard can use. Recharts' accessibility layer (on in @mantine/charts) makes a chart
// focusable and moves its tooltip with the arrow keys; this adds what a click does: Enter or Space
// opens the point the tooltip is on. The chart is named, and says how to use it.
import { type KeyboardEvent, type ReactNode, useRef } from 'react';
import { useActiveTooltipDataPoints } from 'recharts';

/** A data row of a chart that opens: `__index` is its position in the points behind the chart. */
export interface Indexed {
  __index: number;
}

/** Rendered inside the chart: reports the point the tooltip is on (by mouse or by arrow keys). */
export function ActivePoint({ onActive }: { onActive(index: number | null): void }) {
  const points = useActiveTooltipDataPoints<Indexed>();
  const index = points?.[0]?.__index;
  onActive(typeof index === 'number' ? index : null);
  return null;
}

interface Props {
  /** The chart's name, read out on focus. */
  label: string;
  /** What one step is called ("month", "stage"). */
  step: string;
  onOpen(index: number): void;
  /** The chart; gets `probe` as a child so the active point is known. */
  children(probe: ReactNode, a11y: { title: string; desc: string }): ReactNode;
}

export function KeyboardChart({ label, step, onOpen, children }: Props) {
  const active = useRef<number | null>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if ((e.key === 'Enter' || e.key === ' ') && active.current !== null && (e.target as Element).closest('.recharts-surface, .recharts-wrapper')) {
      e.preventDefault();
      onOpen(active.current);
    }
  };
  const probe = (
    <ActivePoint
      key="active-point"
      onActive={(i) => {
        active.current = i;
      }}
    />
  );
  return (
    // The chart inside is the focusable control (role application); the figure only hears its Enter.
    <figure style={{ margin: 0 }} aria-label={label} onKeyDown={onKeyDown}>
      {children(probe, { title: label, desc: `Arrow keys move from ${step} to ${step}; Enter opens the ${step} with its records.` })}
    </figure>
  );
}
