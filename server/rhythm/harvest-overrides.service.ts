// Overrides of the harvest planner's assumptions, one per team: a manager for the teams they
// manage, an admin for any. Each change keeps who, when and the old value, and is audited.
import type { HarvestOverride, HarvestOverrideChange, HarvestOverrideList, HarvestOverrideSet } from '../../api/harvest.js';
import { type Ctx, inTransaction } from '../context.js';
import type { HarvestField } from '../db/schema/rhythm.js';
import { forbidden, invalidField, notFound, stale } from '../errors.js';
import { reachOf } from '../identity/policy.js';
import { newId } from '../ids.js';
import { loadOrg, type Org, visibleTeamIds } from '../measurement/scope.service.js';
import { audit } from '../ops/audit.service.js';
import {
  findOverrideRow,
  insertOverride,
  insertOverrideChanges,
  listOverrideChanges,
  listOverrideRows,
  type OverrideChangeRow,
  type OverrideRow,
  updateOverride,
} from './harvest.repo.js';

const FIELDS: readonly { field: HarvestField; key: 'winRate' | 'averageDealSize' | 'cycleDays' }[] = [
  { field: 'win_rate', key: 'winRate' },
  { field: 'average_deal_size', key: 'averageDealSize' },
  { field: 'cycle_days', key: 'cycleDays' },
];

/** Teams whose overrides the caller reaches for an operation: every team (admin) or the managed subtrees. */
export function overrideTeams(ctx: Ctx, org: Org, op: 'read' | 'update'): Set<string> | null {
  const reach = reachOf(ctx.actor.role, 'harvest_overrides', op);
  if (reach === 'none') return null;
  if (reach === 'all') return new Set(org.teams.map((t) => t.id));
  return visibleTeamIds(ctx, org);
}

const iso = (ms: number) => new Date(ms).toISOString();

function toOverride(row: OverrideRow, org: Org, changes: readonly OverrideChangeRow[]): HarvestOverride {
  return {
    teamId: row.team_id,
    teamName: org.teams.find((t) => t.id === row.team_id)?.name ?? '(deleted team)',
    winRate: row.win_rate,
    averageDealSize: row.average_deal_size,
    cycleDays: row.cycle_days,
    note: row.note,
    updatedBy: org.users.find((u) => u.id === row.updated_by)?.name ?? null,
    updatedAt: iso(row.updated_at),
    version: row.version,
    changes: changes
      .filter((c) => c.team_id === row.team_id)
      .map(
        (c): HarvestOverrideChange => ({
          field: c.field,
          oldValue: c.old_value,
          newValue: c.new_value,
          version: c.version,
          changedBy: c.changed_by_name,
          changedAt: iso(c.changed_at),
        }),
      ),
  };
}

/** The overrides in force, by team, for the planner (no visibility: the plan decides what it shows). */
export async function overridesByTeam(ctx: Ctx): Promise<Map<string, OverrideRow>> {
  return new Map((await listOverrideRows(ctx.db, ctx.actor.workspaceId, null)).map((r) => [r.team_id, r]));
}

export async function listHarvestOverrides(ctx: Ctx): Promise<HarvestOverrideList> {
  const org = await loadOrg(ctx);
  const teams = overrideTeams(ctx, org, 'read');
  if (!teams) throw forbidden('Harvest assumptions are overridden by managers and admins');
  const rows = await listOverrideRows(ctx.db, ctx.actor.workspaceId, [...teams]);
  const changes = await listOverrideChanges(
    ctx.db,
    ctx.actor.workspaceId,
    rows.map((r) => r.team_id),
  );
  return { items: rows.map((r) => toOverride(r, org, changes)) };
}

export async function getHarvestOverride(ctx: Ctx, teamId: string): Promise<HarvestOverride> {
  const org = await loadOrg(ctx);
  const teams = overrideTeams(ctx, org, 'read');
  if (!teams) throw forbidden('Harvest assumptions are overridden by managers and admins');
  const row = teams.has(teamId) ? await findOverrideRow(ctx.db, ctx.actor.workspaceId, teamId) : undefined;
  if (!row) throw notFound('Override');
  return toOverride(row, org, await listOverrideChanges(ctx.db, ctx.actor.workspaceId, [teamId]));
}

/**
 * Sets (or clears, with null) a team's assumptions. Absent fields stay as they are. A stale version
 * is a 409; the first override of a team is sent with version 0 or none.
 */
export async function setHarvestOverride(ctx: Ctx, teamId: string, input: HarvestOverrideSet): Promise<HarvestOverride> {
  const org = await loadOrg(ctx);
  const teams = overrideTeams(ctx, org, 'update');
  if (!teams) throw forbidden('Harvest assumptions are overridden by managers and admins');
  if (!teams.has(teamId)) throw notFound('Team');
  if (FIELDS.every((f) => input[f.key] === undefined) && input.note === undefined)
    throw invalidField('winRate', 'give at least one assumption to set or clear');
  const now = ctx.now();
  const row = await inTransaction(ctx, async (tx) => {
    const current = await findOverrideRow(tx.db, ctx.actor.workspaceId, teamId);
    const version = current?.version ?? 0;
    if ((input.version ?? 0) !== version) throw stale('Override', version);
    const next = {
      win_rate: input.winRate === undefined ? (current?.win_rate ?? null) : input.winRate,
      average_deal_size: input.averageDealSize === undefined ? (current?.average_deal_size ?? null) : input.averageDealSize,
      cycle_days: input.cycleDays === undefined ? (current?.cycle_days ?? null) : input.cycleDays,
      note: input.note === undefined ? (current?.note ?? null) : input.note,
      updated_by: ctx.actor.userId,
      updated_at: now,
    };
    if (current) {
      if (!(await updateOverride(tx.db, ctx.actor.workspaceId, teamId, version, next))) throw stale('Override', version);
    } else {
      await insertOverride(tx.db, { id: newId(), workspace_id: ctx.actor.workspaceId, team_id: teamId, created_at: now, version: 1, ...next });
    }
    const changes: OverrideChangeRow[] = FIELDS.filter((f) => (current?.[f.field] ?? null) !== next[f.field]).map((f) => ({
      id: newId(),
      workspace_id: ctx.actor.workspaceId,
      team_id: teamId,
      field: f.field,
      old_value: current?.[f.field] ?? null,
      new_value: next[f.field],
      version: version + 1,
      changed_by: ctx.actor.userId,
      changed_by_name: ctx.actor.name,
      changed_at: now,
    }));
    await insertOverrideChanges(tx.db, changes);
    const teamName = org.teams.find((t) => t.id === teamId)?.name ?? teamId;
    await audit(tx, 'harvest.override_changed', {
      targetType: 'team',
      targetId: teamId,
      summary: changes.length
        ? `Harvest assumptions of ${teamName}: ${changes.map((c) => `${c.field} ${c.old_value ?? 'history'} → ${c.new_value ?? 'history'}`).join(', ')}`
        : `Harvest assumptions of ${teamName}: note changed`,
      details: { teamId, version: version + 1, changes: changes.map((c) => ({ field: c.field, old: c.old_value, new: c.new_value })) },
    });
    return findOverrideRow(tx.db, ctx.actor.workspaceId, teamId);
  });
  if (!row) throw new Error('the override just written is missing');
  return toOverride(row, org, await listOverrideChanges(ctx.db, ctx.actor.workspaceId, [teamId]));
}
