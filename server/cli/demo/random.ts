// A small seeded PRNG (mulberry32) with the draws the simulation needs. Seeded from constants, so
// the demo comes out the same for a given `now`; every deal gets its own stream, so the scale
// generator can produce deals in any chunking and still get the same data.

/** Mixes numbers into one 32-bit seed (murmur3 finaliser per part). */
export function hash32(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    let k = Math.imul(part >>> 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** FNV-1a of a string, for seeding from text such as a workspace id. */
export function stringSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  u32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  float(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight; weights need not sum to 1. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal around a median: durations and deal sizes are skewed, never negative. */
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
    return items;
  }
}

/** An independent stream for one purpose and index, e.g. rngFor(SEED, STREAM_DEAL, 42). */
export function rngFor(...path: number[]): Rng {
  return new Rng(hash32(...path));
}

export interface IdFactory {
  next(): string;
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/**
 * UUIDv7 ids in strictly increasing order from `startMs`, with the 12-bit sub-millisecond counter
 * the RFC allows: a bulk load then appends to every primary-key B-tree instead of splitting pages
 * all over it (2–3× faster at a million rows). The random part comes from `rng`.
 */
export function idFactory(rng: Rng, startMs: number): IdFactory {
  let counter = 0;
  return {
    next(): string {
      const t = hex(Math.floor(startMs) + Math.floor(counter / 4096), 12);
      const seq = counter % 4096;
      counter++;
      const b = rng.u32();
      const c = rng.u32();
      const variant = ((b >>> 16) & 0x3fff) | 0x8000;
      return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${hex(seq, 3)}-${hex(variant, 4)}-${hex(b & 0xffff, 4)}${hex(c, 8)}`;
    },
  };
}
