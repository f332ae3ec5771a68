// CSV imports: what a file can bring in for each record (its fields, with the values a listed field
// takes), the saved column mappings, the check or import itself, and people (users and teams) from
// a sheet. A check or an import answers with its report, a refused one (422) with the same report
// in its details, and a big file with a background job to follow (web/data/jobs#useJobProgress):
// the import screens read all three (decision 0160: the dry run keeps its own handling).
import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { ImportEntity, ImportFields, ImportMappingList, ImportRequest, ImportResult, ImportUploadOptions } from '../../../api/imports';
import type { JobAccepted } from '../../../api/jobs';
import type { PeopleImportBody, PeopleImportResult } from '../../../api/people';
import { api } from '../../app/api';
import { refreshRecords } from '../records';

export function useImportFields(entity: ImportEntity | null) {
  return useQuery({
    queryKey: ['import-fields', entity],
    queryFn: ({ signal }) => api.get<ImportFields>(`/api/v1/imports/${entity}/fields`, undefined, { signal }),
    enabled: entity !== null,
  });
}

export function useImportMappings(entity: ImportEntity | null) {
  return useQuery({
    queryKey: ['import-mappings', entity],
    queryFn: ({ signal }) => api.get<ImportMappingList>(`/api/v1/imports/${entity}/mappings`, undefined, { signal }),
    enabled: entity !== null,
  });
}

export const runImport = (entity: ImportEntity, body: ImportRequest) => api.post<ImportResult | JobAccepted>(`/api/v1/imports/${entity}`, body);

/** A file too big for a JSON body: uploaded as it is on disk, always a background job. */
export function uploadImport(entity: ImportEntity, options: ImportUploadOptions, file: File): Promise<JobAccepted> {
  const form = new FormData();
  // The options first: the server reads them before the file streams in.
  form.append('options', JSON.stringify(options));
  form.append('file', file, file.name);
  return api.upload<JobAccepted>(`/api/v1/imports/${entity}/upload`, form);
}

/** After an import: the lists that may show what it wrote. */
export async function refreshImported(queryClient: QueryClient, entity: ImportEntity): Promise<void> {
  if (entity === 'leads') await queryClient.invalidateQueries({ queryKey: ['leads'] });
  else await refreshRecords(queryClient, entity);
}

export const importPeople = (body: PeopleImportBody) => api.post<PeopleImportResult>('/api/v1/people/import', body);

/** After people came in: the user and team lists (owner pickers, the team tree). */
export const refreshPeople = (queryClient: QueryClient) =>
  Promise.all([queryClient.invalidateQueries({ queryKey: ['users'] }), queryClient.invalidateQueries({ queryKey: ['teams'] })]);
