// A Kysely handle over a PostgreSQL pool whose statements can be stopped together. Each connection it
// takes is remembered while it is held; cancel() asks PostgreSQL to stop what those connections run
// (pg_cancel_backend, sent through another handle) and refuses new statements, so a heavy read
// whose client has gone away frees its bulk connection at once instead of at its statement timeout.
// The cancel goes only to connections still held: one released back to the pool is forgotten first
// (a cancel already on the wire when that happens can still reach its next user, who then gets the
// same retryable "timeout" answer a statement timeout gives — PostgreSQL's own cancel has this race).
// Kysely's per-query abort signals would need a signal threaded through every repo call a KPI or
// an export makes; one handle per request covers them all.
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient, sql } from 'kysely';
import type pg from 'pg';
import type { DB } from './schema.js';

export interface Cancellable {
  readonly db: Kysely<DB>;
  /** Stops the statements running on this handle's connections; resolves to how many were asked. */
  cancel(): Promise<number>;
}

/** PostgreSQL's query_canceled, what a cancelled statement (or a statement timeout) fails with. */
export const QUERY_CANCELED = '57014';

export function cancellableOn(pool: pg.Pool, via: Kysely<DB>): Cancellable {
  const held = new Set<number>();
  let cancelled = false;
  const facade: PostgresPool = {
    async connect(): Promise<PostgresPoolClient> {
      if (cancelled) throw Object.assign(new Error('canceling statement: the request was abandoned'), { code: QUERY_CANCELED });
      const client = await pool.connect();
      const pid = (client as unknown as { processID: number }).processID;
      held.add(pid);
      let released = false;
      return {
        query: client.query.bind(client) as PostgresPoolClient['query'],
        release: () => {
          if (released) return;
          released = true;
          held.delete(pid);
          // A connection whose statement was cancelled is not handed to anyone else.
          client.release(cancelled ? new Error('cancelled') : undefined);
        },
      };
    },
    // The pool belongs to the database; this handle never ends it.
    end: async () => undefined,
    options: pool.options,
    Client: (pool as unknown as { Client?: PostgresPool['Client'] }).Client,
  };
  return {
    db: new Kysely<DB>({ dialect: new PostgresDialect({ pool: facade }) }),
    async cancel() {
      cancelled = true;
      const pids = [...held];
      for (const pid of pids) await sql`select pg_cancel_backend(${pid})`.execute(via);
      return pids.length;
    },
  };
}
