// A small S3-compatible server on loopback for tests: path-style PUT / GET / DELETE of objects in one
// bucket. It checks every request the way S3 does, written here apart from server/practice/sigv4.ts:
// the canonical request is rebuilt from what arrived on the wire (method, raw path, headers named in
// SignedHeaders), the key derived from the secret, and the signature compared; a PUT must carry its
// length and a body whose SHA-256 is the signed x-amz-content-sha256.
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type S3StorageConfig, s3StorageConfig } from '../config.js';

export interface StoredObject {
  body: Buffer;
  contentType: string;
}

export interface S3Receiver {
  config: S3StorageConfig;
  /** Objects by key (without the bucket). */
  objects: Map<string, StoredObject>;
  /** Every request: method, key and the status answered. */
  log: { method: string; key: string; status: number }[];
  /** Answer the next PUTs with 503 SlowDown (a store outage). */
  failPuts: number;
  close(): Promise<void>;
}

const BUCKET = 'furrow-test';
const ACCESS_KEY = 'FURROWTESTKEY';
const SECRET = 'test-secret/with+symbols=';

const hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const mac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** null when the signature holds, else S3's error code. */
function checkSignature(req: IncomingMessage, pathname: string, query: string): string | null {
  const auth = String(req.headers.authorization ?? '');
  const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return 'AuthorizationHeaderMalformed';
  const [, accessKey, day, region, signedHeaders, signature] = m as unknown as [string, string, string, string, string, string];
  if (accessKey !== ACCESS_KEY) return 'InvalidAccessKeyId';
  const amzDate = String(req.headers['x-amz-date'] ?? '');
  if (!amzDate.startsWith(day)) return 'SignatureDoesNotMatch';
  const at = Date.UTC(
    +amzDate.slice(0, 4),
    +amzDate.slice(4, 6) - 1,
    +amzDate.slice(6, 8),
    +amzDate.slice(9, 11),
    +amzDate.slice(11, 13),
    +amzDate.slice(13, 15),
  );
  if (Math.abs(Date.now() - at) > 15 * 60_000) return 'RequestTimeTooSkewed';
  const names = signedHeaders.split(';');
  for (const required of ['host', 'x-amz-date', 'x-amz-content-sha256']) if (!names.includes(required)) return 'SignatureDoesNotMatch';
  const headerLines = names.map((name) => `${name}:${String(req.headers[name] ?? '').trim()}`);
  const sortedQuery = query
    .split('&')
    .filter(Boolean)
    .map((pair) => (pair.includes('=') ? pair : `${pair}=`))
    .sort()
    .join('&');
  const canonical = `${req.method}\n${pathname}\n${sortedQuery}\n${headerLines.join('\n')}\n\n${signedHeaders}\n${req.headers['x-amz-content-sha256']}`;
  const toSign = `AWS4-HMAC-SHA256\n${amzDate}\n${day}/${region}/s3/aws4_request\n${hex(canonical)}`;
  const key = ['aws4_request', 's3', region, day].reduceRight<Buffer | string>((k, part) => mac(k, part), `AWS4${SECRET}`);
  return createHmac('sha256', key).update(toSign).digest('hex') === signature ? null : 'SignatureDoesNotMatch';
}

export async function startS3Receiver(): Promise<S3Receiver> {
  const objects = new Map<string, StoredObject>();
  const log: S3Receiver['log'] = [];
  const state = { failPuts: 0 };
  const server = createServer(async (req, res) => {
    const [rawPath = '', query = ''] = String(req.url).split('?');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const prefix = `/${BUCKET}/`;
    const key = rawPath.startsWith(prefix) ? decodeURIComponent(rawPath.slice(prefix.length)) : '';
    const answer = (status: number, code?: string, payload?: Buffer, headers: Record<string, string> = {}) => {
      log.push({ method: String(req.method), key, status });
      const out = code ? Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code></Error>`) : (payload ?? Buffer.alloc(0));
      res.writeHead(status, { 'content-length': String(out.length), ...(code ? { 'content-type': 'application/xml' } : headers) });
      res.end(out);
    };
    const refused = checkSignature(req, rawPath, query);
    if (refused) return answer(403, refused);
    if (!key) return answer(404, 'NoSuchBucket');
    if (req.method === 'PUT') {
      if (req.headers['content-length'] === undefined) return answer(411, 'MissingContentLength');
      if (hex(body) !== req.headers['x-amz-content-sha256']) return answer(400, 'XAmzContentSHA256Mismatch');
      if (state.failPuts > 0) {
        state.failPuts -= 1;
        return answer(503, 'SlowDown');
      }
      objects.set(key, { body, contentType: String(req.headers['content-type'] ?? 'binary/octet-stream') });
      return answer(200);
    }
    if (req.method === 'GET') {
      const found = objects.get(key);
      return found ? answer(200, undefined, found.body, { 'content-type': found.contentType }) : answer(404, 'NoSuchKey');
    }
    if (req.method === 'DELETE') {
      objects.delete(key);
      return answer(204);
    }
    return answer(405, 'MethodNotAllowed');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const config = s3StorageConfig({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'eu-west-3',
    bucket: BUCKET,
    prefix: 'recordings/',
    pathStyle: true,
    accessKeyId: ACCESS_KEY,
    secretAccessKey: SECRET,
  });
  return {
    config,
    objects,
    log,
    get failPuts() {
      return state.failPuts;
    },
    set failPuts(n: number) {
      state.failPuts = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
