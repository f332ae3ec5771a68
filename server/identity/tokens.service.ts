import type { ApiToken, ApiTokenCreated } from '../../api/identity.js';
import { type Ctx, inTransaction } from '../context.js';
import { notFound } from '../errors.js';
import { hashSecret, newId, newSecret } from '../ids.js';
import { audit } from '../ops/audit.service.js';
import { type ApiTokenRow, insertToken, listTokens as listTokenRows, revokeToken as revokeTokenRow } from './sessions.repo.js';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

const toToken = (r: ApiTokenRow): ApiToken => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  createdAt: new Date(r.created_at).toISOString(),
  lastUsedAt: iso(r.last_used_at),
  revokedAt: iso(r.revoked_at),
});

/** A user's own tokens; a token acts as its user, with the same role and visibility. */
export async function listTokens(ctx: Ctx): Promise<ApiToken[]> {
  return (await listTokenRows(ctx.db, ctx.actor.workspaceId, ctx.actor.userId)).map(toToken);
}

export async function createToken(ctx: Ctx, name: string): Promise<ApiTokenCreated> {
  const secret = `fw_${newSecret()}`;
  const row: ApiTokenRow = {
    id: newId(),
    workspace_id: ctx.actor.workspaceId,
    user_id: ctx.actor.userId,
    name: name.trim(),
    token_hash: hashSecret(secret),
    prefix: secret.slice(0, 9),
    created_at: ctx.now(),
    last_used_at: null,
    revoked_at: null,
  };
  await inTransaction(ctx, async (tx) => {
    await insertToken(tx.db, row);
    await audit(tx, 'api_token.created', { targetType: 'api_token', targetId: row.id, summary: `Created the API token ${row.name} (${row.prefix}…)` });
  });
  return { token: toToken(row), secret };
}

export async function revokeToken(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    if (!(await revokeTokenRow(tx.db, ctx.actor.workspaceId, ctx.actor.userId, id, tx.now()))) throw notFound('API token');
    await audit(tx, 'api_token.revoked', { targetType: 'api_token', targetId: id, summary: 'Revoked an API token' });
  });
}
