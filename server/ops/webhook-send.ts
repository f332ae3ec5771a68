// One HTTP POST of a signed webhook. The address check runs inside the connection's DNS lookup, so
// the address checked is the address connected to (no rebinding between check and connect).
// Redirects are not followed: a 3xx could point anywhere, the private network included.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { isPrivateAddress } from './webhook-address.js';

export type SendResult = { ok: true; status: number } | { ok: false; status: number | null; error: string; permanent: boolean };

class RefusedAddress extends Error {}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const bad = addresses.find((a) => isPrivateAddress(a.address));
      if (!allowPrivate && bad) return callback(new RefusedAddress(`${hostname} resolves to a private or loopback address (${bad.address})`), []);
      if (options.all) return callback(null, addresses);
      const first = addresses[0] as LookupAddress;
      return callback(null, first.address, first.family);
    });
  };
}

export function sendWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: { allowPrivate: boolean; timeoutMs: number },
): Promise<SendResult> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !options.allowPrivate && isPrivateAddress(host)) {
    return Promise.resolve({ ok: false, status: null, error: `${host} is a private or loopback address`, permanent: true });
  }
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const req = client.request(
      target,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Furrow-Webhooks/1', 'content-length': Buffer.byteLength(body), ...headers },
        timeout: options.timeoutMs,
        lookup: guardedLookup(options.allowPrivate) as never,
      },
      (res) => {
        // The body is not needed; drain it so the socket is freed.
        res.resume();
        const status = res.statusCode ?? 0;
        res.on('end', () => {
          if (status >= 200 && status < 300) resolve({ ok: true, status });
          else resolve({ ok: false, status, error: status >= 300 && status < 400 ? `redirect (${status}) not followed` : `HTTP ${status}`, permanent: false });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    req.on('error', (error) => resolve({ ok: false, status: null, error: error.message, permanent: error instanceof RefusedAddress }));
    req.end(body);
  });
}
