import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Workspace } from '../../api/identity.js';
import type { WorkspacesTable } from '../db/schema/identity.js';
import type { DB } from '../db/schema.js';

export type WorkspaceRow = Selectable<WorkspacesTable>;

export const toWorkspace = (r: WorkspaceRow): Workspace => ({
  id: r.id,
  name: r.name,
  slug: r.slug,
  currency: r.currency,
  timezone: r.timezone,
  fiscalYearStartMonth: r.fiscal_year_start_month,
  version: r.version,
});

export function findWorkspace(db: Kysely<DB>, id: string): Promise<WorkspaceRow | undefined> {
  return db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findWorkspaceBySlug(db: Kysely<DB>, slug: string): Promise<WorkspaceRow | undefined> {
  return db.selectFrom('workspaces').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function listWorkspaces(db: Kysely<DB>): Promise<WorkspaceRow[]> {
  return db.selectFrom('workspaces').selectAll().orderBy('created_at').execute();
}

export async function countWorkspaces(db: Kysely<DB>): Promise<number> {
  const r = await db
    .selectFrom('workspaces')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertWorkspace(db: Kysely<DB>, row: Insertable<WorkspacesTable>): Promise<void> {
  await db.insertInto('workspaces').values(row).execute();
}

export async function updateWorkspace(
  db: Kysely<DB>,
  id: string,
  version: number,
  changes: Partial<Pick<WorkspaceRow, 'name' | 'currency' | 'timezone' | 'fiscal_year_start_month'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('workspaces')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
