import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDrivers, type FocusInput, rankFocus, stageSkills } from './focus-rules.js';

const m = (value: number | null, records = 20) => ({ value, records });

const base = (): FocusInput => ({
  person: { opportunities: m(10), winRate: m(0.2), dealSize: m(1_000_000), cycleDays: m(50) },
  benchmark: { opportunities: m(10), winRate: m(0.2), dealSize: m(1_000_000), cycleDays: m(50) },
  stages: [],
  benchmarkLabel: 'Field',
  currency: 'EUR',
});

describe('rankFocus', () => {
  it('works the example by hand: the lever that adds most velocity comes first', () => {
    const input = base();
    input.benchmark.winRate = m(0.3); // 10 × 0.3 × 1,000,000 ÷ 50 = 60,000 vs 40,000: +20,000
    input.benchmark.cycleDays = m(40); // 10 × 0.2 × 1,000,000 ÷ 40 = 50,000: +10,000
    input.benchmark.dealSize = m(900_000); // the person is ahead: no suggestion
    input.stages = [
      { stageId: 's1', stageName: 'Discovery', index: 1, of: 5, person: m(0.5, 10), benchmark: m(0.6, 40) }, // × 1.2: +8,000
      { stageId: 's2', stageName: 'Proposal', index: 3, of: 5, person: m(0.5, 3), benchmark: m(0.9, 40) }, // too few entries
    ];
    const r = rankFocus(input);
    expect(r.velocity).toBe(40_000);
    expect(r.suggestions.map((s) => [s.lever, Math.round(s.effect)])).toEqual([
      ['win_rate', 20_000],
      ['cycle', 10_000],
      ['stage_conversion', 8_000],
    ]);
    expect(r.suggestions[2]?.skillKeys).toEqual(['discovery', 'qualification']);
    expect(r.suggestions[0]?.explanation).toBe(
      "Win rate 20.0% against Field's 30.0% (20 records): at Field's figure, sales velocity would go from 400 EUR/day to 600 EUR/day.",
    );
    expect(r.insufficient).toEqual([{ lever: 'stage_conversion', stageName: 'Proposal', reason: '3 deals reached Proposal; at least 5 are needed' }]);
  });

  it('gives a reason, not silence, when no velocity can be computed from enough records', () => {
    const input = base();
    input.person.cycleDays = m(0, 4); // every won deal closed the day it was created
    input.benchmark.winRate = m(0.5);
    const r = rankFocus(input);
    expect(r.velocity).toBeNull();
    expect(r.insufficient.map((x) => x.lever)).toEqual(['cycle']);
    input.person.cycleDays = m(50);
    input.person.opportunities = m(null, 0);
    expect(rankFocus(input).insufficient.map((x) => x.lever)).toEqual(['opportunities']);
  });

  it('leaves out a gap worth less than 1 % of velocity: noise, not a lever', () => {
    const input = base();
    input.person.cycleDays = m(50.00001);
    expect(rankFocus(input).suggestions).toEqual([]);
    input.person.cycleDays = m(51);
    expect(rankFocus(input).suggestions.map((s) => s.lever)).toEqual(['cycle']);
  });

  it('says there is too little data instead of guessing', () => {
    const input = base();
    input.person.winRate = m(0.5, 2);
    input.benchmark.winRate = m(0.9);
    const r = rankFocus(input);
    expect(r.velocity).toBeNull();
    expect(r.suggestions).toEqual([]);
    expect(r.insufficient[0]).toMatchObject({ lever: 'win_rate', reason: '2 closed deals in the period; at least 5 are needed' });
  });

  const measure = (lo: number, hi: number) => fc.double({ min: lo, max: hi, noNaN: true });
  const levers = fc.record({ n: fc.integer({ min: 0, max: 50 }), w: measure(0.01, 1), s: measure(1, 1e7), c: measure(1, 400) });
  const inputOf = (p: { n: number; w: number; s: number; c: number }, b: { n: number; w: number; s: number; c: number }, k = 1): FocusInput => ({
    person: { opportunities: m(p.n), winRate: m(p.w), dealSize: m(p.s * k), cycleDays: m(p.c) },
    benchmark: { opportunities: m(b.n), winRate: m(b.w), dealSize: m(b.s * k), cycleDays: m(b.c) },
    stages: [],
    benchmarkLabel: 'Team',
    currency: 'EUR',
  });

  it('only names gaps that add velocity, largest first (property)', () => {
    fc.assert(
      fc.property(levers, levers, (p, b) => {
        const r = rankFocus(inputOf(p, b));
        for (const s of r.suggestions) expect(s.effect).toBeGreaterThanOrEqual(s.velocity * 0.01);
        for (let i = 1; i < r.suggestions.length; i++) expect(r.suggestions[i - 1]?.effect).toBeGreaterThanOrEqual(r.suggestions[i]?.effect as number);
      }),
    );
  });

  it('suggests nothing to someone at the benchmark on every lever (property)', () => {
    fc.assert(
      fc.property(levers, (p) => {
        expect(rankFocus(inputOf(p, p)).suggestions).toEqual([]);
      }),
    );
  });

  it('ranks the same whatever the money unit (property)', () => {
    fc.assert(
      fc.property(levers, levers, fc.double({ min: 0.01, max: 1000, noNaN: true }), (p, b, k) => {
        const order = (x: FocusInput) => rankFocus(x).suggestions.map((s) => s.lever);
        const a = rankFocus(inputOf(p, b));
        const scaled = rankFocus(inputOf(p, b, k));
        // Effects scale with the money unit, so ties aside the order is the same.
        const distinct = a.suggestions.every((s, i) => i === 0 || Math.abs((a.suggestions[i - 1]?.effect as number) - s.effect) > 1e-6 * s.effect);
        if (distinct) expect(order(inputOf(p, b, k))).toEqual(a.suggestions.map((s) => s.lever));
        expect(scaled.suggestions.length).toBe(a.suggestions.length);
      }),
    );
  });

  it('drops a lever once the person reaches the benchmark on it (property)', () => {
    fc.assert(
      fc.property(levers, levers, (p, b) => {
        const closed = rankFocus(inputOf({ ...p, w: b.w }, b));
        expect(closed.suggestions.some((s) => s.lever === 'win_rate')).toBe(false);
      }),
    );
  });
});

describe('stageSkills', () => {
  it('maps stages by name, else by their place in the pipeline', () => {
    expect(stageSkills('Discovery', 1, 5)).toEqual(['discovery', 'qualification']);
    expect(stageSkills('Negotiation', 4, 5)).toEqual(['negotiation']);
    expect(stageSkills('Stage A', 0, 6)).toEqual(['discovery', 'qualification']);
    expect(stageSkills('Stage F', 5, 6)).toEqual(['negotiation', 'objection_handling']);
  });
});

describe('compareDrivers', () => {
  it('flags the drivers where the person is worse by which way is better, and says when records are too few', () => {
    const [time, activity, adherence, thin] = compareDrivers([
      { kpiId: 'time_in_stage', better: 'lower', person: m(30), benchmark: m(20) },
      { kpiId: 'activity_volume', better: 'higher', person: m(40), benchmark: m(39.9) },
      { kpiId: 'process_adherence', better: 'higher', person: m(0.7), benchmark: m(0.9) },
      { kpiId: 'process_adherence', better: 'higher', person: m(0.1, 4), benchmark: m(0.9) },
    ]);
    expect(time).toMatchObject({ trails: true, skillKeys: ['qualification', 'forecasting'], insufficient: null });
    expect(activity).toMatchObject({ trails: false, skillKeys: ['pipeline_generation'] });
    expect(adherence?.trails).toBe(true);
    expect(thin).toMatchObject({ trails: false, insufficient: '4 records in the period; at least 5 are needed' });
  });

  it('never flags someone at the benchmark (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom('higher' as const, 'lower' as const), (v, better) => {
        expect(compareDrivers([{ kpiId: 'activity_volume', better, person: m(v), benchmark: m(v) }])[0]?.trails).toBe(false);
      }),
    );
  });
});
