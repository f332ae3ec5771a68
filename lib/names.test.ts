import { expect, it } from 'vitest';
import { nameKey, storedName } from './names.js';

it('stores names in NFC without surrounding spaces and compares them in any case', () => {
  expect(storedName(' Cafe\u0301 East ')).toBe('Caf\u00e9 East');
  expect(nameKey('CAFE\u0301 EAST')).toBe(nameKey('café east'));
  expect(nameKey('East')).not.toBe(nameKey('West'));
});
