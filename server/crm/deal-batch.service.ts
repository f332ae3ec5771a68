// New deals with their history, planned in memory and written many at a time (an import's slice):
// the same rows createDeal and updateDealById write one round trip at a time — the deal, its
// `changes`, each stage move decided by planStageChange with its gate checks, the webhook events —
// but every table's rows of a slice go in multi-row statements through the repos' batch inserts.
// A row the rules refuse throws before anything of it is kept, as the services would.
import type { DealCreate, MoveVia } from '../../api/deals.js';
import type { Ctx } from '../context.js';
import { invalidField, invalidInput, notFound } from '../errors.js';
import { ownerScope, scopeIncludes } from '../identity/visibility.js';
import { getWorkspace } from '../identity/workspaces.service.js';
import { newId } from '../ids.js';
import type { WebhookEvent } from '../ops/webhook-events.js';
import { emitWebhookEvent } from '../ops/webhooks.service.js';
import { type GateCheck, recordManyGateChecks } from '../process/stage-gate.service.js';
import { type CustomFieldDef, type CustomValue, customChanges, validateCustomValues } from './custom-values.js';
import { heldLookups, planStageChange, type StageChangeLookups, type StageChangePlan } from './deal-stage-change.service.js';
import { customOf, DEAL_TRACKED, type DealChanges, type DealRow, insertDeals, insertStageMoves, type StageMoveRow, toDeal } from './deals.repo.js';
import type { DealCreateOptions } from './deals.service.js';
import { dealCustomFields, getDeal } from './deals.service.js';
import { diffFields, initialFields } from './field-diff.js';
import { type ChangeRow, changeRows, insertChanges } from './history.repo.js';
import { checkReferences, type Linked } from './references.service.js';
import { recordStageEntries, type StageEntry } from './stage-stays.repo.js';

/** A later move of a new deal, as updateDealById is asked it: the stage, and the close date and lost reason when it closes. */
export interface PlannedMove {
  at: number;
  stageId: string;
  closeDate?: string | undefined;
  lostReason?: string | undefined;
  imported?: boolean | undefined;
}

/** A new deal as createDeal is asked it (at `at`), then its moves in order. */
export interface NewDeal {
  input: DealCreate;
  at: number;
  via: MoveVia;
  options: DealCreateOptions;
  moves: readonly PlannedMove[];
}

/** A move's gate checks, kept as recordGateChecks keeps them. */
interface GateChecks {
  move: StageMoveRow;
  checks: GateCheck[];
}

interface DealEvent {
  type: WebhookEvent;
  at: number;
  deal: DealRow;
}

/** One deal's rows, kept apart until the deal is fully planned (a refused deal leaves nothing). */
interface DealRecords {
  deal: DealRow;
  changes: ChangeRow[];
  moves: StageMoveRow[];
  /** The deal's stays (createDeal's birth, updateDealById's stage changes), in order. */
  entries: StageEntry[];
  checks: GateChecks[];
  events: DealEvent[];
}

/**
 * Collects planned deals and writes them in multi-row statements. Reads made once per batch (a
 * transaction nobody else writes the process in): the pipeline's stages and process version, the
 * workspace, the deal custom fields, the caller's update scope, and each referenced owner, account
 * and contact, checked once by the same check every write path uses (references.service.ts).
 */
export class DealBatch {
  private deals: DealRow[] = [];
  private changes: ChangeRow[] = [];
  private moves: StageMoveRow[] = [];
  private entries: StageEntry[] = [];
  private checks: GateChecks[] = [];
  private events: DealEvent[] = [];
  private readonly lookups: StageChangeLookups;
  private readonly references = new Map<string, Promise<Linked | undefined | Error>>();
  private workspace: Promise<{ currency: string }> | undefined;
  private customFields: Promise<CustomFieldDef[]> | undefined;
  private updateScope: ReturnType<typeof ownerScope> | undefined;

  constructor(private readonly tx: Ctx) {
    this.lookups = heldLookups(tx);
  }

  get size(): number {
    return this.deals.length;
  }

  /** Plans one new deal and its moves; throws (an AppError, the row's refusal) without keeping anything of it. */
  async add(d: NewDeal): Promise<void> {
    const records = await this.plan(d);
    this.deals.push(records.deal);
    for (const r of records.changes) this.changes.push(r);
    for (const r of records.moves) this.moves.push(r);
    for (const r of records.entries) this.entries.push(r);
    for (const r of records.checks) this.checks.push(r);
    for (const r of records.events) this.events.push(r);
  }

  /** Drops what was added since the last flush (a refused file writes nothing more). */
  discard(): void {
    this.deals = [];
    this.changes = [];
    this.moves = [];
    this.entries = [];
    this.checks = [];
    this.events = [];
  }

  /**
   * Writes what was added since the last flush: every table in multi-row statements, then the
   * webhook events; `pause` (the import's time slicer) is awaited between tables.
   */
  async flush(pause: () => Promise<void> = async () => {}): Promise<void> {
    const { tx } = this;
    const [deals, changes, moves, entries, checks, events] = [this.deals, this.changes, this.moves, this.entries, this.checks, this.events];
    this.deals = [];
    this.changes = [];
    this.moves = [];
    this.entries = [];
    this.checks = [];
    this.events = [];
    // Each table's statements are a stop of the event loop on SQLite (synchronous): others get a turn between them.
    await insertDeals(tx.db, deals);
    await pause();
    await insertChanges(tx.db, changes);
    await pause();
    await insertStageMoves(tx.db, moves);
    await pause();
    await recordStageEntries(tx.db, entries);
    await pause();
    await recordManyGateChecks(tx, checks);
    await pause();
    for (const e of events) {
      // Read only when an endpoint subscribed: the deal as it stood after that write, as the services send it.
      await emitWebhookEvent({ ...tx, now: () => e.at }, e.type, () => this.dealView(e.deal));
    }
  }

  private async dealView(row: DealRow) {
    const stored = await getDeal(this.tx, row.id);
    const stage = (await this.lookups.stages(row.pipeline_id)).find((s) => s.id === row.stage_id);
    return toDeal({
      ...row,
      owner_name: stored.ownerName,
      account_name: stored.accountName,
      contact_name: stored.contactName,
      stage_name: stage?.name ?? stored.stageName,
    });
  }

  /** checkReferences for one reference, once per batch; a refusal is kept and thrown for every row naming it. */
  private async reference(field: 'ownerId' | 'accountId' | 'contactId', id: string): Promise<Linked | undefined> {
    const key = `${field}:${id}`;
    let found = this.references.get(key);
    if (!found) {
      found = checkReferences(this.tx, 'deals', { [field]: id }).then(
        (r) => r[field],
        (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
      );
      this.references.set(key, found);
    }
    const result = await found;
    if (result instanceof Error) throw result;
    return result;
  }

  /** createDeal's checkLinks: references visible to the caller, a contact bringing its account when none is named. */
  private async links(input: DealCreate): Promise<string | null | undefined> {
    const values = { ownerId: input.ownerId, accountId: input.accountId, contactId: input.contactId };
    const failed: string[] = [];
    const found: Partial<Record<keyof typeof values, Linked | undefined>> = {};
    for (const field of ['ownerId', 'accountId', 'contactId'] as const) {
      const id = values[field];
      if (id === undefined || id === null) continue;
      try {
        found[field] = await this.reference(field, id);
      } catch {
        failed.push(field);
      }
    }
    // Several refused references are one 400 listing them all, exactly as the services say it.
    if (failed.length > 0) await checkReferences(this.tx, 'deals', values);
    if (!values.contactId) return values.accountId;
    const contactAccountId = found.contactId?.accountId ?? null;
    if (values.accountId && contactAccountId && contactAccountId !== values.accountId) throw invalidField('contactId', 'belongs to another account');
    return values.accountId ?? contactAccountId;
  }

  private async checkCustom(values: Record<string, CustomValue>): Promise<Record<string, CustomValue>> {
    this.customFields ??= dealCustomFields(this.tx);
    const result = validateCustomValues(await this.customFields, values);
    if (result.problems.length > 0) throw invalidInput(result.problems);
    return result.values;
  }

  private async plan(d: NewDeal): Promise<DealRecords> {
    const { tx } = this;
    const { input, options, via } = d;
    const records: DealRecords = { deal: undefined as unknown as DealRow, changes: [], moves: [], entries: [], checks: [], events: [] };
    // createDeal, as of d.at.
    const ownerId = input.ownerId ?? tx.actor.userId;
    const accountId = await this.links(input);
    if (!input.pipelineId) throw invalidField('pipelineId', 'no such pipeline');
    const stages = await this.lookups.stages(input.pipelineId);
    if (stages.length === 0) throw invalidField('pipelineId', 'no such pipeline');
    const first = stages.find((s) => s.kind === 'open');
    if (!first) throw invalidField('pipelineId', 'the pipeline has no open stage');
    const custom = input.custom ? await this.checkCustom(input.custom) : {};
    const now = d.at;
    this.workspace ??= getWorkspace(tx);
    const currency = input.currency ?? (await this.workspace).currency;
    let row: DealRow = {
      id: newId(),
      workspace_id: tx.actor.workspaceId,
      name: input.name.trim(),
      account_id: accountId ?? null,
      contact_id: input.contactId ?? null,
      owner_id: ownerId,
      pipeline_id: input.pipelineId,
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
          ...(options.imported && { closeDate: input.closeDate, lostReason: options.lostReason }),
        },
        'stageId',
        this.lookups,
      );
      if (plan?.changes.status === 'lost' && !options.imported) throw invalidField('stageId', 'a new deal cannot start closed as lost');
      if (plan) Object.assign(row, plan.changes);
    }
    const history = { workspaceId: row.workspace_id, entity: 'deal' as const, entityId: row.id, actorId: tx.actor.userId, at: now, via };
    records.changes.push(...changeRows(history, [...initialFields(row, DEAL_TRACKED), ...customChanges({}, custom)]));
    this.keepMove(records, plan);
    // Born in its stage, as createDeal writes it: the first stay.
    records.entries.push({
      workspaceId: row.workspace_id,
      dealId: row.id,
      pipelineId: row.pipeline_id,
      stageId: row.stage_id,
      at: now,
      imported: plan?.move.imported === 1,
    });
    records.events.push({ type: 'deal.created', at: now, deal: { ...row } });

    // updateDealById, once per move, as of its instant.
    for (const move of d.moves) {
      this.updateScope ??= ownerScope(tx, 'deals', 'update');
      if (!scopeIncludes(await this.updateScope, row.owner_id)) throw notFound('Deal');
      const current = row;
      const beforeCustom = customOf(current);
      const changes: DealChanges = { ...(move.closeDate !== undefined && { close_date: move.closeDate }) };
      const at = move.at;
      const movePlan = await planStageChange(
        { ...tx, now: () => at },
        { ...current, ...changes },
        { stageId: move.stageId, via, overrideReason: undefined, lostReason: move.lostReason, closeDate: move.closeDate, imported: move.imported },
        'stageId',
        this.lookups,
      );
      if (movePlan) Object.assign(changes, movePlan.changes);
      row = { ...current, ...changes, updated_at: at, version: current.version + 1 };
      const moveHistory = { ...history, at };
      records.changes.push(...changeRows(moveHistory, [...diffFields(current, changes, DEAL_TRACKED), ...customChanges(beforeCustom, customOf(row))]));
      this.keepMove(records, movePlan);
      // A new stay exactly when the history records a stage change, at its instant (updateDealById).
      if (changes.stage_id !== undefined && changes.stage_id !== current.stage_id) {
        records.entries.push({
          workspaceId: row.workspace_id,
          dealId: row.id,
          pipelineId: current.pipeline_id,
          stageId: changes.stage_id,
          at,
          imported: movePlan?.move.imported === 1,
        });
      }
      records.events.push({ type: 'deal.updated', at, deal: { ...row } });
      if (movePlan) {
        records.events.push({ type: 'deal.stage_changed', at, deal: { ...row } });
        if (movePlan.changes.status === 'won') records.events.push({ type: 'deal.won', at, deal: { ...row } });
        if (movePlan.changes.status === 'lost') records.events.push({ type: 'deal.lost', at, deal: { ...row } });
      }
    }
    records.deal = row;
    return records;
  }

  /** writeStageMove's rows: the move and what each criterion said (recordGateChecks). */
  private keepMove(records: DealRecords, plan: StageChangePlan | null): void {
    if (!plan) return;
    records.moves.push(plan.move);
    if (plan.checks.length > 0) records.checks.push({ move: plan.move, checks: plan.checks });
  }
}
