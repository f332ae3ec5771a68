import type { Insertable, Kysely } from 'kysely';
import { insertChunks } from '../db/batch-insert.js';
import type { ChangesTable, EntityType } from '../db/schema/crm.js';
import type { DB } from '../db/schema.js';
import { newId } from '../ids.js';
import type { FieldChange } from './field-diff.js';

export interface ChangeContext {
  workspaceId: string;
  entity: EntityType;
  entityId: string;
  actorId: string | null;
  at: number;
  via: string;
}

/** Appends field changes; always called inside the transaction that made the change. */
export async function appendChanges(db: Kysely<DB>, c: ChangeContext, changes: FieldChange[]): Promise<void> {
  if (changes.length === 0) return;
  await db.insertInto('changes').values(changeRows(c, changes)).execute();
}

export type ChangeRow = Insertable<ChangesTable>;

/** Change rows already built (an import's slice: many records, each with its own context), in multi-row statements. */
export function changeRows(c: ChangeContext, changes: readonly FieldChange[]): ChangeRow[] {
  return changes.map((ch) => ({
    id: newId(),
    workspace_id: c.workspaceId,
    entity: c.entity,
    entity_id: c.entityId,
    field: ch.field,
    from_value: ch.from,
    to_value: ch.to,
    actor_id: c.actorId,
    at: c.at,
    via: c.via,
  }));
}

export async function insertChanges(db: Kysely<DB>, rows: readonly ChangeRow[]): Promise<void> {
  for (const chunk of insertChunks(rows)) await db.insertInto('changes').values(chunk).execute();
}
