// A leader's verdict on a gate override.
import { OverrideReview, OverrideReviewPut, StageMoveParams } from '../../api/override-reviews.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { reviewOverride } from './override-reviews.service.js';

export function registerOverrideReviewRoutes(app: App): void {
  app.put(
    '/api/v1/stage-moves/:id/review',
    {
      schema: {
        tags: ['process'],
        summary:
          'Accept or challenge the override of a stage move, with a comment (managers for the teams they run, admins for all); send the version you read to change a verdict',
        params: StageMoveParams,
        body: OverrideReviewPut,
        response: responses({ 200: OverrideReview }),
      },
    },
    async (req) => reviewOverride(ctxOf(req), req.params.id, req.body),
  );
}
