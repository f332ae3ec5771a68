// Raw CRM rows for tests of features that read deals and their history (timelines, search,
// activity links) without going through the deal service, so they test only their own code.
import type { Insertable, Kysely } from 'kysely';
import type { DealsTable } from '../db/schema/crm.js';
import type { DB } from '../db/schema.js';
import { newId } from '../ids.js';

export interface Stages {
  pipelineId: string;
  byName(name: string): string;
}

export async function stagesOf(db: Kysely<DB>, workspaceId: string): Promise<Stages> {
  const stages = await db.selectFrom('stages').select(['id', 'name', 'pipeline_id']).where('workspace_id', '=', workspaceId).orderBy('position').execute();
  const first = stages[0];
  if (!first) throw new Error('workspace has no pipeline');
  return {
    pipelineId: first.pipeline_id,
    byName(name) {
      const stage = stages.find((s) => s.name === name);
      if (!stage) throw new Error(`no stage ${name}; have ${stages.map((s) => s.name).join(', ')}`);
      return stage.id;
    },
  };
}

export interface DealRowInput {
  workspaceId: string;
  ownerId: string;
  name: string;
  stageId: string;
  pipelineId: string;
  at: number;
  accountId?: string | null;
  contactId?: string | null;
  amount?: number;
  currency?: string;
  closeDate?: string;
  /** When the deal entered its stage; `at` (its creation) when absent. */
  stageEnteredAt?: number;
  deletedAt?: number | null;
}

/** An open deal's row, built without a write: for a caller that inserts many at once (e2e/support/crowd.ts). */
export function dealRow(d: DealRowInput): Insertable<DealsTable> & { id: string } {
  return {
    id: newId(),
    workspace_id: d.workspaceId,
    name: d.name,
    account_id: d.accountId ?? null,
    contact_id: d.contactId ?? null,
    owner_id: d.ownerId,
    pipeline_id: d.pipelineId,
    stage_id: d.stageId,
    amount: d.amount ?? 100_000,
    currency: d.currency ?? 'EUR',
    close_date: d.closeDate ?? '2027-03-31',
    status: 'open',
    lost_reason: null,
    source: null,
    campaign: null,
    next_step: null,
    custom: '{}',
    external_id: null,
    stage_entered_at: d.stageEnteredAt ?? d.at,
    closed_at: null,
    created_at: d.at,
    updated_at: d.at,
    deleted_at: d.deletedAt ?? null,
    version: 1,
  };
}

export async function insertDealRow(db: Kysely<DB>, d: DealRowInput): Promise<string> {
  const row = dealRow(d);
  await db.insertInto('deals').values(row).execute();
  return row.id;
}

export interface ChangeInput {
  workspaceId: string;
  entity: 'deal' | 'account' | 'contact';
  entityId: string;
  field: string;
  from: string | null;
  to: string | null;
  actorId: string | null;
  at: number;
  via?: string;
}

export async function insertChangeRow(db: Kysely<DB>, c: ChangeInput): Promise<string> {
  const id = newId();
  await db
    .insertInto('changes')
    .values({
      id,
      workspace_id: c.workspaceId,
      entity: c.entity,
      entity_id: c.entityId,
      field: c.field,
      from_value: c.from,
      to_value: c.to,
      actor_id: c.actorId,
      at: c.at,
      via: c.via ?? 'api',
    })
    .execute();
  return id;
}

export interface StageMoveInput {
  workspaceId: string;
  dealId: string;
  ownerId: string;
  actorId: string | null;
  at: number;
  fromStageId: string | null;
  toStageId: string;
  criteriaMet?: boolean;
  overrideReason?: string | null;
  skipped?: number;
  direction?: number;
  via?: string;
}

export async function insertStageMoveRow(db: Kysely<DB>, m: StageMoveInput): Promise<string> {
  const id = newId();
  await db
    .insertInto('stage_moves')
    .values({
      id,
      workspace_id: m.workspaceId,
      deal_id: m.dealId,
      actor_id: m.actorId,
      at: m.at,
      from_stage_id: m.fromStageId,
      to_stage_id: m.toStageId,
      from_position: m.fromStageId ? 1 : null,
      to_position: 2,
      from_probability: m.fromStageId ? 10 : null,
      to_probability: 20,
      process_version_id: null,
      criteria_met: m.criteriaMet === false ? 0 : 1,
      missing: '[]',
      override_reason: m.overrideReason ?? null,
      skipped: m.skipped ?? 0,
      direction: m.direction ?? 1,
      via: m.via ?? 'api',
      owner_id: m.ownerId,
    })
    .execute();
  return id;
}
