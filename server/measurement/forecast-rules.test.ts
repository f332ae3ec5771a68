import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accuracyOf, lastPerWeek } from './forecast-accuracy.js';
import { type Call, managerRollup, type RollupInput, teamRow, workspaceRollup } from './forecast-rollup.js';

const call = (commit: number, bestCase = commit, won = 0): Call => ({ commit, bestCase, won, submittedAt: 1, weekStart: '2026-11-23' });

/** T (Mia) ⊃ T2 (Nia); Ann and Ben in T, Cat in T2, Dan in no team. */
function org(calls: Record<string, Call>, system: Record<string, Call> = {}): RollupInput {
  return {
    teams: [
      { id: 'T', parentId: null, managerId: 'mia', name: 'T' },
      { id: 'T2', parentId: 'T', managerId: 'nia', name: 'T2' },
    ],
    users: [
      { id: 'mia', name: 'Mia', teamId: 'T' },
      { id: 'nia', name: 'Nia', teamId: 'T' },
      { id: 'ann', name: 'Ann', teamId: 'T' },
      { id: 'ben', name: 'Ben', teamId: 'T' },
      { id: 'cat', name: 'Cat', teamId: 'T2' },
      { id: 'dan', name: 'Dan', teamId: null },
    ],
    calls: new Map(Object.entries(calls)),
    system: new Map(Object.entries(system)),
  };
}

describe('forecast roll-up', () => {
  it('adds up direct reports’ calls and the sub-team manager’s call', () => {
    const r = managerRollup(org({ ann: call(10), ben: call(20), nia: call(35), cat: call(30) }), ['T']);
    expect(r.rows.map((x) => [x.name, x.source, x.commit])).toEqual([
      ['Ann', 'submitted', 10],
      ['Ben', 'submitted', 20],
      ['T2', 'submitted', 35],
    ]);
    expect(r.total.commit).toBe(65);
  });

  it('falls back to the deals’ categories for a rep without a call and to the sub-team’s roll-up without its manager’s call', () => {
    const input = org({ ann: call(10), cat: call(30) }, { ben: call(7, 9, 2), mia: call(4) });
    const r = managerRollup(input, ['T']);
    expect(r.rows.map((x) => [x.name, x.source, x.commit])).toEqual([
      ['Ann', 'submitted', 10],
      ['Ben', 'system', 7],
      ['T2', 'rollup', 30],
      ['Mia (own deals)', 'system', 4],
    ]);
    expect(r.total).toMatchObject({ commit: 51, bestCase: 53 });
    expect(teamRow(input, 'T2')).toMatchObject({ source: 'rollup', commit: 30, userId: 'nia' });
  });

  it('counts a team once when a manager manages it and a team above it', () => {
    const input = org({ ann: call(10), cat: call(30) });
    expect(managerRollup(input, ['T', 'T2']).total.commit).toBe(managerRollup(input, ['T']).total.commit);
  });

  it('gives the CSO the top-level teams and the people in no team', () => {
    const r = workspaceRollup(org({ mia: call(100), dan: call(5) }), new Set(['admin']));
    expect(r.rows.map((x) => [x.name, x.source, x.commit])).toEqual([
      ['T', 'submitted', 100],
      ['Dan', 'submitted', 5],
    ]);
  });

  it('is the sum of its rows, whatever the calls', () => {
    const people = ['mia', 'nia', 'ann', 'ben', 'cat', 'dan'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...people), fc.nat(1000)), { maxLength: 6 }), (pairs) => {
        const input = org(Object.fromEntries(pairs.map(([p, n]) => [p, call(n)])));
        for (const r of [managerRollup(input, ['T']), workspaceRollup(input, new Set())]) {
          expect(r.total.commit).toBe(r.rows.reduce((s, x) => s + x.commit, 0));
        }
      }),
    );
  });
});

describe('forecast accuracy', () => {
  it('is 1 for a perfect call, falls with the miss either way, and is no data when nothing was won', () => {
    expect(accuracyOf(100, 100)).toEqual({ accuracy: 1, bias: 0 });
    expect(accuracyOf(100, 80)).toEqual({ accuracy: 0.8, bias: -0.2 });
    expect(accuracyOf(100, 120)).toEqual({ accuracy: 0.8, bias: 0.2 });
    expect(accuracyOf(100, 250)).toEqual({ accuracy: -0.5, bias: 1.5 });
    expect(accuracyOf(0, 50)).toEqual({ accuracy: null, bias: null });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), (actual, forecast) => {
        const { accuracy, bias } = accuracyOf(actual, forecast);
        expect(accuracy as number).toBeLessThanOrEqual(1);
        expect(Math.sign(bias as number)).toBe(Math.sign(forecast - actual));
        expect(accuracy).toBeCloseTo(1 - Math.abs(bias as number), 9);
      }),
    );
  });

  it('keeps the last call of each week', () => {
    const rows = [
      { id: 'b', week_start: '2026-11-23', submitted_at: 20 },
      { id: 'a', week_start: '2026-11-16', submitted_at: 5 },
      { id: 'c', week_start: '2026-11-23', submitted_at: 10 },
    ];
    expect(lastPerWeek(rows).map((r) => r.id)).toEqual(['a', 'b']);
  });
});
