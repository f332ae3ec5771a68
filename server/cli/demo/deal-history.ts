// A deal's field history as the deals service writes it: a creation snapshot of every tracked
// field from null, then one row per changed field per save, strictly ordered in time.
import type { Selectable } from 'kysely';
import { DEAL_TRACKED } from '../../crm/deals.repo.js';
import { diffFields, type HistoryValue, initialFields } from '../../crm/field-diff.js';
import type { ChangesTable } from '../../db/schema/crm.js';
import { MINUTE } from './calendar.js';
import type { IdFactory } from './random.js';

export type ChangeRow = Selectable<ChangesTable>;
export type Via = 'form' | 'board' | 'bulk' | 'api';

export class DealHistory {
  readonly changes: ChangeRow[] = [];
  readonly custom: Record<string, string> = {};
  version = 1;
  updatedAt: number;
  /** The last instant written; history is strictly ordered per deal. */
  clock: number;

  constructor(
    private readonly ids: IdFactory,
    private readonly workspaceId: string,
    readonly dealId: string,
    readonly record: Record<string, HistoryValue>,
    createdAt: number,
    actor: string,
    via: Via,
  ) {
    this.clock = createdAt;
    this.updatedAt = createdAt;
    for (const c of initialFields(record, DEAL_TRACKED)) this.push(c, createdAt, actor, via);
  }

  /** The next free instant at or after `at`. */
  next(at: number): number {
    return Math.max(at, this.clock + MINUTE);
  }

  apply(at: number, patch: Record<string, HistoryValue>, actor: string, via: Via): void {
    const diffs = diffFields(this.record, patch, DEAL_TRACKED);
    if (diffs.length === 0) return;
    Object.assign(this.record, patch);
    for (const c of diffs) this.push(c, at, actor, via);
    this.saved(at);
  }

  /** Custom fields are kept as custom.<key>, like the deals service does. */
  applyCustom(at: number, key: string, value: string, actor: string, via: Via): void {
    this.push({ field: `custom.${key}`, from: this.custom[key] ?? null, to: value }, at, actor, via);
    this.custom[key] = value;
    this.saved(at);
  }

  /** One save is one version, however many fields it changed. */
  private saved(at: number): void {
    if (at !== this.updatedAt) this.version++;
    this.updatedAt = at;
    this.clock = at;
  }

  private push(c: { field: string; from: string | null; to: string | null }, at: number, actor: string, via: Via): void {
    this.changes.push({
      id: this.ids.next(),
      workspace_id: this.workspaceId,
      entity: 'deal',
      entity_id: this.dealId,
      field: c.field,
      from_value: c.from,
      to_value: c.to,
      actor_id: actor,
      at,
      via,
    });
  }
}
