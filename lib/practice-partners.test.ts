import { describe, expect, it } from 'vitest';
import { mayPartner, type PartnerCandidate } from './practice-partners.js';
import type { TeamNode } from './team-tree.js';

// sales (cso-less, managed by vp) > ent (m1) > ent-east (m2); mm (m3) is a sibling of ent.
const teams: TeamNode[] = [
  { id: 'sales', parentId: null, managerId: 'vp' },
  { id: 'ent', parentId: 'sales', managerId: 'm1' },
  { id: 'ent-east', parentId: 'ent', managerId: 'm2' },
  { id: 'mm', parentId: 'sales', managerId: 'm3' },
];
const person = (id: string, role: string, teamId: string | null, active = true): PartnerCandidate => ({ id, role, teamId, active });
const rep = { id: 'r1', role: 'rep', teamId: 'ent-east' };

describe('role-play partners', () => {
  it('a rep partners a peer, the managers above their team and people outside the team tree', () => {
    expect(mayPartner(rep, person('r2', 'rep', 'ent-east'), teams)).toBe(true);
    expect(mayPartner(rep, person('m2', 'manager', 'ent'), teams)).toBe(true);
    expect(mayPartner(rep, person('m1', 'manager', 'sales'), teams)).toBe(true);
    expect(mayPartner(rep, person('vp', 'manager', null), teams)).toBe(true);
    expect(mayPartner(rep, person('cso', 'admin', null), teams)).toBe(true);
    expect(mayPartner(rep, person('c1', 'coach', null), teams)).toBe(true);
  });

  it('never another team’s people, marketing, a disabled user or oneself', () => {
    expect(mayPartner(rep, person('r9', 'rep', 'mm'), teams)).toBe(false);
    expect(mayPartner(rep, person('m3', 'manager', 'sales'), teams)).toBe(false);
    expect(mayPartner(rep, person('r8', 'rep', 'ent'), teams)).toBe(false);
    expect(mayPartner(rep, person('mk', 'marketing', null), teams)).toBe(false);
    expect(mayPartner(rep, person('r2', 'rep', 'ent-east', false), teams)).toBe(false);
    expect(mayPartner(rep, person('r1', 'rep', 'ent-east'), teams)).toBe(false);
    expect(mayPartner({ id: 'r0', role: 'rep', teamId: null }, person('r2', 'rep', 'ent-east'), teams)).toBe(false);
  });

  it('a manager partners their own people down the tree; an admin anyone', () => {
    const m1 = { id: 'm1', role: 'manager', teamId: 'sales' };
    expect(mayPartner(m1, person('r1', 'rep', 'ent-east'), teams)).toBe(true);
    expect(mayPartner(m1, person('m2', 'manager', 'ent'), teams)).toBe(true);
    expect(mayPartner(m1, person('r9', 'rep', 'mm'), teams)).toBe(false);
    expect(mayPartner({ id: 'cso', role: 'admin', teamId: null }, person('r9', 'rep', 'mm'), teams)).toBe(true);
  });
});
