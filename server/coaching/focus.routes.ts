// Focus suggestions from the numbers.
import { FocusBatchQuery, FocusQuery, FocusSuggestions, FocusSummaryList } from '../../api/coaching-focus.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { focusSuggestions, topFocusOf } from './focus.service.js';

export function registerFocusRoutes(app: App): void {
  app.get(
    '/api/v1/coaching-focus',
    {
      schema: {
        tags: ['coaching'],
        summary: 'Where coaching would pay most: a coachee’s velocity levers and stage conversion against their team’s, ranked by effect',
        querystring: FocusQuery,
        response: responses({ 200: FocusSuggestions }),
      },
    },
    async (req) => focusSuggestions(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/coaching-focus/top',
    {
      schema: {
        tags: ['coaching'],
        summary: 'The top focus of several coachees at once (the Coaching list); 404 when one is not yours to coach',
        querystring: FocusBatchQuery,
        response: responses({ 200: FocusSummaryList }),
      },
    },
    async (req) => topFocusOf(ctxOf(req), req.query),
  );
}
