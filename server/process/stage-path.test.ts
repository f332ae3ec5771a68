import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PathStage, stagePath } from './stage-path.js';

const stages: PathStage[] = [
  { id: 'q', position: 1, kind: 'open' },
  { id: 'd', position: 2, kind: 'open' },
  { id: 's', position: 3, kind: 'open' },
  { id: 'p', position: 4, kind: 'open' },
  { id: 'won', position: 5, kind: 'won' },
  { id: 'lost', position: 6, kind: 'lost' },
];
const byId = (id: string) => stages.find((s) => s.id === id) as PathStage;

describe('stagePath', () => {
  it('checks only the stage being left on a one-step move', () => {
    expect(stagePath(stages, byId('q'), byId('d'))).toEqual({ direction: 1, skipped: 0, exitChecks: ['q'] });
  });

  it('checks every skipped stage and counts them', () => {
    expect(stagePath(stages, byId('q'), byId('p'))).toEqual({ direction: 1, skipped: 2, exitChecks: ['q', 'd', 's'] });
  });

  it('lets a deal move back or be lost without checks', () => {
    expect(stagePath(stages, byId('p'), byId('d'))).toEqual({ direction: -1, skipped: 0, exitChecks: [] });
    expect(stagePath(stages, byId('d'), byId('lost'))).toEqual({ direction: 0, skipped: 0, exitChecks: [] });
  });

  it('makes winning meet the criteria of the current and every later open stage', () => {
    expect(stagePath(stages, byId('d'), byId('won'))).toEqual({ direction: 0, skipped: 2, exitChecks: ['d', 's', 'p'] });
    expect(stagePath(stages, byId('p'), byId('won'))).toEqual({ direction: 0, skipped: 0, exitChecks: ['p'] });
  });

  it('treats creation in a later stage as skipping the stages before it', () => {
    expect(stagePath(stages, null, byId('q'))).toEqual({ direction: 1, skipped: 0, exitChecks: [] });
    expect(stagePath(stages, null, byId('s'))).toEqual({ direction: 1, skipped: 2, exitChecks: ['q', 'd'] });
  });

  it('reopens a closed deal as a backward move', () => {
    expect(stagePath(stages, byId('won'), byId('p')).direction).toBe(-1);
  });

  it('never checks more stages than it leaves, and skips are checks minus one on forward moves', () => {
    const open = stages.filter((s) => s.kind === 'open');
    fc.assert(
      fc.property(fc.constantFrom(...open), fc.constantFrom(...open), (from, to) => {
        const path = stagePath(stages, from, to);
        if (to.position > from.position) {
          expect(path.exitChecks.length).toBe(to.position - from.position);
          expect(path.skipped).toBe(path.exitChecks.length - 1);
          expect(path.exitChecks[0]).toBe(from.id);
        } else {
          expect(path.exitChecks).toEqual([]);
          expect(path.skipped).toBe(0);
        }
      }),
    );
  });
});
