import { PipelineList } from '../../api/pipelines.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { listPipelines } from './pipelines.service.js';

export function registerPipelineRoutes(app: App): void {
  app.get(
    '/api/v1/pipelines',
    { schema: { tags: ['process'], summary: 'Pipelines with their ordered stages', response: responses({ 200: PipelineList }) } },
    async (req) => ({
      items: await listPipelines(ctxOf(req)),
    }),
  );
}
