// A CSV import, all or nothing: read and map the file, check every row (values, owners, links,
// matches) and report every problem; only a clean file is written, in one transaction: new deals
// planned in memory by the deals' own rules (deal-batch.service.ts) and written a slice at a time in
// multi-row statements, every other row through the same services the app uses. A refused row (the
// stage gate, say) becomes that row's error and nothing is kept.
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
import { DealBatch } from '../deal-batch.service.js';
import { readCsvInSlices } from './csv-read.js';
import { fieldsOf, importResource } from './fields.js';
import { entityCustomFields } from './fields.service.js';
import { entityTypeOf, insertImportRun } from './import.repo.js';
import { planAccounts } from './import-accounts.service.js';
import { planActivities } from './import-activities.service.js';
import { planContacts } from './import-contacts.service.js';
import { planDeals } from './import-deals.service.js';
import { leadValueSpecs, planLeads } from './import-leads.service.js';
import { mergeValues, saveMapping, withSavedMapping } from './import-mappings.service.js';
import { type ImportEnv, type MappedRow, OwnerDirectory, type PlannedRow, type Planner, rowErrorOf } from './import-row.js';
import { guessDateOrder, valueFieldSpecs } from './import-value-specs.js';
import { mapValues, resolveMapping, rowValues, valueMapOf } from './mapping.js';
import { readHistoryInto, reportUnusedHistory, takeStageEntryColumns } from './stage-history-file.js';
import { valueChoices } from './value-choices.js';
import type { DateOrder } from './values.js';

export interface ImportProgress {
  phase: 'checking' | 'writing';
  done: number;
  total: number;
}

export interface ImportOptions {
  entity: ImportEntity;
  csv: string;
  fileName?: string | undefined;
  preset?: ImportPreset | undefined;
  mapping?: Record<string, string> | undefined;
  dryRun?: boolean | undefined;
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
  };
}

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
  const table = await readCsvInSlices(options.csv, slice);
  if (table.headers.length === 0) return { ...emptyResult(options, 0, {}), ok: false, errors: table.errors };
  // The API's text rule (lib/input-rules.ts), which the route leaves to this, cell by cell: a column name
  // breaking it refuses the file, as no row could be read by it.
  const badHeader = table.headers.findIndex(hasBadText);
  if (badHeader !== -1) {
    const errors = [{ line: 1, field: null, message: `column ${badHeader + 1}’s name ${BAD_TEXT_MESSAGE}` }];
    return { ...emptyResult(options, table.records.length, {}), ok: false, errors };
  }

  const customFields = await entityCustomFields(ctx, entity);
  const fields = fieldsOf(entity, customFields);
  const { mapping, savedValues } = await withSavedMapping(ctx, options.entity, options.savedMapping, options.mapping, table.headers);
  const columns = resolveMapping(entity, table.headers, { preset: options.preset, mapping, fields });
  const mappedFields = new Set(columns.columns.map((c) => c.field));
  const values = mergeValues(savedValues, options.values, mappedFields);
  const valueMap = valueMapOf(values, mappedFields);
  const stageEntries = entity === 'deals' && options.historical ? takeStageEntryColumns(table.headers, columns, valueMap.map.get('stage')) : [];
  const problems = [...columns.problems, ...valueMap.problems];
  if (problems.length > 0) throw invalidInput(problems, `The columns cannot be mapped to ${entity}: ${problems.map((p) => p.message).join('; ')}`);

  const rows: MappedRow[] = [];
  const cellErrors: ImportRowError[] = [];
  for (const r of table.records) {
    const values = rowValues(columns.columns, r.cells);
    // A cell breaking the text rule is its row's error and the row goes no further: its text must
    // never reach a query (PostgreSQL refuses NUL with a 500), a stored record or an error message.
    const bad = [...values.keys()].filter((field) => hasBadText(values.get(field) as string));
    if (bad.length > 0) cellErrors.push(...bad.map((field) => ({ line: r.line, field, message: BAD_TEXT_MESSAGE })));
    else rows.push({ line: r.line, values });
    await slice();
  }
  const users = await listUsers(ctx);
  const directory = new OwnerDirectory(users);
  // Read before the value mapping applies, so each file value is listed with where it goes.
  const choices = valueChoices(
    valueFieldSpecs(
      fields,
      mappedFields,
      entity === 'deals' ? await listPipelines(ctx) : [],
      directory,
      users.filter((u) => !u.disabled).map((u) => u.email),
      entity === 'leads' ? await leadValueSpecs(ctx, mappedFields) : () => undefined,
    ),
    rows.map((r) => r.values),
    valueMap.map,
  );
  for (const row of rows) mapValues(row.values, valueMap.map);
  const workspace = await getWorkspace(ctx);
  const today = calendarDate(startedAt, workspace.timezone);
  const env: ImportEnv = {
    ctx,
    entity,
    timezone: workspace.timezone,
    currency: workspace.currency,
    // The "Date entered" cells are dates of the file too: often the only ones that tell 25/02 from 02/25.
    dateOrder:
      options.dateFormat ??
      guessDateOrder([...fields, ...stageEntries.map((e) => ({ key: e.field, label: e.field, required: false, kind: 'instant' as const }))], rows),
    startedAt,
    errors: [...table.errors, ...cellErrors],
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
    pause: slice,
  };
  const total = rows.length;
  const report = (phase: ImportProgress['phase']) => async (done: number) => {
    options.onProgress?.({ phase, done, total });
    await slice();
  };

  const history = options.stageHistory === undefined ? null : await readHistoryInto(env, options.stageHistory, valueMap.map.get('stage'));
  const planned = await PLANNERS[entity](env, rows, report('checking'));
  if (history) reportUnusedHistory(env, history);
  const result = emptyResult(options, table.records.length, columns.mapping);
  result.unmapped = columns.ignored;
  result.valueChoices = choices;
  result.values = values;
  if (env.defaultedCloseDates > 0) {
    result.notes.push(
      `${env.defaultedCloseDates} open deal${env.defaultedCloseDates === 1 ? ' has' : 's have'} no close date in the file; given ${env.closeDateDefault}${options.closeDateDefault ? '' : ' (the end of the fiscal year)'}`,
    );
  }
  if (stageEntries.length > 0) {
    result.notes.push(
      `Stage history from ${stageEntries.length} "Date entered" column${stageEntries.length === 1 ? '' : 's'}: ${stageEntries.map((e) => e.stage).join(', ')}`,
    );
  }
  if (history) {
    const entries = [...history.byDeal.values()].reduce((n, list) => n + list.length, 0);
    result.notes.push(
      `Stage history from the stage history file: ${entries} dated stage${entries === 1 ? '' : 's'} of ${history.byDeal.size} deal${history.byDeal.size === 1 ? '' : 's'}`,
    );
  }
  if (env.undatedCurrentStages > 0) {
    result.notes.push(
      `${env.undatedCurrentStages} open deal${env.undatedCurrentStages === 1 ? '' : 's'} with no date for the current stage; entered with the last dated stage`,
    );
  }
  const rowNotes = planned.filter((p) => p.note !== undefined);
  for (const p of rowNotes.slice(0, ROW_NOTES)) result.notes.push(`Line ${p.line}: ${p.note}`);
  if (rowNotes.length > ROW_NOTES)
    result.notes.push(
      `… and ${rowNotes.length - ROW_NOTES} more rows like these (lines ${rowNotes
        .slice(ROW_NOTES)
        .map((p) => p.line)
        .join(', ')})`,
    );
  const count = (action: PlannedRow['action']) => planned.filter((p) => p.action === action).length;

  let runId: string | null = null;
  if (env.errors.length === 0) {
    const writeErrors = await writeAll({ ...ctx, db: options.writeDb ?? ctx.db }, planned, options.dryRun ?? false, slice, report('writing'), async (tx) => {
      runId = await record(tx, options, startedAt, {
        status: 'succeeded',
        created: count('create'),
        updated: count('update'),
        unchanged: count('unchanged'),
        errors: [],
      });
    });
    env.errors.push(...writeErrors);
  }

  const errors = env.errors.sort((a, b) => a.line - b.line);
  const ok = errors.length === 0;
  const shown = ok || options.dryRun;
  Object.assign(result, {
    ok,
    created: shown ? count('create') : 0,
    updated: shown ? count('update') : 0,
    unchanged: shown ? count('unchanged') : 0,
    errors,
    unmatchedOwners: [...env.unmatchedOwners].sort(),
  });
  if (options.saveMappingAs !== undefined) {
    // Kept even when rows are refused or this is a check: the mapping is what the user worked out, the rows are the file's.
    result.savedAs = await saveMapping(ctx, entity, options.saveMappingAs, columns.mapping, values);
  }
  if (!options.dryRun) {
    // A refused import is logged outside the rolled-back transaction, so the attempt is on record.
    result.id = ok ? runId : await record(ctx, options, startedAt, { status: 'failed', created: 0, updated: 0, unchanged: 0, errors });
  }
  return result;
}

/**
 * New deals planned per slice go to the database together: a slice's rows of each table in one
 * multi-row statement (~750 rows of history for 50 deals). Small enough that one statement stays a
 * short stop of the event loop on SQLite: with 500, /healthz waited 2.7 s at worst during a 20k
 * import on a loaded machine (load 21), 0.9 s with 100; 50 costs little (CPU ratio to a bare insert 0.28 vs 0.32).
 */
const SLICE_ROWS = 50;

/**
 * Writes every planned row in one transaction; returns the rows the rules refused. New deals are
 * planned in memory (the rules and the gate as the services apply them) and written a slice at a
 * time; other rows go through the services one by one.
 */
async function writeAll(
  ctx: Ctx,
  planned: PlannedRow[],
  dryRun: boolean,
  pause: () => Promise<void>,
  progress: (done: number) => Promise<void>,
  onSuccess: (tx: Ctx) => Promise<void>,
): Promise<ImportRowError[]> {
  const errors: ImportRowError[] = [];
  // A dry run whose rows are all planned in memory (new deals) writes nothing, so it opens no
  // transaction: on SQLite a transaction holds the write gate, and a 20 MB file's check held every
  // other writer of the app back for as long as it ran. Rows checked by writing them (updates,
  // other records) still need one, rolled back.
  const trx = dryRun && planned.every((row) => !row.write) ? null : await ctx.db.startTransaction().execute();
  try {
    const batch = new DealBatch({ ...ctx, db: trx ?? ctx.db });
    // Once a row is refused nothing will be kept: the rest are still checked, not written. A dry run writes nothing.
    const flush = async () => (errors.length > 0 || dryRun ? batch.discard() : await batch.flush(pause));
    let done = 0;
    for (const row of planned) {
      done++;
      if (row.batched) {
        try {
          await row.batched(batch);
        } catch (error) {
          const rowError = rowErrorOf(row.line, error);
          if (!rowError) throw error;
          errors.push(rowError);
        }
        if (batch.size >= SLICE_ROWS) await flush();
      } else if (row.write && trx) {
        // A savepoint per row lets a refused row be undone alone, so later rows are still checked
        // and every problem is reported in one run (PostgreSQL aborts a transaction on any error).
        const sp = await trx.savepoint('import_row').execute();
        try {
          await row.write({ ...ctx, db: sp });
          await sp.releaseSavepoint('import_row').execute();
        } catch (error) {
          const rowError = rowErrorOf(row.line, error);
          if (!rowError) throw error;
          await sp.rollbackToSavepoint('import_row').execute();
          errors.push(rowError);
        }
      }
      await progress(done);
    }
    await flush();
    await progress(planned.length);
    if (!trx) return errors;
    if (errors.length > 0 || dryRun) {
      await trx.rollback().execute();
    } else {
      await onSuccess({ ...ctx, db: trx });
      await trx.commit().execute();
    }
  } catch (error) {
    await trx?.rollback().execute();
    throw error;
  }
  return errors;
}

async function record(
  ctx: Ctx,
  options: ImportOptions,
  startedAt: number,
  outcome: { status: 'succeeded' | 'failed'; created: number; updated: number; unchanged: number; errors: ImportRowError[] },
): Promise<string> {
  const id = newId();
  await insertImportRun(ctx.db, {
    id,
    workspace_id: ctx.actor.workspaceId,
    entity: entityTypeOf(options.entity),
    file_name: options.fileName?.slice(0, 255) ?? null,
    file_hash: createHash('sha256').update(options.csv).digest('hex'),
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
