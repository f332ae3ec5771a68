// A relationship's cadence status as a badge, the same words on Home, the Coaching page and the
// org view, so "overdue" means one thing everywhere.
import { Badge } from '@mantine/core';
import type { CadenceStatus } from '../../api/coaching-relationships';

export const CADENCE: Record<CadenceStatus, { label: string; color: string }> = {
  kept: { label: 'Cadence kept', color: 'furrow' },
  due_soon: { label: 'Due soon', color: 'yellow' },
  overdue: { label: 'Overdue', color: 'red' },
  never: { label: 'No session yet', color: 'gray' },
};

export function CadenceBadge({ status }: { status: CadenceStatus }) {
  return (
    <Badge color={CADENCE[status].color} variant="light" tt="none">
      {CADENCE[status].label}
    </Badge>
  );
}

/** Worst first: the rows that need a session come to the top. */
export const CADENCE_ORDER: Record<CadenceStatus, number> = { overdue: 0, never: 1, due_soon: 2, kept: 3 };
