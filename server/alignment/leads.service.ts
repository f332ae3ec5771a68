// Reading and editing leads, and the one path every status change takes: a guarded update and its
// history row in the same transaction.
import type { AgreementTerms } from '../../api/lead-agreements.js';
import type { Lead, LeadListQuery, LeadPatch, LeadStatus, LeadTransition } from '../../api/leads.js';
import { type Ctx, inTransaction } from '../context.js';
import { checkReferences } from '../crm/references.service.js';
import { notFound, ruleViolation, stale } from '../errors.js';
import type { Operation } from '../identity/policy.js';
import { newId } from '../ids.js';
import { emitWebhookEvent } from '../ops/webhooks.service.js';
import { findAgreementRow } from './agreements.repo.js';
import type { BusinessCalendar } from './business-hours.js';
import { getCampaignRow } from './campaigns.service.js';
import { type LeadScope, leadScope } from './lead-scope.service.js';
import { businessCalendar } from './lead-settings.service.js';
import {
  findLeadRow,
  findLeadView,
  insertTransition,
  type LeadRow,
  type LeadView,
  listLeadViews,
  listTransitions,
  setSlaDues,
  softDeleteLead,
  updateLead,
} from './leads.repo.js';
import { allowedNext, canMove } from './lifecycle.js';
import { type Clock, leadClocks, slaDues } from './sla.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());
const clockJson = (c: Clock) => ({ state: c.state, dueAt: iso(c.dueAt), minutesLeft: c.minutesLeft });

export function toLead(r: LeadView, cal: BusinessCalendar, now: number): Lead {
  const terms = r.agreement_terms ? (JSON.parse(r.agreement_terms) as AgreementTerms) : null;
  const clocks = leadClocks(
    cal,
    terms?.sla ?? null,
    { routedAt: r.routed_at, acceptedAt: r.accepted_at, rejectedAt: r.rejected_at, firstTouchAt: r.first_touch_at },
    now,
  );
  return {
    id: r.id,
    email: r.email,
    domain: r.domain,
    firstName: r.first_name,
    lastName: r.last_name,
    company: r.company,
    title: r.title,
    industry: r.industry,
    companySize: r.company_size,
    country: r.country,
    segment: r.segment,
    source: r.source,
    campaignId: r.campaign_id,
    campaignName: r.campaign_name,
    status: r.status,
    score: r.score,
    scoreExplanation: JSON.parse(r.score_explanation),
    behaviours: (JSON.parse(r.behaviours) as { event: string; at: number }[]).map((b) => ({ event: b.event, at: iso(b.at) as string })),
    agreementId: r.agreement_id,
    agreementNumber: r.agreement_number,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    teamId: r.team_id,
    rejectionReason: r.rejection_reason,
    matchedContactId: r.matched_contact_id,
    matchedAccountId: r.matched_account_id,
    sameCompanyLeadId: r.same_company_lead_id,
    dealId: r.deal_id,
    receivedAt: iso(r.received_at) as string,
    mqlAt: iso(r.mql_at),
    routedAt: iso(r.routed_at),
    firstTouchAt: iso(r.first_touch_at),
    touches: r.touches,
    acceptedAt: iso(r.accepted_at),
    rejectedAt: iso(r.rejected_at),
    sqlAt: iso(r.sql_at),
    convertedAt: iso(r.converted_at),
    sla: { accept: clockJson(clocks.accept), firstTouch: clockJson(clocks.firstTouch) },
    externalId: r.external_id,
    createdAt: iso(r.created_at) as string,
    updatedAt: iso(r.updated_at) as string,
    version: r.version,
  };
}

export async function listLeads(ctx: Ctx, query: LeadListQuery): Promise<{ items: Lead[]; nextCursor: string | null }> {
  const scope = await leadScope(ctx, 'read');
  const page = await listLeadViews(ctx.db, ctx.dialect, ctx.actor.workspaceId, scope, ctx.actor.userId, query);
  const cal = await businessCalendar(ctx);
  const now = ctx.now();
  return { items: page.rows.map((r) => toLead(r, cal, now)), nextCursor: page.nextCursor };
}

export async function getLeadIn(ctx: Ctx, scope: LeadScope, id: string): Promise<Lead> {
  const view = await findLeadView(ctx.db, ctx.actor.workspaceId, scope, id);
  if (!view) throw notFound('Lead');
  return toLead(view, await businessCalendar(ctx), ctx.now());
}

export async function getLead(ctx: Ctx, id: string): Promise<Lead> {
  return getLeadIn(ctx, await leadScope(ctx, 'read'), id);
}

/** The lead as a row the caller may change (404 when invisible, 403 when the role may not change leads). */
export async function leadForWrite(ctx: Ctx, id: string, op: Operation = 'update'): Promise<LeadRow> {
  const row = await findLeadRow(ctx.db, ctx.actor.workspaceId, await leadScope(ctx, op), id);
  if (!row) throw notFound('Lead');
  return row;
}

export interface Move {
  to: LeadStatus;
  reason?: string | null;
  changes?: Parameters<typeof updateLead>[4];
  /** When the move happened (imports keep their dates); defaults to now. */
  at?: number;
}

/** Integrations read every lead of the workspace, whoever's queue it is in. */
const EVERY_LEAD: LeadScope = { owners: { all: true }, poolTeamIds: [] };

/** Tells subscribed endpoints about a lead as it stands in tx (read only when someone subscribed). */
export async function emitLeadEvent(tx: Ctx, type: 'lead.created' | 'lead.updated' | 'lead.status_changed', id: string): Promise<void> {
  await emitWebhookEvent(tx, type, () => getLeadIn(tx, EVERY_LEAD, id));
}

/** The one status-change path: lifecycle check, guarded update, history row; same transaction. */
export async function moveLead(ctx: Ctx, row: LeadRow, version: number, move: Move): Promise<void> {
  if (!canMove(row.status, move.to)) {
    throw ruleViolation(`A lead in ${row.status} cannot become ${move.to}; next: ${allowedNext(row.status).join(', ') || 'nothing (final)'}`, {
      from: row.status,
      to: move.to,
    });
  }
  await inTransaction(ctx, async (tx) => {
    const at = move.at ?? tx.now();
    if (row.version !== version || !(await updateLead(tx.db, ctx.actor.workspaceId, row.id, version, { ...move.changes, status: move.to }, tx.now()))) {
      throw stale('Lead', row.version);
    }
    await insertTransition(tx.db, {
      id: newId(),
      workspace_id: ctx.actor.workspaceId,
      lead_id: row.id,
      from_status: row.status,
      to_status: move.to,
      actor_id: ctx.actor.via === 'system' ? null : ctx.actor.userId,
      owner_id: (move.changes?.owner_id as string | null | undefined) ?? row.owner_id,
      reason: move.reason ?? null,
      agreement_id: (move.changes?.agreement_id as string | null | undefined) ?? row.agreement_id,
      at,
    });
    // As for deals: a status change is an edit too.
    await emitLeadEvent(tx, 'lead.updated', row.id);
    await emitLeadEvent(tx, 'lead.status_changed', row.id);
  });
}

export async function updateLeadById(ctx: Ctx, id: string, patch: LeadPatch): Promise<Lead> {
  return inTransaction(ctx, async (tx) => {
    const row = await leadForWrite(tx, id);
    if (patch.campaignId) await getCampaignRow(tx, patch.campaignId, 'campaignId');
    await checkReferences(tx, 'leads', { ownerId: patch.ownerId }, { ownerId: row.owner_id });
    const reassigned = patch.ownerId !== undefined && patch.ownerId !== row.owner_id;
    const changes = {
      ...(patch.email !== undefined && { email: patch.email?.trim().toLowerCase() || null }),
      ...(patch.firstName !== undefined && { first_name: patch.firstName?.trim() || null }),
      ...(patch.lastName !== undefined && { last_name: patch.lastName?.trim() || null }),
      ...(patch.company !== undefined && { company: patch.company?.trim() || null }),
      ...(patch.title !== undefined && { title: patch.title?.trim() || null }),
      ...(patch.industry !== undefined && { industry: patch.industry?.trim() || null }),
      ...(patch.companySize !== undefined && { company_size: patch.companySize }),
      ...(patch.country !== undefined && { country: patch.country?.trim() || null }),
      ...(patch.segment !== undefined && { segment: patch.segment?.trim() || null }),
      ...(patch.campaignId !== undefined && { campaign_id: patch.campaignId }),
      ...(reassigned && { owner_id: patch.ownerId, ...(row.status === 'mql' && row.routed_at === null && { routed_at: tx.now() }) }),
    };
    if (!(await updateLead(tx.db, ctx.actor.workspaceId, id, patch.version, changes, tx.now()))) throw stale('Lead', row.version);
    if (reassigned) await stampSlaDues(tx, id);
    await emitLeadEvent(tx, 'lead.updated', id);
    return getLead(tx, id);
  });
}

export async function deleteLead(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await leadForWrite(tx, id, 'delete');
    await softDeleteLead(tx.db, ctx.actor.workspaceId, id, tx.now());
    await emitWebhookEvent(tx, 'lead.deleted', { id });
  });
}

export async function leadHistory(ctx: Ctx, id: string): Promise<LeadTransition[]> {
  await getLead(ctx, id);
  return (await listTransitions(ctx.db, ctx.actor.workspaceId, id)).map((t) => ({
    id: t.id,
    fromStatus: t.from_status as LeadStatus | null,
    toStatus: t.to_status as LeadStatus,
    actorId: t.actor_id,
    actorName: t.actor_name,
    ownerId: t.owner_id,
    reason: t.reason,
    agreementId: t.agreement_id,
    at: iso(t.at) as string,
  }));
}

/**
 * Stores the SLA due instants of a routed lead (decision 0041), in the caller's transaction: every
 * path that routes or re-routes a lead calls it after its write. Recomputed from the lead's
 * routing instant, so calling it again changes nothing.
 */
export async function stampSlaDues(ctx: Ctx, id: string): Promise<void> {
  const row = await findLeadRow(ctx.db, ctx.actor.workspaceId, { owners: { all: true }, poolTeamIds: [] }, id);
  if (!row) return;
  const agreement = row.agreement_id ? await findAgreementRow(ctx.db, ctx.actor.workspaceId, row.agreement_id) : undefined;
  const sla = agreement ? (JSON.parse(agreement.terms) as AgreementTerms).sla : null;
  await setSlaDues(ctx.db, ctx.actor.workspaceId, id, slaDues(await businessCalendar(ctx), sla, row.routed_at));
}
