// Where a screen's main-thread time goes: a CPU profile of one full load, self time by source
// function (through the build's source maps) and the long tasks with their start times.
//   npx tsx e2e/support/profile-page.ts /board [--as cso@demo.furrow.test] [--top 25]
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { seedDemo } from '../../server/cli/demo-seed.js';
import { launchBrowser } from './browser.js';
import { readPageMetrics, recordPageMetrics } from './page-metrics.js';
import { startServer } from './server.js';
import { settled } from './settle.js';
import { ensureWebBuilt, WEB_DIR } from './web-build.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { as: { type: 'string', default: 'cso@demo.furrow.test' }, top: { type: 'string', default: '25' }, crowd: { type: 'string', default: '0' } },
});
const path = positionals[0] ?? '/board';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** Self time of each kind of event on the renderer's main thread (complete events, nested ones subtracted). */
function traceSelf(events: TraceEvent[]): Map<string, number> {
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const mine = events
    .filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const out = new Map<string, number>();
  const stack: { end: number; name: string }[] = [];
  for (const e of mine) {
    while (stack.length > 0 && stack.at(-1)!.end <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) out.set(parent.name, (out.get(parent.name) ?? 0) - (e.dur ?? 0));
    out.set(e.name, (out.get(e.name) ?? 0) + (e.dur ?? 0));
    stack.push({ end: e.ts + (e.dur ?? 0), name: e.name });
  }
  return out;
}

const maps = new Map<string, SourceMap | null>();
function mapOf(url: string): SourceMap | null {
  const file = url.split('/assets/')[1];
  if (!file) return null;
  if (!maps.has(file)) {
    try {
      maps.set(file, new SourceMap(JSON.parse(readFileSync(join(WEB_DIR, 'assets', `${file}.map`), 'utf8'))));
    } catch {
      maps.set(file, null);
    }
  }
  return maps.get(file) ?? null;
}
function where(frame: ProfileNode['callFrame']): string {
  if (!frame.url) return `(${frame.functionName || 'program'})`;
  const map = frame.lineNumber >= 0 ? mapOf(frame.url) : null;
  const pos = map?.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string; originalLine?: number; name?: string } | undefined;
  if (pos?.originalSource)
    return `${pos.name ?? frame.functionName ?? '?'} ${pos.originalSource.replace(/^.*node_modules\//, 'nm/').replace(/^.*\/web\//, 'web/')}:${(pos.originalLine ?? 0) + 1}`;
  return `${frame.functionName || '?'} ${frame.url.split('/').pop()}:${frame.lineNumber}`;
}

await ensureWebBuilt();
const server = await startServer();
const browser = await launchBrowser();
try {
  const demo = await seedDemo(server.database, { now: Date.now() });
  if (Number(values.crowd) > 0) {
    const { crowdStage } = await import('./crowd.js');
    const owner = await server.database.db.selectFrom('users').select('id').where('email', '=', 'rep1@demo.furrow.test').executeTakeFirstOrThrow();
    await crowdStage(server.database.db, {
      workspaceId: demo.workspaceId,
      ownerId: owner.id,
      stageName: 'Qualify',
      count: Number(values.crowd),
      prefix: 'Crowded',
    });
  }
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/Berlin' });
  await recordPageMetrics(context);
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Email').fill(values.as);
  await page.getByRole('textbox', { name: 'Password' }).fill('furrow-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await settled(page, 60_000);
  await page.goto(`${server.url}${path}`);
  await settled(page, 60_000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const requests: string[] = [];
  const t0 = Date.now();
  page.on('requestfinished', (r) => {
    const t = r.timing();
    requests.push(
      `${String(Math.round(t.startTime - t0)).padStart(6)} ms +${String(Math.round(t.responseEnd)).padStart(5)} ms  ${r.url().replace(server.url, '')}`,
    );
  });
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'] });
  await page.goto(`${server.url}${path}`);
  await settled(page, 60_000);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  console.log(JSON.stringify(await readPageMetrics(page)));
  console.log(`requests (start from navigation, duration):\n${requests.join('\n')}`);
  const self = new Map<number, number>();
  for (const [i, id] of profile.samples.entries()) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfBy = new Map<string, number>();
  const totalBy = new Map<string, number>();
  for (const [id, us] of self) {
    const node = byNode.get(id)!;
    selfBy.set(where(node.callFrame), (selfBy.get(where(node.callFrame)) ?? 0) + us);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = where(byNode.get(cur)!.callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      totalBy.set(k, (totalBy.get(k) ?? 0) + us);
    }
  }
  const top = Number(values.top);
  const print = (title: string, m: Map<string, number>) => {
    console.log(`\n${title}`);
    for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`);
  };
  print('main thread by trace event (self time, the browser’s own work included)', traceSelf(trace.traceEvents));
  print('self time', selfBy);
  print('total time (inclusive)', totalBy);
} finally {
  await browser.close();
  await server.close();
}
