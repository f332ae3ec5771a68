import { Type } from 'typebox';
import { AuditExportQuery, AuditListQuery, AuditPage } from '../../api/audit.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { auditEntriesForExport, listAudit } from './audit.service.js';
import { auditCsvStream } from './audit-csv.js';

export function registerAuditRoutes(app: App): void {
  const tags = ['audit log'];
  app.get(
    '/api/v1/audit-log',
    {
      schema: {
        tags,
        summary: 'The audit log, newest first (admin)',
        description: 'Filter by actor, action and an instant range [from, to). Entries are append-only and purged after the retention period.',
        querystring: AuditListQuery,
        response: responses({ 200: AuditPage }),
      },
    },
    async (req) => listAudit(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/audit-log.csv',
    {
      schema: {
        tags,
        summary: 'The filtered audit log as CSV (admin); the export itself is audited',
        querystring: AuditExportQuery,
        produces: ['text/csv'],
        response: responses({ 200: Type.String({ description: 'CSV, UTF-8 with a BOM, header row first' }) }),
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const chunks = auditEntriesForExport(ctx, req.query);
      // Pull the first chunk before answering: a caller without access gets 403, not a broken stream.
      const first = await chunks.next();
      const all = (async function* () {
        if (!first.done) yield first.value;
        yield* chunks;
      })();
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="furrow-audit-log-${new Date(ctx.now()).toISOString().slice(0, 10)}.csv"`)
        .header('cache-control', 'no-store')
        .send(auditCsvStream(all) as unknown as string);
    },
  );
}
