// Writes and reads the audit log. A change records its entry through `audit(tx, …)` inside its own
// transaction, so the entry exists exactly when the change does.
import type { Kysely } from 'kysely';
import type { AuditEntry, AuditExportQuery, AuditListQuery, AuditPage } from '../../api/audit.js';
import type { Ctx } from '../context.js';
import type { DB } from '../db/schema.js';
import { invalidField } from '../errors.js';
import { ownerScope } from '../identity/visibility.js';
import { newId } from '../ids.js';
import { type AuditFilter, type AuditRow, allAuditEntries, insertAuditEntry, listAuditEntries, purgeAuditEntries } from './audit.repo.js';
import type { AuditAction } from './audit-actions.js';

export interface AuditInput {
  targetType?: string | null;
  targetId?: string | null;
  summary: string;
  details?: Record<string, unknown> | null;
}

/** Records what the acting user just did, in the caller's transaction when there is one. */
export async function audit(ctx: Ctx, action: AuditAction, input: AuditInput): Promise<void> {
  await insertAuditEntry(ctx.db, {
    id: newId(),
    workspace_id: ctx.actor.workspaceId,
    at: ctx.now(),
    actor_id: ctx.actor.userId,
    actor_name: ctx.actor.name,
    action,
    target_type: input.targetType ?? null,
    target_id: input.targetId ?? null,
    summary: input.summary,
    details: input.details ? JSON.stringify(input.details) : null,
    ip: ctx.ip ?? null,
    via: ctx.actor.via,
  });
}

/** For the paths that run before anyone is signed in (sign-in itself). */
export async function auditWithoutActor(
  db: Kysely<DB>,
  entry: { workspaceId: string; at: number; ip: string | null; actor: { id: string; name: string } | null; action: AuditAction } & AuditInput,
): Promise<void> {
  await insertAuditEntry(db, {
    id: newId(),
    workspace_id: entry.workspaceId,
    at: entry.at,
    actor_id: entry.actor?.id ?? null,
    actor_name: entry.actor?.name ?? null,
    action: entry.action,
    target_type: entry.targetType ?? null,
    target_id: entry.targetId ?? null,
    summary: entry.summary,
    details: entry.details ? JSON.stringify(entry.details) : null,
    ip: entry.ip,
    via: entry.actor ? 'session' : null,
  });
}

const toEntry = (r: AuditRow): AuditEntry => ({
  id: r.id,
  at: new Date(r.at).toISOString(),
  actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
  action: r.action,
  targetType: r.target_type,
  targetId: r.target_id,
  summary: r.summary,
  details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null,
  ip: r.ip,
  via: r.via,
});

async function filterOf(ctx: Ctx, q: AuditExportQuery): Promise<AuditFilter> {
  await ownerScope(ctx, 'audit_log', 'read');
  const fromMs = q.from ? Date.parse(q.from) : undefined;
  const toMs = q.to ? Date.parse(q.to) : undefined;
  if (fromMs !== undefined && toMs !== undefined && toMs < fromMs) throw invalidField('to', 'must not be before from');
  return { workspaceId: ctx.actor.workspaceId, actorId: q.actorId, action: q.action, fromMs, toMs };
}

export async function listAudit(ctx: Ctx, q: AuditListQuery): Promise<AuditPage> {
  const filter = await filterOf(ctx, q);
  const page = await listAuditEntries(ctx.db, filter, { limit: q.limit ?? 50, cursor: q.cursor });
  return { items: page.rows.map(toEntry), nextCursor: page.nextCursor, retentionDays: ctx.config.auditRetentionDays };
}

/** Every entry the filter selects, newest first, for the CSV export; the export itself is audited. */
export async function* auditEntriesForExport(ctx: Ctx, q: AuditExportQuery): AsyncGenerator<AuditEntry[]> {
  const filter = await filterOf(ctx, q);
  await audit(ctx, 'export.downloaded', { targetType: 'audit_log', summary: 'Exported the audit log as CSV', details: { filter: q } });
  for await (const rows of allAuditEntries(ctx.db, filter)) yield rows.map(toEntry);
}

/** Retention: drops entries older than AUDIT_RETENTION_DAYS. Run by the scheduled purge job. */
export async function purgeExpiredAudit(db: Kysely<DB>, now: number, retentionDays: number): Promise<number> {
  return purgeAuditEntries(db, now - retentionDays * 86_400_000);
}
