// Reassignment on an SLA breach (decision 0103), when the workspace turned it on: the lead whose
// accept or first-touch clock ran out goes to the next rep of its team's round robin (away and
// inactive reps and the current owner skipped) and is routed afresh: new routing instant, new due
// instants, so the clock starts again for the new owner. Runs inside the breach alert's transaction
// (sla-alerts.jobs.ts): the lead, its history row (reason 'sla-breach'), the once-only record and
// both notifications commit together or not at all.
import type { Ctx } from '../context.js';
import { conflict } from '../errors.js';
import { userInWorkspace } from '../identity/users.service.js';
import { newId } from '../ids.js';
import { notify } from '../notifications/notifications.service.js';
import { leadReassignedAway, leadReassignedToYou } from './lead.notifications.js';
import { activeRepIds, ROUND_ROBIN_LOCK, setLastAssigned } from './lead-settings.repo.js';
import { ensureSettingsRow, loadSettings } from './lead-settings.service.js';
import { findLeadRow, insertTransition, updateLead } from './leads.repo.js';
import { emitLeadEvent, stampSlaDues } from './leads.service.js';
import { nextRepInstead } from './routing.js';
import { claimAlert, reassignmentsOf, touchedSince } from './sla-alerts.repo.js';

/** The breach that may move the lead: the clause, and the owner and routing whose clock ran out. */
export interface Breach {
  clause: 'accept' | 'touch';
  leadId: string;
  ownerId: string;
  routedAt: number;
}

/** Why the history row of a reassignment was written. */
export const SLA_BREACH_REASON = 'sla-breach';

/** Reassigns the lead if the settings ask for it and it is still the breached clock; the new owner's id, else null. */
export async function reassignOnBreach(ctx: Ctx, breach: Breach): Promise<string | null> {
  const ws = ctx.actor.workspaceId;
  const settings = await loadSettings(ctx);
  const rule = settings.slaReassign;
  if (!rule.enabled || !rule.clauses.includes(breach.clause) || settings.routing.mode !== 'round_robin') return null;
  // The lock the round robin of new leads takes: one pointer, one writer.
  const lock = ctx.dialect.transactionLock(ROUND_ROBIN_LOCK);
  if (lock) await lock.execute(ctx.db);

  // Read after the lock: a concurrent breach of the other clause may have moved the lead already.
  const lead = await findLeadRow(ctx.db, ws, { owners: { all: true }, poolTeamIds: [] }, breach.leadId);
  if (!lead || lead.owner_id !== breach.ownerId || Number(lead.routed_at) !== breach.routedAt) return null;
  const stillRunning =
    breach.clause === 'accept'
      ? lead.status === 'mql'
      : ['mql', 'accepted', 'sql'].includes(lead.status) && !(await touchedSince(ctx.db, ws, lead.id, breach.routedAt));
  if (!stillRunning) return null;
  // The cap counts both clauses: a lead moves at most maxPerLead times in all, never round the team.
  if ((await reassignmentsOf(ctx.db, ws, lead.id)) >= rule.maxPerLead) return null;

  const owner = await userInWorkspace(ctx, ws, breach.ownerId);
  const teamId = lead.team_id ?? owner?.teamId ?? null;
  if (!teamId) return null;
  const fresh = await loadSettings(ctx);
  const away = new Set(fresh.routing.awayUserIds);
  const candidates = (await activeRepIds(ctx.db, ws, teamId)).filter((id) => !away.has(id));
  const next = nextRepInstead(candidates, fresh.lastAssigned[teamId] ?? breach.ownerId, breach.ownerId);
  if (!next) return null;

  // The once-only record: a duplicate of this job, or a retry after a commit, stops here.
  const claimed = await claimAlert(ctx.db, {
    key: `lead-sla:${lead.id}:${breach.routedAt}:${breach.clause}:reassigned`,
    workspace_id: ws,
    lead_id: lead.id,
    kind: `${breach.clause}_reassigned`,
    recipient_id: next,
    created_at: ctx.now(),
  });
  if (!claimed) return null;
  const now = ctx.now();
  // The row was read after the lock; a miss means someone edited it meanwhile: roll back, the job retries.
  if (!(await updateLead(ctx.db, ws, lead.id, lead.version, { owner_id: next, team_id: teamId, routed_at: now }, now)))
    throw conflict('The lead changed while it was reassigned');
  await stampSlaDues(ctx, lead.id);
  await insertTransition(ctx.db, {
    id: newId(),
    workspace_id: ws,
    lead_id: lead.id,
    from_status: lead.status,
    to_status: lead.status,
    actor_id: null,
    owner_id: next,
    reason: SLA_BREACH_REASON,
    agreement_id: lead.agreement_id,
    at: now,
  });
  await ensureSettingsRow(ctx);
  await setLastAssigned(ctx.db, ws, JSON.stringify({ ...fresh.lastAssigned, [teamId]: next }));

  const newOwner = await userInWorkspace(ctx, ws, next);
  const data = { clause: breach.clause, fromName: owner?.name ?? 'The previous owner', toName: newOwner?.name ?? 'another rep' };
  await notify(ctx, leadReassignedToYou, { recipientId: next, recordId: lead.id, data });
  await notify(ctx, leadReassignedAway, { recipientId: breach.ownerId, recordId: lead.id, data });
  await emitLeadEvent(ctx, 'lead.updated', lead.id);
  return next;
}
