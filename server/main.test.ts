// serve() on a port another program holds: it fails (so `furrow serve` exits non-zero) and leaves
// no shutdown handler behind that would end the process with code 0.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { loadConfig } from './config.js';
import { serve } from './main.js';

let dir: string;
let holder: Server;
let port: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'furrow-serve-'));
  holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  port = (holder.address() as { port: number }).port;
});

afterAll(async () => {
  await new Promise((resolve) => holder.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

it('rejects when the port is taken, without installing the graceful-close handlers', async () => {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  const before = ['beforeExit', 'SIGTERM', 'uncaughtException'].map((e) => process.listenerCount(e));
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: `sqlite:${join(dir, 'furrow.db')}`, PORT: String(port), HOST: '127.0.0.1' });
  await expect(serve(config, { demoIfEmpty: false })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  expect(['beforeExit', 'SIGTERM', 'uncaughtException'].map((e) => process.listenerCount(e))).toEqual(before);
  log.mockRestore();
});
