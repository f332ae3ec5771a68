// Turns notification rows into what their recipient may see: the title and link come from the
// record's current name through the recipient's visibility (ctx.actor must be the recipient).
import type { Notification } from '../../api/notifications.js';
import type { Ctx } from '../context.js';
import { KINDS, kindById } from './kinds.js';
import type { NotificationRow } from './notifications.repo.js';

const RECORD_TYPES = new Map(KINDS.map((k) => [k.record.type, k.record]));

export async function renderForRecipient(ctx: Ctx, rows: readonly (NotificationRow & { actor_name: string | null })[]): Promise<Notification[]> {
  const byType = new Map<string, string[]>();
  for (const r of rows) byType.set(r.record_type, [...(byType.get(r.record_type) ?? []), r.record_id]);
  // By the row's own record type, not its kind's current one: a kind that moved to another record
  // (the weekly digest: Year page → digest page) keeps its older rows' links.
  const names = new Map<string, Map<string, string>>();
  for (const [type, ids] of byType) {
    const recordType = RECORD_TYPES.get(type);
    names.set(type, recordType ? await recordType.readableNames(ctx, [...new Set(ids)]) : new Map());
  }
  return rows.map((r) => {
    const kind = kindById(r.kind);
    const name = names.get(r.record_type)?.get(r.record_id) ?? null;
    const data = JSON.parse(r.data);
    return {
      id: r.id,
      kind: r.kind,
      // A kind removed from the catalogue still shows, without details.
      title: kind ? kind.title({ actor: r.actor_name, record: name, data }) : 'Notification',
      record:
        kind && name !== null ? { type: r.record_type, id: r.record_id, name, path: (RECORD_TYPES.get(r.record_type) ?? kind.record).path(r.record_id) } : null,
      actor: r.actor_id && r.actor_name ? { id: r.actor_id, name: r.actor_name } : null,
      createdAt: new Date(r.created_at).toISOString(),
      readAt: r.read_at === null ? null : new Date(r.read_at).toISOString(),
    };
  });
}
