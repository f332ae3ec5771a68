import { expect, it } from 'vitest';
import { printable, table } from './cli-io.js';

it('prints names without ANSI escapes or control characters (furrow team list, user list)', () => {
  const hostile = 'Field\u001b[2J\u001b[31mEast\u001b]0;pwned\u0007\r\nX\u0000\u009b';
  expect(printable(hostile)).toBe('FieldEastX');
  const out = table([
    ['TEAM', 'MANAGER'],
    [hostile, 'Mia'],
  ]);
  expect([...out].filter((ch) => ch !== '\n' && (ch < ' ' || (ch >= '\u007f' && ch <= '\u009f')))).toEqual([]);
  expect(out.split('\n')).toHaveLength(2);
});
