import type { Deal, DealCreate, DealListQuery, DealPatch, MoveVia } from '../../api/deals.js';
import { type Ctx, inTransaction } from '../context.js';
import { AppError, invalidField, invalidInput, notFound, stale } from '../errors.js';
import { reachOf } from '../identity/policy.js';
import { ownerScope } from '../identity/visibility.js';
import { getWorkspace } from '../identity/workspaces.service.js';
import { newId } from '../ids.js';
import { emitWebhookEvent } from '../ops/webhooks.service.js';
import { dealFieldsInUse } from '../process/custom-fields.service.js';
import { defaultPipeline, getStage, pipelineStages } from '../process/pipelines.service.js';
import { recordGateChecks } from '../process/stage-gate.service.js';
import { type CustomFieldDef, type CustomValue, customChanges, validateCustomValues } from './custom-values.js';
import { notifyDealChange } from './deal-notify.service.js';
import { planStageChange, type StageChangePlan } from './deal-stage-change.service.js';
import {
  contactAccount,
  customOf,
  DEAL_TRACKED,
  type DealChanges,
  type DealRow,
  findDeal,
  findDealRow,
  insertDeal,
  insertStageMove,
  listDeals as listDealRows,
  softDeleteDeal,
  stageBeforeClosing,
  updateDeal,
} from './deals.repo.js';
import { diffFields, initialFields } from './field-diff.js';
import { appendChanges } from './history.repo.js';
import { checkReferences } from './references.service.js';
import { recordStageEntries } from './stage-stays.repo.js';

export async function listDeals(ctx: Ctx, query: DealListQuery): Promise<{ items: Deal[]; nextCursor: string | null }> {
  const scope = await ownerScope(ctx, 'deals', 'read');
  return listDealRows(ctx.db, ctx.dialect, ctx.actor.workspaceId, scope, query);
}

export async function getDeal(ctx: Ctx, id: string): Promise<Deal> {
  const scope = await ownerScope(ctx, 'deals', 'read');
  const deal = await findDeal(ctx.db, ctx.actor.workspaceId, scope, id);
  if (!deal) throw notFound('Deal');
  return deal;
}

/** The workspace's deal custom fields in use (retired ones left out), in their order. */
export function dealCustomFields(ctx: Ctx): Promise<CustomFieldDef[]> {
  // The definitions are the process admin's (process/custom-fields.*); their one reader is there.
  return dealFieldsInUse(ctx);
}

async function checkCustom(ctx: Ctx, values: Record<string, CustomValue>): Promise<Record<string, CustomValue>> {
  const result = validateCustomValues(await dealCustomFields(ctx), values);
  if (result.problems.length > 0) throw invalidInput(result.problems);
  return result.values;
}

type DealLinks = { ownerId?: string | undefined; accountId?: string | null | undefined; contactId?: string | null | undefined };

/**
 * Owner, account and contact after a write: new ones must be visible to the caller (one check for
 * every path: crm/references.service.ts), and a contact must fit the account. Returns the account
 * the deal ends with (a contact brings its own when none is named).
 */
async function checkLinks(ctx: Ctx, next: DealLinks, current: { ownerId: string; accountId: string | null; contactId: string | null } | null) {
  const found = await checkReferences(ctx, 'deals', next, current ?? {});
  const unchanged = current !== null && next.accountId === current.accountId && next.contactId === current.contactId;
  if (!next.contactId || unchanged) return next.accountId;
  const contactAccountId =
    found.contactId !== undefined ? found.contactId.accountId : ((await contactAccount(ctx.db, ctx.actor.workspaceId, next.contactId))?.accountId ?? null);
  if (next.accountId && contactAccountId && contactAccountId !== next.accountId) throw invalidField('contactId', 'belongs to another account');
  return next.accountId ?? contactAccountId;
}

async function writeStageMove(ctx: Ctx, plan: StageChangePlan | null): Promise<void> {
  if (!plan) return;
  await insertStageMove(ctx.db, plan.move);
  await recordGateChecks(ctx, plan.move, plan.checks);
}

export interface DealCreateOptions {
  overrideReason?: string;
  /** An historical import's deal: its move into a later stage is imported history, not gated (decision 0180). */
  imported?: boolean;
  /** The file gave no start date: the deal's created_at is only the first instant known of it. */
  createdUnknown?: boolean;
  /** An imported deal known only closed is born closed (as lost, with this reason). */
  lostReason?: string;
}

export async function createDeal(ctx: Ctx, input: DealCreate, via: MoveVia, options: DealCreateOptions = {}): Promise<Deal> {
  return inTransaction(ctx, async (tx) => {
    const ownerId = input.ownerId ?? ctx.actor.userId;
    const accountId = await checkLinks(tx, { ownerId, accountId: input.accountId, contactId: input.contactId }, null);
    const pipeline = input.pipelineId ? { id: input.pipelineId } : await defaultPipeline(tx);
    const stages = await pipelineStages(tx, pipeline.id);
    if (stages.length === 0) throw invalidField('pipelineId', 'no such pipeline');
    const first = stages.find((s) => s.kind === 'open');
    if (!first) throw invalidField('pipelineId', 'the pipeline has no open stage');
    const custom = input.custom ? await checkCustom(tx, input.custom) : {};
    const now = tx.now();
    const currency = input.currency ?? (await getWorkspace(tx)).currency;

    // A deal is born in the first open stage; asking for a later one is a stage change from
    // nothing, checked and recorded like any other move.
    const row: DealRow = {
      id: newId(),
      workspace_id: ctx.actor.workspaceId,
      name: input.name.trim(),
      account_id: accountId ?? null,
      contact_id: input.contactId ?? null,
      owner_id: ownerId,
      pipeline_id: pipeline.id,
      stage_id: first.id,
      amount: input.amount,
      currency,
      close_date: input.closeDate,
      status: 'open',
      lost_reason: null,
      source: input.source?.trim() || null,
      campaign: input.campaign?.trim() || null,
      next_step: input.nextStep?.trim() || null,
      custom: JSON.stringify(custom),
      external_id: input.externalId?.trim() || null,
      stage_entered_at: now,
      closed_at: null,
      created_at: now,
      created_unknown: options.createdUnknown ? 1 : 0,
      updated_at: now,
      deleted_at: null,
      version: 1,
    };
    let plan: StageChangePlan | null = null;
    if (input.stageId && input.stageId !== first.id) {
      plan = await planStageChange(
        { ...tx, now: () => now },
        { ...row, stage_id: '' },
        {
          stageId: input.stageId,
          via,
          overrideReason: options.overrideReason,
          imported: options.imported,
          // Imported history closes on the file's date, not on the day of the import.
          ...(options.imported && { closeDate: input.closeDate, lostReason: options.lostReason }),
        },
      );
      if (plan?.changes.status === 'lost' && !options.imported) throw invalidField('stageId', 'a new deal cannot start closed as lost');
      if (plan) Object.assign(row, plan.changes);
    }
    await insertDeal(tx.db, row);
    const history = { workspaceId: row.workspace_id, entity: 'deal' as const, entityId: row.id, actorId: ctx.actor.userId, at: now, via };
    await appendChanges(tx.db, history, [...initialFields(row, DEAL_TRACKED), ...customChanges({}, custom)]);
    await writeStageMove(tx, plan);
    // Born in its stage (the one it asked for, when a later one): its first stay.
    await recordStageEntries(tx.db, [
      { workspaceId: row.workspace_id, dealId: row.id, pipelineId: row.pipeline_id, stageId: row.stage_id, at: now, imported: plan?.move.imported === 1 },
    ]);
    await notifyDealChange(tx, null, row, {}, via);

    const deal = await getDeal(tx, row.id);
    await emitWebhookEvent(tx, 'deal.created', deal);
    return deal;
  });
}

export interface DealUpdateOptions {
  via: MoveVia;
  /** An historical import's move: recorded as imported history, not gated (decision 0180). */
  imported?: boolean;
}

/** Field changes and (optionally) a stage change in one versioned write, one transaction. */
export async function updateDealById(ctx: Ctx, id: string, patch: DealPatch, options: DealUpdateOptions): Promise<Deal> {
  return inTransaction(ctx, async (tx) => {
    const scope = await ownerScope(tx, 'deals', 'update');
    const current = await findDealRow(tx.db, ctx.actor.workspaceId, scope, id);
    if (!current) throw notFound('Deal');
    if (current.version !== patch.version) throw stale('Deal', current.version);
    const accountId = await checkLinks(
      tx,
      {
        ownerId: patch.ownerId,
        accountId: patch.accountId !== undefined ? patch.accountId : current.account_id,
        contactId: patch.contactId !== undefined ? patch.contactId : current.contact_id,
      },
      { ownerId: current.owner_id, accountId: current.account_id, contactId: current.contact_id },
    );

    const beforeCustom = customOf(current);
    const custom = patch.custom ? { ...beforeCustom, ...(await checkCustom(tx, patch.custom)) } : beforeCustom;
    const changes: DealChanges = {
      ...(patch.name !== undefined && { name: patch.name.trim() }),
      ...((patch.accountId !== undefined || patch.contactId !== undefined) && { account_id: accountId ?? null }),
      ...(patch.contactId !== undefined && { contact_id: patch.contactId }),
      ...(patch.ownerId !== undefined && { owner_id: patch.ownerId }),
      ...(patch.amount !== undefined && { amount: patch.amount }),
      ...(patch.currency !== undefined && { currency: patch.currency }),
      ...(patch.closeDate !== undefined && { close_date: patch.closeDate }),
      ...(patch.source !== undefined && { source: patch.source?.trim() || null }),
      ...(patch.campaign !== undefined && { campaign: patch.campaign?.trim() || null }),
      ...(patch.nextStep !== undefined && { next_step: patch.nextStep?.trim() || null }),
      ...(patch.externalId !== undefined && { external_id: patch.externalId?.trim() || null }),
      ...(patch.custom !== undefined && { custom: JSON.stringify(custom) }),
    };
    if (patch.lostReason !== undefined && patch.stageId === undefined && patch.status === undefined) {
      if (current.status !== 'lost') throw invalidField('lostReason', 'only a lost deal has a lost reason');
      if (!patch.lostReason?.trim()) throw invalidField('lostReason', 'a lost deal needs a reason');
      changes.lost_reason = patch.lostReason.trim();
    }

    const targetStage = await resolveTargetStage(tx, current, patch);
    // One instant for the whole save: the stage move and its stage_id change row are one operation,
    // and the timeline (and anyone reading history) pairs them by it.
    const now = tx.now();
    const atNow: Ctx = { ...tx, now: () => now };
    let plan: StageChangePlan | null = null;
    if (targetStage) {
      const after: DealRow = { ...current, ...changes };
      plan = await planStageChange(atNow, after, {
        stageId: targetStage,
        via: options.via,
        overrideReason: patch.overrideReason,
        lostReason: patch.lostReason,
        closeDate: patch.closeDate,
        imported: options.imported,
      });
      if (plan) Object.assign(changes, plan.changes);
    }

    if (!(await updateDeal(tx.db, ctx.actor.workspaceId, id, patch.version, changes, now))) throw stale('Deal', current.version);
    const history = { workspaceId: ctx.actor.workspaceId, entity: 'deal' as const, entityId: id, actorId: ctx.actor.userId, at: now, via: options.via };
    const diffs = diffFields(current, changes, DEAL_TRACKED);
    await appendChanges(tx.db, history, [...diffs, ...customChanges(beforeCustom, custom)]);
    await writeStageMove(tx, plan);
    // A new stay exactly when the history records a stage change, at its instant.
    const stageChange = diffs.find((d) => d.field === 'stage_id');
    if (stageChange?.to) {
      await recordStageEntries(tx.db, [
        {
          workspaceId: ctx.actor.workspaceId,
          dealId: id,
          pipelineId: current.pipeline_id,
          stageId: stageChange.to,
          at: now,
          imported: plan?.move.imported === 1,
        },
      ]);
    }
    await notifyDealChange(tx, current, { ...current, ...changes }, changes, options.via);

    const deal = await getDeal(tx, id);
    await emitDealUpdate(tx, deal, plan);
    return deal;
  });
}

/** An edit is deal.updated; a stage change adds deal.stage_changed, and closing adds deal.won or deal.lost. */
async function emitDealUpdate(tx: Ctx, deal: Deal, plan: StageChangePlan | null): Promise<void> {
  await emitWebhookEvent(tx, 'deal.updated', deal);
  if (!plan) return;
  await emitWebhookEvent(tx, 'deal.stage_changed', deal);
  if (plan.changes.status === 'won') await emitWebhookEvent(tx, 'deal.won', deal);
  if (plan.changes.status === 'lost') await emitWebhookEvent(tx, 'deal.lost', deal);
}

/** status won/lost without a stage means "the pipeline's won/lost stage"; status open means reopen. */
async function resolveTargetStage(ctx: Ctx, current: DealRow, patch: DealPatch): Promise<string | null> {
  if (patch.stageId !== undefined) {
    if (patch.status !== undefined) {
      const stage = await getStage(ctx, patch.stageId).catch(() => null);
      if (stage && stage.kind !== patch.status) throw invalidField('status', `does not match the stage (${stage.name} is ${stage.kind})`);
    }
    return patch.stageId;
  }
  if (patch.status === undefined || patch.status === current.status) return null;
  const stages = await pipelineStages(ctx, current.pipeline_id);
  const target = patch.status === 'open' ? [...stages].reverse().find((s) => s.kind === 'open') : stages.find((s) => s.kind === patch.status);
  if (!target) throw invalidField('status', `the pipeline has no ${patch.status} stage`);
  if (patch.status === 'open') {
    // Reopening returns the deal to the last open stage it was in before closing.
    const lastFrom = await stageBeforeClosing(ctx.db, current.id, current.stage_id);
    const previous = stages.find((s) => s.id === lastFrom && s.kind === 'open');
    return (previous ?? target).id;
  }
  return target.id;
}

export async function deleteDeal(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const readable = await findDealRow(tx.db, ctx.actor.workspaceId, await ownerScope(tx, 'deals', 'read'), id);
    if (!readable) throw notFound('Deal');
    if (reachOf(ctx.actor.role, 'deals', 'delete') === 'none') {
      throw new AppError('forbidden', 'Reps close deals as lost instead of deleting them; ask your manager to delete a duplicate');
    }
    if (!(await findDealRow(tx.db, ctx.actor.workspaceId, await ownerScope(tx, 'deals', 'delete'), id))) throw notFound('Deal');
    const now = tx.now();
    await softDeleteDeal(tx.db, ctx.actor.workspaceId, id, now);
    await appendChanges(tx.db, { workspaceId: ctx.actor.workspaceId, entity: 'deal', entityId: id, actorId: ctx.actor.userId, at: now, via: 'api' }, [
      { field: 'deleted', from: null, to: '1' },
    ]);
    await emitWebhookEvent(tx, 'deal.deleted', { id });
  });
}
