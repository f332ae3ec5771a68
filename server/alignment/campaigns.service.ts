// Campaigns: marketing runs them; everyone who works leads reads them and their follow-up plan.
import type { Campaign, CampaignCreate, CampaignPatch, FollowUpPlan } from '../../api/campaigns.js';
import { type Ctx, inTransaction } from '../context.js';
import { conflict, invalidField, notFound, stale } from '../errors.js';
import { listTeams } from '../identity/teams.service.js';
import { ownerScope } from '../identity/visibility.js';
import { getWorkspace } from '../identity/workspaces.service.js';
import { newId } from '../ids.js';
import {
  type CampaignRow,
  campaignHasLeads,
  deleteCampaignRow,
  findCampaign,
  findCampaignRow,
  insertCampaign,
  listCampaigns as listRows,
  updateCampaign,
} from './campaigns.repo.js';

const NO_PLAN: FollowUpPlan = { touches: [], ownerTeamId: null, note: null };

export async function listCampaigns(ctx: Ctx): Promise<Campaign[]> {
  await ownerScope(ctx, 'campaigns', 'read');
  return listRows(ctx.db, ctx.actor.workspaceId);
}

export async function getCampaign(ctx: Ctx, id: string): Promise<Campaign> {
  await ownerScope(ctx, 'campaigns', 'read');
  const c = await findCampaign(ctx.db, ctx.actor.workspaceId, id);
  if (!c) throw notFound('Campaign');
  return c;
}

/** A campaign a lead may carry (400 naming the field when there is none). */
export async function getCampaignRow(ctx: Ctx, id: string, field: string): Promise<CampaignRow> {
  const row = await findCampaignRow(ctx.db, ctx.actor.workspaceId, id);
  if (!row) throw invalidField(field, 'no campaign with this id');
  return row;
}

async function checkPlan(ctx: Ctx, plan: FollowUpPlan | undefined): Promise<void> {
  if (!plan?.ownerTeamId) return;
  const teams = await listTeams(ctx);
  if (!teams.some((t) => t.id === plan.ownerTeamId)) throw invalidField('followUp/ownerTeamId', 'no team with this id in the workspace');
}

function checkDates(startsOn: string, endsOn: string | null | undefined): void {
  if (endsOn && endsOn < startsOn) throw invalidField('endsOn', 'must not be before startsOn');
}

export async function createCampaign(ctx: Ctx, input: CampaignCreate): Promise<Campaign> {
  await ownerScope(ctx, 'campaigns', 'create');
  checkDates(input.startsOn, input.endsOn);
  await checkPlan(ctx, input.followUp);
  return inTransaction(ctx, async (tx) => {
    const now = tx.now();
    const id = newId();
    if ((await listRows(tx.db, ctx.actor.workspaceId)).some((c) => c.name.toLowerCase() === input.name.trim().toLowerCase())) {
      throw invalidField('name', 'another campaign has this name');
    }
    await insertCampaign(tx.db, {
      id,
      workspace_id: ctx.actor.workspaceId,
      name: input.name.trim(),
      channel: input.channel,
      starts_on: input.startsOn,
      ends_on: input.endsOn ?? null,
      budget: input.budget ?? null,
      currency: input.currency ?? (await getWorkspace(tx)).currency,
      follow_up: JSON.stringify(input.followUp ?? NO_PLAN),
      created_at: now,
      updated_at: now,
      version: 1,
    });
    return getCampaign(tx, id);
  });
}

export async function updateCampaignById(ctx: Ctx, id: string, patch: CampaignPatch): Promise<Campaign> {
  await ownerScope(ctx, 'campaigns', 'update');
  await checkPlan(ctx, patch.followUp);
  return inTransaction(ctx, async (tx) => {
    const row = await findCampaignRow(tx.db, ctx.actor.workspaceId, id);
    if (!row) throw notFound('Campaign');
    checkDates(patch.startsOn ?? row.starts_on, patch.endsOn === undefined ? row.ends_on : patch.endsOn);
    const changes = {
      ...(patch.name !== undefined && { name: patch.name.trim() }),
      ...(patch.channel !== undefined && { channel: patch.channel }),
      ...(patch.startsOn !== undefined && { starts_on: patch.startsOn }),
      ...(patch.endsOn !== undefined && { ends_on: patch.endsOn }),
      ...(patch.budget !== undefined && { budget: patch.budget }),
      ...(patch.currency !== undefined && { currency: patch.currency }),
      ...(patch.followUp !== undefined && { follow_up: JSON.stringify(patch.followUp) }),
    };
    if (!(await updateCampaign(tx.db, ctx.actor.workspaceId, id, patch.version, changes, tx.now()))) throw stale('Campaign', row.version);
    return getCampaign(tx, id);
  });
}

export async function deleteCampaign(ctx: Ctx, id: string): Promise<void> {
  await ownerScope(ctx, 'campaigns', 'delete');
  await inTransaction(ctx, async (tx) => {
    if (!(await findCampaignRow(tx.db, ctx.actor.workspaceId, id))) throw notFound('Campaign');
    if (await campaignHasLeads(tx.db, ctx.actor.workspaceId, id)) throw conflict('Leads carry this campaign; it stays so the funnel can trace them');
    await deleteCampaignRow(tx.db, ctx.actor.workspaceId, id);
  });
}
