// `npm test` on a fresh clone has no built web app: build it when dist/web is missing, older than
// anything the bundle is made from, or a development build. The build is always a production one:
// vitest sets NODE_ENV=test, and Vite run under it bundled React's development builds (jsxDEV, every
// render checked and logged), which made the journeys' pages 3-5× slower than the app people get.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
export const WEB_DIR = join(ROOT, 'dist/web');
const SOURCES = ['web', 'api', 'vite.config.ts', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** A function only React's development build has: its presence means the bundle was not built for production. */
const DEVELOPMENT_REACT = 'react_stack_bottom_frame';

function isDevelopmentBuild(): boolean {
  const assets = join(WEB_DIR, 'assets');
  if (!existsSync(assets)) return false;
  return readdirSync(assets).some((name) => /^vendor-.*\.js$/.test(name) && readFileSync(join(assets, name), 'utf8').includes(DEVELOPMENT_REACT));
}

export function webBuildIsCurrent(): boolean {
  const index = join(WEB_DIR, 'index.html');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  return SOURCES.every((s) => newestMtime(join(ROOT, s)) <= built) && !isDevelopmentBuild();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function ensureWebBuilt(log: (message: string) => void = console.log): Promise<void> {
  for (let attempt = 1; !webBuildIsCurrent(); attempt++) {
    log('e2e: building the web app (dist/web is missing or older than its sources)…');
    const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'inherit', 'pipe'],
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (result.status === 0) return;
    // Vite refuses to build while another build of this project runs; that one may finish the job.
    const locked = /another Vite build process/i.test(result.stderr ?? '');
    if (!locked || attempt >= 30) {
      process.stderr.write(result.stderr ?? '');
      throw new Error(`vite build failed (exit ${result.status ?? result.signal})`);
    }
    await sleep(2000);
  }
}
