// Which addresses a webhook may be sent to. Without WEBHOOK_ALLOW_PRIVATE an endpoint must resolve
// only to public addresses: otherwise an admin (or a stolen admin token) could make the server call
// its own loopback, the cloud metadata service or the office network (SSRF).
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

function v4Parts(ip: string): number[] {
  return ip.split('.').map(Number);
}

function privateV4(ip: string): boolean {
  const [a = 0, b = 0] = v4Parts(ip);
  return (
    a === 0 || // "this" network
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local, cloud metadata
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0 && v4Parts(ip)[2] === 0) ||
    (a === 198 && (b === 18 || b === 19)) || // benchmarking
    a >= 224 // multicast, reserved, broadcast
  );
}

/** Private, loopback, link-local, unique-local, multicast or unspecified: not a public host. */
export function isPrivateAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 4) return privateV4(ip);
  if (family !== 6) return true;
  const v6 = ip.toLowerCase().replace(/^\[|\]$/g, '');
  const mapped = v6.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
  if (mapped?.[1]) return privateV4(mapped[1]);
  if (v6 === '::' || v6 === '::1') return true;
  const first = Number.parseInt(v6.split(':')[0] || '0', 16);
  return (
    (first & 0xfe00) === 0xfc00 || // fc00::/7 unique local
    (first & 0xffc0) === 0xfe80 || // fe80::/10 link-local
    (first & 0xff00) === 0xff00 || // multicast
    v6.startsWith('64:ff9b:') // NAT64 can reach any IPv4, private included
  );
}

export interface AddressCheck {
  ok: boolean;
  addresses: string[];
  reason?: string;
}

/** Resolves the host (or takes the literal address) and says whether every address may be called. */
export async function checkHost(hostname: string, allowPrivate: boolean): Promise<AddressCheck> {
  const host = hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      return { ok: false, addresses: [], reason: `${host} does not resolve` };
    }
  }
  if (addresses.length === 0) return { ok: false, addresses, reason: `${host} does not resolve` };
  if (!allowPrivate) {
    const bad = addresses.find(isPrivateAddress);
    if (bad) return { ok: false, addresses, reason: `${host} resolves to a private or loopback address (${bad}); set WEBHOOK_ALLOW_PRIVATE=true to allow it` };
  }
  return { ok: true, addresses };
}
