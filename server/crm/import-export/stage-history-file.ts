// Where an historical deals import (decision 0180) finds its stage dates besides the deal's own
// cells: HubSpot's "Date entered <stage>" columns of the deals file, and a separate stage-history
// file — one row per stage a deal entered (deal, stage, entered at), as a Salesforce opportunity
// history report or a hand-made sheet gives it — whose rows join the deals file's by external id,
// else by name. Both feed deal-history-rules.ts#importedHistory. No I/O.
import type { ImportRowError } from '../../../api/imports.js';
import { normaliseHeader } from '../../../lib/csv.js';
import { invalidField } from '../../errors.js';
import { readCsvInSlices } from './csv-read.js';
import { stageEntryHeader } from './deal-history-rules.js';
import { stageKey } from './deal-import-rules.js';
import type { ImportEnv } from './import-row.js';
import type { resolveMapping } from './mapping.js';
import { type DateOrder, instantOf, parseDate } from './values.js';

/** The headers each column may have; compared without case or spacing. */
const HEADERS = {
  deal: ['deal', 'deal id', 'opportunity id', 'record id', 'external id', 'deal name', 'opportunity name', 'opportunity'],
  stage: ['stage', 'to stage', 'stage name', 'deal stage'],
  enteredAt: ['entered at', 'entered', 'date entered', 'date', 'edit date', 'changed at', 'last modified date', 'created date'],
} as const;

export const STAGE_HISTORY_FIELD = 'stageHistory';

/** One dated stage of the history file, by the deal it names. */
export interface HistoryEntry {
  /** The history file's line, for errors. */
  line: number;
  stage: string;
  at: number;
}

export interface StageHistory {
  /** Entries by deal key: the cell as written, compared without case (external id or name). */
  byDeal: Map<string, HistoryEntry[]>;
  errors: ImportRowError[];
}

export const dealKeyOf = (text: string): string => text.trim().toLowerCase();

/**
 * Reads the file; a file without the three columns is a 400 naming `stageHistory`. The stage text
 * goes through the stage value mapping; a cell that is no date is that line's error (field
 * `stageHistory.enteredAt`), as is a date after the import started.
 */
export async function readStageHistory(
  text: string,
  options: { dateOrder: DateOrder | null; timezone: string; now: number; stageValues: ReadonlyMap<string, string> | undefined; pause: () => Promise<void> },
): Promise<StageHistory> {
  const table = await readCsvInSlices(text, options.pause);
  const index = (names: readonly string[]) => table.headers.findIndex((h) => (names as readonly string[]).includes(normaliseHeader(h)));
  const columns = { deal: index(HEADERS.deal), stage: index(HEADERS.stage), enteredAt: index(HEADERS.enteredAt) };
  const missing = Object.entries(columns)
    .filter(([, i]) => i < 0)
    .map(([name]) => name);
  if (missing.length > 0) {
    throw invalidField(
      STAGE_HISTORY_FIELD,
      `the stage history file needs a deal, a stage and an entered-at column; none found for ${missing.join(', ')} (columns: ${table.headers.join(', ')})`,
    );
  }
  const errors: ImportRowError[] = table.errors.map((e) => ({ ...e, field: STAGE_HISTORY_FIELD, message: `stage history file: ${e.message}` }));
  const byDeal = new Map<string, HistoryEntry[]>();
  for (const record of table.records) {
    const cell = (i: number) => (record.cells[i] ?? '').trim();
    const deal = cell(columns.deal);
    const stage = cell(columns.stage);
    const when = cell(columns.enteredAt);
    if (!deal && !stage && !when) continue;
    const fail = (field: string, message: string) =>
      errors.push({ line: record.line, field: `${STAGE_HISTORY_FIELD}.${field}`, message: `stage history file: ${message}` });
    if (!deal) fail('deal', 'the deal is empty');
    if (!stage) fail('stage', 'the stage is empty');
    const parsed = when ? parseDate(when, options.dateOrder) : null;
    if (!parsed) fail('enteredAt', 'the date is empty');
    else if (!parsed.ok) fail('enteredAt', parsed.message);
    if (!deal || !stage || !parsed?.ok) continue;
    const at = instantOf(parsed.value, options.timezone);
    if (at > options.now) {
      fail('enteredAt', 'lies in the future; history can only be imported up to now');
      continue;
    }
    const key = dealKeyOf(deal);
    byDeal.set(key, [...(byDeal.get(key) ?? []), { line: record.line, stage: options.stageValues?.get(stageKey(stage)) ?? stage, at }]);
  }
  return { byDeal, errors };
}

/** Reads the stage-history file beside a historical deals file into the env (its rows' errors with it). */
export async function readHistoryInto(env: ImportEnv, text: string, stageValues: ReadonlyMap<string, string> | undefined): Promise<StageHistory> {
  const history = await readStageHistory(text, { dateOrder: env.dateOrder, timezone: env.timezone, now: env.startedAt, stageValues, pause: env.pause });
  env.stageHistory = history.byDeal;
  env.errors.push(...history.errors);
  return history;
}

/** A stage-history deal no row of the deals file named is an error: its history would be lost without a word. */
export function reportUnusedHistory(env: ImportEnv, history: StageHistory): void {
  for (const [key, entries] of history.byDeal) {
    if (env.stageHistoryUsed.has(key)) continue;
    env.errors.push({
      line: (entries[0] as HistoryEntry).line,
      field: `${STAGE_HISTORY_FIELD}.deal`,
      message: `stage history file: no deal "${key}" in the deals file (matched by external id, else by name)`,
    });
  }
}

/**
 * The "Date entered <stage>" columns no field claimed: each becomes a column read under its header,
 * its stage text passed through the stage value mapping ("Engaging" → "Discovery"), and no longer
 * listed as unmapped.
 */
export function takeStageEntryColumns(
  headers: readonly string[],
  columns: ReturnType<typeof resolveMapping>,
  stageValues: ReadonlyMap<string, string> | undefined,
): ImportEnv['stageEntries'] {
  const entries: { field: string; stage: string }[] = [];
  headers.forEach((header, index) => {
    const text = header in columns.mapping ? null : stageEntryHeader(header);
    if (text === null) return;
    columns.columns.push({ index, header, field: header });
    columns.ignored = columns.ignored.filter((h) => h !== header);
    entries.push({ field: header, stage: stageValues?.get(stageKey(text)) ?? text });
  });
  return entries;
}
