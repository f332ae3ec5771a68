import { IdParams } from '../../api/common.js';
import { Timeline, TimelineQuery } from '../../api/timeline.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { accountTimeline, contactTimeline, dealTimeline } from './timeline.service.js';

export function registerTimelineRoutes(app: App): void {
  const tags = ['timeline'];
  const schema = (summary: string) => ({ tags, summary, params: IdParams, querystring: TimelineQuery, response: responses({ 200: Timeline }) });
  app.get('/api/v1/deals/:id/timeline', { schema: schema('The deal’s activities, stage moves and field changes, newest first') }, async (req) =>
    dealTimeline(ctxOf(req), req.params.id, req.query),
  );
  app.get(
    '/api/v1/accounts/:id/timeline',
    { schema: schema('The account’s field changes and the activities on it, its deals and its contacts, newest first') },
    async (req) => accountTimeline(ctxOf(req), req.params.id, req.query),
  );
  app.get('/api/v1/contacts/:id/timeline', { schema: schema('The contact’s activities and field changes, newest first') }, async (req) =>
    contactTimeline(ctxOf(req), req.params.id, req.query),
  );
}
