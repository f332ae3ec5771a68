// The caller's weekly digest, computed when asked.
import { WeeklyDigestView } from '../../api/digest.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { digestFor } from './digest.service.js';

export function registerDigestRoutes(app: App): void {
  app.get(
    '/api/v1/rhythm/digest',
    {
      schema: {
        tags: ['rhythm'],
        summary:
          'Your weekly digest now: planting, overdue coaching actions, leads past their SLA, your deals held at a gate, your expectations off track and your rituals in the coming 7 days, each item with its path (admin, manager, rep: their own)',
        response: responses({ 200: WeeklyDigestView }),
      },
    },
    async (req) => digestFor(ctxOf(req)),
  );
}
