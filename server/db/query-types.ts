// Types for SQL helpers that serve queries over different tables: an owner filter, keyset paging, a
// list's WHERE clauses reused by its CSV export, the versioned update of db/records.ts. Kysely types a builder by the exact tables and
// aliases of each query; a helper shared by several queries refers to columns by name instead, so
// it takes the builder with its table types left open. The one deliberate `any` outside tests.
import type { ExpressionBuilder, Kysely, SelectQueryBuilder } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a helper shared by queries over different tables (see above)
export type AnyExpressionBuilder = ExpressionBuilder<any, any>;
// biome-ignore lint/suspicious/noExplicitAny: a helper shared by queries over different tables (see above)
export type AnySelectQuery = SelectQueryBuilder<any, any, any>;
// biome-ignore lint/suspicious/noExplicitAny: a rule written once for every versioned table (db/records.ts)
export type AnyDb = Kysely<any>;
