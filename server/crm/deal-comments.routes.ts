// Comments on a deal, for the rep and from the rep.

import { IdParams } from '../../api/common.js';
import { DealComment, DealCommentCreate, DealCommentList } from '../../api/deal-comments.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { addDealComment, listDealComments } from './deal-comments.service.js';

export function registerDealCommentRoutes(app: App): void {
  app.get(
    '/api/v1/deals/:id/comments',
    {
      schema: {
        tags: ['deals'],
        summary: "The deal's comments, oldest first (whoever may see the deal reads them)",
        params: IdParams,
        response: responses({ 200: DealCommentList }),
      },
    },
    async (req) => listDealComments(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/v1/deals/:id/comments',
    {
      schema: {
        tags: ['deals'],
        summary:
          'Comment on a deal: a manager on the deals of the teams they run, an admin on any, the rep on their own (to answer); the owner and earlier commenters are notified',
        params: IdParams,
        body: DealCommentCreate,
        response: responses({ 201: DealComment }),
      },
    },
    async (req, reply) => reply.status(201).send(await addDealComment(ctxOf(req), req.params.id, req.body)),
  );
}
