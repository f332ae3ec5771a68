import { describe, expect, it } from 'vitest';
import { type PeopleRow, planPeople } from './people-plan.js';

const ROLES = ['admin', 'manager', 'rep', 'marketing'];
let line = 1;
const row = (name: string, email: string, role: string, team = '', parentTeam = '', manager = ''): PeopleRow => ({
  line: ++line,
  name,
  email,
  role,
  team,
  parentTeam,
  manager,
});

describe('planPeople', () => {
  it('derives the tree and who runs each team from members and managers', () => {
    line = 1;
    const plan = planPeople(
      [
        row('Cleo CSO', 'cso@acme.test', 'admin'),
        row('Vera VP', 'vp@acme.test', 'manager', 'Field Sales', '', 'cso@acme.test'),
        row('Max East', 'east@acme.test', 'manager', 'East', 'Field Sales', 'vp@acme.test'),
        row('Rita', 'rita@acme.test', 'rep', 'East', '', 'east@acme.test'),
        row('Ron', 'ron@acme.test', 'rep', 'west', 'field sales', 'west@acme.test'),
        row('Wes West', 'west@acme.test', 'manager', 'West'),
      ],
      ROLES,
      new Set(),
    );
    expect(plan.problems).toEqual([]);
    // Parents come first; names keep the first spelling, compare without case.
    expect(plan.teams).toEqual([
      { name: 'Field Sales', parent: null, manager: 'vp@acme.test' },
      { name: 'East', parent: 'Field Sales', manager: 'east@acme.test' },
      { name: 'west', parent: 'Field Sales', manager: 'west@acme.test' },
    ]);
    expect(plan.users.map((u) => [u.email, u.team])).toEqual([
      ['cso@acme.test', null],
      ['vp@acme.test', 'Field Sales'],
      ['east@acme.test', 'East'],
      ['rita@acme.test', 'East'],
      ['ron@acme.test', 'west'],
      ['west@acme.test', 'west'],
    ]);
  });

  it('names every bad row and every disagreement with both lines', () => {
    line = 1;
    const plan = planPeople(
      [
        row('A', 'a@acme.test', 'rep', 'East', 'North', 'm1@acme.test'),
        row('B', 'b@acme.test', 'rep', 'East', 'South'),
        row('B2', 'b2@acme.test', 'rep', 'East', '', 'm2@acme.test'),
        row('', 'not-an-email', 'boss'),
        row('C', 'a@acme.test', 'rep'),
        row('D', 'd@acme.test', 'rep', 'Loop1', 'Loop2'),
        row('E', 'e@acme.test', 'rep', 'Loop2', 'Loop1'),
        row('R', 'r@acme.test', 'rep', 'Solo', '', 'rep2@acme.test'),
        row('Rep Two', 'rep2@acme.test', 'rep'),
      ],
      ROLES,
      new Set(['m1@acme.test', 'm2@acme.test']),
    );
    const said = plan.problems.map((p) => `${p.line} ${p.field}: ${p.message}`);
    expect(said).toContain('3 parent team: team East has two parent teams: "South" here, "North" on line 2');
    expect(said).toContain('4 manager: team East is run by two people: "m2@acme.test" here, "m1@acme.test" on line 2');
    expect(said).toContain('5 email: "not-an-email" is not an email address');
    expect(said).toContain('5 name: is required');
    expect(said).toContain('5 role: must be one of admin, manager, rep, marketing (got "boss")');
    expect(said).toContain('6 email: a@acme.test is also on line 2');
    expect(said.some((s) => s.includes('form a loop'))).toBe(true);
    expect(said).toContain('9 manager: rep2@acme.test cannot run team Solo: not a manager or admin in the file or in Furrow');
  });

  it('accepts a manager who is already in Furrow', () => {
    line = 1;
    const plan = planPeople([row('Rita', 'rita@acme.test', 'rep', 'East', '', 'boss@acme.test')], ROLES, new Set(['boss@acme.test']));
    expect(plan.problems).toEqual([]);
    expect(plan.teams).toEqual([{ name: 'East', parent: null, manager: 'boss@acme.test' }]);
  });
});
