// Leads brought in from another CRM's export (crm/import-export plans the rows; this writes one):
// the lead as the file describes it — its status and the dated history steps that led there — not
// as intake would score and route it today. Linked to a contact with its email and an account with
// its domain, as intake links; scored (for the explanation) under the agreement in force at its
// MQL date, or at its arrival. It carries no SLA clock: the sales SLA is Furrow's from the moment
// a lead arrives here, so history brought in alerts nobody and counts in no compliance figure. A
// later export moves a lead Furrow has along its lifecycle (advanceImportedLead), never back.
import type { LeadStatus } from '../../api/leads.js';
import type { Ctx } from '../context.js';
import { checkReferences } from '../crm/references.service.js';
import { notFound, stale } from '../errors.js';
import { newId } from '../ids.js';
import { agreementFor, scoreRow } from './lead-intake.service.js';
import { matchCompany } from './lead-match.service.js';
import { findDealKeys, findLeadKeys, findLeadRow, type ImportMatch, insertLead, insertTransition, type LeadRow, updateLead } from './leads.repo.js';
import { emitLeadEvent, moveLead } from './leads.service.js';
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
  /** The deal a converted lead became (the file's opportunity, found among the deals the importer may read). */
  dealId: string | null;
  /** The history, oldest first: `new` at the lead's arrival, then each step to its status. */
  steps: { to: LeadStatus; at: number }[];
}

/** Without a reason in the file, a rejected lead says so (like a lost deal's `Not recorded`). */
const NO_REASON = 'Not recorded';

/** Existing leads with these emails or external ids (the whole workspace's): an import matches them instead of adding a duplicate. */
export async function leadsForImport(ctx: Ctx, keys: { emails: readonly string[]; externalIds: readonly string[] }): Promise<ImportMatch[]> {
  return findLeadKeys(ctx.db, ctx.actor.workspaceId, keys);
}

/**
 * The deals a file's converted leads name by Furrow id or by the other CRM's opportunity id, across
 * the workspace: the link is what the funnel's won step reads, and marketing, who imports leads but
 * reads no deals, has the ids from its own export already. Names are matched only among the deals
 * the importer may read (crm/import-export), so a name never probes for a deal.
 */
export async function dealsForImport(ctx: Ctx, keys: { ids: readonly string[]; externalIds: readonly string[] }) {
  const rows = await findDealKeys(ctx.db, ctx.actor.workspaceId, keys);
  return {
    byId: new Map(rows.map((r) => [r.id, r.id])),
    byExternal: new Map(rows.flatMap((r) => (r.external_id ? [[r.external_id, r.id] as const] : []))),
  };
}

const EVERY_LEAD = { owners: { all: true }, poolTeamIds: [] } as const;

/**
 * A lead Furrow has, moved on by a later export of the other CRM: each step through the one
 * status-change path (lifecycle check, guarded update, history row dated from the file), in the
 * import's transaction. `version` is the lead's when the file was checked: a lead changed meanwhile
 * is that row's 409. A converted lead without its deal gets the one the file names.
 */
export async function advanceImportedLead(
  ctx: Ctx,
  input: { id: string; version: number; steps: readonly { to: LeadStatus; at: number }[]; rejectionReason: string | null; dealId: string | null },
): Promise<void> {
  const workspaceId = ctx.actor.workspaceId;
  const current = async () => {
    const row = await findLeadRow(ctx.db, workspaceId, EVERY_LEAD, input.id);
    if (!row) throw notFound('Lead');
    return row;
  };
  let row = await current();
  if (row.version !== input.version) throw stale('Lead', row.version);
  for (const { to, at } of input.steps) {
    const reason = to === 'rejected' ? (input.rejectionReason ?? NO_REASON) : null;
    const changes: Parameters<typeof moveLead>[3]['changes'] = {
      mql: { mql_at: at, agreement_id: row.agreement_id ?? (await agreementFor(ctx, at))?.id ?? null },
      accepted: { accepted_at: at },
      sql: { sql_at: at },
      converted: { converted_at: at, deal_id: input.dealId },
      rejected: { rejected_at: at, rejection_reason: reason },
      recycled: {},
      new: {},
    }[to];
    await moveLead(ctx, row, row.version, { to, at, reason, changes });
    row = await current();
  }
  if (input.steps.length === 0 && input.dealId && row.status === 'converted' && row.deal_id === null) {
    if (!(await updateLead(ctx.db, workspaceId, row.id, row.version, { deal_id: input.dealId }, ctx.now()))) throw stale('Lead', row.version);
    await emitLeadEvent(ctx, 'lead.updated', row.id);
  }
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
    deal_id: last.to === 'converted' ? input.dealId : null,
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
