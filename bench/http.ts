// `npm run bench -- --http`: the request stack, measured from outside. Starts Furrow as its own
// process on the bench database (cold start: spawn → first /readyz 200), signs in as the rep with
// the most deals and as the admin, and loads the deals list (first page) and /healthz with
// `connections` keep-alive loops; then a bare Fastify app with one route, also its own process,
// for the /healthz ratio. The load generator runs in this process, the servers in theirs.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { type LoadResult, load } from './http-load.js';

const PASSWORD = 'furrow-demo-2026';

export interface HttpBenchOptions {
  url: string;
  adminEmail: string;
  repEmail: string | null;
  connections: number;
  seconds: number;
  port: number;
  /** Extra node flags for the server (e.g. --cpu-prof). */
  nodeFlags: string[];
}

const line = (name: string, r: LoadResult, extra = '') =>
  `| ${name} | ${Math.round(r.rps).toLocaleString('en')} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.max.toFixed(1)} | ${r.errors + Object.values(r.statuses).reduce((a, b) => a + b, 0)} | ${extra} |`;

const loadavg = async () =>
  (await import('node:fs/promises')).readFile('/proc/loadavg', 'utf8').then(
    (s) => s.split(' ').slice(0, 3).join(' '),
    () => '?',
  );

/** The compiled server when built (what `furrow serve` runs), else the sources through tsx. */
function serverCommand(nodeFlags: string[]): string[] {
  if (existsSync('dist/server/cli/furrow.js')) return [...nodeFlags, 'bin/furrow.js', 'serve'];
  return [...nodeFlags, '--import', 'tsx', 'server/cli/furrow.ts', 'serve'];
}

async function waitFor(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before ${url} answered`);
    const ok = await fetch(url).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await sleep(5);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function startFurrow(o: HttpBenchOptions): Promise<{ child: ChildProcess; coldMs: number }> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, serverCommand(o.nodeFlags), {
    env: { ...process.env, DATABASE_URL: o.url, PORT: String(o.port), HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitFor(`http://127.0.0.1:${o.port}/readyz`, child);
  return { child, coldMs: Number(process.hrtime.bigint() - started) / 1e6 };
}

async function signIn(base: string, email: string): Promise<string> {
  const r = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (r.status !== 200) throw new Error(`sign-in as ${email}: ${r.status} ${await r.text()}`);
  const cookie = r.headers.getSetCookie().find((c) => c.startsWith('furrow_session='));
  if (!cookie) throw new Error(`sign-in as ${email}: no session cookie`);
  return cookie.split(';')[0] as string;
}

const BARE = `import Fastify from 'fastify';
const app = Fastify({ logger: false });
app.get('/healthz', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });`;

export async function benchHttp(o: HttpBenchOptions): Promise<void> {
  const base = `http://127.0.0.1:${o.port}`;
  const colds: number[] = [];
  for (let i = 0; i < 3; i++) {
    const { child, coldMs } = await startFurrow(o);
    colds.push(coldMs);
    await stop(child);
  }
  console.log(`\ncold start (spawn → first /readyz 200), 3 starts: ${colds.map((c) => `${Math.round(c)} ms`).join(', ')}; load ${await loadavg()}\n`);

  const { child } = await startFurrow(o);
  try {
    const admin = await signIn(base, o.adminEmail);
    const rep = o.repEmail ? await signIn(base, o.repEmail) : null;
    console.log(`${o.connections} connections, ${o.seconds} s each\n`);
    console.log('| route | req/s | p50 ms | p95 ms | p99 ms | max ms | non-200 | load |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    const run = async (name: string, path: string, cookie: string | null) => {
      const r = await load({ url: `${base}${path}`, connections: o.connections, seconds: o.seconds, headers: cookie ? { cookie } : {} });
      console.log(line(name, r, await loadavg()));
      return r;
    };
    if (rep) await run('deals list, first page (rep)', '/api/v1/deals', rep);
    await run('deals list, first page (admin)', '/api/v1/deals', admin);
    const healthz = await run('/healthz', '/healthz', null);
    await stop(child);

    const bare = spawn(process.execPath, ['--input-type=module', '-e', BARE], {
      env: { ...process.env, PORT: String(o.port) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    try {
      await waitFor(`${base}/healthz`, bare);
      const b = await run('bare Fastify, one route', '/healthz', null);
      console.log(`\n/healthz ÷ bare Fastify: ${(healthz.rps / b.rps).toFixed(2)}×`);
    } finally {
      await stop(bare);
    }
  } finally {
    await stop(child);
  }
}
