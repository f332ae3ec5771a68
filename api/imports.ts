// CSV import and export of the core records.
import { type Static, type TObject, type TSchema, Type } from 'typebox';
import { AccountListQuery } from './accounts.js';
import { ActivityListQuery } from './activities.js';
import { CalendarDate, Id } from './common.js';
import { ContactListQuery } from './contacts.js';
import { DealListQuery } from './deals.js';

/** The records Furrow writes out as CSV (and reads back: the furrow preset). */
export const ExportEntity = Type.Union([Type.Literal('accounts'), Type.Literal('contacts'), Type.Literal('deals'), Type.Literal('activities')]);
export type ExportEntity = Static<typeof ExportEntity>;

/** What a CSV can bring in: the exportable records, and leads (marketing's history from another CRM). */
export const ImportEntity = Type.Union([...ExportEntity.anyOf, Type.Literal('leads')]);
export type ImportEntity = Static<typeof ImportEntity>;

export const ImportPreset = Type.Union([Type.Literal('furrow'), Type.Literal('salesforce'), Type.Literal('hubspot'), Type.Literal('pipedrive')]);
export type ImportPreset = Static<typeof ImportPreset>;

export const ImportDateFormat = Type.Union([Type.Literal('DD/MM/YYYY'), Type.Literal('MM/DD/YYYY')], {
  description: 'Day/month order of numeric dates such as 03/04/2026; guessed from the file when absent (ISO and named-month dates need none)',
});
export type ImportDateFormat = Static<typeof ImportDateFormat>;

export const ImportRequest = Type.Object(
  {
    csv: Type.String({ minLength: 1, description: 'The CSV text, header row first' }),
    fileName: Type.Optional(Type.String({ maxLength: 255 })),
    preset: Type.Optional(ImportPreset),
    mapping: Type.Optional(
      Type.Record(Type.String({ maxLength: 200 }), Type.String({ maxLength: 200 }), {
        description: 'CSV header → Furrow field; overrides the preset. One column can feed several fields: "name+externalId"',
      }),
    ),
    values: Type.Optional(
      Type.Record(Type.String({ maxLength: 64 }), Type.Record(Type.String({ maxLength: 200 }), Type.String({ maxLength: 200 })), {
        description:
          'Field → (value in the file → value in Furrow), compared without case or spacing, e.g. { "stage": { "Engaging": "Discovery" } }. ' +
          'Stage cells that are status words ("Won", "Closed Lost") already go to the pipeline\'s won or lost stage.',
      }),
    ),
    closeDateDefault: Type.Optional({
      ...CalendarDate,
      description: 'Expected close date for open deals the file gives none; the end of the current fiscal year when absent',
    }),
    historical: Type.Optional(
      Type.Boolean({
        description:
          "Deals: the file is another system's history (decision 0180). The moves it implies are recorded as imported (never checked against " +
          'today\'s exit criteria, left out of adherence and calibration); "Date entered <stage>" columns build each deal\'s stage history; a ' +
          'deal without a create date (or any dated stage) is "created: unknown" and counts in no period\'s pipeline created. Moves made after ' +
          'the import are gated as usual.',
      }),
    ),
    stageHistory: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          'Historical deals only: a second CSV, one row per stage a deal entered — deal (external id, else name, as in the deals file), ' +
          'stage, entered at (e.g. "Opportunity ID,Stage,Edit Date" of a Salesforce opportunity history report). Its dates build the ' +
          'stage history as "Date entered" columns do; a deal it names that the deals file lacks is an error.',
      }),
    ),
    dryRun: Type.Optional(Type.Boolean({ description: 'Validate and report without writing' })),
    resumable: Type.Optional(
      Type.Boolean({
        description:
          'Keep each batch of 5,000 rows as soon as it is written, instead of all or nothing (decision 0209): for a file too big for one ' +
          'transaction, or one that must survive a crash. A refused row stops the writing at its batch (the batches before it stay, the rest ' +
          'is still checked and every bad row reported; details.kept says which rows are in); running the same file again resumes: the ' +
          'rows already in are matched and left unchanged, the rest are written.',
      }),
    ),
    background: Type.Optional(
      Type.Boolean({
        description:
          "Run as a background job even when the file is small (202 with the job id). Files over the server's IMPORT_SYNC_MAX_ROWS data rows always do.",
      }),
    ),
    dateFormat: Type.Optional(ImportDateFormat),
    savedMapping: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description:
          'Name of a saved mapping of this entity to start from: its columns and values apply first, mapping and values of this request over them. ' +
          'Saved columns the file does not have, and saved values of fields no column feeds, are left aside.',
      }),
    ),
    saveMappingAs: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'Save the columns and values this run used under this name (replacing a mapping of that name), once the columns map',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ImportRequest = Static<typeof ImportRequest>;

/**
 * The options of an uploaded file's import (POST /api/v1/imports/{entity}/upload, multipart field
 * "options", as JSON): those of ImportRequest but the file, which is the field "file", and
 * `background` (an upload always runs as a job).
 */
export const ImportUploadOptions = Type.Omit(ImportRequest, ['csv', 'background'], { additionalProperties: false });
export type ImportUploadOptions = Static<typeof ImportUploadOptions>;

export const ImportRowError = Type.Object({
  line: Type.Integer({ description: 'Line number in the file (the header is line 1)' }),
  field: Type.Union([Type.String(), Type.Null()]),
  message: Type.String(),
});
export type ImportRowError = Static<typeof ImportRowError>;

export const ImportValueChoice = Type.Object({
  field: Type.String({ description: 'The field whose column holds these values (stage, status, owner, type, custom.<key>)' }),
  label: Type.String(),
  options: Type.Array(Type.String(), { description: 'The values Furrow accepts for the field' }),
  distinct: Type.Integer({ description: 'Distinct values in the column (values lists at most 200, most frequent first)' }),
  values: Type.Array(
    Type.Object({
      value: Type.String({ description: 'As the file writes it (first spelling seen; compared without case or spacing)' }),
      rows: Type.Integer(),
      target: Type.Union([Type.String(), Type.Null()], { description: 'The Furrow value it goes to; null when none fits and none was given' }),
      how: Type.Union([Type.Literal('same'), Type.Literal('proposed'), Type.Literal('mapped'), Type.Literal('none')], {
        description: 'same: the value itself; proposed: matched without being told; mapped: the request (or saved mapping) says so; none: goes nowhere',
      }),
    }),
  ),
});
export type ImportValueChoice = Static<typeof ImportValueChoice>;

export const ImportResult = Type.Object({
  id: Type.Union([Id, Type.Null()]),
  entity: ImportEntity,
  dryRun: Type.Boolean(),
  ok: Type.Boolean(),
  rows: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  errors: Type.Array(ImportRowError),
  unmatchedOwners: Type.Array(Type.String()),
  mapping: Type.Record(Type.String(), Type.String()),
  /** Columns of the file that feed no field: listed so nothing is dropped without a word. */
  unmapped: Type.Array(Type.String()),
  /** What the import did without being told, e.g. the close date open deals without one were given. */
  notes: Type.Array(Type.String()),
  /** Every enumerated column's distinct values and where each goes, to review and map before writing. */
  valueChoices: Type.Array(ImportValueChoice),
  /** The values mapping the run used (saved mapping and request merged): what "Save mapping" keeps. */
  values: Type.Record(Type.String(), Type.Record(Type.String(), Type.String())),
  /** The saved mapping the run started from, and the name it saved under. */
  savedMapping: Type.Union([Type.String(), Type.Null()]),
  savedAs: Type.Union([Type.String(), Type.Null()]),
  /** A resumable import (ImportRequest.resumable): the rows kept as it went; null for an import that is all or nothing. */
  kept: Type.Union([
    Type.Object({
      rows: Type.Integer({ description: 'Rows of the file kept: those of every batch before the first refused row (all of them when ok)' }),
      throughLine: Type.Integer({ description: 'The last line of the file they reach (the header is line 1: 1 when none)' }),
      created: Type.Integer(),
      updated: Type.Integer(),
      unchanged: Type.Integer(),
    }),
    Type.Null(),
  ]),
  /** A resumable import that took up an earlier run of the same file which had stopped part way (killed, say). */
  resumed: Type.Union([
    Type.Object({
      runId: Id,
      startedAt: Type.Integer(),
      rows: Type.Integer({ description: 'The rows that run had kept: found in, and left unchanged' }),
    }),
    Type.Null(),
  ]),
});
export type ImportResult = Static<typeof ImportResult>;

export const ImportFields = Type.Object({
  entity: ImportEntity,
  fields: Type.Array(
    Type.Object({
      key: Type.String({ description: 'The field to map a column to; custom deal fields are custom.<key>' }),
      label: Type.String({ description: 'A column with this header (or the key) maps itself' }),
      required: Type.Boolean(),
      type: Type.String({
        description:
          'What a cell holds: text, date, instant, money, integer, boolean, currency, duration, time, owner, link; ' +
          'for a custom field its type: text, number, date, boolean or select',
      }),
      custom: Type.Boolean({ description: 'A custom field of the workspace' }),
      options: Type.Optional(Type.Array(Type.String(), { description: 'The values a select field accepts' })),
    }),
  ),
  presets: Type.Record(Type.String(), Type.Record(Type.String(), Type.String())),
});
export type ImportFields = Static<typeof ImportFields>;

export const ImportMapping = Type.Object({
  name: Type.String(),
  entity: ImportEntity,
  mapping: Type.Record(Type.String(), Type.String(), { description: 'CSV header → field, as ImportRequest.mapping' }),
  values: Type.Record(Type.String(), Type.Record(Type.String(), Type.String()), { description: 'As ImportRequest.values' }),
  updatedAt: Type.Integer(),
  version: Type.Integer(),
});
export type ImportMapping = Static<typeof ImportMapping>;
export const ImportMappingList = Type.Object({ items: Type.Array(ImportMapping) });
export type ImportMappingList = Static<typeof ImportMappingList>;

export const ImportEntityParams = Type.Object({ entity: ImportEntity });

/** 422 of a (non-dry-run) import with bad rows: the one error shape, its details the full report. */
export const ImportRefused = Type.Object(
  {
    error: Type.Object({
      code: Type.Literal('rule_violation'),
      message: Type.String(),
      details: ImportResult,
      requestId: Type.Optional(Type.String()),
    }),
  },
  {
    description:
      'Nothing was written (a resumable import: nothing after the rows error.details.kept lists): error.details is the ImportResult with ok=false and every row error',
  },
);
export type ImportRefused = Static<typeof ImportRefused>;

/** An export's query: the list's filters, search (`q`) and sort, without its paging (`limit`, `cursor`). */
function ExportQuery<P extends Record<string, TSchema> & { limit: TSchema; cursor: TSchema }>(list: TObject<P>) {
  const { limit: _limit, cursor: _cursor, ...rest } = list.properties;
  return Type.Object(rest as Omit<P, 'limit' | 'cursor'>, {
    additionalProperties: false,
    description: 'The same filters, search and sort as the list; without any, every record you can see',
  });
}

export const AccountExportQuery = ExportQuery(AccountListQuery);
export type AccountExportQuery = Static<typeof AccountExportQuery>;
export const ContactExportQuery = ExportQuery(ContactListQuery);
export type ContactExportQuery = Static<typeof ContactExportQuery>;
export const DealExportQuery = ExportQuery(DealListQuery);
export type DealExportQuery = Static<typeof DealExportQuery>;
export const ActivityExportQuery = ExportQuery(ActivityListQuery);
export type ActivityExportQuery = Static<typeof ActivityExportQuery>;

/** The query of any entity's export. */
export type ExportQuery = AccountExportQuery | ContactExportQuery | DealExportQuery | ActivityExportQuery;
