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
        summary: 'Accounts, contacts and deals you can see whose name (or domain, or email) contains q; prefix matches first',
        querystring: SearchQuery,
        response: responses({ 200: SearchResponse }),
      },
    },
    async (req) => search(ctxOf(req), req.query),
  );
}
