// The workspace's lead routing and business hours. One row per workspace, created on first write;
// until then the defaults below apply.
import type { LeadSettings, LeadSettingsPut, SlaReassign } from '../../api/lead-settings.js';
import { type Ctx, inTransaction, memo } from '../context.js';
import { type FieldProblem, invalidInput, stale } from '../errors.js';
import { requireRole } from '../identity/roles.js';
import { listTeams } from '../identity/teams.service.js';
import { getWorkspace, isValidTimeZone, patchWorkspace } from '../identity/workspaces.service.js';
import type { BusinessCalendar } from './business-hours.js';
import { activeRepIds, findSettings, insertSettings, type LeadSettingsRow, updateSettings, workspaceUserIds } from './lead-settings.repo.js';

const DEFAULT_ROUTING: LeadSettings['routing'] = { mode: 'round_robin', defaultTeamId: null, rules: [], awayUserIds: [] };
const DEFAULT_HOURS: LeadSettings['businessHours'] = { workingDays: [1, 2, 3, 4, 5], startMinute: 9 * 60, endMinute: 17 * 60, holidays: [] };
/** Off until an admin turns it on (decision 0103): a breach is escalated, the lead stays where it is. */
export const DEFAULT_SLA_REASSIGN: SlaReassign = { enabled: false, clauses: ['accept'], maxPerLead: 1 };

export interface LoadedSettings {
  routing: LeadSettings['routing'];
  businessHours: LeadSettings['businessHours'];
  slaReassign: SlaReassign;
  lastAssigned: Record<string, string>;
  version: number;
  exists: boolean;
}

export async function loadSettings(ctx: Ctx): Promise<LoadedSettings> {
  const row = await findSettings(ctx.db, ctx.actor.workspaceId);
  if (!row) return { routing: DEFAULT_ROUTING, businessHours: DEFAULT_HOURS, slaReassign: DEFAULT_SLA_REASSIGN, lastAssigned: {}, version: 1, exists: false };
  return {
    routing: JSON.parse(row.routing),
    businessHours: JSON.parse(row.business_hours),
    slaReassign: row.sla_reassign ? JSON.parse(row.sla_reassign) : DEFAULT_SLA_REASSIGN,
    lastAssigned: JSON.parse(row.last_assigned),
    version: row.version,
    exists: true,
  };
}

export async function getLeadSettings(ctx: Ctx): Promise<LeadSettings> {
  const s = await loadSettings(ctx);
  return { routing: s.routing, businessHours: s.businessHours, slaReassign: s.slaReassign, timezone: (await getWorkspace(ctx)).timezone, version: s.version };
}

/** The calendar SLA clocks run on (cached for the request). */
export function businessCalendar(ctx: Ctx): Promise<BusinessCalendar> {
  return memo(ctx, 'alignment.calendar', async () => {
    const s = await loadSettings(ctx);
    return { ...s.businessHours, timezone: (await getWorkspace(ctx)).timezone };
  });
}

export async function ensureSettingsRow(ctx: Ctx): Promise<void> {
  if (await findSettings(ctx.db, ctx.actor.workspaceId)) return;
  const row: LeadSettingsRow = {
    workspace_id: ctx.actor.workspaceId,
    routing: JSON.stringify(DEFAULT_ROUTING),
    business_hours: JSON.stringify(DEFAULT_HOURS),
    last_assigned: '{}',
    sla_reassign: null,
    updated_at: ctx.now(),
    version: 1,
  };
  await insertSettings(ctx.db, row);
}

export async function putLeadSettings(ctx: Ctx, input: LeadSettingsPut): Promise<LeadSettings> {
  requireRole(ctx, 'admin');
  const hours = input.businessHours;
  // Field names as the schema validation gives them (routing.rules.0.teamId), so a form puts each under its field.
  const problems: FieldProblem[] = [];
  if (hours.endMinute <= hours.startMinute) problems.push({ field: 'businessHours.endMinute', message: 'must be after the opening time' });
  if (input.timezone !== undefined && !isValidTimeZone(input.timezone)) problems.push({ field: 'timezone', message: 'is not a known IANA time zone' });
  const teams = new Set((await listTeams(ctx)).map((t) => t.id));
  if (input.routing.defaultTeamId && !teams.has(input.routing.defaultTeamId))
    problems.push({ field: 'routing.defaultTeamId', message: 'no team with this id in the workspace' });
  for (const [i, rule] of input.routing.rules.entries()) {
    if (!teams.has(rule.teamId)) problems.push({ field: `routing.rules.${i}.teamId`, message: 'no team with this id in the workspace' });
    else if (rule.ownerId && !(await activeRepIds(ctx.db, ctx.actor.workspaceId, rule.teamId)).includes(rule.ownerId))
      problems.push({ field: `routing.rules.${i}.ownerId`, message: "is not an active rep of the rule's team" });
  }
  // Another workspace's user is answered like a missing one (the visibility matrix checks it).
  const known = await workspaceUserIds(ctx.db, ctx.actor.workspaceId, input.routing.awayUserIds);
  for (const [i, id] of input.routing.awayUserIds.entries())
    if (!known.has(id)) problems.push({ field: `routing.awayUserIds.${i}`, message: 'no user with this id in the workspace' });
  if (input.slaReassign?.enabled && input.slaReassign.clauses.length === 0)
    problems.push({ field: 'slaReassign.clauses', message: 'name at least one clause to reassign on' });
  if (problems.length > 0) throw invalidInput(problems);
  return inTransaction(ctx, async (tx) => {
    // The time zone is the workspace's (one for every clock and period): changed here in the same transaction.
    if (input.timezone !== undefined) {
      const ws = await getWorkspace(tx);
      if (ws.timezone !== input.timezone) await patchWorkspace(tx, { version: ws.version, timezone: input.timezone });
    }
    await ensureSettingsRow(tx);
    const current = await loadSettings(tx);
    const reassign = input.slaReassign ?? current.slaReassign;
    const ok = await updateSettings(
      tx.db,
      ctx.actor.workspaceId,
      input.version,
      {
        routing: JSON.stringify(input.routing),
        business_hours: JSON.stringify({ ...hours, holidays: [...new Set(hours.holidays)].sort() }),
        sla_reassign: JSON.stringify({ ...reassign, clauses: [...new Set(reassign.clauses)].sort() }),
      },
      tx.now(),
    );
    if (!ok) throw stale('Lead settings', (await loadSettings(tx)).version);
    tx.memo.delete('alignment.calendar');
    return getLeadSettings(tx);
  });
}
