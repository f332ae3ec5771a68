import type { Kysely, Selectable } from 'kysely';
import { updateVersioned } from '../db/records.js';
import type { Role, UsersTable } from '../db/schema/identity.js';
import type { DB } from '../db/schema.js';

export type UserRow = Selectable<UsersTable>;

export function findUserByEmail(db: Kysely<DB>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

export function findUser(db: Kysely<DB>, workspaceId: string, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export function listUsers(db: Kysely<DB>, workspaceId: string): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').orderBy('id').execute();
}

export async function insertUser(db: Kysely<DB>, row: UserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export interface UserChanges {
  name?: string;
  role?: Role;
  team_id?: string | null;
  disabled_at?: number | null;
  password_hash?: string;
}

/** Applies the changes when the version matches; returns false when someone else changed the row first. */
export async function updateUser(db: Kysely<DB>, workspaceId: string, id: string, version: number, changes: UserChanges, now: number): Promise<boolean> {
  return (await updateVersioned(db, 'users', { workspaceId, id, version }, changes, now)) !== undefined;
}
