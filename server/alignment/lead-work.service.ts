// What sales does with a lead: claim, assign, touch, accept, reject (a reason from the agreed list,
// which marketing reads), qualify as SQL, recycle, and add behaviours from marketing's tools.
import type { AgreementTerms } from '../../api/lead-agreements.js';
import type { Lead, LeadAssign, LeadBehaviours, LeadReject, LeadTouch } from '../../api/leads.js';
import { type Ctx, inTransaction } from '../context.js';
import { checkReferences } from '../crm/references.service.js';
import { conflict, invalidField, ruleViolation, stale } from '../errors.js';
import { requireRole } from '../identity/roles.js';
import { newId } from '../ids.js';
import { findAgreementRow, findInForce } from './agreements.repo.js';
import { businessMinutesBetween } from './business-hours.js';
import { addBehaviours } from './lead-intake.service.js';
import { leadScope } from './lead-scope.service.js';
import { businessCalendar } from './lead-settings.service.js';
import { claimLead, findLeadRow, insertTouch, type LeadRow, updateLead } from './leads.repo.js';
import { emitLeadEvent, getLead, leadForWrite, moveLead, stampSlaDues } from './leads.service.js';

function requireOwned(row: LeadRow): void {
  if (!row.owner_id) throw ruleViolation('Nobody owns this lead yet: claim or assign it first');
}

export async function acceptLead(ctx: Ctx, id: string, version: number): Promise<Lead> {
  return inTransaction(ctx, async (tx) => {
    const row = await leadForWrite(tx, id);
    requireOwned(row);
    const now = tx.now();
    await moveLead(tx, row, version, { to: 'accepted', changes: { accepted_at: now } });
    return getLead(tx, id);
  });
}

/** The reasons sales may give: those of the agreement that qualified the lead (else the one in force). */
async function rejectionReasons(ctx: Ctx, row: LeadRow): Promise<string[]> {
  const agreement = row.agreement_id
    ? await findAgreementRow(ctx.db, ctx.actor.workspaceId, row.agreement_id)
    : await findInForce(ctx.db, ctx.actor.workspaceId);
  return agreement ? (JSON.parse(agreement.terms) as AgreementTerms).rejectionReasons : [];
}

export async function rejectLead(ctx: Ctx, id: string, input: LeadReject): Promise<Lead> {
  return inTransaction(ctx, async (tx) => {
    const row = await leadForWrite(tx, id);
    const reasons = await rejectionReasons(tx, row);
    const reason = reasons.find((r) => r.toLowerCase() === input.reason.trim().toLowerCase());
    if (!reason) throw invalidField('reason', `must be one of the agreed reasons: ${reasons.join('; ') || '(no agreement in force)'}`);
    const now = tx.now();
    await moveLead(tx, row, input.version, { to: 'rejected', reason, changes: { rejected_at: now, rejection_reason: reason } });
    return getLead(tx, id);
  });
}

export async function qualifyLead(ctx: Ctx, id: string, version: number): Promise<Lead> {
  return inTransaction(ctx, async (tx) => {
    const row = await leadForWrite(tx, id);
    await moveLead(tx, row, version, { to: 'sql', changes: { sql_at: tx.now() } });
    return getLead(tx, id);
  });
}

export async function recycleLead(ctx: Ctx, id: string, version: number): Promise<Lead> {
  return inTransaction(ctx, async (tx) => {
    const row = await leadForWrite(tx, id);
    await moveLead(tx, row, version, { to: 'recycled' });
    return getLead(tx, id);
  });
}

/** First rep to claim an unowned lead of their team's pool wins; every other claim gets 409. */
export async function claim(ctx: Ctx, id: string): Promise<Lead> {
  requireRole(ctx, 'rep', 'manager', 'admin');
  return inTransaction(ctx, async (tx) => {
    const row = await leadForWrite(tx, id).catch(async (error) => {
      // A lead of the caller's pool that a teammate just claimed is no longer in reach: say so (409), not "missing".
      const taken = await findLeadRow(tx.db, ctx.actor.workspaceId, { owners: { all: true }, poolTeamIds: [] }, id);
      const pool = (await leadScope(tx, 'update')).poolTeamIds;
      if (taken?.team_id && taken.owner_id && pool.includes(taken.team_id)) throw conflict('Someone else claimed this lead first');
      throw error;
    });
    if (row.owner_id === ctx.actor.userId) return getLead(tx, id);
    if (!(await claimLead(tx.db, ctx.actor.workspaceId, id, ctx.actor.userId, tx.now()))) {
      throw conflict('Someone else claimed this lead first', { ownerId: row.owner_id });
    }
    await stampSlaDues(tx, id);
    await emitLeadEvent(tx, 'lead.updated', id);
    return getLead(tx, id);
  });
}

export async function assignLead(ctx: Ctx, id: string, input: LeadAssign): Promise<Lead> {
  requireRole(ctx, 'manager', 'admin');
  return inTransaction(ctx, async (tx) => {
    const row = await leadForWrite(tx, id);
    await checkReferences(tx, 'leads', { ownerId: input.ownerId });
    const now = tx.now();
    const changes = { owner_id: input.ownerId, ...(row.status === 'mql' && row.routed_at === null && { routed_at: now }) };
    if (!(await updateLead(tx.db, ctx.actor.workspaceId, id, input.version, changes, now))) throw stale('Lead', row.version);
    await stampSlaDues(tx, id);
    await emitLeadEvent(tx, 'lead.updated', id);
    return getLead(tx, id);
  });
}

export async function touchLead(ctx: Ctx, id: string, input: LeadTouch): Promise<Lead> {
  return inTransaction(ctx, async (tx) => {
    const row = await leadForWrite(tx, id);
    requireOwned(row);
    if (!['mql', 'accepted', 'sql'].includes(row.status)) throw ruleViolation(`A ${row.status} lead is not being worked; nothing to touch`);
    const now = tx.now();
    await insertTouch(tx.db, {
      id: newId(),
      workspace_id: ctx.actor.workspaceId,
      lead_id: id,
      actor_id: ctx.actor.userId,
      type: input.type,
      reached: input.reached ? 1 : 0,
      note: input.note?.trim() || null,
      at: now,
      // Stored at write time so speed to lead is a median in SQL (decision 0041).
      business_minutes: row.routed_at === null ? null : businessMinutesBetween(await businessCalendar(tx), Number(row.routed_at), now),
    });
    const changes = { touches: row.touches + 1, first_touch_at: row.first_touch_at ?? now };
    if (!(await updateLead(tx.db, ctx.actor.workspaceId, id, row.version, changes, now))) throw stale('Lead', row.version);
    await emitLeadEvent(tx, 'lead.updated', id);
    return getLead(tx, id);
  });
}

export async function addLeadBehaviours(ctx: Ctx, id: string, input: LeadBehaviours): Promise<Lead> {
  return inTransaction(ctx, async (tx) => {
    // Marketing's tools report behaviour on leads they delivered; creating leads is their reach.
    const row = await leadForWrite(tx, id, ctx.actor.role === 'marketing' ? 'read' : 'update');
    await addBehaviours(tx, row, input.behaviours);
    return getLead(tx, id);
  });
}
