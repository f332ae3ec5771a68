// Verifies a signed inbound webhook in the Standard Webhooks format (the one form tools and
// webhook gateways speak): HMAC-SHA256 over "id.timestamp.body" with the source's secret, a
// timestamp within the tolerance, compared in constant time. Pure apart from the crypto.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const TOLERANCE_SECONDS = 5 * 60;

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');
}

export function sign(secret: string, id: string, timestampSeconds: number, body: string): string {
  return `v1,${createHmac('sha256', keyOf(secret)).update(`${id}.${timestampSeconds}.${body}`).digest('base64')}`;
}

export type Verdict = { ok: true } | { ok: false; problem: string };

export function verify(secret: string, headers: { id?: string; timestamp?: string; signature?: string }, body: string, nowMs: number): Verdict {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature) return { ok: false, problem: 'webhook-id, webhook-timestamp and webhook-signature headers are required' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, problem: 'webhook-timestamp must be seconds since the epoch' };
  const ts = Number(timestamp);
  if (Math.abs(nowMs / 1000 - ts) > TOLERANCE_SECONDS) return { ok: false, problem: 'webhook-timestamp is outside the tolerance' };
  const expected = Buffer.from(sign(secret, id, ts, body).slice(3), 'base64');
  const matches = signature.split(' ').some((part) => {
    const [version, value] = part.split(',', 2);
    if (version !== 'v1' || !value) return false;
    const given = Buffer.from(value, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? { ok: true } : { ok: false, problem: 'the signature does not match' };
}
