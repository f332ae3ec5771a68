// Deal reviews, from the deal page.
import { DealReview, DealReviewCreate, DealReviewList } from '../../api/coaching-deal-reviews.js';
import { IdParams } from '../../api/common.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { createDealReview, listDealReviews } from './deal-reviews.service.js';

export function registerDealReviewRoutes(app: App): void {
  const tags = ['coaching'];
  app.get(
    '/api/v1/deals/:id/reviews',
    { schema: { tags, summary: 'Reviews of a deal you can see', params: IdParams, response: responses({ 200: DealReviewList }) } },
    async (req) => listDealReviews(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/v1/deals/:id/reviews',
    {
      schema: {
        tags,
        summary: 'Review a deal of someone you coach: findings and coaching notes (on the deal’s timeline and the next agenda)',
        params: IdParams,
        body: DealReviewCreate,
        response: responses({ 201: DealReview }),
      },
    },
    async (req, reply) => reply.code(201).send(await createDealReview(ctxOf(req), req.params.id, req.body)),
  );
}
