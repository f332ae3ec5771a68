// Lead sources and their signed webhooks. A source's secret is shown once (create, rotate); the
// webhook is verified (signature, timestamp), and its message id stored with the lead it made, in
// the same transaction, so a replayed or retried delivery never makes a second lead.

import Value from 'typebox/value';
import type { LeadSource, LeadSourceCreate, LeadSourceWithSecret } from '../../api/lead-sources.js';
import { LeadCreate } from '../../api/leads.js';
import type { Ctx } from '../context.js';
import { inTransaction } from '../context.js';
import { AppError, invalidField, invalidInput, notFound } from '../errors.js';
import { userInWorkspace } from '../identity/users.service.js';
import { ownerScope } from '../identity/visibility.js';
import { newId } from '../ids.js';
import { intakeLead } from './lead-intake.service.js';
import { findMessage, findSourceById, insertMessage, insertSource, type LeadSourceRow, listSources as listRows, rotateSecret } from './lead-sources.repo.js';
import { newWebhookSecret, verify } from './webhook-signature.js';

const webhookPath = (id: string) => `/api/v1/lead-sources/${id}/webhook`;

const toSource = (r: LeadSourceRow): LeadSource => ({
  id: r.id,
  name: r.name,
  webhookUrl: webhookPath(r.id),
  createdAt: new Date(Number(r.created_at)).toISOString(),
  version: r.version,
});

export async function listSources(ctx: Ctx): Promise<LeadSource[]> {
  await ownerScope(ctx, 'leads', 'create');
  return (await listRows(ctx.db, ctx.actor.workspaceId)).map(toSource);
}

function requireSourceManager(ctx: Ctx): void {
  if (ctx.actor.role !== 'admin' && ctx.actor.role !== 'marketing') throw new AppError('forbidden', 'Only admins and marketing manage lead sources');
}

export async function createSource(ctx: Ctx, input: LeadSourceCreate): Promise<LeadSourceWithSecret> {
  requireSourceManager(ctx);
  const name = input.name.trim();
  if ((await listRows(ctx.db, ctx.actor.workspaceId)).some((s) => s.name.toLowerCase() === name.toLowerCase()))
    throw invalidField('name', 'another source has this name');
  const row: LeadSourceRow = {
    id: newId(),
    workspace_id: ctx.actor.workspaceId,
    name,
    secret: newWebhookSecret(),
    created_by: ctx.actor.userId,
    created_at: ctx.now(),
    version: 1,
  };
  await insertSource(ctx.db, row);
  return { ...toSource(row), secret: row.secret };
}

export async function rotateSourceSecret(ctx: Ctx, id: string): Promise<LeadSourceWithSecret> {
  requireSourceManager(ctx);
  const row = await findSourceById(ctx.db, id);
  if (!row || row.workspace_id !== ctx.actor.workspaceId) throw notFound('Lead source');
  const secret = newWebhookSecret();
  await rotateSecret(ctx.db, ctx.actor.workspaceId, id, secret);
  return { ...toSource({ ...row, version: row.version + 1 }), secret };
}

export interface WebhookRequest {
  sourceId: string;
  headers: { id?: string; timestamp?: string; signature?: string };
  body: string;
}

/** Base ctx (db, dialect, config, clock) without an actor: the webhook acts as the source's creator. */
export type BaseCtx = Omit<Ctx, 'actor' | 'memo'>;

export async function receiveWebhook(base: BaseCtx, req: WebhookRequest): Promise<{ leadId: string; duplicateDelivery: boolean }> {
  const source = await findSourceById(base.db, req.sourceId);
  // An unknown source answers like a bad signature: the endpoint reveals nothing to the unsigned.
  const verdict = source ? verify(source.secret, req.headers, req.body, base.now()) : { ok: false as const, problem: 'the signature does not match' };
  if (!source || !verdict.ok) throw new AppError('unauthenticated', `Webhook refused: ${verdict.ok ? '' : verdict.problem}`);
  const messageId = req.headers.id as string;
  const seen = await findMessage(base.db, source.id, messageId);
  if (seen) return { leadId: seen.lead_id, duplicateDelivery: true };

  let payload: unknown;
  try {
    payload = JSON.parse(req.body);
  } catch {
    throw invalidField('body', 'is not JSON');
  }
  if (!Value.Check(LeadCreate, payload)) {
    throw invalidInput([...Value.Errors(LeadCreate, payload)].slice(0, 20).map((e) => ({ field: e.instancePath || 'body', message: e.message })));
  }
  const creator = source.created_by ? await userInWorkspace(base, source.workspace_id, source.created_by) : undefined;
  const ctx: Ctx = {
    ...base,
    memo: new Map(),
    actor: {
      userId: creator?.id ?? source.created_by ?? 'system',
      workspaceId: source.workspace_id,
      // Intake from a form tool is marketing delivering a lead, whoever set the source up.
      role: 'marketing',
      teamId: null,
      name: `Webhook ${source.name}`,
      email: creator?.email ?? '',
      via: 'system',
    },
  };
  try {
    return await inTransaction(ctx, async (tx) => {
      const { lead } = await intakeLead(tx, { ...(payload as LeadCreate), ownerId: undefined }, { via: 'webhook', source: source.name });
      await insertMessage(tx.db, { source_id: source.id, message_id: messageId, workspace_id: source.workspace_id, lead_id: lead.id, received_at: tx.now() });
      return { leadId: lead.id, duplicateDelivery: false };
    });
  } catch (error) {
    // The same delivery racing itself: the other one stored the message id first and made the lead.
    if (base.dialect.isUniqueViolation(error)) {
      const again = await findMessage(base.db, source.id, messageId);
      if (again) return { leadId: again.lead_id, duplicateDelivery: true };
    }
    throw error;
  }
}
