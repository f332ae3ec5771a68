// What every entity importer shares: the run's environment, typed reading of a row's cells (each
// bad cell becomes an error with line and field), owner matching, and turning a service's refusal
// into a row error.

import type { User } from '../../../api/identity.js';
import type { ImportEntity, ImportRowError } from '../../../api/imports.js';
import type { Ctx } from '../../context.js';
import { calendarDate } from '../../dates.js';
import type { OwnerScope } from '../../db/scope.js';
import { AppError } from '../../errors.js';
import { scopeIncludes } from '../../identity/visibility.js';
import { type CustomFieldDef, type CustomValue, parseCustomJson, validateCustomValues } from '../custom-values.js';
import type { DealBatch } from '../deal-batch.service.js';
import { CUSTOM_PREFIX, CUSTOM_TEXT_MAX } from './fields.js';
import { KeyLines } from './key-lines.js';
import {
  calendarDateOf,
  type DateOrder,
  type DateValue,
  instantOf,
  isCurrency,
  looksLikeEmail,
  type MoneyText,
  parseBoolean,
  parseDate,
  parseDurationMinutes,
  parseInteger,
  parseMoneyText,
  withTime,
} from './values.js';

export interface MappedRow {
  line: number;
  values: Map<string, string>;
}

export interface ImportEnv {
  ctx: Ctx;
  entity: ImportEntity;
  timezone: string;
  /** The workspace currency, for amounts that name none. */
  currency: string;
  dateOrder: DateOrder | null;
  /** Wall-clock time when the run started; imported dates may not lie after it. */
  startedAt: number;
  errors: ImportRowError[];
  unmatchedOwners: Set<string>;
  users: OwnerDirectory;
  /** Whom the caller may give records of this entity to. */
  assignable: OwnerScope;
  /** The workspace's custom fields of the entity (deals, accounts, contacts; empty for the others). */
  customFields: readonly CustomFieldDef[];
  /** Expected close date given to open deals the file gives none (end of the fiscal year by default). */
  closeDateDefault: string;
  /** Open deals that received closeDateDefault, for the run's notes. */
  defaultedCloseDates: number;
  /** An historical import (decision 0180): the file's moves are imported history, never gated. */
  historical: boolean;
  /** Deals, historical: the "Date entered <stage>" columns (the field is the header) and the stage each names. */
  stageEntries: readonly { field: string; stage: string }[];
  /** Deals, historical: a separate stage-history file's entries by deal key (external id or name), null without one. */
  stageHistory: ReadonlyMap<string, readonly { line: number; stage: string; at: number }[]> | null;
  /** The stage-history keys a row of the deals file took, so the others can be reported. */
  stageHistoryUsed: Set<string>;
  /** Rows whose current stage the file dates not, entered with their last dated stage, for the notes. */
  undatedCurrentStages: number;
  /** The keys of the rows read so far: a record repeated anywhere in the file, in any batch, is reported. */
  seen: SeenKeys;
  /** Await between rows in any loop over the file: yields to the event loop every few ms. */
  pause: () => Promise<void>;
}

export interface PlannedRow {
  line: number;
  action: 'create' | 'update' | 'unchanged';
  /** Writes the row through the services; absent for unchanged rows and for batched ones. */
  write?: (ctx: Ctx) => Promise<void>;
  /**
   * A new deal: planned in memory into the slice's batch (the same rows the services write, written
   * many at a time); throws the row's refusal, keeping nothing of it.
   */
  batched?: (batch: DealBatch) => Promise<void>;
  /** Why the row did what it did when the count alone would mislead (a re-imported lead the file is behind). */
  note?: string;
}

/** progress is awaited: it yields to the event loop now and then, so checking a big file never stalls the server. */
export type Planner = (env: ImportEnv, rows: MappedRow[], progress: (done: number) => Promise<void>) => Promise<PlannedRow[]>;

/** Users of the workspace by email and by name, for owner columns. */
export class OwnerDirectory {
  private readonly byEmail = new Map<string, User>();
  private readonly byName = new Map<string, User[]>();
  private readonly byId = new Map<string, User>();

  constructor(users: readonly User[]) {
    for (const u of users) {
      this.byId.set(u.id, u);
      this.byEmail.set(u.email.toLowerCase(), u);
      const key = u.name.trim().toLowerCase().replace(/\s+/g, ' ');
      this.byName.set(key, [...(this.byName.get(key) ?? []), u]);
    }
  }

  get(id: string): User | undefined {
    return this.byId.get(id);
  }

  /** How a person recognises a user in an error message. */
  describe(id: string): string {
    return this.byId.get(id)?.email ?? 'another user';
  }

  find(text: string): { user: User } | { problem: string } {
    const key = text.trim().toLowerCase().replace(/\s+/g, ' ');
    const byEmail = this.byEmail.get(key);
    if (byEmail) return { user: byEmail };
    const named = this.byName.get(key) ?? [];
    if (named.length === 1) return { user: named[0] as User };
    if (named.length > 1) return { problem: `"${text}" names ${named.length} users; use the email address instead` };
    return { problem: `no user in this workspace has the email or name "${text}"` };
  }
}

/** Typed access to one row's cells; every unreadable cell is reported once and read as absent. */
export class RowReader {
  constructor(
    readonly env: ImportEnv,
    readonly row: MappedRow,
  ) {}

  get line(): number {
    return this.row.line;
  }

  has(field: string): boolean {
    return this.row.values.has(field);
  }

  private readonly failed = new Set<string | null>();

  /** Reports a problem; one per field, so a cell that cannot be read is not also called empty. */
  error(field: string | null, message: string): undefined {
    if (field !== null && this.failed.has(field)) return undefined;
    this.failed.add(field);
    this.env.errors.push({ line: this.row.line, field, message });
    return undefined;
  }

  today(): string {
    return calendarDate(this.env.startedAt, this.env.timezone);
  }

  /** No problem found in this row so far. */
  get valid(): boolean {
    return this.failed.size === 0;
  }

  text(field: string, max?: number): string | undefined {
    const value = this.row.values.get(field);
    if (value === undefined) return undefined;
    if (max !== undefined && value.length > max) return this.error(field, `is ${value.length} characters long; at most ${max} fit`);
    return value;
  }

  required(field: string, label: string, max?: number): string | undefined {
    const value = this.text(field, max);
    if (value === undefined && !this.has(field)) return this.error(field, `${label} is empty; every row needs one`);
    return value;
  }

  private dateValue(field: string): DateValue | undefined {
    const text = this.row.values.get(field);
    if (text === undefined) return undefined;
    const parsed = parseDate(text, this.env.dateOrder);
    return parsed.ok ? parsed.value : this.error(field, parsed.message);
  }

  /** A calendar date (YYYY-MM-DD). */
  date(field: string): string | undefined {
    const value = this.dateValue(field);
    return value ? calendarDateOf(value, this.env.timezone) : undefined;
  }

  /**
   * An instant; a bare date means midday in the workspace's zone (or the time in `timeText`, a
   * separate time-of-day cell). Never later than the run unless asked.
   */
  instant(field: string, options: { allowFuture?: boolean; timeText?: string | undefined } = {}): number | undefined {
    let value = this.dateValue(field);
    if (!value) return undefined;
    if (options.timeText !== undefined) {
      const timed = withTime(value, options.timeText);
      if (!timed.ok) return this.error('occurredTime', timed.message);
      value = timed.value;
    }
    let at = instantOf(value, this.env.timezone);
    // A bare date of today means earlier today, even before its midday.
    if (!value.time && value.instant === null && at > this.env.startedAt && calendarDateOf(value, this.env.timezone) <= this.today()) at = this.env.startedAt;
    if (!options.allowFuture && at > this.env.startedAt) return this.error(field, 'lies in the future; history can only be imported up to now');
    return at;
  }

  money(field: string): MoneyText | undefined {
    const text = this.row.values.get(field);
    if (text === undefined) return undefined;
    const parsed = parseMoneyText(text);
    return parsed.ok ? parsed.value : this.error(field, parsed.message);
  }

  currency(field: string): string | undefined {
    const text = this.row.values.get(field)?.toUpperCase();
    if (text === undefined) return undefined;
    return isCurrency(text) ? text : this.error(field, `"${text}" is not an ISO 4217 currency code such as EUR or USD`);
  }

  integer(field: string, min: number, max: number): number | undefined {
    const text = this.row.values.get(field);
    if (text === undefined) return undefined;
    const parsed = parseInteger(text, min, max);
    return parsed.ok ? parsed.value : this.error(field, parsed.message);
  }

  boolean(field: string): boolean | undefined {
    const text = this.row.values.get(field);
    if (text === undefined) return undefined;
    const parsed = parseBoolean(text);
    return parsed.ok ? parsed.value : this.error(field, parsed.message);
  }

  duration(field: string): number | undefined {
    const text = this.row.values.get(field);
    if (text === undefined) return undefined;
    const parsed = parseDurationMinutes(text);
    return parsed.ok ? parsed.value : this.error(field, parsed.message);
  }

  /**
   * A custom field's value, checked by the same rules as the API (validateCustomValues). Cells are
   * text, so a yes/no cell is read as a flag and a date cell as any date the file's other dates
   * may be written as, before that check.
   */
  custom(def: CustomFieldDef): CustomValue | undefined {
    const field = `${CUSTOM_PREFIX}${def.key}`;
    const text = this.text(field, CUSTOM_TEXT_MAX);
    if (text === undefined) return undefined;
    let raw: CustomValue = text;
    if (def.type === 'boolean') {
      const parsed = parseBoolean(text);
      if (!parsed.ok) return this.error(field, `${def.label}: ${parsed.message}`);
      raw = parsed.value;
    } else if (def.type === 'date') {
      const date = this.date(field);
      if (date === undefined) return undefined;
      raw = date;
    }
    const checked = validateCustomValues([def], { [def.key]: raw });
    const problem = checked.problems[0];
    if (problem) return this.error(field, `${def.label} ${problem.message} (got "${text}")`);
    return checked.values[def.key];
  }

  /** Every custom field the row fills (blank cells left out, so they never clear a stored value). */
  customValues(): Record<string, CustomValue> {
    const values: Record<string, CustomValue> = {};
    for (const def of this.env.customFields) {
      const value = this.custom(def);
      if (value !== undefined && value !== null) values[def.key] = value;
    }
    return values;
  }

  email(field: string): string | undefined {
    // Pipedrive joins several addresses into one cell; the first is the primary one.
    const text = this.row.values.get(field)?.split(/[,;]/)[0]?.trim().toLowerCase();
    if (!text) return undefined;
    return looksLikeEmail(text) ? text : this.error(field, `"${text}" is not an email address`);
  }

  /** The owner named in the owner column, checked against whom the caller may assign; null when blank. */
  owner(): string | null | undefined {
    const text = this.row.values.get('owner');
    if (text === undefined) return null;
    const found = this.env.users.find(text);
    if ('problem' in found) {
      this.env.unmatchedOwners.add(text);
      return this.error('owner', found.problem);
    }
    if (found.user.disabled) return this.error('owner', `${found.user.email} is disabled; enable the user or name another owner`);
    if (!scopeIncludes(this.env.assignable, found.user.id)) {
      return this.error(
        'owner',
        this.env.ctx.actor.role === 'rep'
          ? `you can only import records you own (not ${found.user.email})`
          : `you cannot assign records to ${found.user.email}`,
      );
    }
    return found.user.id;
  }
}

/** Service field names → the import field a person mapped. */
const FIELD_OF: Record<string, string> = {
  ownerId: 'owner',
  accountId: 'account',
  contactId: 'contact',
  dealId: 'deal',
  stageId: 'stage',
  pipelineId: 'pipeline',
  teamId: 'owner',
};

/** A service's refusal of one row, as the row's error (the gate's 422 lists what is missing). */
export function rowErrorOf(line: number, error: unknown): ImportRowError | null {
  if (!(error instanceof AppError)) return null;
  if (error.code === 'gate_blocked') {
    const missing = ((error.details as { missing?: { stageName: string; label: string }[] })?.missing ?? []).map((m) => `${m.stageName}: ${m.label}`);
    return { line, field: 'stage', message: `${error.message}${missing.length ? ` (${missing.join('; ')})` : ''}` };
  }
  const fields = (error.details as { fields?: { field: string; message: string }[] } | undefined)?.fields;
  if (error.code === 'invalid_input' && fields?.length) {
    const first = fields[0] as { field: string; message: string };
    return { line, field: FIELD_OF[first.field] ?? first.field, message: fields.map((f) => `${FIELD_OF[f.field] ?? f.field}: ${f.message}`).join('; ') };
  }
  if (error.code === 'stale') return { line, field: null, message: 'the record was changed by someone else during the import; run the import again' };
  if (error.code === 'not_found') return { line, field: null, message: `${error.message}, or it is not yours to change` };
  return { line, field: null, message: error.message };
}

/** A ctx whose clock reads `at`, so history written through the services is dated then. */
export function atTime(ctx: Ctx, at: number): Ctx {
  return { ...ctx, now: () => at };
}

/**
 * Reports a duplicate of an earlier row in the same file, keyed by whatever identifies the record: a
 * row matching a stored record gives that record's key and its own (the batches of a big file find the
 * records earlier batches wrote, and must still see a repeat of the row that wrote them).
 */
export class SeenKeys {
  // Hashed (key-lines.ts): a million-row file's keys in ~24 MB off the heap, not ~70 MB on it.
  private readonly seen = new KeyLines();

  check(reader: RowReader, key: string | null | readonly (string | null)[], what: string): boolean {
    const keys = (Array.isArray(key) ? key : [key]).filter((k): k is string => k !== null);
    for (const k of keys) {
      const earlier = this.seen.get(k);
      if (earlier === undefined) continue;
      reader.error(null, `repeats line ${earlier} (same ${what}); each record may appear once per file`);
      return false;
    }
    for (const k of keys) this.seen.set(k, reader.line);
    return true;
  }
}

export const lower = (text: string): string => text.trim().toLowerCase();

/** The custom values a row would change on a stored record (its `custom` JSON); undefined when none. */
export function customPatch(values: Record<string, CustomValue>, stored: string): Record<string, CustomValue> | undefined {
  const before = parseCustomJson(stored);
  const changed = Object.entries(values).filter(([key, value]) => before[key] !== value);
  return changed.length > 0 ? Object.fromEntries(changed) : undefined;
}
