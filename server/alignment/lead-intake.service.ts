// Lead intake (API, webhook): an open lead with the email takes the new behaviours; otherwise a new
// lead, matched to contacts, accounts and leads by email and domain (lead-match.service.ts), scored
// under the agreement in force when it arrived, and an MQL routed to a team and rep. All in one
// transaction with its history rows.
import type { AgreementTerms } from '../../api/lead-agreements.js';
import type { Behaviour, Lead, LeadCreate } from '../../api/leads.js';
import { type Ctx, inTransaction } from '../context.js';
import { checkReferences } from '../crm/references.service.js';
import { conflict, invalidField } from '../errors.js';
import { newId } from '../ids.js';
import { type AgreementRow, findAgreementRow, findInForce, findInForceAt } from './agreements.repo.js';
import { getCampaignRow } from './campaigns.service.js';
import { matchCompany } from './lead-match.service.js';
import { type LeadScope, leadScope } from './lead-scope.service.js';
import { activeRepIds, ROUND_ROBIN_LOCK, setLastAssigned } from './lead-settings.repo.js';
import { ensureSettingsRow, type LoadedSettings, loadSettings } from './lead-settings.service.js';
import { findOpenLeadByEmail, insertLead, insertTransition, type LeadRow, updateLead } from './leads.repo.js';
import { emitLeadEvent, getLeadIn, moveLead, stampSlaDues } from './leads.service.js';
import { namedRep, nextRep, routeTarget } from './routing.js';
import { scoreLead } from './scoring.js';
import { NO_DUES } from './sla.js';

const ALL: LeadScope = { owners: { all: true }, poolTeamIds: [] };

interface StoredBehaviour {
  event: string;
  at: number;
}

export interface IntakeOptions {
  via: 'api' | 'webhook' | 'import';
  /** The source name when the caller does not give one (a webhook's source). */
  source?: string;
}

function transitionRow(ctx: Ctx, lead: LeadRow, from: LeadRow['status'] | null, to: LeadRow['status'], at: number) {
  return {
    id: newId(),
    workspace_id: lead.workspace_id,
    lead_id: lead.id,
    from_status: from,
    to_status: to,
    actor_id: ctx.actor.via === 'system' ? null : ctx.actor.userId,
    owner_id: lead.owner_id,
    reason: null,
    agreement_id: lead.agreement_id,
    at,
  };
}

/** Picks team and rep for a new MQL; returns owner/team/routed_at (owner null in claim mode). */
export async function route(ctx: Ctx, lead: Pick<LeadRow, 'segment' | 'country' | 'company_size'>, at: number) {
  const settings = await loadSettings(ctx);
  const { teamId, ownerId: named } = routeTarget(settings.routing.rules, settings.routing.defaultTeamId, {
    segment: lead.segment,
    country: lead.country,
    companySize: lead.company_size,
  });
  if (!teamId) return { owner_id: null, team_id: null, routed_at: null };
  const available = async (routing: LoadedSettings['routing']) => {
    const away = new Set(routing.awayUserIds);
    return (await activeRepIds(ctx.db, ctx.actor.workspaceId, teamId)).filter((id) => !away.has(id));
  };
  // A rule naming a rep: theirs while they are available (the round robin's pointer stays).
  const direct = named === null ? null : namedRep(named, await available(settings.routing));
  if (direct) return { owner_id: direct, team_id: teamId, routed_at: at };
  if (settings.routing.mode === 'claim') return { owner_id: null, team_id: teamId, routed_at: at };
  // Two leads arriving together must not both go to the same "next" rep.
  const lock = ctx.dialect.transactionLock(ROUND_ROBIN_LOCK);
  if (lock) await lock.execute(ctx.db);
  const fresh = await loadSettings(ctx);
  const candidates = await available(fresh.routing);
  const owner = nextRep(candidates, fresh.lastAssigned[teamId] ?? null);
  if (!owner) return { owner_id: null, team_id: teamId, routed_at: at };
  await ensureSettingsRow(ctx);
  await setLastAssigned(ctx.db, ctx.actor.workspaceId, JSON.stringify({ ...fresh.lastAssigned, [teamId]: owner }));
  return { owner_id: owner, team_id: teamId, routed_at: at };
}

/** The agreement in force at the instant, else the one in force now (a lead from before the first agreement). */
export async function agreementFor(ctx: Ctx, at: number): Promise<AgreementRow | undefined> {
  return (await findInForceAt(ctx.db, ctx.actor.workspaceId, at)) ?? (await findInForce(ctx.db, ctx.actor.workspaceId));
}

export function scoreRow(
  row: Pick<LeadRow, 'industry' | 'company_size' | 'title' | 'country' | 'segment'>,
  behaviours: StoredBehaviour[],
  agreement: AgreementRow | undefined,
) {
  if (!agreement) return { score: 0, points: [], isMql: false };
  const terms = JSON.parse(agreement.terms) as AgreementTerms;
  return scoreLead(terms, { industry: row.industry, companySize: row.company_size, title: row.title, country: row.country, segment: row.segment, behaviours });
}

const toStored = (list: Behaviour[] | undefined, at: number): StoredBehaviour[] =>
  (list ?? []).map((b) => ({ event: b.event, at: b.at ? Date.parse(b.at) : at }));

/** New behaviours on an open or recycled lead: rescored under its agreement; a lead crossing the threshold becomes an MQL and is routed. */
export async function addBehaviours(ctx: Ctx, row: LeadRow, behaviours: Behaviour[]): Promise<void> {
  const now = ctx.now();
  const all = [...(JSON.parse(row.behaviours) as StoredBehaviour[]), ...toStored(behaviours, now)];
  // A lead not yet qualified is scored under the agreement in force now; an MQL keeps the version that qualified it.
  const becomesCandidate = row.status === 'new' || row.status === 'recycled';
  const agreement = becomesCandidate ? await findInForce(ctx.db, ctx.actor.workspaceId) : undefined;
  const scoredUnder = becomesCandidate ? agreement : row.agreement_id ? await findAgreementRow(ctx.db, ctx.actor.workspaceId, row.agreement_id) : undefined;
  const scored = scoreRow(row, all, scoredUnder);
  const changes = { behaviours: JSON.stringify(all), score: scored.score, score_explanation: JSON.stringify(scored.points) };
  if (becomesCandidate && scored.isMql && agreement) {
    const routing = row.owner_id ? { owner_id: row.owner_id, team_id: row.team_id, routed_at: now } : await route(ctx, row, now);
    await moveLead(ctx, row, row.version, { to: 'mql', changes: { ...changes, ...routing, agreement_id: agreement.id, mql_at: now } });
    await stampSlaDues(ctx, row.id);
    return;
  }
  const ok = await updateLead(ctx.db, ctx.actor.workspaceId, row.id, row.version, changes, now);
  if (!ok) throw conflict('The lead changed while its behaviours were added; try again');
  await emitLeadEvent(ctx, 'lead.updated', row.id);
}

export async function intakeLead(ctx: Ctx, input: LeadCreate, options: IntakeOptions): Promise<{ lead: Lead; merged: boolean }> {
  const scope = await leadScope(ctx, 'create');
  return inTransaction(ctx, async (tx) => {
    const now = tx.now();
    const receivedAt = input.receivedAt ? Date.parse(input.receivedAt) : now;
    if (receivedAt > now + 60_000) throw invalidField('receivedAt', 'must not be in the future');
    const email = input.email?.trim().toLowerCase() || null;
    if (!email && !input.company?.trim() && !input.lastName?.trim()) throw invalidField('email', 'a lead needs an email, a company or a name');
    if (input.campaignId) await getCampaignRow(tx, input.campaignId, 'campaignId');
    const readScope = await leadScope(tx, 'read');

    if (email) {
      const open = await findOpenLeadByEmail(tx.db, ctx.actor.workspaceId, email);
      if (open) {
        const visible = await getLeadIn(tx, readScope, open.id).catch(() => null);
        if (!visible) throw conflict('An open lead with this email is already being worked');
        await addBehaviours(tx, open, input.behaviours ?? []);
        return { lead: await getLeadIn(tx, readScope, open.id), merged: true };
      }
    }

    const ownerId = input.ownerId ?? (ctx.actor.role === 'rep' ? ctx.actor.userId : null);
    await checkReferences(tx, 'leads', { ownerId });
    const { domain, contactId, accountId } = await matchCompany(tx, email, input.domain);
    const behaviours = toStored(input.behaviours, receivedAt);
    const agreement = await agreementFor(tx, receivedAt);
    const row: LeadRow = {
      id: newId(),
      workspace_id: ctx.actor.workspaceId,
      email,
      domain,
      first_name: input.firstName?.trim() || null,
      last_name: input.lastName?.trim() || null,
      company: input.company?.trim() || null,
      title: input.title?.trim() || null,
      industry: input.industry?.trim() || null,
      company_size: input.companySize ?? null,
      country: input.country?.trim() || null,
      segment: input.segment?.trim().toLowerCase() || null,
      source: input.source?.trim() || options.source || options.via,
      campaign_id: input.campaignId ?? null,
      status: 'new',
      score: 0,
      score_explanation: '[]',
      behaviours: JSON.stringify(behaviours),
      agreement_id: null,
      owner_id: ownerId,
      team_id: null,
      rejection_reason: null,
      matched_contact_id: contactId,
      matched_account_id: accountId,
      deal_id: null,
      received_at: receivedAt,
      mql_at: null,
      routed_at: null,
      first_touch_at: null,
      touches: 0,
      accepted_at: null,
      rejected_at: null,
      sql_at: null,
      converted_at: null,
      ...NO_DUES,
      external_id: input.externalId?.trim() || null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      version: 1,
    };
    const scored = scoreRow(row, behaviours, agreement);
    row.score = scored.score;
    row.score_explanation = JSON.stringify(scored.points);
    const transitions = [transitionRow(tx, row, null, 'new', receivedAt)];
    if (scored.isMql && agreement) {
      row.agreement_id = agreement.id;
      row.status = 'mql';
      row.mql_at = receivedAt;
      Object.assign(row, ownerId ? { owner_id: ownerId, team_id: null, routed_at: receivedAt } : await route(tx, row, receivedAt));
      transitions.push(transitionRow(tx, row, 'new', 'mql', receivedAt));
    }
    await insertLead(tx.db, row);
    for (const t of transitions) await insertTransition(tx.db, t);
    if (row.routed_at !== null) await stampSlaDues(tx, row.id);
    await emitLeadEvent(tx, 'lead.created', row.id);
    // The creator sees what they delivered even when routing gave it to a team they do not see.
    const visible = await getLeadIn(tx, readScope, row.id).catch(() => null);
    return { lead: visible ?? (await getLeadIn(tx, scope.owners.all ? scope : ALL, row.id)), merged: false };
  });
}
