// Pipelines and their process (stages, exit criteria, versions): the CRM's stage lists and the
// admin's process editor. Query keys start with 'pipelines' (the CRM screens) or 'process', so one
// admin change (refreshProcess) refreshes every screen that shows it, and every deal's gate.
import { type QueryClient, useQuery } from '@tanstack/react-query';
import type {
  CustomField,
  ExitCriterionCreate,
  ExitCriterionPatch,
  Pipeline,
  PipelineCreate,
  ProcessDefinition,
  ProcessVersion,
  ProcessVersionDetail,
  StageCreate,
  StageOrder,
  StagePatch,
  VersionedAction,
} from '../../../api/pipelines';
import { api } from '../../app/api';

const id = encodeURIComponent;

export function usePipelines() {
  return useQuery({
    queryKey: ['pipelines'],
    queryFn: () => api.get<{ items: Pipeline[] }>('/api/v1/pipelines').then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

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

/** One process version with the snapshot of its stages and criteria. */
export function useProcessVersion(versionId: string) {
  return useQuery({
    queryKey: ['process', 'version', versionId],
    queryFn: ({ signal }) => api.get<ProcessVersionDetail>(`/api/v1/process-versions/${id(versionId)}`, undefined, { signal }),
  });
}

/** The fields a deal can carry (core and custom), for required-field criteria and filling one in place. */
export function useDealFields() {
  return useQuery({
    queryKey: ['process', 'deal-fields'],
    queryFn: ({ signal }) => api.get<{ items: CustomField[] }>('/api/v1/deal-fields', undefined, { signal }).then((r) => r.items),
    staleTime: 60_000,
  });
}

export const createPipeline = (body: PipelineCreate) => api.post<ProcessDefinition>('/api/v1/pipelines', body);
export const reorderStages = (pipelineId: string, body: StageOrder) => api.put(`/api/v1/pipelines/${id(pipelineId)}/stage-order`, body);
export const createStage = (pipelineId: string, body: StageCreate) => api.post(`/api/v1/pipelines/${id(pipelineId)}/stages`, body);
export const updateStage = (stageId: string, body: StagePatch) => api.patch(`/api/v1/stages/${id(stageId)}`, body);
export const retireStage = (stageId: string, body: VersionedAction) => api.post(`/api/v1/stages/${id(stageId)}/archive`, body);
export const createCriterion = (stageId: string, body: ExitCriterionCreate) => api.post(`/api/v1/stages/${id(stageId)}/criteria`, body);
export const updateCriterion = (criterionId: string, body: ExitCriterionPatch) => api.patch(`/api/v1/exit-criteria/${id(criterionId)}`, body);
export const retireCriterion = (criterionId: string, body: VersionedAction) => api.post(`/api/v1/exit-criteria/${id(criterionId)}/archive`, body);

/** After a process change: the editor, the CRM's stage lists and every deal's gate may differ. */
export async function refreshProcess(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['process'] }),
    queryClient.invalidateQueries({ queryKey: ['pipelines'] }),
    queryClient.invalidateQueries({ queryKey: ['deals', 'gate'] }),
    queryClient.invalidateQueries({ queryKey: ['board'] }),
  ]);
}
