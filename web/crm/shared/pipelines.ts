import { useQuery } from '@tanstack/react-query';
import type { Pipeline, Stage } from '../../../api/pipelines';
import { api } from '../../app/api';

export function usePipelines() {
  return useQuery({
    queryKey: ['pipelines'],
    queryFn: () => api.get<{ items: Pipeline[] }>('/api/v1/pipelines').then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

export function stageOf(pipelines: Pipeline[] | undefined, stageId: string): { pipeline: Pipeline; stage: Stage } | null {
  for (const pipeline of pipelines ?? []) {
    const stage = pipeline.stages.find((s) => s.id === stageId);
    if (stage) return { pipeline, stage };
  }
  return null;
}

export const defaultPipelineOf = (pipelines: Pipeline[] | undefined): Pipeline | undefined => pipelines?.find((p) => p.isDefault) ?? pipelines?.[0];
