// Quotas (with CSV import and export) and expectations with their computed status.
import { Type } from 'typebox';
import { Deleted, IdParams } from '../../api/common.js';
import {
  Expectation,
  ExpectationCreate,
  ExpectationList,
  ExpectationListQuery,
  ExpectationPatch,
  Quota,
  QuotaBatch,
  QuotaBatchResult,
  QuotaImport,
  QuotaImportResult,
  QuotaList,
  QuotaListQuery,
  QuotaPatch,
} from '../../api/measurement-targets.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { createExpectation, deleteExpectation, listExpectations, patchExpectation } from './expectations.service.js';
import { deleteQuota, listQuotas, patchQuota, setQuotas } from './quotas.service.js';
import { exportQuotasCsv, importQuotasCsv } from './quotas-csv.service.js';

export function registerTargetRoutes(app: App): void {
  const tags = ['measurement'];
  app.get(
    '/api/v1/quotas',
    { schema: { tags, summary: 'Quotas you may see, by fiscal year, period or scope', querystring: QuotaListQuery, response: responses({ 200: QuotaList }) } },
    async (req) => listQuotas(ctxOf(req), req.query),
  );
  app.put(
    '/api/v1/quotas',
    {
      schema: {
        tags,
        summary: 'Set quotas per rep, team or workspace and month, fiscal quarter or fiscal year (amount null removes one); all or nothing; admin only',
        body: QuotaBatch,
        response: responses({ 200: QuotaBatchResult }),
      },
    },
    async (req) => setQuotas(ctxOf(req), req.body.items),
  );
  app.patch(
    '/api/v1/quotas/:id',
    { schema: { tags, summary: 'Change a quota’s amount (admin)', params: IdParams, body: QuotaPatch, response: responses({ 200: Quota }) } },
    async (req) => patchQuota(ctxOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/quotas/:id',
    { schema: { tags, summary: 'Remove a quota (admin)', params: IdParams, response: responses({ 200: Deleted }) } },
    async (req) => {
      await deleteQuota(ctxOf(req), req.params.id);
      return { id: req.params.id, deleted: true as const };
    },
  );
  app.get(
    '/api/v1/quotas/export.csv',
    {
      schema: {
        tags,
        summary: 'Quotas you may see as CSV: scope_type, scope (email or team name), scope_name, period, amount (currency units), currency',
        querystring: QuotaListQuery,
        produces: ['text/csv'],
        response: responses({ 200: Type.String({ description: 'CSV, UTF-8 with a BOM' }) }),
      },
    },
    async (req, reply) => {
      const csv = await exportQuotasCsv(ctxOf(req), req.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="quotas${req.query.year ? `-${req.query.year}` : ''}.csv"`)
        .send(csv);
    },
  );
  app.post(
    '/api/v1/quotas/import',
    {
      schema: {
        tags,
        summary: 'Import quotas from CSV, all or nothing (admin)',
        description:
          'Columns scope_type, scope, period, amount (others are ignored, so an export can be edited and imported back). An empty amount removes the quota. ' +
          'When any row is bad the answer is 200 with ok=false and every problem (line, field, reason) and nothing is written.',
        body: QuotaImport,
        response: responses({ 200: QuotaImportResult }),
      },
      config: { textCheckedByRoute: ['csv'] },
    },
    async (req) => importQuotasCsv(ctxOf(req), req.body.csv, req.body.dryRun ?? false),
  );

  app.get(
    '/api/v1/expectations',
    {
      schema: {
        tags,
        summary: 'Expectations you may see with their current status; status=off_track lists the amber and red ones, worst first',
        querystring: ExpectationListQuery,
        response: responses({ 200: ExpectationList }),
      },
    },
    async (req) => listExpectations(ctxOf(req), req.query),
  );
  app.post(
    '/api/v1/expectations',
    {
      schema: {
        tags,
        summary:
          'Set an expectation: a KPI for a scope and period with target, amber and red thresholds and an owner (managers for their teams, admins anywhere)',
        body: ExpectationCreate,
        response: responses({ 201: Expectation }),
      },
    },
    async (req, reply) => reply.status(201).send(await createExpectation(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/v1/expectations/:id',
    { schema: { tags, summary: 'Change an expectation', params: IdParams, body: ExpectationPatch, response: responses({ 200: Expectation }) } },
    async (req) => patchExpectation(ctxOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/expectations/:id',
    { schema: { tags, summary: 'Retire an expectation', params: IdParams, response: responses({ 200: Deleted }) } },
    async (req) => {
      await deleteExpectation(ctxOf(req), req.params.id);
      return { id: req.params.id, deleted: true as const };
    },
  );
}
