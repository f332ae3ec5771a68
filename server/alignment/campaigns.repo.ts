import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Campaign, FollowUpPlan } from '../../api/campaigns.js';
import { updateVersioned } from '../db/records.js';
import type { CampaignsTable } from '../db/schema/alignment.js';
import type { DB } from '../db/schema.js';

export type CampaignRow = Selectable<CampaignsTable>;

const iso = (ms: number) => new Date(Number(ms)).toISOString();

export const toCampaign = (r: CampaignRow & { leads: number | string }): Campaign => ({
  id: r.id,
  name: r.name,
  channel: r.channel as Campaign['channel'],
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  budget: r.budget === null ? null : Number(r.budget),
  currency: r.currency,
  followUp: JSON.parse(r.follow_up) as FollowUpPlan,
  leads: Number(r.leads),
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
  version: r.version,
});

function views(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('campaigns as c')
    .selectAll('c')
    .select((eb) =>
      eb
        .selectFrom('leads as l')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('l.workspace_id', '=', 'c.workspace_id')
        .whereRef('l.campaign_id', '=', 'c.id')
        .where('l.deleted_at', 'is', null)
        .as('leads'),
    )
    .where('c.workspace_id', '=', workspaceId);
}

export async function listCampaigns(db: Kysely<DB>, workspaceId: string): Promise<Campaign[]> {
  return (await views(db, workspaceId).orderBy('c.starts_on', 'desc').orderBy('c.name').execute()).map((r) => toCampaign({ ...r, leads: r.leads ?? 0 }));
}

export async function findCampaign(db: Kysely<DB>, workspaceId: string, id: string): Promise<Campaign | undefined> {
  const r = await views(db, workspaceId).where('c.id', '=', id).executeTakeFirst();
  return r ? toCampaign({ ...r, leads: r.leads ?? 0 }) : undefined;
}

export function findCampaignRow(db: Kysely<DB>, workspaceId: string, id: string): Promise<CampaignRow | undefined> {
  return db.selectFrom('campaigns').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function insertCampaign(db: Kysely<DB>, row: CampaignRow): Promise<void> {
  await db.insertInto('campaigns').values(row).execute();
}

export async function updateCampaign(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  version: number,
  changes: Updateable<CampaignsTable>,
  now: number,
): Promise<boolean> {
  return (await updateVersioned(db, 'campaigns', { workspaceId, id, version }, changes, now)) !== undefined;
}

export async function campaignHasLeads(db: Kysely<DB>, workspaceId: string, id: string): Promise<boolean> {
  return !!(await db.selectFrom('leads').select('id').where('workspace_id', '=', workspaceId).where('campaign_id', '=', id).limit(1).executeTakeFirst());
}

export async function deleteCampaignRow(db: Kysely<DB>, workspaceId: string, id: string): Promise<void> {
  await db.deleteFrom('campaigns').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}
