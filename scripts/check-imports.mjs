// `npm run lint:imports`: the import rules of docs/ARCHITECTURE.md, checked by dependency-cruiser
// (.dependency-cruiser.cjs). dependency-cruiser reads TypeScript through the compiler API of
// TypeScript < 6, and this project compiles with TypeScript 7, which has none. So the sources are
// first stripped of types with esbuild into .cache/imports/ (same paths, .js; with
// verbatimModuleSyntax every value import stays and type-only imports go, which is what the rules
// are about: a type-only import is no runtime dependency) and the copy is cruised.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, '.cache/imports');
const FOLDERS = ['api', 'lib', 'server', 'web'];

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

rmSync(out, { recursive: true, force: true });
for (const folder of FOLDERS) {
  for (const path of files(join(root, folder))) {
    const rel = relative(root, path);
    const target = join(out, rel.replace(/\.tsx?$/, '.js'));
    if (/\.tsx?$/.test(path) && !path.endsWith('.d.ts')) {
      const { code } = transformSync(readFileSync(path, 'utf8'), {
        loader: path.endsWith('x') ? 'tsx' : 'ts',
        jsx: 'automatic',
        format: 'esm',
        tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
        sourcefile: rel,
      });
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, code);
    } else if (path.endsWith('.json')) {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, readFileSync(path));
    }
  }
}

// Violations that landed before the rules (listed, each to be fixed by its capability) are reported
// but do not fail; any new one does. `node scripts/check-imports.mjs --baseline` rewrites the list.
const known = join(root, '.dependency-cruiser-known-violations.json');
const baseline = process.argv.includes('--baseline');
const depcruise = join(root, 'node_modules/.bin', baseline ? 'depcruise-baseline' : 'depcruise');
const args = baseline
  ? [...FOLDERS, '--config', join(root, '.dependency-cruiser.cjs'), '--output-to', known]
  : [...FOLDERS, '--config', join(root, '.dependency-cruiser.cjs'), '--output-type', 'err', ...(existsSync(known) ? ['--ignore-known', known] : [])];
const result = spawnSync(depcruise, args, { cwd: out, stdio: 'inherit' });
process.exit(result.status ?? 1);
