// The built web app is sent precompressed: brotli or gzip by Accept-Encoding, the raw file otherwise.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registerWebApp } from './static-web.js';

let dir: string;
const js = `export const hello = ${JSON.stringify('furrow '.repeat(400))};\n`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'furrow-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'app-abc123.js'), js);
  writeFileSync(join(dir, 'assets', 'app-abc123.js.br'), brotliCompressSync(js));
  writeFileSync(join(dir, 'assets', 'app-abc123.js.gz'), gzipSync(js));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('sends the brotli or gzip copy the client accepts, with long caching, and the raw file otherwise', async () => {
  const app = Fastify();
  await registerWebApp(app, dir);
  const get = (encoding?: string) => app.inject({ method: 'GET', url: '/assets/app-abc123.js', headers: encoding ? { 'accept-encoding': encoding } : {} });

  const br = await get('gzip, deflate, br');
  expect(br.statusCode).toBe(200);
  expect(br.headers['content-encoding']).toBe('br');
  expect(br.headers['cache-control']).toContain('immutable');
  expect(brotliDecompressSync(br.rawPayload).toString()).toBe(js);

  const gz = await get('gzip');
  expect(gz.headers['content-encoding']).toBe('gzip');
  expect(gunzipSync(gz.rawPayload).toString()).toBe(js);

  const raw = await get();
  expect(raw.headers['content-encoding']).toBeUndefined();
  expect(raw.body).toBe(js);
  await app.close();
});
