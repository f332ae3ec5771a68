import type { Team, TeamCreate, TeamPatch } from '../../api/identity.js';
import { nameKey, storedName } from '../../lib/names.js';
import { wouldCycle } from '../../lib/team-tree.js';
import { type Ctx, inTransaction } from '../context.js';
import { conflict, invalidField, notFound, stale } from '../errors.js';
import { newId } from '../ids.js';
import { audit } from '../ops/audit.service.js';
import { requireRole } from './roles.js';
import {
  deleteTeam as deleteTeamRow,
  findTeam,
  insertTeam,
  listTeams as listTeamRows,
  memberCounts,
  type TeamRow,
  teamIsUsed,
  updateTeam,
} from './teams.repo.js';
import { findUser } from './users.repo.js';

const toTeam = (r: TeamRow, members: Map<string, number>): Team => ({
  id: r.id,
  name: r.name,
  parentId: r.parent_id,
  managerId: r.manager_id,
  memberCount: members.get(r.id) ?? 0,
  version: r.version,
});

export async function listTeams(ctx: Ctx): Promise<Team[]> {
  const [rows, members] = await Promise.all([listTeamRows(ctx.db, ctx.actor.workspaceId), memberCounts(ctx.db, ctx.actor.workspaceId)]);
  return rows.map((r) => toTeam(r, members));
}

async function assertManager(ctx: Ctx, managerId: string | null | undefined): Promise<void> {
  if (!managerId) return;
  const user = await findUser(ctx.db, ctx.actor.workspaceId, managerId);
  if (!user || user.disabled_at !== null) throw invalidField('managerId', 'no active user with this id');
  if (user.role !== 'manager' && user.role !== 'admin') throw invalidField('managerId', 'must be a manager or an admin');
}

/**
 * Team names are checked, then written: two transactions must not both pass the check
 * (PostgreSQL runs them side by side; SQLite serialises writers already).
 */
async function lockTeamNames(tx: Ctx): Promise<void> {
  const lock = tx.dialect.transactionLock(TEAM_NAMES_LOCK);
  if (lock) await lock.execute(tx.db);
}
const TEAM_NAMES_LOCK = 17_001;

export async function createTeam(ctx: Ctx, input: TeamCreate): Promise<Team> {
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    await lockTeamNames(tx);
    await assertManager(tx, input.managerId);
    if (input.parentId && !(await findTeam(tx.db, ctx.actor.workspaceId, input.parentId))) throw invalidField('parentId', 'no such team');
    const teams = await listTeamRows(tx.db, ctx.actor.workspaceId);
    if (teams.some((t) => nameKey(t.name) === nameKey(input.name))) throw invalidField('name', 'another team has this name');
    const now = tx.now();
    const row: TeamRow = {
      id: newId(),
      workspace_id: ctx.actor.workspaceId,
      name: storedName(input.name),
      parent_id: input.parentId ?? null,
      manager_id: input.managerId ?? null,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await insertTeam(tx.db, row);
    await audit(tx, 'team.created', {
      targetType: 'team',
      targetId: row.id,
      summary: `Created the team ${row.name}`,
      details: { parentId: row.parent_id, managerId: row.manager_id },
    });
    return toTeam(row, new Map());
  });
}

export async function patchTeam(ctx: Ctx, id: string, patch: TeamPatch): Promise<Team> {
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    if (patch.name !== undefined) await lockTeamNames(tx);
    const current = await findTeam(tx.db, ctx.actor.workspaceId, id);
    if (!current) throw notFound('Team');
    await assertManager(tx, patch.managerId);
    const teams = await listTeamRows(tx.db, ctx.actor.workspaceId);
    if (patch.parentId !== undefined) {
      if (patch.parentId && !teams.some((t) => t.id === patch.parentId)) throw invalidField('parentId', 'no such team');
      const nodes = teams.map((t) => ({ id: t.id, parentId: t.parent_id, managerId: t.manager_id }));
      if (wouldCycle(nodes, id, patch.parentId)) throw invalidField('parentId', 'a team cannot sit below itself');
    }
    if (patch.name !== undefined && teams.some((t) => t.id !== id && nameKey(t.name) === nameKey(patch.name as string))) {
      throw invalidField('name', 'another team has this name');
    }
    const ok = await updateTeam(
      tx.db,
      ctx.actor.workspaceId,
      id,
      patch.version,
      {
        ...(patch.name !== undefined && { name: storedName(patch.name) }),
        ...(patch.parentId !== undefined && { parent_id: patch.parentId }),
        ...(patch.managerId !== undefined && { manager_id: patch.managerId }),
      },
      tx.now(),
    );
    if (!ok) throw stale('Team', current.version);
    const changed: Record<string, { from: string | null; to: string | null }> = {};
    if (patch.name !== undefined && storedName(patch.name) !== current.name) changed.name = { from: current.name, to: storedName(patch.name) };
    if (patch.parentId !== undefined && patch.parentId !== current.parent_id) changed.parentId = { from: current.parent_id, to: patch.parentId };
    if (patch.managerId !== undefined && patch.managerId !== current.manager_id) changed.managerId = { from: current.manager_id, to: patch.managerId };
    await audit(tx, 'team.changed', { targetType: 'team', targetId: id, summary: `Changed the team ${current.name}`, details: changed });
    const members = await memberCounts(tx.db, ctx.actor.workspaceId);
    return toTeam((await findTeam(tx.db, ctx.actor.workspaceId, id)) as TeamRow, members);
  });
}

export async function deleteTeam(ctx: Ctx, id: string): Promise<void> {
  requireRole(ctx, 'admin');
  await inTransaction(ctx, async (tx) => {
    const team = await findTeam(tx.db, ctx.actor.workspaceId, id);
    if (!team) throw notFound('Team');
    if (await teamIsUsed(tx.db, ctx.actor.workspaceId, id)) throw conflict('Move the team’s members and sub-teams elsewhere first');
    await deleteTeamRow(tx.db, ctx.actor.workspaceId, id);
    await audit(tx, 'team.deleted', { targetType: 'team', targetId: id, summary: `Deleted the team ${team.name}` });
  });
}
