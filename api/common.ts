// Shared pieces of the HTTP contract. Imported by the server (validation, OpenAPI, serialisation)
// and by the web app (types and as-you-type validation). Imports nothing but TypeBox.
import { type Static, type TSchema, Type } from 'typebox';

export const Id = Type.String({ minLength: 1, maxLength: 64, description: 'Opaque identifier' });
export const NullableId = Type.Union([Id, Type.Null()]);
/** A schema or null. */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** A calendar date that never shifts with time zones. */
export const CalendarDate = Type.String({ format: 'date', description: 'Calendar date, YYYY-MM-DD', examples: ['2026-03-31'] });
/** An instant, ISO 8601 in UTC. */
export const Instant = Type.String({ format: 'date-time', description: 'Instant, ISO 8601' });
export const NullableInstant = Type.Union([Instant, Type.Null()]);

export const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 currency code', examples: ['EUR'] });
/** Money travels as integer minor units next to its currency; never a float. */
export const AmountMinor = Type.Integer({ minimum: 0, maximum: 9_000_000_000_000, description: 'Amount in minor units (cents)' });

export const Version = Type.Integer({ minimum: 1, description: 'Row version for optimistic concurrency; send the one you read' });

export const Role = Type.Union([Type.Literal('admin'), Type.Literal('manager'), Type.Literal('rep'), Type.Literal('marketing'), Type.Literal('coach')]);
export type Role = Static<typeof Role>;

export const NonEmpty = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, pattern: '\\S', ...(description ? { description } : {}) });
export const OptionalText = (maxLength: number) => Type.Union([Type.String({ maxLength }), Type.Null()]);

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine-readable code, e.g. invalid_input, stale, gate_blocked' }),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
      requestId: Type.Optional(Type.String()),
    }),
  },
  { $id: 'ErrorBody' },
);
export type ErrorBody = Static<typeof ErrorBody>;

export const FieldProblem = Type.Object({ field: Type.String(), message: Type.String() });
export type FieldProblem = Static<typeof FieldProblem>;

export function Page<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass as cursor to get the next page; null on the last page' }),
  });
}

export const MAX_PAGE_SIZE = 200;

export function ListQuery<S extends string, E extends Record<string, TSchema>>(sortFields: readonly S[], extra: E) {
  const sort = Type.Unsafe<S | `-${S}`>(
    Type.Union(
      sortFields.flatMap((f) => [Type.Literal(f), Type.Literal(`-${f}`)]),
      { description: 'Field to sort by; prefix with - for descending' },
    ),
  );
  return Type.Object(
    {
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })),
      cursor: Type.Optional(Type.String({ maxLength: 512 })),
      sort: Type.Optional(sort),
      q: Type.Optional(Type.String({ maxLength: 200, description: 'Case-insensitive text search' })),
      ...extra,
    },
    { additionalProperties: false },
  );
}

export const IdParams = Type.Object({ id: Id });

export const Deleted = Type.Object({ id: Id, deleted: Type.Literal(true) });

export const UserRef = Type.Object({ id: Id, name: Type.String() });
export type UserRef = Static<typeof UserRef>;

export const CustomValues = Type.Record(
  Type.String({ maxLength: 64 }),
  Type.Union([Type.String({ maxLength: 2000 }), Type.Number(), Type.Boolean(), Type.Null()]),
  {
    description: 'Custom field values by key (the workspace defines the fields per kind of record)',
  },
);
export type CustomValues = Static<typeof CustomValues>;
