import { type Static, Type } from 'typebox';
import { Id } from './common.js';

export const SearchResultType = Type.Union([Type.Literal('account'), Type.Literal('contact'), Type.Literal('deal'), Type.Literal('lead')]);

export const SearchResult = Type.Object({
  type: SearchResultType,
  id: Id,
  title: Type.String(),
  subtitle: Type.Union([Type.String(), Type.Null()]),
});
export type SearchResult = Static<typeof SearchResult>;

export const SearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 200 }),
    types: Type.Optional(Type.String({ pattern: '^(account|contact|deal|lead)(,(account|contact|deal|lead))*$', description: 'Comma-separated subset' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
);

export const SearchResponse = Type.Object({ items: Type.Array(SearchResult) });
