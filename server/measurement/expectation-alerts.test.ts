import { describe, expect, it } from 'vitest';
import { managerAbove, redAlertRecipients } from './expectation-alerts.js';

const org = {
  users: [
    { id: 'cso', teamId: null },
    { id: 'vp', teamId: 'sales' },
    { id: 'mia', teamId: 'field' },
    { id: 'rita', teamId: 'field' },
    { id: 'nick', teamId: 'east' },
    { id: 'lone', teamId: 'orphans' },
  ],
  teams: [
    { id: 'sales', parentId: null, managerId: 'cso' },
    { id: 'field', parentId: 'sales', managerId: 'mia' },
    { id: 'east', parentId: 'field', managerId: null },
    { id: 'orphans', parentId: null, managerId: null },
  ],
};

describe('who hears that an expectation went red', () => {
  it('tells the owner and the nearest manager above them', () => {
    expect(redAlertRecipients(org, 'rita')).toEqual(['rita', 'mia']);
    // A team without a manager escalates to the team above.
    expect(redAlertRecipients(org, 'nick')).toEqual(['nick', 'mia']);
  });

  it('skips the owner’s own team when they manage it', () => {
    expect(managerAbove(org, 'mia')).toBe('cso');
  });

  it('tells the owner alone at the top of the tree or outside any managed team', () => {
    expect(redAlertRecipients(org, 'cso')).toEqual(['cso']);
    expect(redAlertRecipients(org, 'lone')).toEqual(['lone']);
    expect(redAlertRecipients(org, 'vp')).toEqual(['vp', 'cso']);
  });
});
