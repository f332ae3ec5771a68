import type { Kysely } from 'kysely';
import type { Workspace, WorkspacePatch } from '../../api/identity.js';
import { createDefaultSkillModel } from '../coaching/skills.service.js';
import { type Ctx, inTransaction } from '../context.js';
import type { Dialect } from '../db/dialect.js';
import type { Role } from '../db/schema/identity.js';
import type { DB } from '../db/schema.js';
import { AppError, invalidField, stale } from '../errors.js';
import { newId } from '../ids.js';
import { createDefaultPipeline } from '../process/pipelines.service.js';
import { hashPassword } from './passwords.js';
import { requireRole } from './roles.js';
import { findUserByEmail, insertUser } from './users.repo.js';
import { countWorkspaces, findWorkspace, findWorkspaceBySlug, insertWorkspace, toWorkspace, updateWorkspace } from './workspaces.repo.js';

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function slugify(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'workspace'
  );
}

export interface NewWorkspace {
  name: string;
  currency?: string;
  timezone?: string;
  fiscalYearStartMonth?: number;
  admin: { email: string; name: string; password: string };
}

/**
 * Creates a workspace with its default pipeline and first admin, in one transaction. Used by the
 * first-run screen, the CLI, the demo seeder and tests.
 */
export async function createWorkspace(
  db: Kysely<DB>,
  input: NewWorkspace,
  now: number,
  /** Runs first inside the transaction; throws to refuse (the first-run check). */
  guard?: (tx: Kysely<DB>) => Promise<void>,
): Promise<{ workspaceId: string; adminId: string }> {
  const timezone = input.timezone ?? 'UTC';
  if (!isValidTimeZone(timezone)) throw invalidField('timezone', 'is not a known IANA time zone');
  const email = input.admin.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.admin.password);
  return db.transaction().execute(async (tx) => {
    await guard?.(tx);
    if (await findUserByEmail(tx, email)) throw invalidField('email', 'is already used by another user');
    let slug = slugify(input.name);
    for (let i = 2; await findWorkspaceBySlug(tx, slug); i++) slug = `${slugify(input.name)}-${i}`;
    const workspaceId = newId();
    const adminId = newId();
    await insertWorkspace(tx, {
      id: workspaceId,
      name: input.name.trim(),
      slug,
      currency: input.currency ?? 'USD',
      timezone,
      fiscal_year_start_month: input.fiscalYearStartMonth ?? 1,
      created_at: now,
      version: 1,
    });
    await insertUser(tx, {
      id: adminId,
      workspace_id: workspaceId,
      email,
      name: input.admin.name.trim(),
      role: 'admin' satisfies Role,
      team_id: null,
      password_hash: passwordHash,
      disabled_at: null,
      created_at: now,
      updated_at: now,
      version: 1,
    });
    await createDefaultPipeline(tx, { workspaceId, actorId: adminId, now });
    await createDefaultSkillModel(tx, { workspaceId, actorId: adminId, now });
    return { workspaceId, adminId };
  });
}

export async function setupNeeded(db: Kysely<DB>): Promise<boolean> {
  return (await countWorkspaces(db)) === 0;
}

/** The first-run screen: only while no workspace exists. */
/** Lock key of the first-run setup (any fixed number; only setup takes it). */
const FIRST_RUN_LOCK = 0x46_52_57_31;

export async function setupFirstWorkspace(
  database: { db: Kysely<DB>; dialect: Dialect },
  input: NewWorkspace,
  now: number,
): Promise<{ workspaceId: string; adminId: string }> {
  const alreadySetUp = () => new AppError('conflict', 'Furrow is already set up; sign in instead');
  if (!(await setupNeeded(database.db))) throw alreadySetUp();
  // Checked again under a lock inside the transaction: two first-run posts racing on a fresh
  // server make one workspace, not two (the second is told to sign in).
  return createWorkspace(database.db, input, now, async (tx) => {
    const lock = database.dialect.transactionLock(FIRST_RUN_LOCK);
    if (lock) await lock.execute(tx);
    if (!(await setupNeeded(tx))) throw alreadySetUp();
  });
}

export async function getWorkspace(ctx: Ctx): Promise<Workspace> {
  const row = await findWorkspace(ctx.db, ctx.actor.workspaceId);
  if (!row) throw new AppError('not_found', 'Workspace not found');
  return toWorkspace(row);
}

export async function patchWorkspace(ctx: Ctx, patch: WorkspacePatch): Promise<Workspace> {
  requireRole(ctx, 'admin');
  if (patch.timezone !== undefined && !isValidTimeZone(patch.timezone)) throw invalidField('timezone', 'is not a known IANA time zone');
  return inTransaction(ctx, async (tx) => {
    const ok = await updateWorkspace(tx.db, ctx.actor.workspaceId, patch.version, {
      ...(patch.name !== undefined && { name: patch.name.trim() }),
      ...(patch.currency !== undefined && { currency: patch.currency }),
      ...(patch.timezone !== undefined && { timezone: patch.timezone }),
      ...(patch.fiscalYearStartMonth !== undefined && { fiscal_year_start_month: patch.fiscalYearStartMonth }),
    });
    const row = await findWorkspace(tx.db, ctx.actor.workspaceId);
    if (!row) throw new AppError('not_found', 'Workspace not found');
    if (!ok) throw stale('Workspace', row.version);
    return toWorkspace(row);
  });
}
