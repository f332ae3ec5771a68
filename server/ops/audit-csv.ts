// The audit log as CSV: a fixed column list, every cell neutralised against formula injection
// by the shared cell writer.
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { AuditEntry } from '../../api/audit.js';
import { csvCell } from '../csv-cells.js';

export const AUDIT_CSV_COLUMNS = ['at', 'actor_id', 'actor_name', 'action', 'target_type', 'target_id', 'summary', 'details', 'ip', 'via'] as const;

export function auditCsvRow(e: AuditEntry): string[] {
  return [
    e.at,
    e.actor?.id ?? '',
    e.actor?.name ?? '',
    e.action,
    e.targetType ?? '',
    e.targetId ?? '',
    e.summary,
    e.details ? JSON.stringify(e.details) : '',
    e.ip ?? '',
    e.via ?? '',
  ].map(csvCell);
}

export function auditCsvStream(chunks: AsyncGenerator<AuditEntry[]>): Readable {
  const csv = stringify({ bom: true, header: true, columns: [...AUDIT_CSV_COLUMNS] });
  const source = Readable.from(
    (async function* () {
      for await (const entries of chunks) for (const e of entries) yield auditCsvRow(e);
    })(),
  );
  source.on('error', (error) => csv.destroy(error));
  return source.pipe(csv);
}
