// `npm run lint:imports`: the import rules of docs/ARCHITECTURE.md, checked by dependency-cruiser
// (.dependency-cruiser.cjs). dependency-cruiser reads TypeScript through the compiler API of
// TypeScript < 6, and this project compiles with TypeScript 7, which has none. So the sources are
// first stripped of types with esbuild into .cache/imports/ (same paths, .js; with
// verbatimModuleSyntax every value import stays and type-only imports go, which is what the rules
// are about: a type-only import is no runtime dependency) and the copy is cruised.
//
// One rule is checked here directly, before the cruise: web code reaches the server through the
// data layer (web/data/, decision 0160), never through the api client (web/app/api.ts) itself.
// Importing the client's error type (ApiError, isApiError) to read a failure is fine.
// WEB_API_NOT_YET_MOVED lists the files that still import the client; it may only shrink: a file
// not on it that imports the client fails, and so does a listed file that no longer does (take it
// off the list).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const WEB_API_NOT_YET_MOVED = [];

/** The names a web file imports from the api client, bar its error type and type-only imports. */
function clientImports(path, source) {
  const names = [];
  const client = join(root, 'web/app/api.ts');
  for (const m of source.matchAll(/^import\s+(type\s+)?([^;]*?)\s+from\s+'([^']+)';/gms)) {
    if (m[1] || !m[3].startsWith('.') || join(dirname(path), `${m[3]}.ts`) !== client) continue;
    const specifiers = m[2]
      .replace(/^\{|\}$/g, '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const s of specifiers) if (!s.startsWith('type ') && s !== 'ApiError' && s !== 'isApiError') names.push(s);
  }
  return names;
}

function checkWebApiImports() {
  const problems = [];
  const importing = new Set();
  for (const path of files(join(root, 'web'))) {
    const rel = relative(root, path);
    if (!/\.tsx?$/.test(rel) || rel.startsWith('web/data/') || rel === 'web/app/api.ts') continue;
    const names = clientImports(path, readFileSync(path, 'utf8'));
    if (names.length === 0) continue;
    importing.add(rel);
    if (!WEB_API_NOT_YET_MOVED.includes(rel))
      problems.push(`${rel} imports ${names.join(', ')} from web/app/api.ts: read and write through web/data/ (decision 0160)`);
  }
  for (const rel of WEB_API_NOT_YET_MOVED)
    if (!importing.has(rel)) problems.push(`${rel} no longer imports the api client: take it off WEB_API_NOT_YET_MOVED in scripts/check-imports.mjs`);
  return problems;
}
const out = join(root, '.cache/imports');
const FOLDERS = ['api', 'lib', 'server', 'web'];

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

const webApiProblems = checkWebApiImports();
for (const problem of webApiProblems) console.error(`error web-through-data-layer: ${problem}`);

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
process.exit(webApiProblems.length > 0 ? 1 : (result.status ?? 1));
