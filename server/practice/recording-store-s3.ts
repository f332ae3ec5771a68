// The S3-compatible recording store (AWS S3, MinIO, Garage, Ceph, R2…): PUT, GET and DELETE of one
// object, signed with SigV4 (sigv4.ts) over node:http(s) — no SDK (decision 0135). An upload is staged
// in a local file first, hashed on the way, and PUT whole with its length and hash only once it passed
// every check, so a refused or cut-off upload never reaches the bucket.
import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { S3StorageConfig } from '../config.js';
import type { RecordingStore } from './recording-store.js';
import { stageFile } from './recording-store.js';
import { EMPTY_SHA256, signV4, uriEncode } from './sigv4.js';

const TIMEOUT_MS = 30_000;

/** A failed call to the bucket; the message has the status and S3's error code, never a credential. */
export class StorageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StorageError';
  }
}

/** The object's address: endpoint/bucket/key (path style) or bucket.host/key (virtual-hosted). */
export function objectUrl(config: Pick<S3StorageConfig, 'endpoint' | 'bucket' | 'prefix' | 'pathStyle'>, key: string): URL {
  const path = `${config.prefix}${key}`.split('/').map(uriEncode).join('/');
  const base = new URL(config.endpoint);
  if (config.pathStyle) return new URL(`${base.origin}/${config.bucket}/${path}`);
  base.hostname = `${config.bucket}.${base.hostname}`;
  return new URL(`${base.origin}/${path}`);
}

export function s3RecordingStore(config: S3StorageConfig, stagingDir = join(tmpdir(), 'furrow-recording-staging')): RecordingStore {
  const credentials = { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey, region: config.region, service: 's3' };

  function send(method: string, key: string, headers: Record<string, string>, payloadHash: string, body?: Readable): Promise<IncomingMessage> {
    const url = objectUrl(config, key);
    const signed = signV4({ method, url, headers: { ...headers, 'x-amz-content-sha256': payloadHash }, payloadHash }, credentials, new Date());
    return new Promise((resolve, reject) => {
      const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, { method, headers: signed, timeout: TIMEOUT_MS }, resolve);
      req.on('timeout', () => req.destroy(new StorageError(`S3 ${method} timed out after ${TIMEOUT_MS / 1000} s`)));
      req.on('error', (e) => reject(e instanceof StorageError ? e : new StorageError(`S3 ${method} failed: ${e.message}`)));
      if (body) body.on('error', (e) => req.destroy(e)).pipe(req);
      else req.end();
    });
  }

  async function refuse(res: IncomingMessage, what: string): Promise<never> {
    let text = '';
    for await (const chunk of res) if (text.length < 4096) text += String(chunk);
    const code = /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1];
    throw new StorageError(`S3 ${what} answered ${res.statusCode}${code ? ` ${code}` : ''}`);
  }

  return {
    stage: (key, stream) => stageFile(stagingDir, key, stream),
    commit: async (staged, contentType) => {
      try {
        const res = await send(
          'PUT',
          staged.key,
          { 'content-length': String(staged.bytes), 'content-type': contentType },
          staged.sha256,
          createReadStream(staged.path),
        );
        if (res.statusCode !== 200) await refuse(res, 'PUT');
        res.resume();
      } finally {
        await unlink(staged.path).catch(() => {});
      }
    },
    discard: async (key) => {
      await unlink(join(stagingDir, `${key}.part`)).catch(() => {});
      const res = await send('DELETE', key, {}, EMPTY_SHA256);
      if (res.statusCode !== 204 && res.statusCode !== 200 && res.statusCode !== 404) await refuse(res, 'DELETE');
      res.resume();
    },
    open: async (key) => {
      const res = await send('GET', key, {}, EMPTY_SHA256);
      if (res.statusCode === 404) {
        res.resume();
        return null;
      }
      if (res.statusCode !== 200) await refuse(res, 'GET');
      return res;
    },
  };
}
