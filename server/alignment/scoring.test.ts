import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BehaviourRule, FitCriterion } from '../../api/lead-agreements.js';
import { type LeadFacts, scoreLead } from './scoring.js';

const FIT: FitCriterion[] = [
  { id: 'saas', label: 'Software industry', field: 'industry', values: ['Software', 'SaaS'], points: 20 },
  { id: 'mid', label: '50–1000 employees', field: 'companySize', min: 50, max: 1000, points: 15 },
  { id: 'vp', label: 'Sales leader', field: 'title', values: ['vp', 'head of sales'], points: 10 },
  { id: 'student', label: 'Student', field: 'title', values: ['student'], points: -30 },
];
const BEHAVIOURS: BehaviourRule[] = [
  { id: 'demo', label: 'Asked for a demo', event: 'demo_request', points: 40 },
  { id: 'pricing', label: 'Visited pricing', event: 'pricing_page', points: 5, maxTimes: 3 },
];
const terms = { fit: FIT, behaviours: BEHAVIOURS, mqlThreshold: 50 };

const events = fc.array(fc.constantFrom('demo_request', 'pricing_page', 'webinar', 'other'), { maxLength: 12 }).map((e) => e.map((event) => ({ event })));
const lead = fc.record<LeadFacts>({
  industry: fc.option(fc.constantFrom('Software', 'saas', 'Retail', 'Banking'), { nil: null }),
  companySize: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
  title: fc.option(fc.constantFrom('VP Sales', 'Head of Sales EMEA', 'Student', 'Engineer'), { nil: null }),
  country: fc.option(fc.constantFrom('DE', 'FR'), { nil: null }),
  segment: fc.option(fc.constantFrom('smb', 'mid'), { nil: null }),
  behaviours: events,
});

describe('lead scoring', () => {
  it('explains every point: the score is the sum of its explanation lines', () => {
    fc.assert(
      fc.property(lead, (l) => {
        expect(scoreLead(terms, l).score).toBe(scoreLead(terms, l).points.reduce((s, p) => s + p.points, 0));
      }),
    );
  });

  it('does not depend on the order of behaviours', () => {
    fc.assert(
      fc.property(lead, fc.integer(), (l, seed) => {
        const shuffled = [...l.behaviours].sort((a, b) => ((a.event.length * seed) % 7) - ((b.event.length * seed) % 7));
        expect(scoreLead(terms, { ...l, behaviours: shuffled }).score).toBe(scoreLead(terms, l).score);
      }),
    );
  });

  it('never lowers the score when a behaviour with positive points is added', () => {
    fc.assert(
      fc.property(lead, fc.constantFrom('demo_request', 'pricing_page'), (l, event) => {
        expect(scoreLead(terms, { ...l, behaviours: [...l.behaviours, { event }] }).score).toBeGreaterThanOrEqual(scoreLead(terms, l).score);
      }),
    );
  });

  it('is an MQL exactly when the score reaches the threshold', () => {
    fc.assert(
      fc.property(lead, (l) => {
        expect(scoreLead(terms, l).isMql).toBe(scoreLead(terms, l).score >= 50);
      }),
    );
  });

  it('caps repeated behaviours and says so', () => {
    const s = scoreLead(terms, {
      industry: 'Software',
      companySize: 200,
      title: 'VP Sales',
      country: null,
      segment: null,
      behaviours: Array(5).fill({ event: 'pricing_page' }),
    });
    expect(s.points.map((p) => [p.ruleId, p.points])).toEqual([
      ['saas', 20],
      ['mid', 15],
      ['vp', 10],
      ['pricing', 15],
    ]);
    expect(s.points[3]?.because).toBe('pricing_page 3 times (of 5; counted at most 3)');
    expect(s.score).toBe(60);
    expect(s.isMql).toBe(true);
  });

  it('takes negative fit points (a student is not a buyer)', () => {
    const s = scoreLead(terms, { industry: null, companySize: null, title: 'Student', country: null, segment: null, behaviours: [{ event: 'demo_request' }] });
    expect(s.score).toBe(10);
    expect(s.isMql).toBe(false);
  });
});
