import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActivityType } from '../db/schema/crm.js';
import type { CriterionKind } from '../db/schema/process.js';
import {
  type ActivityFact,
  activityMet,
  type CriterionSpec,
  DAY_MS,
  defaultLabel,
  evaluateCriteria,
  type GateFacts,
  isFilled,
  overrideAllowed,
} from './criteria.js';

const NOW = Date.UTC(2026, 10, 28, 12);

const spec = (over: Partial<CriterionSpec> & { id: string; kind: CriterionKind }): CriterionSpec => ({
  stageId: 's1',
  stageName: 'Discovery',
  label: over.id,
  field: null,
  activityType: null,
  withinDays: null,
  frameworkId: null,
  minScore: null,
  scenario: null,
  ...over,
});

const emptyFacts = (over: Partial<GateFacts> = {}): GateFacts => ({
  now: NOW,
  fields: {},
  fieldLabels: {},
  ticked: new Set(),
  activities: [],
  qualification: new Map(),
  callPlan: { state: 'unavailable', hint: 'Call plans are not enabled' },
  certifications: new Map(),
  ...over,
});

describe('evaluateCriteria', () => {
  const criteria = [
    spec({ id: 'amount', kind: 'field', field: 'amount' }),
    spec({ id: 'budget', kind: 'field', field: 'custom.budget_owner' }),
    spec({ id: 'tick', kind: 'checklist' }),
    spec({ id: 'disco', kind: 'activity', activityType: 'meeting', withinDays: 30 }),
    spec({ id: 'meddpicc', kind: 'qualification', frameworkId: 'f1', minScore: 12 }),
    spec({ id: 'plan', kind: 'call_plan' }),
    spec({ id: 'cert', kind: 'certification', scenario: 'Negotiation' }),
  ];

  it('lists every missing item with its stage, kind, field and hint, in order', () => {
    const { missing } = evaluateCriteria(
      criteria,
      emptyFacts({
        fields: { amount: 0 },
        fieldLabels: { 'custom.budget_owner': 'Budget owner' },
        qualification: new Map([['f1', { name: 'MEDDPICC', total: 7, maxTotal: 24 }]]),
      }),
    );
    expect(missing.map((m) => m.criterionId)).toEqual(['amount', 'budget', 'tick', 'disco', 'meddpicc', 'plan', 'cert']);
    expect(missing[0]).toMatchObject({ stageId: 's1', stageName: 'Discovery', kind: 'field', field: 'amount', hint: 'Enter an amount above zero' });
    expect(missing[1]).toMatchObject({ field: 'custom.budget_owner', hint: 'Fill in Budget owner' });
    expect(missing[3]?.hint).toBe('Log a meeting on this deal in the last 30 days');
    expect(missing[4]?.hint).toBe('MEDDPICC total is 7; 12 of 24 needed');
    expect(missing[5]?.hint).toBe('Call plans are not enabled');
    expect(missing[2]).not.toHaveProperty('field');
    // What to act on in place: the activity type to log, the framework to score.
    expect(missing[3]).toMatchObject({ activityType: 'meeting' });
    expect(missing[4]).toMatchObject({ frameworkId: 'f1' });
    expect(missing[5]).not.toHaveProperty('activityType');
  });

  it('passes when every fact is there', () => {
    const { missing, results } = evaluateCriteria(
      criteria,
      emptyFacts({
        fields: { amount: 5000, 'custom.budget_owner': 'CFO' },
        ticked: new Set(['tick']),
        activities: [{ type: 'meeting', occurredAt: NOW - 3 * DAY_MS, completedAt: null }],
        qualification: new Map([['f1', { name: 'MEDDPICC', total: 12, maxTotal: 24 }]]),
        callPlan: { state: 'met' },
        certifications: new Map([['Negotiation', { state: 'met' }]]),
      }),
    );
    expect(missing).toEqual([]);
    expect(results.every((r) => r.met)).toBe(true);
  });

  it('never lets a hook pass while its capability is not enabled', () => {
    const { missing } = evaluateCriteria([spec({ id: 'plan', kind: 'call_plan' })], emptyFacts());
    expect(missing).toHaveLength(1);
  });

  it('fails a qualification criterion whose framework is gone', () => {
    const { missing } = evaluateCriteria([spec({ id: 'q', kind: 'qualification', frameworkId: 'gone', minScore: 1 })], emptyFacts());
    expect(missing[0]?.hint).toMatch(/no longer exists/);
  });
});

describe('isFilled and activityMet', () => {
  it('treats blanks, zero amounts and "no" as not filled', () => {
    expect(isFilled('nextStep', '  ')).toBe(false);
    expect(isFilled('amount', 0)).toBe(false);
    expect(isFilled('custom.size', 0)).toBe(true);
    expect(isFilled('custom.legal_ok', false)).toBe(false);
    expect(isFilled('custom.legal_ok', true)).toBe(true);
    expect(isFilled('contactId', null)).toBe(false);
  });

  it('counts a meeting once held, a task once completed, within the window inclusive', () => {
    const held: ActivityFact = { type: 'meeting', occurredAt: NOW - 7 * DAY_MS, completedAt: null };
    expect(activityMet([held], 'meeting', 7, NOW)).toBe(true);
    expect(activityMet([{ ...held, occurredAt: NOW - 7 * DAY_MS - 1 }], 'meeting', 7, NOW)).toBe(false);
    expect(activityMet([{ ...held, occurredAt: NOW + 1 }], 'meeting', null, NOW)).toBe(false);
    expect(activityMet([held], 'call', null, NOW)).toBe(false);
    expect(activityMet([{ type: 'task', occurredAt: NOW - DAY_MS, completedAt: null }], 'task', null, NOW)).toBe(false);
    expect(activityMet([{ type: 'task', occurredAt: NOW + DAY_MS, completedAt: NOW - 1 }], 'task', null, NOW)).toBe(true);
  });
});

describe('overrideAllowed and defaultLabel', () => {
  it('allows an override only when every stage with a gap allows it', () => {
    const m = (stageId: string) => ({ stageId, stageName: stageId, criterionId: 'c', kind: 'checklist', label: 'x' });
    expect(overrideAllowed([m('a'), m('b')], (s) => s === 'a')).toBe(false);
    expect(overrideAllowed([m('a'), m('a')], (s) => s === 'a')).toBe(true);
    expect(overrideAllowed([], () => false)).toBe(true);
  });

  it('describes criteria without a label', () => {
    expect(defaultLabel({ kind: 'field', field: 'amount', activityType: null, withinDays: null, minScore: null, scenario: null }, {})).toBe(
      'Amount is filled in',
    );
    expect(defaultLabel({ kind: 'activity', field: null, activityType: 'meeting', withinDays: 14, minScore: null, scenario: null }, {})).toBe(
      'A meeting is logged in the last 14 days',
    );
    expect(
      defaultLabel({ kind: 'qualification', field: null, activityType: null, withinDays: null, minScore: 10, scenario: null }, { frameworkName: 'BANT' }),
    ).toBe('BANT score at least 10');
  });
});

// ---- properties -------------------------------------------------------------------------------

const TYPES: ActivityType[] = ['call', 'meeting', 'email', 'task', 'note'];
const FIELDS = ['amount', 'closeDate', 'contactId', 'nextStep', 'custom.a', 'custom.b'];
const FRAMEWORKS = ['f1', 'f2'];
const SCENARIOS = ['Pricing', 'Negotiation'];

const arbCriterion = (id: string) =>
  fc.oneof(
    fc.constantFrom(...FIELDS).map((field) => spec({ id, kind: 'field', field })),
    fc.constant(spec({ id, kind: 'checklist' })),
    fc
      .record({ t: fc.constantFrom(...TYPES), d: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }) })
      .map(({ t, d }) => spec({ id, kind: 'activity', activityType: t, withinDays: d })),
    fc
      .record({ f: fc.constantFrom(...FRAMEWORKS), min: fc.integer({ min: 1, max: 24 }) })
      .map(({ f, min }) => spec({ id, kind: 'qualification', frameworkId: f, minScore: min })),
    fc.constant(spec({ id, kind: 'call_plan' })),
    fc.constantFrom(...SCENARIOS).map((s) => spec({ id, kind: 'certification', scenario: s })),
  );

const arbCriteria = fc
  .integer({ min: 0, max: 12 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbCriterion(`c${i}`))))
  .map((t) => [...t] as CriterionSpec[]);

const arbHook = fc.oneof(
  fc.constant({ state: 'met' } as const),
  fc.constant({ state: 'unmet', hint: 'no' } as const),
  fc.constant({ state: 'unavailable', hint: 'off' } as const),
);

const arbActivity = fc.record({
  type: fc.constantFrom(...TYPES),
  occurredAt: fc.integer({ min: NOW - 90 * DAY_MS, max: NOW + 30 * DAY_MS }),
  completedAt: fc.option(fc.integer({ min: NOW - 90 * DAY_MS, max: NOW }), { nil: null }),
});

const arbFacts = fc
  .record({
    fields: fc.dictionary(fc.constantFrom(...FIELDS), fc.oneof(fc.constant(null), fc.string(), fc.integer({ min: 0, max: 10 }), fc.boolean())),
    ticked: fc.uniqueArray(fc.constantFrom(...Array.from({ length: 12 }, (_, i) => `c${i}`))),
    activities: fc.array(arbActivity, { maxLength: 6 }),
    f1: fc.integer({ min: 0, max: 24 }),
    f2: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }),
    callPlan: arbHook,
    pricing: arbHook,
  })
  .map(
    (r): GateFacts =>
      emptyFacts({
        fields: r.fields,
        ticked: new Set(r.ticked),
        activities: r.activities,
        qualification: new Map([
          ['f1', { name: 'MEDDPICC', total: r.f1, maxTotal: 24 }],
          ...(r.f2 === null ? [] : [['f2', { name: 'BANT', total: r.f2, maxTotal: 12 }] as const]),
        ]),
        callPlan: r.callPlan,
        certifications: new Map([['Pricing', r.pricing]]),
      }),
  );

/** More facts: every field filled, every item ticked, every activity type logged just now, top scores, hooks met. */
function completed(facts: GateFacts): GateFacts {
  return {
    ...facts,
    fields: Object.fromEntries(FIELDS.map((f) => [f, f === 'amount' ? 1 : 'x'])),
    ticked: new Set(Array.from({ length: 12 }, (_, i) => `c${i}`)),
    activities: [...facts.activities, ...TYPES.map((type) => ({ type, occurredAt: facts.now, completedAt: facts.now }))],
    qualification: new Map(FRAMEWORKS.map((f) => [f, { name: f, total: 300, maxTotal: 300 }])),
    callPlan: { state: 'met' },
    certifications: new Map(SCENARIOS.map((s) => [s, { state: 'met' } as const])),
  };
}

describe('criteria engine laws', () => {
  it('reports exactly the unmet criteria, each once, in the given order', () => {
    fc.assert(
      fc.property(arbCriteria, arbFacts, (criteria, facts) => {
        const { results, missing } = evaluateCriteria(criteria, facts);
        expect(results.map((r) => r.criterion.id)).toEqual(criteria.map((c) => c.id));
        expect(missing.map((m) => m.criterionId)).toEqual(results.filter((r) => !r.met).map((r) => r.criterion.id));
        for (const m of missing) expect(m.label.length).toBeGreaterThan(0);
      }),
    );
  });

  it('evaluates each criterion independently: the missing list of a concatenation is the concatenation', () => {
    fc.assert(
      fc.property(arbCriteria, arbCriteria, arbFacts, (a, b, facts) => {
        const b2 = b.map((c) => ({ ...c, id: `b-${c.id}` }));
        const ids = (cs: CriterionSpec[]) => evaluateCriteria(cs, facts).missing.map((m) => m.criterionId);
        expect(ids([...a, ...b2])).toEqual([...ids(a), ...ids(b2)]);
      }),
    );
  });

  it('is monotone: adding facts never adds a missing item, and complete facts meet everything', () => {
    fc.assert(
      fc.property(arbCriteria, arbFacts, (criteria, facts) => {
        const before = new Set(evaluateCriteria(criteria, facts).missing.map((m) => m.criterionId));
        const full = completed(facts);
        const after = evaluateCriteria(criteria, full).missing;
        expect(after).toEqual([]);
        const partial = { ...facts, ticked: full.ticked };
        for (const m of evaluateCriteria(criteria, partial).missing) expect(before.has(m.criterionId)).toBe(true);
      }),
    );
  });

  it('never meets a hook criterion that its capability reports unavailable', () => {
    fc.assert(
      fc.property(arbCriteria, arbFacts, (criteria, facts) => {
        const off: GateFacts = { ...facts, callPlan: { state: 'unavailable', hint: 'off' }, certifications: new Map() };
        const { results } = evaluateCriteria(criteria, off);
        for (const r of results) if (r.criterion.kind === 'call_plan' || r.criterion.kind === 'certification') expect(r.met).toBe(false);
      }),
    );
  });
});
