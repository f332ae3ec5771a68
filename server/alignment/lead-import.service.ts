// Leads brought in from another CRM's export (crm/import-export plans the rows; this writes one):
// the lead as the file describes it — its status and the dated history steps that led there — not
// as intake would score and route it today. Linked to a contact with its email and an account with
// its domain, as intake links; scored (for the explanation) under the agreement in force at its
// MQL date, or at its arrival. It carries no SLA clock: the sales SLA is Furrow's from the moment
// a lead arrives here, so history brought in alerts nobody and counts in no compliance figure.
import type { LeadStatus } from '../../api/leads.js';
import type { Ctx } from '../context.js';
import { checkReferences } from '../crm/references.service.js';
import { newId } from '../ids.js';
import { agreementFor, scoreRow } from './lead-intake.service.js';
import { matchCompany } from './lead-match.service.js';
import { findLeadKeys, insertLead, insertTransition, type LeadRow } from './leads.repo.js';
import { emitLeadEvent } from './leads.service.js';
import { NO_DUES } from './sla.js';

export interface ImportedLead {
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  domain: string | null;
  title: string | null;
  industry: string | null;
  companySize: number | null;
  country: string | null;
  segment: string | null;
  source: string | null;
  campaignId: string | null;
  ownerId: string | null;
  /** The owner's team, so the lead sits in that team's reach. */
  teamId: string | null;
  externalId: string | null;
  rejectionReason: string | null;
  /** The history, oldest first: `new` at the lead's arrival, then each step to its status. */
  steps: { to: LeadStatus; at: number }[];
}

/** Without a reason in the file, a rejected lead says so (like a lost deal's `Not recorded`). */
const NO_REASON = 'Not recorded';

/** Existing leads with these emails or external ids (the whole workspace's): an import matches them instead of adding a duplicate. */
export async function leadsForImport(
  ctx: Ctx,
  keys: { emails: readonly string[]; externalIds: readonly string[] },
): Promise<{ id: string; email: string | null; external_id: string | null }[]> {
  return findLeadKeys(ctx.db, ctx.actor.workspaceId, keys);
}

/** Writes one imported lead and its dated history; ctx is the import's transaction. */
export async function importLead(ctx: Ctx, input: ImportedLead): Promise<void> {
  await checkReferences(ctx, 'leads', { ownerId: input.ownerId, campaignId: input.campaignId });
  const first = input.steps[0];
  if (first?.to !== 'new') throw new Error('an imported lead starts with its arrival');
  const last = input.steps[input.steps.length - 1] as { to: LeadStatus; at: number };
  const at = (to: LeadStatus) => input.steps.find((s) => s.to === to)?.at ?? null;
  const mqlAt = at('mql');
  const workspaceId = ctx.actor.workspaceId;
  const { domain, contactId, accountId } = await matchCompany(ctx, input.email, input.domain);
  // The version that qualified it (in force at its MQL date); a lead that never qualified is scored under the one of its arrival.
  const agreement = await agreementFor(ctx, mqlAt ?? first.at);
  const now = ctx.now();
  const row: LeadRow = {
    id: newId(),
    workspace_id: workspaceId,
    email: input.email,
    domain,
    first_name: input.firstName,
    last_name: input.lastName,
    company: input.company,
    title: input.title,
    industry: input.industry,
    company_size: input.companySize,
    country: input.country,
    segment: input.segment?.toLowerCase() ?? null,
    source: input.source ?? 'import',
    campaign_id: input.campaignId,
    status: last.to,
    score: 0,
    score_explanation: '[]',
    behaviours: '[]',
    agreement_id: mqlAt !== null ? (agreement?.id ?? null) : null,
    owner_id: input.ownerId,
    team_id: input.ownerId ? input.teamId : null,
    rejection_reason: last.to === 'rejected' ? (input.rejectionReason ?? NO_REASON) : null,
    matched_contact_id: contactId,
    matched_account_id: accountId,
    deal_id: null,
    received_at: first.at,
    mql_at: mqlAt,
    // Not routed by Furrow: no SLA clock runs for it (see the file's head).
    routed_at: null,
    first_touch_at: null,
    touches: 0,
    accepted_at: at('accepted'),
    rejected_at: at('rejected'),
    sql_at: at('sql'),
    converted_at: at('converted'),
    ...NO_DUES,
    external_id: input.externalId,
    created_at: first.at,
    updated_at: now,
    deleted_at: null,
    version: 1,
  };
  const scored = scoreRow(row, [], agreement);
  row.score = scored.score;
  row.score_explanation = JSON.stringify(scored.points);
  await insertLead(ctx.db, row);
  let from: LeadStatus | null = null;
  for (const step of input.steps) {
    await insertTransition(ctx.db, {
      id: newId(),
      workspace_id: workspaceId,
      lead_id: row.id,
      from_status: from,
      to_status: step.to,
      actor_id: ctx.actor.via === 'system' ? null : ctx.actor.userId,
      owner_id: row.owner_id,
      reason: step.to === 'rejected' ? row.rejection_reason : null,
      agreement_id: step.to === 'new' ? null : row.agreement_id,
      at: step.at,
    });
    from = step.to;
  }
  await emitLeadEvent(ctx, 'lead.created', row.id);
}
