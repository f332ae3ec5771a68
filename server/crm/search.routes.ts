import { SearchQuery, SearchResponse } from '../../api/search.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { search } from './search.service.js';

export function registerSearchRoutes(app: App): void {
  app.get(
    '/api/v1/search',
    {
      schema: {
        tags: ['search'],
        summary:
          'Accounts, contacts, deals, leads and activities you can see where every word of q starts a word of a name, domain, email, subject or body; best matches first',
        querystring: SearchQuery,
        response: responses({ 200: SearchResponse }),
      },
    },
    async (req) => search(ctxOf(req), req.query),
  );
}
