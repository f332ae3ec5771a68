// Pure: what a stage change means in the ordered process — its direction, the stages it jumps
// over, and whose exit criteria it must satisfy. Shared by every path that moves a deal.

export interface PathStage {
  id: string;
  position: number;
  kind: 'open' | 'won' | 'lost';
}

export interface StagePath {
  /** 1 forward through open stages, -1 backward (or reopening), 0 into a closed stage. */
  direction: 1 | -1 | 0;
  /** Open stages jumped over (a move to Won from Discovery skips Solution, Proposal, Negotiation). */
  skipped: number;
  /** Ids of the stages whose exit criteria this move must meet, in process order. */
  exitChecks: string[];
}

/**
 * from = null is a deal being created directly in `to`: it must meet the exit criteria of every
 * open stage before `to`, and those stages count as skipped.
 */
export function stagePath(stages: readonly PathStage[], from: PathStage | null, to: PathStage): StagePath {
  const open = stages.filter((s) => s.kind === 'open').sort((a, b) => a.position - b.position);
  const idx = (s: PathStage) => open.findIndex((o) => o.id === s.id);

  if (to.kind === 'lost') return { direction: 0, skipped: 0, exitChecks: [] };

  if (to.kind === 'won') {
    if (from && from.kind !== 'open') return { direction: 0, skipped: 0, exitChecks: [] };
    const start = from ? idx(from) : 0;
    const rest = open.slice(Math.max(start, 0));
    // Winning from stage k means leaving k and every later open stage: all their criteria apply.
    return { direction: 0, skipped: Math.max(rest.length - 1, 0), exitChecks: rest.map((s) => s.id) };
  }

  const target = idx(to);
  if (from === null) {
    const before = open.slice(0, Math.max(target, 0));
    return { direction: 1, skipped: before.length, exitChecks: before.map((s) => s.id) };
  }
  if (from.kind !== 'open') return { direction: -1, skipped: 0, exitChecks: [] };
  const source = idx(from);
  if (target <= source) return { direction: target === source ? 0 : -1, skipped: 0, exitChecks: [] };
  const leaving = open.slice(source, target);
  return { direction: 1, skipped: target - source - 1, exitChecks: leaving.map((s) => s.id) };
}
