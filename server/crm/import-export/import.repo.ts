// Batched look-ups an import needs to match rows to existing records (by id, external id or
// natural key) and to link them, always inside the caller's visibility, plus the run log.
import { type Expression, type Insertable, type Kysely, type Selectable, type SqlBool, sql } from 'kysely';
import type { AccountsTable, ActivitiesTable, ContactsTable, DealsTable, ImportRunsTable } from '../../db/schema/crm.js';
import type { DB } from '../../db/schema.js';
import { type OwnerScope, ownerFilter } from '../../db/scope.js';

export type AccountRow = Selectable<AccountsTable>;
export type ContactRow = Selectable<ContactsTable>;
export type DealRow = Selectable<DealsTable>;
export type ActivityRow = Selectable<ActivitiesTable>;

function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type KeyKind = 'id' | 'external' | 'name' | 'domain' | 'email' | 'fullName' | 'subject';

/** Runs one query per chunk of each key list and merges the rows by id. */
async function byKeys<R extends { id: string }>(
  keys: Partial<Record<KeyKind, readonly string[]>>,
  query: (kind: KeyKind, values: string[]) => Promise<R[]>,
): Promise<R[]> {
  const rows = new Map<string, R>();
  for (const [kind, values] of Object.entries(keys) as [KeyKind, readonly string[]][]) {
    const unique = [...new Set(values)];
    for (const part of chunks(unique)) for (const row of await query(kind, part)) rows.set(row.id, row);
  }
  return [...rows.values()];
}

const lowerOf = (column: string) => sql<string>`lower(${sql.ref(column)})`;

export function findAccountsForImport(
  db: Kysely<DB>,
  workspaceId: string,
  scope: OwnerScope,
  includeShared: boolean,
  keys: Partial<Record<'id' | 'external' | 'name' | 'domain', readonly string[]>>,
): Promise<AccountRow[]> {
  return byKeys(keys, (kind, values) =>
    db
      .selectFrom('accounts as a')
      .selectAll('a')
      .where('a.workspace_id', '=', workspaceId)
      .where('a.deleted_at', 'is', null)
      .where((eb) => (includeShared ? eb.or([ownerFilter(eb, 'a.owner_id', scope), eb('a.shared', '=', 1)]) : ownerFilter(eb, 'a.owner_id', scope)))
      .where((eb) => {
        if (kind === 'id') return eb('a.id', 'in', values);
        if (kind === 'external') return eb('a.external_id', 'in', values);
        if (kind === 'domain') return eb('a.domain', 'in', values);
        return eb(lowerOf('a.name'), 'in', values);
      })
      .execute(),
  );
}

export function findContactsForImport(
  db: Kysely<DB>,
  workspaceId: string,
  scope: OwnerScope,
  includeShared: boolean,
  keys: Partial<Record<'id' | 'external' | 'email' | 'fullName', readonly string[]>>,
): Promise<ContactRow[]> {
  return byKeys(keys, (kind, values) =>
    db
      .selectFrom('contacts as c')
      .selectAll('c')
      .where('c.workspace_id', '=', workspaceId)
      .where('c.deleted_at', 'is', null)
      .where((eb) => {
        const own = ownerFilter(eb, 'c.owner_id', scope);
        if (!includeShared) return own;
        // Contacts of shared accounts travel with the account.
        const shared = eb(
          'c.account_id',
          'in',
          eb
            .selectFrom('accounts as sa')
            .select('sa.id')
            .where('sa.workspace_id', '=', workspaceId)
            .where('sa.shared', '=', 1)
            .where('sa.deleted_at', 'is', null),
        );
        return eb.or([own, shared]);
      })
      .where((eb) => {
        if (kind === 'id') return eb('c.id', 'in', values);
        if (kind === 'external') return eb('c.external_id', 'in', values);
        if (kind === 'email') return eb(lowerOf('c.email'), 'in', values);
        return eb(sql<string>`lower(c.first_name || ' ' || c.last_name)`, 'in', values);
      })
      .execute(),
  );
}

export function findDealsForImport(
  db: Kysely<DB>,
  workspaceId: string,
  scope: OwnerScope,
  keys: Partial<Record<'id' | 'external' | 'name', readonly string[]>>,
): Promise<DealRow[]> {
  return byKeys(keys, (kind, values) =>
    db
      .selectFrom('deals as d')
      .selectAll('d')
      .where('d.workspace_id', '=', workspaceId)
      .where('d.deleted_at', 'is', null)
      .where((eb) => ownerFilter(eb, 'd.owner_id', scope))
      .where((eb): Expression<SqlBool> => {
        if (kind === 'id') return eb('d.id', 'in', values);
        if (kind === 'external') return eb('d.external_id', 'in', values);
        return eb(lowerOf('d.name'), 'in', values);
      })
      .execute(),
  );
}

/** A record's custom values (the JSON column), by key; an unreadable value counts as none. */
export function customValuesOf(row: { custom: string }): Record<string, unknown> {
  try {
    const value = JSON.parse(row.custom) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function findActivitiesForImport(
  db: Kysely<DB>,
  workspaceId: string,
  scope: OwnerScope,
  keys: Partial<Record<'id' | 'external' | 'subject', readonly string[]>>,
): Promise<ActivityRow[]> {
  return byKeys(keys, (kind, values) =>
    db
      .selectFrom('activities as t')
      .selectAll('t')
      .where('t.workspace_id', '=', workspaceId)
      .where('t.deleted_at', 'is', null)
      .where((eb) => ownerFilter(eb, 't.owner_id', scope))
      .where((eb): Expression<SqlBool> => {
        if (kind === 'id') return eb('t.id', 'in', values);
        if (kind === 'external') return eb('t.external_id', 'in', values);
        return eb(lowerOf('t.subject'), 'in', values);
      })
      .execute(),
  );
}

export type ImportRunRow = Selectable<ImportRunsTable>;

export async function insertImportRun(db: Kysely<DB>, row: ImportRunInsert): Promise<void> {
  await db.insertInto('import_runs').values(row).execute();
}

export type ImportRunInsert = Insertable<ImportRunsTable>;
type RunOutcome = Pick<ImportRunInsert, 'status' | 'created' | 'updated' | 'unchanged' | 'errors' | 'finished_at'>;

/** A resumable run's progress (or end): its row is written with its first kept batch, then updated. */
export async function updateImportRun(db: Kysely<DB>, workspaceId: string, id: string, outcome: RunOutcome): Promise<void> {
  await db.updateTable('import_runs').set(outcome).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

/** How far a resumable run got: the rows kept and the file's line they reach. */
export async function saveRunProgress(db: Kysely<DB>, workspaceId: string, runId: string, rowsKept: number, throughLine: number): Promise<void> {
  const updated = await db
    .updateTable('import_run_progress')
    .set({ rows_kept: rowsKept, kept_through_line: throughLine })
    .where('workspace_id', '=', workspaceId)
    .where('run_id', '=', runId)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return;
  await db
    .insertInto('import_run_progress')
    .values({ run_id: runId, workspace_id: workspaceId, rows_kept: rowsKept, kept_through_line: throughLine })
    .execute();
}

/** The latest run of this file that kept batches and never finished: a resumable import stopped part way. */
export async function findStoppedRun(
  db: Kysely<DB>,
  workspaceId: string,
  entity: ImportRunRow['entity'],
  fileHash: string,
): Promise<{ id: string; started_at: number; rows_kept: number } | undefined> {
  const row = await db
    .selectFrom('import_runs as r')
    .leftJoin('import_run_progress as p', 'p.run_id', 'r.id')
    .select(['r.id', 'r.started_at', 'p.rows_kept'])
    .where('r.workspace_id', '=', workspaceId)
    .where('r.entity', '=', entity)
    .where('r.file_hash', '=', fileHash)
    .where('r.status', '=', 'running')
    .orderBy('r.started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { id: row.id, started_at: Number(row.started_at), rows_kept: Number(row.rows_kept ?? 0) } : undefined;
}

export async function markRunInterrupted(db: Kysely<DB>, workspaceId: string, id: string): Promise<void> {
  await db.updateTable('import_runs').set({ status: 'interrupted' }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export function entityTypeOf(entity: 'accounts' | 'contacts' | 'deals' | 'activities' | 'leads'): ImportRunRow['entity'] {
  return ({ accounts: 'account', contacts: 'contact', deals: 'deal', activities: 'activity', leads: 'lead' } as const)[entity];
}
