// Applies a caller's owner scope to a query. Every list, record, search, export and aggregate
// query over owned rows goes through here, so visibility is enforced in SQL on every path.
import { type Expression, type SqlBool, sql } from 'kysely';
import type { AnyExpressionBuilder } from './query-types.js';

export type OwnerScope = { readonly all: true } | { readonly all: false; readonly ownerIds: readonly string[] };

export function ownerFilter(eb: AnyExpressionBuilder, ownerColumn: string, scope: OwnerScope): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`1 = 1`;
  if (scope.ownerIds.length === 0) return sql<SqlBool>`1 = 0`;
  return eb(eb.ref(ownerColumn), 'in', [...scope.ownerIds]);
}

/** The same filter for a scope that may be null (the caller has no reach): matches nothing then. */
export function ownerFilterOrNone(eb: AnyExpressionBuilder, ownerColumn: string, scope: OwnerScope | null): Expression<SqlBool> {
  return scope ? ownerFilter(eb, ownerColumn, scope) : sql<SqlBool>`1 = 0`;
}
