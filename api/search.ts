import { type Static, Type } from 'typebox';
import { Id } from './common.js';

export const SearchResultType = Type.Union([
  Type.Literal('account'),
  Type.Literal('contact'),
  Type.Literal('deal'),
  Type.Literal('lead'),
  Type.Literal('activity'),
]);

/** A record a result opens instead of itself: an activity has no page of its own. */
export const SearchOpens = Type.Object({
  type: Type.Union([Type.Literal('deal'), Type.Literal('contact'), Type.Literal('account')]),
  id: Id,
});

export const SearchResult = Type.Object({
  type: SearchResultType,
  id: Id,
  title: Type.String(),
  subtitle: Type.Union([Type.String(), Type.Null()]),
  opens: Type.Optional(
    Type.Union([SearchOpens, Type.Null()], {
      description:
        'Activities only: the linked deal, else contact, else account, the first the caller may read; null when none is (the activity list then shows it)',
    }),
  ),
});
export type SearchResult = Static<typeof SearchResult>;

export const SearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 200 }),
    types: Type.Optional(
      Type.String({
        pattern: '^(account|contact|deal|lead|activity)(,(account|contact|deal|lead|activity))*$',
        description: 'Comma-separated subset',
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
);

export const SearchResponse = Type.Object({ items: Type.Array(SearchResult) });
