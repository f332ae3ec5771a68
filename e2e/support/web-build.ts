// `npm test` on a fresh clone has no built web app: build it when dist/web is missing or older
// than anything the bundle is made from.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
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

export function webBuildIsCurrent(): boolean {
  const index = join(WEB_DIR, 'index.html');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  return SOURCES.every((s) => newestMtime(join(ROOT, s)) <= built);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function ensureWebBuilt(log: (message: string) => void = console.log): Promise<void> {
  for (let attempt = 1; !webBuildIsCurrent(); attempt++) {
    log('e2e: building the web app (dist/web is missing or older than its sources)…');
    const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
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
