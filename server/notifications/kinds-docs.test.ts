// The kinds table of docs/notifications.md lists every kind of the catalogue with its defaults, so
// a user reading what Furrow may tell them reads what it does.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { KINDS } from './kinds.js';

it('documents every notification kind with its default channels, and no other', () => {
  const doc = readFileSync(new URL('../../docs/notifications.md', import.meta.url), 'utf8');
  const rows = [...doc.matchAll(/^\| `([a-z0-9.-]+)` \|.*\| (on|off) \| (on|off) \|$/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
  const kinds = KINDS.map((k) => `${k.id} ${k.defaults.inApp ? 'on' : 'off'} ${k.defaults.email ? 'on' : 'off'}`);
  expect(rows.sort()).toEqual(kinds.sort());
});
