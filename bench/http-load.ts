// A small HTTP load generator on node:http (no autocannon in the tree): `connections` loops, each
// on its own keep-alive socket, send GET requests back to back for `seconds`; latencies go into a
// histogram of 10 µs buckets (up to 10 s), so percentiles cost no sorting and no memory per request.
import http from 'node:http';

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  /** Requests per loop sent and thrown away before the clock starts (JIT, caches). */
  warmup?: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  /** Answers with a status other than 200, by status. */
  statuses: Record<number, number>;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

const BUCKET_MS = 0.01;
const BUCKETS = 1_000_000;

function once(agent: http.Agent, url: URL, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  const headers = options.headers ?? {};
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const histogram = new Uint32Array(BUCKETS);
  const statuses: Record<number, number> = {};
  let requests = 0;
  let errors = 0;
  let max = 0;
  try {
    await Promise.all(
      Array.from({ length: options.connections }, async () => {
        for (let i = 0; i < (options.warmup ?? 20); i++) await once(agent, url, headers).catch(() => 0);
      }),
    );
    const started = process.hrtime.bigint();
    const end = started + BigInt(Math.round(options.seconds * 1e9));
    await Promise.all(
      Array.from({ length: options.connections }, async () => {
        while (process.hrtime.bigint() < end) {
          const t = process.hrtime.bigint();
          try {
            const status = await once(agent, url, headers);
            if (status !== 200) statuses[status] = (statuses[status] ?? 0) + 1;
          } catch {
            errors++;
          }
          const ms = Number(process.hrtime.bigint() - t) / 1e6;
          if (ms > max) max = ms;
          const bucket = Math.min(BUCKETS - 1, Math.floor(ms / BUCKET_MS));
          histogram[bucket] = (histogram[bucket] as number) + 1;
          requests++;
        }
      }),
    );
    const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
    const percentile = (p: number) => {
      const rank = Math.ceil(requests * p);
      let seen = 0;
      for (let b = 0; b < BUCKETS; b++) {
        seen += histogram[b] as number;
        if (seen >= rank) return (b + 1) * BUCKET_MS;
      }
      return max;
    };
    return { requests, errors, statuses, rps: requests / elapsed, p50: percentile(0.5), p95: percentile(0.95), p99: percentile(0.99), max };
  } finally {
    agent.destroy();
  }
}
