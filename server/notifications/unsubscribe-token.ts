// Unsubscribe links work without a session: the token names the user, workspace and kind, signed
// with HMAC-SHA256 under EMAIL_LINK_SECRET. Pure.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface UnsubscribeClaim {
  workspaceId: string;
  userId: string;
  kind: string;
}

const sign = (secret: string, body: string) => createHmac('sha256', secret).update(`unsubscribe:${body}`).digest('base64url');

export function unsubscribeToken(secret: string, claim: UnsubscribeClaim): string {
  const body = Buffer.from(JSON.stringify([claim.workspaceId, claim.userId, claim.kind])).toString('base64url');
  return `${body}.${sign(secret, body)}`;
}

/** The claim of a token this server signed, or null (tampered, truncated, another server's). */
export function readUnsubscribeToken(secret: string, token: string): UnsubscribeClaim | null {
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const value = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 3 || !value.every((v) => typeof v === 'string')) return null;
    const [workspaceId, userId, kind] = value as [string, string, string];
    return { workspaceId, userId, kind };
  } catch {
    return null;
  }
}
