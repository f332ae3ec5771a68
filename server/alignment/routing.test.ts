import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { namedRep, nextRep, nextRepInstead, routeTarget } from './routing.js';

describe('lead routing', () => {
  it('round robin visits every available rep once before anyone twice', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        fc.option(fc.string(), { nil: null }),
        (reps, start) => {
          const seen: string[] = [];
          let last = start;
          for (let i = 0; i < reps.length; i++) {
            last = nextRep(reps, last);
            seen.push(last as string);
          }
          expect(new Set(seen).size).toBe(reps.length);
        },
      ),
    );
  });

  it('skips a rep who left the candidates (inactive or away) and continues after them', () => {
    expect(nextRep(['a', 'c'], 'b')).toBe('c');
    expect(nextRep(['a', 'c'], 'c')).toBe('a');
    expect(nextRep([], 'a')).toBeNull();
  });

  it('routes by the first matching rule, else the default team', () => {
    const rules = [
      { segment: 'enterprise', teamId: 'ent' },
      { country: 'DE', maxSize: 200, teamId: 'dach-smb' },
      { minSize: 201, teamId: 'mid' },
    ];
    const teamFor = (lead: Parameters<typeof routeTarget>[2]) => routeTarget(rules, 'default', lead).teamId;
    expect(teamFor({ segment: 'Enterprise', country: 'DE', companySize: 10 })).toBe('ent');
    expect(teamFor({ segment: null, country: 'de', companySize: 50 })).toBe('dach-smb');
    expect(teamFor({ segment: null, country: 'DE', companySize: 500 })).toBe('mid');
    expect(teamFor({ segment: null, country: 'FR', companySize: null })).toBe('default');
  });

  it('a rule may name a rep: they get the lead while available, else the team routes it', () => {
    const rules = [
      { segment: 'enterprise', teamId: 'ent', ownerId: 'erin' },
      { segment: 'mid', teamId: 'mid', ownerId: null },
    ];
    expect(routeTarget(rules, 'default', { segment: 'enterprise', country: null, companySize: null })).toEqual({ teamId: 'ent', ownerId: 'erin' });
    expect(routeTarget(rules, 'default', { segment: 'mid', country: null, companySize: null })).toEqual({ teamId: 'mid', ownerId: null });
    expect(routeTarget(rules, 'default', { segment: 'smb', country: null, companySize: null })).toEqual({ teamId: 'default', ownerId: null });
    expect(namedRep('erin', ['ann', 'erin'])).toBe('erin');
    // Away, disabled or moved out of the team: not among the available, so the team's routing decides.
    expect(namedRep('erin', ['ann'])).toBeNull();
    expect(namedRep(null, ['ann'])).toBeNull();
  });

  it('reassigns past the current owner, on from the pointer, and to nobody when no one else is available', () => {
    expect(nextRepInstead(['a', 'b', 'c'], 'a', 'b')).toBe('c');
    expect(nextRepInstead(['a', 'b', 'c'], 'c', 'a')).toBe('b');
    expect(nextRepInstead(['a'], 'a', 'a')).toBeNull();
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        fc.nat(),
        fc.option(fc.string()),
        (reps, i, last) => {
          const owner = reps[i % reps.length] as string;
          const next = nextRepInstead(reps, last, owner);
          expect(next === null ? reps.length === 1 : next !== owner && reps.includes(next)).toBe(true);
        },
      ),
    );
  });
});
