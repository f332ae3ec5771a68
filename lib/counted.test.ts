import { expect, it } from 'vitest';
import { counted, inSentence } from './counted.js';

it('takes the singular for one and keeps the plural otherwise', () => {
  expect(counted(1, 'First touches')).toBe('1 first touch');
  expect(counted(3, 'First touches')).toBe('3 first touches');
  expect(counted(0, 'Rejections')).toBe('0 rejections');
  expect(counted(1, 'Activities')).toBe('1 activity');
  expect(counted(1, 'Stays in the stage')).toBe('1 stay in the stage');
  expect(counted(1, 'Open deals closing in the period')).toBe('1 open deal closing in the period');
});

it('keeps acronyms as written', () => {
  expect(counted(12, 'MQLs')).toBe('12 MQLs');
  expect(counted(1, 'MQLs')).toBe('1 MQL');
  expect(counted(1, 'MQLs delivered in committed segments')).toBe('1 MQL delivered in committed segments');
  expect(counted(2, 'Accepted (SAL)')).toBe('2 accepted (SAL)');
});

it('leaves labels without a plural head noun, and qualifiers, alone', () => {
  expect(counted(1, 'Decided in time')).toBe('1 decided in time');
  expect(counted(1, 'Won in the last 14 days of a quarter')).toBe('1 won in the last 14 days of a quarter');
  expect(counted(1, 'Business')).toBe('1 business');
});

it('formats the number with the given formatter and shows a dash for no count', () => {
  expect(counted(1200, 'MQLs', (n) => n.toLocaleString('en-US'))).toBe('1,200 MQLs');
  expect(counted(null, 'First touches')).toBe('— first touches');
});

it('puts a heading inside a sentence without lowering acronyms', () => {
  expect(inSentence('MQLs delivered')).toBe('MQLs delivered');
  expect(inSentence('Won deals')).toBe('won deals');
});
