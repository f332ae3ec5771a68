import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ancestorIds, managedTeamIds, subtreeIds, type TeamNode, wouldCycle } from './team-tree.js';

const teams: TeamNode[] = [
  { id: 'sales', parentId: null, managerId: 'cso' },
  { id: 'ent', parentId: 'sales', managerId: 'm1' },
  { id: 'ent-east', parentId: 'ent', managerId: 'm2' },
  { id: 'mm', parentId: 'sales', managerId: 'm3' },
];

describe('team tree', () => {
  it('collects a subtree including nested teams', () => {
    expect([...subtreeIds(teams, ['ent'])].sort()).toEqual(['ent', 'ent-east']);
    expect(subtreeIds(teams, ['sales']).size).toBe(4);
    expect(managedTeamIds(teams, 'm1')).toEqual(['ent']);
  });

  it('detects cycles', () => {
    expect(wouldCycle(teams, 'sales', 'ent-east')).toBe(true);
    expect(wouldCycle(teams, 'ent', 'ent')).toBe(true);
    expect(wouldCycle(teams, 'mm', 'ent')).toBe(false);
    expect(wouldCycle(teams, 'mm', null)).toBe(false);
  });

  it('walks ancestors nearest first', () => {
    expect(ancestorIds(teams, 'ent-east')).toEqual(['ent', 'sales']);
  });

  it('never loops on random forests, and a subtree always contains its roots', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 20 }), { minLength: 1, maxLength: 20 }), (parents) => {
        // Parent index smaller than own index: a forest by construction.
        const nodes: TeamNode[] = parents.map((p, i) => ({ id: `t${i}`, parentId: i > 0 && p < i ? `t${p}` : null, managerId: null }));
        const all = subtreeIds(
          nodes,
          nodes.filter((n) => n.parentId === null).map((n) => n.id),
        );
        expect(all.size).toBe(nodes.length);
        for (const n of nodes) expect(subtreeIds(nodes, [n.id]).has(n.id)).toBe(true);
      }),
    );
  });
});
