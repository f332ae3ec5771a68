import { describe, expect, it } from 'vitest';
import { hash32, idFactory, Rng, rngFor } from './random.js';

describe('Rng', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number) =>
      Array.from(
        { length: 20 },
        (() => {
          const r = new Rng(seed);
          return () => r.u32();
        })(),
      );
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('derives independent streams from a path', () => {
    expect(rngFor(1, 2, 3).u32()).toBe(rngFor(1, 2, 3).u32());
    expect(rngFor(1, 2, 3).u32()).not.toBe(rngFor(1, 2, 4).u32());
    expect(hash32(1, 2)).not.toBe(hash32(2, 1));
  });

  it('draws integers inside the inclusive range, reaching both ends', () => {
    const r = new Rng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i++) {
      const n = r.int(3, 6);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(6);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('never picks a zero weight and follows the weights', () => {
    const r = new Rng(9);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10_000; i++)
      counts[
        r.weighted([
          ['a', 1],
          ['b', 0],
          ['c', 3],
        ] as const)
      ]++;
    expect(counts.b).toBe(0);
    expect(counts.c / counts.a).toBeGreaterThan(2.5);
    expect(counts.c / counts.a).toBeLessThan(3.5);
  });

  it('has the asked mean for poisson and median for lognormal', () => {
    const r = new Rng(11);
    const n = 20_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += r.poisson(4);
    expect(sum / n).toBeCloseTo(4, 0);
    const xs = Array.from({ length: n }, () => r.lognormal(10, 0.5)).sort((a, b) => a - b);
    expect(xs[n / 2]).toBeGreaterThan(9.5);
    expect(xs[n / 2]).toBeLessThan(10.5);
  });
});

describe('idFactory', () => {
  it('makes unique, strictly increasing UUIDv7 text from the start instant', () => {
    const start = Date.UTC(2026, 10, 28, 9, 0);
    const ids = idFactory(new Rng(1), start);
    const made = Array.from({ length: 50_000 }, () => ids.next());
    expect(new Set(made).size).toBe(made.length);
    for (const id of made.slice(0, 100)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt((made[0] as string).replace('-', '').slice(0, 12), 16)).toBe(start);
    expect(made.every((id, i) => i === 0 || (made[i - 1] as string) < id)).toBe(true);
  });
});
