// The audit log: one page of entries under the filters, and the CSV export of the same view.
import { useQuery } from '@tanstack/react-query';
import type { AUDIT_ACTIONS, AuditExportQuery, AuditPage } from '../../../api/audit';
import { api, withQuery } from '../../app/api';

/** The log's filters. The action is typed from the list itself: the schema's union is built from
 *  an array, so its static type says nothing (never) and would accept no action at all. */
export type AuditFilters = Omit<AuditExportQuery, 'action'> & { action?: (typeof AUDIT_ACTIONS)[number] | undefined };

export function useAuditLog(filters: AuditFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: ['audit-log', filters, cursor],
    queryFn: ({ signal }) => api.get<AuditPage>('/api/v1/audit-log', { ...filters, cursor, limit: 50 }, { signal }),
  });
}

/** The export of the filtered log (every page), a plain link the browser downloads with the session cookie. */
export const auditCsvHref = (filters: AuditFilters): string => withQuery('/api/v1/audit-log.csv', filters);
