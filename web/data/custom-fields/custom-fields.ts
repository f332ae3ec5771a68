// Custom field definitions per kind of record (deal, account, contact): the admin's list on the
// process screen and the inputs on the record forms. Kept under the process key, so a change the
// admin makes there (refreshProcess) refreshes the forms too.
import { useQuery } from '@tanstack/react-query';
import type { CustomField, CustomFieldCreate, CustomFieldEntity, CustomFieldPatch } from '../../../api/pipelines';
import { api } from '../../app/api';

export function useCustomFields(entity: CustomFieldEntity) {
  return useQuery({
    queryKey: ['process', 'custom-fields', entity],
    queryFn: ({ signal }) => api.get<{ items: CustomField[] }>('/api/v1/custom-fields', { entity }, { signal }).then((r) => r.items),
    staleTime: 60_000,
  });
}

export const createCustomField = (body: CustomFieldCreate) => api.post<CustomField>('/api/v1/custom-fields', body);
export const updateCustomField = (id: string, body: CustomFieldPatch) => api.patch<CustomField>(`/api/v1/custom-fields/${encodeURIComponent(id)}`, body);
export const retireCustomField = (id: string) => api.delete(`/api/v1/custom-fields/${encodeURIComponent(id)}`);

/** The form field names (custom.<key>) the server's problems with these fields arrive under. */
export function useCustomFieldKeys(entity: CustomFieldEntity): string[] {
  return (useCustomFields(entity).data ?? []).map((f) => `custom.${f.key}`);
}
