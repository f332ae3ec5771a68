// Cadence status of a relationship, pure: kept while the last held session is inside the expected
// interval, due soon in its last fifth (at least a day), overdue after, never when none was held.
import type { CadenceStatus } from '../../api/coaching-relationships.js';

export const DAY_MS = 86_400_000;

export function cadenceStatus(lastHeldAt: number | null, cadenceDays: number, now: number): { status: CadenceStatus; dueAt: number } {
  if (lastHeldAt === null) return { status: 'never', dueAt: now };
  const dueAt = lastHeldAt + cadenceDays * DAY_MS;
  if (now > dueAt) return { status: 'overdue', dueAt };
  const soon = Math.max(DAY_MS, (cadenceDays * DAY_MS) / 5);
  return { status: dueAt - now <= soon ? 'due_soon' : 'kept', dueAt };
}
