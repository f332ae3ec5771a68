// A CSV import, all or nothing: read and map the file, check every row (values, owners, links,
// matches) and report every problem; only a clean file is kept, in one transaction: new deals
// planned in memory by the deals' own rules (deal-batch.service.ts) and written a slice at a time in
// multi-row statements, every other row through the same services the app uses. A refused row (the
// stage gate, say) becomes that row's error and nothing is kept. A resumable import (decision 0209)
// keeps each batch as it is written instead, with the run's progress in the same transaction; a
// refused row stops the writing at its batch, and a second run of the file takes up a stopped one.
// A file is read a batch of rows at a time and never held whole (a million rows in flat memory): a
// first pass learns what needs the whole file (its rows, date order, values, hash), the second
// checks and writes each batch.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ImportEntity, ImportPreset, ImportResult, ImportRowError } from '../../../api/imports.js';
import { BAD_TEXT_MESSAGE, hasBadText } from '../../../lib/input-rules.js';
import { fiscalYear, fiscalYearOf } from '../../../lib/periods.js';
import type { Ctx } from '../../context.js';
import { calendarDate } from '../../dates.js';
import type { DB } from '../../db/schema.js';
import { forbidden, invalidField, invalidInput } from '../../errors.js';
import { timeSlicer } from '../../event-loop.js';
import { reachOf } from '../../identity/policy.js';
import { listUsers } from '../../identity/users.service.js';
import { ownerScope } from '../../identity/visibility.js';
import { getWorkspace } from '../../identity/workspaces.service.js';
import { newId } from '../../ids.js';
import { listPipelines } from '../../process/pipelines.service.js';
import { type CsvRecord, type CsvSource, readCsvBatches } from './csv-read.js';
import { fieldsOf, importResource } from './fields.js';
import { entityCustomFields } from './fields.service.js';
import { entityTypeOf, findStoppedRun, insertImportRun, markRunInterrupted, saveRunProgress, updateImportRun } from './import.repo.js';
import { planAccounts } from './import-accounts.service.js';
import { planActivities } from './import-activities.service.js';
import { planContacts } from './import-contacts.service.js';
import { planDeals } from './import-deals.service.js';
import { leadValueSpecs, planLeads } from './import-leads.service.js';
import { mergeValues, saveMapping, withSavedMapping } from './import-mappings.service.js';
import { type ImportEnv, type MappedRow, OwnerDirectory, type Planner, SeenKeys } from './import-row.js';
import { DateEvidence, valueFieldSpecs } from './import-value-specs.js';
import { ImportWriter } from './import-writer.service.js';
import { mapValues, resolveMapping, rowValues, valueMapOf } from './mapping.js';
import { readHistoryInto, reportUnusedHistory, takeStageEntryColumns } from './stage-history-file.js';
import { ValueCounts } from './value-choices.js';
import type { DateOrder } from './values.js';

export interface ImportProgress {
  /** reading: a big file's first pass, its total estimated from the share read; then checking and writing. */
  phase: 'reading' | 'checking' | 'writing';
  done: number;
  total: number;
}

export interface ImportOptions {
  entity: ImportEntity;
  /** The file: its text, or read as the import goes: (the CLI) its path, (a background job) its stored parts. */
  csv: string | Exclude<CsvSource, { text: string }>;
  fileName?: string | undefined;
  preset?: ImportPreset | undefined;
  mapping?: Record<string, string> | undefined;
  dryRun?: boolean | undefined;
  /** Keep each batch as it is written (decision 0209), not all or nothing; a dry run ignores it. */
  resumable?: boolean | undefined;
  /** Day/month order for numeric dates such as 03/04/2026; guessed from the file when absent. */
  dateFormat?: DateOrder | undefined;
  /** Field → value in the file → value in Furrow. */
  values?: Record<string, Record<string, string>> | undefined;
  /** Expected close date for open deals without one; the end of the current fiscal year when absent. */
  closeDateDefault?: string | undefined;
  /** A saved mapping to start from (its columns and values; the options' own mapping and values win). */
  savedMapping?: string | undefined;
  /** Save the columns and values this run used under this name, once the columns map. */
  saveMappingAs?: string | undefined;
  /**
   * Deals: the file is another system's history (decision 0180). Its moves are recorded as imported,
   * not checked against today's gate and left out of adherence; "Date entered <stage>" columns build
   * the stage history; a deal without a start date is "created: unknown".
   */
  historical?: boolean | undefined;
  /** Historical deals: a separate stage-history CSV (deal, stage, entered at) read beside the file. */
  stageHistory?: string | undefined;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
  /** Rows checked and written together (BATCH_ROWS; the CLI's --batch-rows); tests read a small file in several batches with a small number. */
  batchRows?: number | undefined;
  /**
   * Where the rows are written (one transaction): database.ts#bulk for a background import, so on
   * SQLite the interactive connection keeps serving reads while it runs. ctx.db when absent.
   */
  writeDb?: Kysely<DB> | undefined;
}

const PLANNERS: Record<ImportEntity, Planner> = {
  accounts: planAccounts,
  contacts: planContacts,
  deals: planDeals,
  activities: planActivities,
  leads: planLeads,
};

/** Rows of a file checked and written together: a file of more is read twice and never held whole. */
const BATCH_ROWS = 5_000;

/** Row notes spelled out in the report; the rest are listed by line so a big file's report stays readable. */
const ROW_NOTES = 50;

/** Stored errors per run are capped; the caller still receives every one. */
const STORED_ERRORS = 1000;

function emptyResult(options: ImportOptions, rows: number, mapping: Record<string, string>): ImportResult {
  return {
    id: null,
    entity: options.entity,
    dryRun: options.dryRun ?? false,
    ok: true,
    rows,
    created: 0,
    updated: 0,
    unchanged: 0,
    errors: [],
    unmatchedOwners: [],
    mapping,
    unmapped: [],
    notes: [],
    valueChoices: [],
    values: {},
    savedMapping: options.savedMapping ?? null,
    savedAs: null,
    kept: null,
    resumed: null,
  };
}

type Kept = NonNullable<ImportResult['kept']>;

export async function runImport(ctx: Ctx, options: ImportOptions): Promise<ImportResult> {
  const { entity } = options;
  if (reachOf(ctx.actor.role, importResource(entity), 'create') === 'none') throw forbidden(`Your role cannot import ${entity}`);
  if (options.historical && entity !== 'deals')
    throw invalidField('historical', 'an historical import is of deals (their stage history); leave it off for other records');
  if (options.stageHistory !== undefined && !(options.historical && entity === 'deals')) {
    throw invalidField('stageHistory', 'a stage history file goes with an historical import of deals (historical: true)');
  }
  const startedAt = ctx.now();
  // Reading, checking and writing hand the event loop back every few ms: a big file never stalls the server.
  const slice = timeSlicer();
  const source: CsvSource = typeof options.csv === 'string' ? { text: options.csv } : options.csv;
  const batchRows = options.batchRows ?? BATCH_ROWS;

  // First pass: the columns, and what only the whole file tells (date order, each column's values, the
  // rows to do, the hash). A file of one batch is kept for the second; a bigger one is read again.
  const hash = createHash('sha256');
  let setup: Awaited<ReturnType<typeof setUp>> | null = null;
  const structural: ImportRowError[] = [];
  const cellErrors: ImportRowError[] = [];
  let records = 0;
  let checkable = 0;
  let kept: CsvRecord[] | null = [];
  for await (const batch of readCsvBatches(source, slice, batchRows)) {
    for (const text of batch.text) hash.update(text);
    if (batch.headers.length === 0) return { ...emptyResult(options, 0, {}), ok: false, errors: batch.errors };
    if (setup === null) {
      // The API's text rule (lib/input-rules.ts), which the route leaves to this, cell by cell: a column name
      // breaking it refuses the file, as no row could be read by it.
      const badHeader = batch.headers.findIndex(hasBadText);
      if (badHeader !== -1) {
        const errors = [{ line: 1, field: null, message: `column ${badHeader + 1}’s name ${BAD_TEXT_MESSAGE}` }];
        return { ...emptyResult(options, batch.records.length, {}), ok: false, errors };
      }
      setup = await setUp(ctx, options, batch.headers);
    }
    structural.push(...batch.errors);
    for (const r of batch.records) {
      records++;
      const values = rowValues(setup.columns.columns, r.cells);
      // A cell breaking the text rule is its row's error and the row goes no further: its text must
      // never reach a query (PostgreSQL refuses NUL with a 500), a stored record or an error message.
      const bad = [...values.keys()].filter((field) => hasBadText(values.get(field) as string));
      if (bad.length > 0) {
        cellErrors.push(...bad.map((field) => ({ line: r.line, field, message: BAD_TEXT_MESSAGE })));
      } else {
        checkable++;
        setup.counts.add(values);
        setup.dates.add(values);
      }
      await slice();
    }
    if (kept !== null) kept = kept.length + batch.records.length <= batchRows ? [...kept, ...batch.records] : null;
    if (kept === null) options.onProgress?.({ phase: 'reading', done: records, total: Math.max(records, Math.round(records / Math.max(batch.read, 1e-6))) });
  }
  if (setup === null) throw new Error('a CSV source ended without its header batch');
  const fileHash = hash.digest('hex');
  const { columns, values, valueMap, stageEntries, customFields, directory } = setup;

  const workspace = await getWorkspace(ctx);
  const today = calendarDate(startedAt, workspace.timezone);
  const env: ImportEnv = {
    ctx,
    entity,
    timezone: workspace.timezone,
    currency: workspace.currency,
    // The "Date entered" cells are dates of the file too: often the only ones that tell 25/02 from 02/25.
    dateOrder: options.dateFormat ?? setup.dates.order(),
    startedAt,
    errors: [...structural, ...cellErrors],
    unmatchedOwners: new Set(),
    users: directory,
    assignable: await ownerScope(ctx, entity, 'create'),
    customFields,
    closeDateDefault: options.closeDateDefault ?? fiscalYear(fiscalYearOf(today, workspace.fiscalYearStartMonth), workspace.fiscalYearStartMonth).to,
    defaultedCloseDates: 0,
    historical: options.historical ?? false,
    stageEntries,
    stageHistory: null,
    stageHistoryUsed: new Set(),
    undatedCurrentStages: 0,
    seen: new SeenKeys(),
    pause: slice,
  };
  const total = checkable;
  const report =
    (phase: ImportProgress['phase'], offset = 0) =>
    async (done: number) => {
      options.onProgress?.({ phase, done: offset + done, total });
      await slice();
    };

  const history = options.stageHistory === undefined ? null : await readHistoryInto(env, options.stageHistory, valueMap.map.get('stage'));
  let historyReported = false;
  const reportHistory = () => {
    if (history && !historyReported) reportUnusedHistory(env, history);
    historyReported = true;
  };
  const toRows = (list: readonly CsvRecord[]): MappedRow[] =>
    list.flatMap((r) => {
      const values = rowValues(columns.columns, r.cells);
      if ([...values.values()].some(hasBadText)) return [];
      return [{ line: r.line, values: mapValues(values, valueMap.map) }];
    });
  async function* rowBatches(): AsyncGenerator<MappedRow[]> {
    if (kept !== null) {
      yield toRows(kept);
      return;
    }
    for await (const batch of readCsvBatches(source, slice, batchRows)) yield toRows(batch.records);
  }

  // Second pass: each batch checked, then written while every row so far was accepted; only checked after.
  const counted = { create: 0, update: 0, unchanged: 0 };
  const rowNotes: string[] = [];
  const moreNoteLines: number[] = [];
  const single = kept !== null;
  const writer = new ImportWriter({ ...ctx, db: options.writeDb ?? ctx.db }, options.dryRun ?? false, slice);
  let runId: string | null = null;
  const run = options.resumable && !options.dryRun ? await resumableRun(ctx, options, startedAt, fileHash) : null;
  try {
    let offset = 0;
    for await (const rows of rowBatches()) {
      env.ctx = writer.readsOf(ctx);
      // A big file's bar counts rows written; while nothing is written (a refused row), rows checked.
      const planned = await PLANNERS[entity](env, rows, single ? report('checking') : async () => slice());
      if (!single && env.errors.length > 0) await report('writing', offset)(rows.length);
      const batchCounted = { create: 0, update: 0, unchanged: 0 };
      for (const p of planned) {
        batchCounted[p.action]++;
        if (p.note === undefined) continue;
        if (rowNotes.length < ROW_NOTES) rowNotes.push(`Line ${p.line}: ${p.note}`);
        else moreNoteLines.push(p.line);
      }
      for (const action of ['create', 'update', 'unchanged'] as const) counted[action] += batchCounted[action];
      if (single) reportHistory();
      if (env.errors.length === 0) await writer.write(planned, report('writing', offset));
      offset += rows.length;
      if (run) await run.keep(writer, env.errors.length === 0, rows, batchCounted);
    }
    reportHistory();
    if (single && env.errors.length === 0) await report('writing')(total);
    await writer.finish(env.errors.length === 0, async (tx) => {
      const outcome = { status: 'succeeded' as const, created: counted.create, updated: counted.update, unchanged: counted.unchanged, errors: [] };
      runId = run ? await run.end(tx, outcome) : await record(tx, options, startedAt, fileHash, outcome);
    });
  } catch (error) {
    await writer.abort();
    throw error;
  }
  env.errors.push(...writer.errors);

  const result = emptyResult(options, records, columns.mapping);
  result.unmapped = columns.ignored;
  result.valueChoices = setup.counts.choices(valueMap.map);
  result.values = values;
  result.notes.push(...runNotes(env, options, stageEntries, history));
  result.notes.push(...rowNotes);
  if (moreNoteLines.length > 0) result.notes.push(`… and ${moreNoteLines.length} more rows like these (lines ${moreNoteLines.join(', ')})`);

  const errors = env.errors.sort((a, b) => a.line - b.line);
  const ok = errors.length === 0;
  const shown = ok || options.dryRun;
  Object.assign(result, {
    ok,
    created: shown ? counted.create : 0,
    updated: shown ? counted.update : 0,
    unchanged: shown ? counted.unchanged : 0,
    errors,
    unmatchedOwners: [...env.unmatchedOwners].sort(),
  });
  if (options.saveMappingAs !== undefined) {
    // Kept even when rows are refused or this is a check: the mapping is what the user worked out, the rows are the file's.
    result.savedAs = await saveMapping(ctx, entity, options.saveMappingAs, columns.mapping, values);
  }
  if (!options.dryRun && !ok) {
    // A refused import is logged outside the rolled-back transaction, so the attempt is on record.
    const outcome = { status: 'failed' as const, created: 0, updated: 0, unchanged: 0, errors };
    runId = run ? await run.end(ctx, outcome) : await record(ctx, options, startedAt, fileHash, outcome);
  }
  if (run) {
    result.kept = run.kept;
    result.resumed = run.resumed;
    if (run.resumed) {
      const at = new Date(run.resumed.startedAt).toISOString().slice(0, 16).replace('T', ' ');
      result.notes.unshift(
        `Took up the run of this file started ${at} UTC, which stopped after keeping ${run.resumed.rows} rows: those rows were found in and left as they are`,
      );
    }
  }
  if (!options.dryRun) result.id = runId;
  return result;
}

type RunOutcome = { status: 'succeeded' | 'failed' | 'running'; created: number; updated: number; unchanged: number; errors: ImportRowError[] };

/**
 * A resumable import's run (decision 0209): its row is written with the first batch kept and brought up
 * to date in each later batch's transaction, so after a crash it says what is in ("running", the rows
 * kept and the line they reach). An earlier run of the same file left "running" is taken up: its
 * rows are matched as any stored record would be, and it is marked interrupted.
 */
async function resumableRun(ctx: Ctx, options: ImportOptions, startedAt: number, fileHash: string) {
  const workspaceId = ctx.actor.workspaceId;
  const entity = entityTypeOf(options.entity);
  const stopped = await findStoppedRun(ctx.db, workspaceId, entity, fileHash);
  const id = newId();
  let written = false;
  const kept: Kept = { rows: 0, throughLine: 1, created: 0, updated: 0, unchanged: 0 };
  const save = async (tx: Ctx, outcome: RunOutcome, next: Kept) => {
    const row = {
      status: outcome.status,
      created: outcome.created,
      updated: outcome.updated,
      unchanged: outcome.unchanged,
      errors: JSON.stringify(outcome.errors.slice(0, STORED_ERRORS)),
      finished_at: Math.max(startedAt, ctx.now()),
    };
    await saveRunProgress(tx.db, workspaceId, id, next.rows, next.throughLine);
    if (written) return updateImportRun(tx.db, workspaceId, id, row);
    await insertImportRun(tx.db, {
      id,
      workspace_id: workspaceId,
      entity,
      file_name: options.fileName?.slice(0, 255) ?? null,
      file_hash: fileHash,
      actor_id: ctx.actor.userId,
      started_at: startedAt,
      ...row,
    });
    if (stopped) await markRunInterrupted(tx.db, workspaceId, stopped.id);
  };
  return {
    kept,
    resumed: stopped ? { runId: stopped.id, startedAt: Number(stopped.started_at), rows: stopped.rows_kept } : null,
    /** After a batch: kept with its progress when every row so far was accepted, else dropped. */
    async keep(writer: ImportWriter, accepted: boolean, rows: readonly MappedRow[], counts: Record<'create' | 'update' | 'unchanged', number>) {
      const next: Kept = {
        rows: kept.rows + rows.length,
        throughLine: rows.at(-1)?.line ?? kept.throughLine,
        created: kept.created + counts.create,
        updated: kept.updated + counts.update,
        unchanged: kept.unchanged + counts.unchanged,
      };
      const progress: RunOutcome = { status: 'running', created: next.created, updated: next.updated, unchanged: next.unchanged, errors: [] };
      const saved = await writer.keepBatch(accepted, (tx) => save(tx, progress, next));
      if (!saved) return;
      written = true;
      Object.assign(kept, next);
    },
    /** The run's last word: succeeded, or failed with the rows it kept counted (what is in). */
    async end(tx: Ctx, outcome: RunOutcome): Promise<string> {
      const counts = outcome.status === 'failed' ? { created: kept.created, updated: kept.updated, unchanged: kept.unchanged } : {};
      await save(tx, { ...outcome, ...counts }, kept);
      written = true;
      return id;
    },
  };
}

/** What the columns need before any row is read: the mapping, the value map, and the whole-file tallies. */
async function setUp(ctx: Ctx, options: ImportOptions, headers: string[]) {
  const { entity } = options;
  const customFields = await entityCustomFields(ctx, entity);
  const fields = fieldsOf(entity, customFields);
  const { mapping, savedValues } = await withSavedMapping(ctx, options.entity, options.savedMapping, options.mapping, headers);
  const columns = resolveMapping(entity, headers, { preset: options.preset, mapping, fields });
  const mappedFields = new Set(columns.columns.map((c) => c.field));
  const values = mergeValues(savedValues, options.values, mappedFields);
  const valueMap = valueMapOf(values, mappedFields);
  const stageEntries = entity === 'deals' && options.historical ? takeStageEntryColumns(headers, columns, valueMap.map.get('stage')) : [];
  const problems = [...columns.problems, ...valueMap.problems];
  if (problems.length > 0) throw invalidInput(problems, `The columns cannot be mapped to ${entity}: ${problems.map((p) => p.message).join('; ')}`);
  const users = await listUsers(ctx);
  const directory = new OwnerDirectory(users);
  // Counted before the value mapping applies, so each file value is listed with where it goes.
  const counts = new ValueCounts(
    valueFieldSpecs(
      fields,
      mappedFields,
      entity === 'deals' ? await listPipelines(ctx) : [],
      directory,
      users.filter((u) => !u.disabled).map((u) => u.email),
      entity === 'leads' ? await leadValueSpecs(ctx, mappedFields) : () => undefined,
    ),
  );
  const dates = new DateEvidence([...fields, ...stageEntries.map((e) => ({ key: e.field, label: e.field, required: false, kind: 'instant' as const }))]);
  return { columns, values, valueMap, stageEntries, fields, customFields, directory, counts, dates };
}

/** The run's notes on what it assumed for the whole file. */
function runNotes(
  env: ImportEnv,
  options: ImportOptions,
  stageEntries: readonly { stage: string }[],
  history: Awaited<ReturnType<typeof readHistoryInto>> | null,
): string[] {
  const notes: string[] = [];
  if (env.defaultedCloseDates > 0) {
    notes.push(
      `${env.defaultedCloseDates} open deal${env.defaultedCloseDates === 1 ? ' has' : 's have'} no close date in the file; given ${env.closeDateDefault}${options.closeDateDefault ? '' : ' (the end of the fiscal year)'}`,
    );
  }
  if (stageEntries.length > 0) {
    notes.push(
      `Stage history from ${stageEntries.length} "Date entered" column${stageEntries.length === 1 ? '' : 's'}: ${stageEntries.map((e) => e.stage).join(', ')}`,
    );
  }
  if (history) {
    const entries = [...history.byDeal.values()].reduce((n, list) => n + list.length, 0);
    notes.push(
      `Stage history from the stage history file: ${entries} dated stage${entries === 1 ? '' : 's'} of ${history.byDeal.size} deal${history.byDeal.size === 1 ? '' : 's'}`,
    );
  }
  if (env.undatedCurrentStages > 0) {
    notes.push(
      `${env.undatedCurrentStages} open deal${env.undatedCurrentStages === 1 ? '' : 's'} with no date for the current stage; entered with the last dated stage`,
    );
  }
  return notes;
}

async function record(
  ctx: Ctx,
  options: ImportOptions,
  startedAt: number,
  fileHash: string,
  outcome: { status: 'succeeded' | 'failed'; created: number; updated: number; unchanged: number; errors: ImportRowError[] },
): Promise<string> {
  const id = newId();
  await insertImportRun(ctx.db, {
    id,
    workspace_id: ctx.actor.workspaceId,
    entity: entityTypeOf(options.entity),
    file_name: options.fileName?.slice(0, 255) ?? null,
    file_hash: fileHash,
    actor_id: ctx.actor.userId,
    status: outcome.status,
    created: outcome.created,
    updated: outcome.updated,
    unchanged: outcome.unchanged,
    errors: JSON.stringify(outcome.errors.slice(0, STORED_ERRORS)),
    started_at: startedAt,
    finished_at: Math.max(startedAt, ctx.now()),
  });
  return id;
}
