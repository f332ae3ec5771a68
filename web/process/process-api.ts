// Reading and changing the process from the browser. Query keys start with 'process' (or the
// 'pipelines' key the CRM screens read), so one admin change refreshes every screen that shows it.
import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query';
import type { AdherenceReport } from '../../api/adherence';
import type { Calibration } from '../../api/gate-calibration';
import type { User } from '../../api/identity';
import type { CustomField, ProcessDefinition, ProcessVersion } from '../../api/pipelines';
import type { DealQualification, QualificationFramework } from '../../api/qualification';
import { api } from '../app/api';

type Params = Record<string, string | undefined>;

export function useProcess(pipelineId: string | undefined) {
  return useQuery({
    queryKey: ['process', 'definition', pipelineId],
    queryFn: ({ signal }) => api.get<ProcessDefinition>(`/api/v1/pipelines/${pipelineId}/process`, undefined, { signal }),
    enabled: Boolean(pipelineId),
  });
}

export function useVersions(pipelineId: string | undefined) {
  return useQuery({
    queryKey: ['process', 'versions', pipelineId],
    queryFn: ({ signal }) => api.get<{ items: ProcessVersion[] }>(`/api/v1/pipelines/${pipelineId}/versions`, undefined, { signal }).then((r) => r.items),
    enabled: Boolean(pipelineId),
  });
}

export function useFrameworks() {
  return useQuery({
    queryKey: ['process', 'frameworks'],
    queryFn: ({ signal }) => api.get<{ items: QualificationFramework[] }>('/api/v1/qualification-frameworks', undefined, { signal }).then((r) => r.items),
    staleTime: 60_000,
  });
}

export function useDealFields() {
  return useQuery({
    queryKey: ['process', 'deal-fields'],
    queryFn: ({ signal }) => api.get<{ items: CustomField[] }>('/api/v1/deal-fields', undefined, { signal }).then((r) => r.items),
    staleTime: 60_000,
  });
}

export function useAdherence(params: Params) {
  return useQuery({
    queryKey: ['process', 'adherence', params],
    queryFn: ({ signal }) => api.get<AdherenceReport>('/api/v1/process/adherence', params, { signal }),
    placeholderData: keepPreviousData,
    enabled: Boolean(params.from && params.to),
  });
}

export function useCalibration(params: Params) {
  return useQuery({
    queryKey: ['process', 'calibration', params],
    queryFn: ({ signal }) => api.get<Calibration>('/api/v1/process/calibration', params, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDealQualification(dealId: string) {
  return useQuery({
    queryKey: ['deals', 'qualification', dealId],
    queryFn: ({ signal }) => api.get<DealQualification>(`/api/v1/deals/${dealId}/qualification`, undefined, { signal }),
  });
}

export function useUsers() {
  return useQuery({
    queryKey: ['users'],
    queryFn: ({ signal }) => api.get<{ items: User[] }>('/api/v1/users', undefined, { signal }).then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

/** After a process change: the editor, the CRM's stage lists and every deal's gate may differ. */
export async function refreshProcess(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['process'] }),
    queryClient.invalidateQueries({ queryKey: ['pipelines'] }),
    queryClient.invalidateQueries({ queryKey: ['deals', 'gate'] }),
    queryClient.invalidateQueries({ queryKey: ['board'] }),
  ]);
}
