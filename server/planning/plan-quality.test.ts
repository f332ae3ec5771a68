import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planQuality, RUBRIC } from './plan-quality.js';

const empty = { objective: '', desiredCommitment: null, questions: [], attendees: [], gaps: [] };

describe('plan quality rubric', () => {
  it('scores an empty plan 0 and a complete one 100', () => {
    expect(planQuality(empty).score).toBe(0);
    const full = planQuality({
      objective: 'Confirm the budget owner and the decision date',
      desiredCommitment: 'CFO agrees to a pricing call next week',
      questions: ['Who signs?', 'What happens if you do nothing?', 'Which budget line?'],
      attendees: [{ role: 'economic_buyer' }],
      gaps: [{}],
    });
    expect(full.score).toBe(100);
    expect(full.parts.every((p) => p.points === p.max)).toBe(true);
  });

  it('gives partial points with a reason that says what would raise them', () => {
    const q = planQuality({ objective: 'Demo', desiredCommitment: 'Trial', questions: ['Who signs?'], attendees: [{ role: 'user' }], gaps: [] });
    expect(q.parts.map((p) => p.points)).toEqual([10, 10, 10, 10, 0]);
    expect(q.score).toBe(40);
    expect(q.parts.find((p) => p.key === 'stakeholders')?.reason).toMatch(/no economic buyer/);
  });

  it('stays within 0..100, the parts add up and the maxima match the published rubric', () => {
    const role = fc.constantFrom('economic_buyer', 'champion', 'decision_maker', 'technical_buyer', 'influencer', 'user', 'blocker', 'other' as const);
    fc.assert(
      fc.property(
        fc.string(),
        fc.option(fc.string()),
        fc.array(fc.string()),
        fc.array(role.map((r) => ({ role: r }))),
        fc.array(fc.constant({})),
        (objective, desiredCommitment, questions, attendees, gaps) => {
          const q = planQuality({ objective, desiredCommitment, questions, attendees, gaps });
          expect(q.score).toBeGreaterThanOrEqual(0);
          expect(q.score).toBeLessThanOrEqual(100);
          expect(q.parts.reduce((s, p) => s + p.points, 0)).toBe(q.score);
          expect(q.parts.map((p) => p.max)).toEqual(RUBRIC.map((r) => r.max));
        },
      ),
    );
  });
});
