// `furrow --help` must answer in a fraction of a second: the modules loaded before a command runs
// (the static import graph of furrow.ts) may not reach the database drivers, Kysely or any service.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Value imports (not `import type`, not `import()`) of one TypeScript file. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs: string[] = [];
  for (const m of text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)';/gms)) specs.push(m[1] as string);
  return specs;
}

function graphFrom(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of staticImports(file)) {
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec.replace(/^node:/, 'node:'));
    }
  };
  visit(entry);
  return { files, packages };
}

it('loads no database, Kysely or service code before a command runs', () => {
  const { files, packages } = graphFrom(resolve(ROOT, 'server/cli/furrow.ts'));
  const relative = [...files].map((f) => f.slice(ROOT.length + 1));
  expect(relative.filter((f) => /service|repo|db\/|app\.ts|main\.ts|demo/.test(f))).toEqual([]);
  expect([...packages].filter((p) => ['kysely', 'better-sqlite3', 'pg', 'fastify', 'typebox/value'].includes(p))).toEqual([]);
  // The graph is real: the command definitions are in it.
  expect(relative).toContain('server/cli/user-commands.ts');
});
