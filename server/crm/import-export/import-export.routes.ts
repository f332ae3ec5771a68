import { Type } from 'typebox';
import { ImportEntityParams, ImportFields, ImportRequest, ImportResult } from '../../../api/imports.js';
import { ctxOf } from '../../http/auth-hook.js';
import { type App, responses } from '../../http/types.js';
import { exportCsv, exportFileName } from './export.service.js';
import { importFields } from './fields.service.js';
import { dateOrderOf, runImport } from './import.service.js';

export function registerImportExportRoutes(app: App): void {
  const tags = ['import-export'];
  app.post(
    '/api/v1/imports/:entity',
    {
      schema: {
        tags,
        summary: 'Import a CSV, all or nothing',
        description:
          'Checks every row first. When any row is bad the answer is 200 with ok=false and every error (line, field, reason) and nothing is written. ' +
          'A clean file is written in one transaction through the same rules as the app (the stage gate included). 400 when the request itself ' +
          'cannot be processed (a mapping naming an unknown column or field, a required field without a column). dryRun checks and counts without writing.',
        params: ImportEntityParams,
        body: ImportRequest,
        response: responses({ 200: ImportResult }),
      },
    },
    async (req) =>
      runImport(ctxOf(req), {
        entity: req.params.entity,
        csv: req.body.csv,
        fileName: req.body.fileName,
        preset: req.body.preset,
        mapping: req.body.mapping,
        dryRun: req.body.dryRun,
        dateFormat: dateOrderOf(req.body.dateFormat),
      }),
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
    '/api/v1/exports/:entity.csv',
    {
      schema: {
        tags,
        summary: 'Every record you can see as CSV (streamed), in the columns of the furrow import preset',
        params: ImportEntityParams,
        produces: ['text/csv'],
        response: responses({ 200: Type.String({ description: 'CSV, UTF-8 with a BOM, header row first' }) }),
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const stream = await exportCsv(ctx, req.params.entity);
      return (
        reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${exportFileName(req.params.entity, ctx.now())}"`)
          .header('cache-control', 'no-store')
          // A stream is sent as is; the string schema only documents the body.
          .send(stream as unknown as string)
      );
    },
  );
}
