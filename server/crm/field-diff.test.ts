import { describe, expect, it } from 'vitest';
import { diffFields, historyText, initialFields } from './field-diff.js';

describe('field history', () => {
  it('stores values as text and keeps null as null', () => {
    expect(historyText(12)).toBe('12');
    expect(historyText(true)).toBe('1');
    expect(historyText(null)).toBeNull();
    expect(historyText(undefined)).toBeNull();
  });

  it('reports only fields present in the change that differ', () => {
    const prev = { name: 'A', amount: 100, domain: null };
    expect(diffFields(prev, { name: 'A', amount: 200 }, ['name', 'amount', 'domain'])).toEqual([{ field: 'amount', from: '100', to: '200' }]);
    expect(diffFields(prev, { domain: 'x.test' }, ['name', 'amount', 'domain'])).toEqual([{ field: 'domain', from: null, to: 'x.test' }]);
    expect(diffFields(prev, { colour: 'red' }, ['name'])).toEqual([]);
  });

  it('writes a creation snapshot of the fields that have a value', () => {
    expect(initialFields({ name: 'A', domain: null, amount: 0 }, ['name', 'domain', 'amount'])).toEqual([
      { field: 'name', from: null, to: 'A' },
      { field: 'amount', from: null, to: '0' },
    ]);
  });
});
