// Where a stage sits among the pipelines (read through web/data/pipelines), and the default pipeline.
import type { Pipeline, Stage } from '../../../api/pipelines';

export function stageOf(pipelines: Pipeline[] | undefined, stageId: string): { pipeline: Pipeline; stage: Stage } | null {
  for (const pipeline of pipelines ?? []) {
    const stage = pipeline.stages.find((s) => s.id === stageId);
    if (stage) return { pipeline, stage };
  }
  return null;
}

export const defaultPipelineOf = (pipelines: Pipeline[] | undefined): Pipeline | undefined => pipelines?.find((p) => p.isDefault) ?? pipelines?.[0];
