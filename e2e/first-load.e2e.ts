// The JavaScript a browser fetches for the first page, from the production build the journeys use
// (issue 15: ≤ 250 KB gzipped is the target). A budget stops a regression that would otherwise show
// only as a slower first load: TypeBox crept back into it once through a constant imported from
// api/ and the save-error helper, +27 KB.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { WEB_DIR } from './support/web-build.js';

/** The first page's JavaScript: the entry script and every module it preloads (index.html). */
function firstLoadScripts(): string[] {
  const html = readFileSync(join(WEB_DIR, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1] as string);
}

it('keeps the first page’s JavaScript within its budget and free of the libraries only forms need', () => {
  const scripts = firstLoadScripts();
  expect(scripts.length).toBeGreaterThan(1);
  const sizes = scripts.map((name) => ({ name, gzip: gzipSync(readFileSync(join(WEB_DIR, 'assets', name)), { level: 9 }).length }));
  const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
  console.log(
    `first load: ${scripts.length} scripts, ${(total / 1024).toFixed(1)} KB gzipped (${sizes.map((s) => `${s.name} ${(s.gzip / 1024).toFixed(1)}`).join(', ')})`,
  );
  expect(total / 1024, 'KB gzipped').toBeLessThanOrEqual(260);

  // Form validation and charts load with the screens that use them, never on the first page (the
  // app-wide DatesProvider and dayjs, ~3 KB, are there on purpose; the date pickers are not).
  const maps = scripts.map((name) => join(WEB_DIR, 'assets', `${name}.map`)).filter((file) => existsSync(file));
  expect(maps.length).toBeGreaterThan(1);
  const sources = maps.flatMap((file) => (JSON.parse(readFileSync(file, 'utf8')) as { sources: string[] }).sources);
  const heavy = sources.filter((s) => /node_modules\/(typebox|@mantine\/form|@mantine\/charts|recharts)\//.test(s));
  expect([...new Set(heavy.map((s) => s.replace(/.*node_modules\/((?:@[^/]+\/)?[^/]+).*/, '$1')))]).toEqual([]);
});
