import { type TSchema, Type } from 'typebox';
import {
  AccountExportQuery,
  ActivityExportQuery,
  ContactExportQuery,
  DealExportQuery,
  type ExportEntity,
  type ExportQuery,
  ImportEntityParams,
  ImportFields,
  ImportMappingList,
  ImportRefused,
  ImportRequest,
  ImportResult,
} from '../../../api/imports.js';
import { JobAccepted } from '../../../api/jobs.js';
import { invalidField, ruleViolation } from '../../errors.js';
import { ctxOf } from '../../http/auth-hook.js';
import { type App, responses } from '../../http/types.js';
import { exportCsv, exportFileName } from './export.service.js';
import { importFields } from './fields.service.js';
import { startImport } from './import-background.service.js';
import { importMappings } from './import-mappings.service.js';
import { startUploadedImport } from './import-upload.service.js';
import { dateOrderOf } from './import-value-specs.js';

function refusalMessage(result: ImportResult): string {
  const n = result.errors.length;
  const first = result.errors[0];
  const where = first ? ` (line ${first.line}${first.field ? `, ${first.field}` : ''}: ${first.message}${n > 1 ? '; …' : ''})` : '';
  return `Nothing was imported: ${n} ${n === 1 ? 'problem' : 'problems'} in the file${where}`;
}

export function registerImportExportRoutes(app: App): void {
  const tags = ['import-export'];
  app.post(
    '/api/v1/imports/:entity',
    {
      // The file's cells are checked row by row (import.service.ts): a bad one is its row's error.
      config: { textCheckedByRoute: ['csv'] },
      schema: {
        tags,
        summary: 'Import a CSV, all or nothing (a big file as a background job)',
        description:
          "A file over the server's IMPORT_SYNC_MAX_ROWS data rows (default 500), or any file with background=true, runs as a background job: " +
          'the answer is 202 with the job id, and GET /api/v1/jobs/{id} gives its progress (rows done of total) and, once done, the same ' +
          'ImportResult this route answers for a small file (a refused import: ok=false with every error; nothing written). Each user may have ' +
          'HEAVY_JOBS_PER_USER imports queued or running at once (default 1); one more answers 429 rate_limited with Retry-After. ' +
          'Checks every row first; a clean file is written in one transaction through the same rules as the app (the stage gate included). ' +
          'When any row is bad nothing is written and the answer is 422 rule_violation whose details is the ImportResult (ok=false, every error ' +
          'with line, field and reason, unmatchedOwners, rows, mapping; the refused run is still recorded and details.id names it). ' +
          'dryRun checks and counts without writing and always answers 200 with the ImportResult: ok=false and the errors when a row is bad. ' +
          '400 when the request itself cannot be processed (a mapping naming an unknown column or field, a required field without a column).',
        params: ImportEntityParams,
        body: ImportRequest,
        response: {
          ...responses({ 200: ImportResult }),
          202: JobAccepted,
          422: ImportRefused,
        },
      },
    },
    async (req, reply) => {
      const started = await startImport(ctxOf(req), {
        background: req.body.background,
        entity: req.params.entity,
        csv: req.body.csv,
        fileName: req.body.fileName,
        preset: req.body.preset,
        mapping: req.body.mapping,
        dryRun: req.body.dryRun,
        resumable: req.body.resumable,
        dateFormat: dateOrderOf(req.body.dateFormat),
        values: req.body.values,
        closeDateDefault: req.body.closeDateDefault,
        historical: req.body.historical,
        stageHistory: req.body.stageHistory,
        savedMapping: req.body.savedMapping,
        saveMappingAs: req.body.saveMappingAs,
      });
      if (started.kind === 'queued') return reply.status(202).header('location', started.job.location).send(started.job);
      const { result } = started;
      // A dry run succeeded in checking, whatever it found; a refused import is a refused request.
      if (!result.ok && !result.dryRun) throw ruleViolation(refusalMessage(result), result);
      return result;
    },
  );

  app.post(
    '/api/v1/imports/:entity/upload',
    {
      schema: {
        tags,
        summary: 'Import a CSV of any size, uploaded as a file (always a background job)',
        description:
          'multipart/form-data: the field "options" (JSON: the fields of ImportRequest but csv and background), then the file as the field ' +
          '"file" (up to IMPORT_MAX_UPLOAD_MB, default 1024). The file is stored as it arrives, never whole in memory, and the import runs ' +
          'as a background job: 202 with the job id, then GET /api/v1/jobs/{id} as for a big file sent as JSON. 400 names the option or the ' +
          'file that is wrong; 429 as for any import when the user already has HEAVY_JOBS_PER_USER imports queued or running.',
        consumes: ['multipart/form-data'],
        params: ImportEntityParams,
        // Read as a stream by the handler: the schema only documents the form (see the practice recording upload).
        body: Type.Unsafe<unknown>({ description: 'multipart/form-data: "options" (JSON), then "file" (the CSV)' }),
        response: { ...responses({}), 202: JobAccepted },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      if (!req.isMultipart()) throw invalidField('file', 'send multipart/form-data: the field "options" (JSON), then the CSV as the field "file"');
      let options: string | undefined;
      const parts = req.parts({ limits: { fileSize: ctx.config.importMaxUploadBytes, files: 1, fields: 2, fieldSize: 1024 * 1024 } });
      for await (const part of parts) {
        if (part.type === 'field') {
          if (part.fieldname === 'options') options = String(part.value);
          continue;
        }
        const job = await startUploadedImport(ctx, req.params.entity, { options, file: part.file, fileName: part.filename });
        return reply.status(202).header('location', job.location).send(job);
      }
      return startUploadedImport(ctx, req.params.entity, { options, file: undefined, fileName: undefined });
    },
  );

  app.get(
    '/api/v1/imports/:entity/fields',
    {
      schema: {
        tags,
        summary: 'Fields a column can be mapped to, and the presets’ header mappings',
        params: ImportEntityParams,
        response: responses({ 200: ImportFields }),
      },
    },
    async (req) => importFields(ctxOf(req), req.params.entity),
  );

  app.get(
    '/api/v1/imports/:entity/mappings',
    {
      schema: {
        tags,
        summary: 'Saved mappings of an entity (columns and values), to reuse by name',
        description: 'Saved by an import or a check with saveMappingAs; used with savedMapping. Listed to whoever may import the entity.',
        params: ImportEntityParams,
        response: responses({ 200: ImportMappingList }),
      },
    },
    async (req) => importMappings(ctxOf(req), req.params.entity),
  );

  // One route per entity, each with its list's query schema: a bad filter answers 400 naming the
  // field, exactly as the list does.
  const exportQueries: Record<ExportEntity, TSchema> = {
    accounts: AccountExportQuery,
    contacts: ContactExportQuery,
    deals: DealExportQuery,
    activities: ActivityExportQuery,
  };
  for (const [entity, querystring] of Object.entries(exportQueries) as [ExportEntity, TSchema][]) {
    app.get<{ Querystring: ExportQuery }>(
      `/api/v1/exports/${entity}.csv`,
      {
        schema: {
          tags,
          summary: `The ${entity} you can see as CSV (streamed), in the columns of the furrow import preset`,
          description:
            `Takes the same filters, search (q) and sort as GET /api/v1/${entity} (without limit and cursor), so the file holds exactly ` +
            `what that list shows, every page of it; a bad value answers 400 naming the field, as the list does. Without any, every ` +
            `${entity.replace(/s$/, '')} you can see, in id order. Always scoped to the workspace and to what your role may read.`,
          querystring,
          produces: ['text/csv'],
          response: responses({ 200: Type.String({ description: 'CSV, UTF-8 with a BOM, header row first' }) }),
        },
      },
      async (req, reply) => {
        const ctx = ctxOf(req);
        const stream = await exportCsv(ctx, entity, { query: req.query });
        return (
          reply
            .header('content-type', 'text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${exportFileName(entity, ctx.now())}"`)
            .header('cache-control', 'no-store')
            // A stream is sent as is; the string schema only documents the body.
            .send(stream as unknown as string)
        );
      },
    );
  }
}
