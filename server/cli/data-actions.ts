// furrow import | import-fields | export, the work: CSV in and out, acting as a user (--as, default
// the workspace's first admin) so visibility and permissions are exactly those of the app.
import { once } from 'node:events';
import { constants, createWriteStream } from 'node:fs';
import { access, readFile, rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import type { ExportEntity, ImportEntity, ImportPreset, ImportResult } from '../../api/imports.js';
import { PeopleImportBody, type PeopleImportResult } from '../../api/people.js';
import { exportCsv } from '../crm/import-export/export.service.js';
import { importFields } from '../crm/import-export/fields.service.js';
import { runImport } from '../crm/import-export/import.service.js';
import { PRESET_NAMES } from '../crm/import-export/presets.js';
import type { DateOrder } from '../crm/import-export/values.js';
import { importPeople } from '../identity/people-import.service.js';
import { actingUser, actorOf, ctxFor, pickWorkspace, withDatabase } from './cli-context.js';
import { checkInput } from './cli-input.js';
import { type CliIo, failure, println, table, usageError } from './cli-io.js';
import { ENTITIES } from './data-commands.js';
import { progressReporter } from './progress.js';

function entityOf(text: string): ExportEntity {
  if (!ENTITIES.includes(text as ExportEntity)) throw usageError(`<entity> must be one of ${ENTITIES.join(', ')} or people (got "${text}")`);
  return text as ExportEntity;
}

/** What a CSV brings in: the exportable records, and leads (marketing's history from another CRM; not exported). */
function importEntityOf(text: string): ImportEntity {
  if (text === 'leads') return 'leads';
  if (!ENTITIES.includes(text as ExportEntity)) throw usageError(`<entity> must be one of ${ENTITIES.join(', ')}, leads or people (got "${text}")`);
  return text as ExportEntity;
}

/** Pipedrive's leads inbox has no lifecycle export, so leads take the other presets only. */
const LEAD_PRESETS: readonly ImportPreset[] = ['salesforce', 'hubspot', 'furrow'];

function closeDateDefaultOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text.trim()) || Number.isNaN(Date.parse(text.trim())))
    throw usageError(`--close-date-default must be a date such as 2027-03-31 (got "${text}")`);
  return text.trim();
}

function nameOf(option: string, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (text.trim() === '' || text.length > 100) throw usageError(`${option} must be a name of 1 to 100 characters`);
  return text.trim();
}

function dateOrderOf(text: string | undefined): DateOrder | undefined {
  if (text === undefined) return undefined;
  const t = text.toUpperCase().replace(/[^DMY]/g, '');
  if (t === 'DDMMYYYY' || t === 'DMY') return 'dmy';
  if (t === 'MMDDYYYY' || t === 'MDY') return 'mdy';
  throw usageError(`--date-format must be DD/MM/YYYY or MM/DD/YYYY (got "${text}")`);
}

function printResult(io: CliIo, file: string, r: ImportResult): void {
  const mapped = Object.entries(r.mapping).map(([h, f]) => `${h} → ${f}`);
  println(io.stderr, `Columns: ${mapped.join(', ') || 'none'}`);
  if (r.unmapped.length > 0) println(io.stderr, `Not imported (no field; map with --map "Header=field"): ${r.unmapped.join(', ')}`);
  for (const note of r.notes) println(io.stderr, `Note: ${note}`);
  // Every value read without being told is shown, so a wrong guess is caught before it is written.
  for (const c of r.valueChoices) {
    const shown = c.values
      .filter((v) => v.how !== 'same')
      .map((v) => `${v.value} → ${v.target ?? '?'}${v.how === 'mapped' ? '' : v.how === 'none' ? ' (no match)' : ' (proposed)'}`);
    if (shown.length > 0) println(io.stderr, `Values of ${c.field}: ${shown.join(', ')}${c.distinct > c.values.length ? ', …' : ''}`);
    if (c.values.some((v) => v.how === 'none'))
      println(
        io.stderr,
        `  map the others with --map-value "${c.field}:Value=…" (one of ${c.options.slice(0, 12).join(', ')}${c.options.length > 12 ? ', …' : ''})`,
      );
  }
  if (r.savedAs) println(io.stderr, `Saved the mapping as "${r.savedAs}" (use it with --mapping "${r.savedAs}")`);
  if (!r.ok) {
    const kept = r.kept && r.kept.rows > 0 ? `rows up to line ${r.kept.throughLine} (${r.kept.rows}) were kept, none after` : null;
    println(
      io.stderr,
      `${file}: ${r.errors.length} problem${r.errors.length === 1 ? '' : 's'}; ${kept ?? `nothing was ${r.dryRun ? 'checked further' : 'imported'}`}:`,
    );
    for (const e of r.errors) println(io.stderr, `  line ${e.line}${e.field ? `, ${e.field}` : ''}: ${e.message}`);
    if (r.unmatchedOwners.length > 0)
      println(io.stderr, `Owners not found: ${r.unmatchedOwners.join(', ')} (add them with furrow user add, or fix the owner column)`);
    if (kept) println(io.stderr, 'Fix the rows and run the import again: the rows kept are found in and left as they are.');
    return;
  }
  // A lead Furrow has is only ever moved on along its lifecycle by a file, so "updated" says that.
  const counts = `${r.created} created, ${r.updated} ${r.entity === 'leads' ? 'moved on or linked' : 'updated'}, ${r.unchanged} unchanged`;
  if (r.dryRun) println(io.stdout, `Dry run of ${file} (${r.rows} rows): would be ${counts}. Nothing was written.`);
  else println(io.stdout, `Imported ${r.entity} from ${file} (${r.rows} rows): ${counts}. Import run ${r.id}.`);
}

async function write(stream: Writable, chunk: unknown): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

export interface ImportOptions {
  preset?: string;
  map: Record<string, string>;
  mapValue?: Record<string, Record<string, string>>;
  closeDateDefault?: string;
  dateFormat?: string;
  historical?: boolean;
  stageHistory?: string;
  resumable?: boolean;
  batchRows?: string;
  as?: string;
  workspace?: string;
  dryRun?: boolean;
  passwordStdin?: boolean;
  mapping?: string;
  saveMapping?: string;
}

export async function importCommand(io: CliIo, entityText: string, file: string, opts: ImportOptions): Promise<void> {
  if (entityText === 'people') return importPeopleCommand(io, file, opts);
  const entity = importEntityOf(entityText);
  const presets = entity === 'leads' ? LEAD_PRESETS : PRESET_NAMES;
  if (opts.preset !== undefined && !presets.includes(opts.preset as ImportPreset)) {
    throw usageError(`--preset must be one of ${presets.join(', ')}${entity === 'leads' ? ' for leads' : ''} (got "${opts.preset}")`);
  }
  const dateFormat = dateOrderOf(opts.dateFormat);
  // The file is read as the import goes, never whole (a million rows in flat memory); checked here for the message.
  await access(file, constants.R_OK).catch((error: NodeJS.ErrnoException) => {
    throw usageError(`Cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  const csv = { path: file };
  const stageHistory =
    opts.stageHistory === undefined
      ? undefined
      : await readFile(opts.stageHistory, 'utf8').catch((error: NodeJS.ErrnoException) => {
          throw usageError(`Cannot read ${opts.stageHistory}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
        });
  await withDatabase(io, async (s) => {
    const ws = await pickWorkspace(s, opts.workspace);
    const ctx = ctxFor(s, actorOf(await actingUser(s, ws, opts.as)), io.now);
    const progress = progressReporter(io);
    let result: ImportResult;
    try {
      result = await runImport(ctx, {
        entity,
        csv,
        fileName: file.split(/[\\/]/).pop(),
        preset: opts.preset as ImportPreset | undefined,
        mapping: opts.map,
        values: opts.mapValue,
        closeDateDefault: closeDateDefaultOf(opts.closeDateDefault),
        savedMapping: nameOf('--mapping', opts.mapping),
        saveMappingAs: nameOf('--save-mapping', opts.saveMapping),
        dryRun: opts.dryRun,
        resumable: opts.resumable,
        batchRows: batchRowsOf(opts.batchRows),
        historical: opts.historical,
        stageHistory,
        dateFormat,
        onProgress: (p) => progress.update(p),
      });
    } finally {
      progress.stop();
    }
    printResult(io, file, result);
    if (!result.ok) throw failure('');
  });
}

function batchRowsOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw usageError(`--batch-rows must be a whole number from 1 to 100000 (got "${text}")`);
  return n;
}

export async function importFieldsCommand(io: CliIo, entityText: string, opts: { as?: string; workspace?: string }): Promise<void> {
  const entity = importEntityOf(entityText);
  await withDatabase(io, async (s) => {
    const ws = await pickWorkspace(s, opts.workspace);
    const ctx = ctxFor(s, actorOf(await actingUser(s, ws, opts.as)), io.now);
    const { fields } = await importFields(ctx, entity);
    const rows = fields.map((f) => [f.key, f.label, f.options ? `${f.type} (${f.options.join(', ')})` : f.type, f.required ? 'yes' : '']);
    println(io.stdout, table([['FIELD', 'LABEL', 'TYPE', 'REQUIRED'], ...rows]));
  });
}

export async function exportCommand(io: CliIo, entityText: string, opts: { out?: string; as?: string; workspace?: string }): Promise<void> {
  const entity = entityOf(entityText);
  await withDatabase(io, async (s) => {
    const ws = await pickWorkspace(s, opts.workspace);
    const ctx = ctxFor(s, actorOf(await actingUser(s, ws, opts.as)), io.now);
    let rows = 0;
    const csv = await exportCsv(ctx, entity, { onRow: () => rows++ });
    // A file appears only when complete: written aside, renamed at the end.
    const partial = opts.out ? `${opts.out}.partial` : null;
    const target = partial ? createWriteStream(partial) : io.stdout;
    try {
      for await (const chunk of csv) await write(target, chunk);
      if (partial && opts.out) {
        target.end();
        await once(target, 'finish');
        await rename(partial, opts.out);
      }
    } catch (error) {
      if (partial) {
        target.destroy();
        await rm(partial, { force: true });
      }
      throw error;
    }
    println(io.stderr, `Exported ${rows} ${entity}${opts.out ? ` to ${opts.out}` : ''}`);
  });
}

/** furrow import people <file>: users and teams through the people import, as the first admin. */
async function importPeopleCommand(io: CliIo, file: string, opts: ImportOptions): Promise<void> {
  const csv = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw usageError(`Cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  const initialPassword = opts.passwordStdin ? (await io.readStdin()).split(/\r?\n/)[0] : undefined;
  await withDatabase(io, async (s) => {
    const ws = await pickWorkspace(s, opts.workspace);
    const ctx = ctxFor(s, actorOf(await actingUser(s, ws, opts.as)), io.now);
    const body = checkInput(PeopleImportBody, { csv, dryRun: opts.dryRun === true, ...(initialPassword !== undefined && { initialPassword }) }, (path) =>
      path === '/initialPassword' ? '--password-stdin' : `--${path.replace(/^\//, '')}`,
    );
    const result = await importPeople(ctx, body).catch((error: unknown) => {
      const report = (error as { details?: unknown }).details as PeopleImportResult | undefined;
      if (report && Array.isArray(report.errors)) return report;
      throw error;
    });
    const counts = (c: PeopleImportResult['users']) => `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`;
    if (!result.ok) {
      println(
        io.stderr,
        `${file}: ${result.errors.length} problem${result.errors.length === 1 ? '' : 's'}; nothing was ${result.dryRun ? 'checked further' : 'imported'}:`,
      );
      for (const e of result.errors) {
        const field = e.field === 'initialPassword' ? '--password-stdin' : e.field;
        println(io.stderr, `  line ${e.line}${field ? `, ${field}` : ''}: ${e.message}`);
      }
      throw failure('');
    }
    const summary = `teams ${counts(result.teams)}; users ${counts(result.users)}`;
    println(
      io.stdout,
      result.dryRun
        ? `Dry run of ${file} (${result.rows} rows): would be ${summary}. Nothing was written.`
        : `Imported people from ${file} (${result.rows} rows): ${summary}.`,
    );
  });
}
