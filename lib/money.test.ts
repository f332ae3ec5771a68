import { describe, expect, it } from 'vitest';
import { minorDigits } from './money.js';

describe('minor units', () => {
  it('knows each currency’s digits and falls back to 2 for an unknown code', () => {
    expect(minorDigits('EUR')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KWD')).toBe(3);
    expect(minorDigits('not a currency')).toBe(2);
  });
});
