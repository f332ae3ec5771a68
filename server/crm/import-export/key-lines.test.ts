import { describe, expect, it } from 'vitest';
import { KeyLines } from './key-lines.js';

describe('KeyLines', () => {
  it('finds every key it was given with its first line, and none it was not, across growth', () => {
    const keys = new KeyLines();
    const n = 200_000;
    for (let i = 0; i < n; i++) keys.set(`ext:deal-${i}`, i + 2);
    keys.set('ext:deal-7', 999_999);
    expect(keys.size).toBe(n);
    for (let i = 0; i < n; i++) if (keys.get(`ext:deal-${i}`) !== i + 2) throw new Error(`deal-${i} lost`);
    let found = 0;
    for (let i = n; i < 2 * n; i++) if (keys.get(`ext:deal-${i}`) !== undefined) found++;
    expect(found).toBe(0);
    // Keys that differ in one character, in case only, or by a character outside ASCII are different keys.
    keys.set('name:acme|a1', 5);
    expect([keys.get('name:Acme|a1'), keys.get('name:acme|a2'), keys.get('name:acmé|a1'), keys.get('name:acme|a1')]).toEqual([
      undefined,
      undefined,
      undefined,
      5,
    ]);
  });

  it('refuses line 0, which marks an empty slot', () => {
    expect(() => new KeyLines().set('x', 0)).toThrow(RangeError);
  });
});
