// SQL of leads in global search: the lead list's scope, the global search's word match and rank.
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../db/dialect.js';
import type { DB } from '../db/schema.js';
import { narrowedBy, wordIndexFilter } from '../db/search-word-index.js';
import { matches, rankOf } from '../db/text-search.js';
import type { LeadScope } from './lead-scope.service.js';
import { leadFilter } from './leads.repo.js';

export async function searchLeadRows(db: Kysely<DB>, dialect: Dialect, workspaceId: string, scope: LeadScope, needle: string, limit: number) {
  const name = sql<string>`coalesce(l.first_name || ' ', '') || coalesce(l.last_name, '')`;
  const columns = [name, sql<string>`l.company`, sql<string>`l.email`, sql<string>`l.last_name`];
  return db
    .selectFrom('leads as l')
    .select(['l.id', 'l.company', 'l.email', 'l.status', 'l.first_name', 'l.last_name'])
    .select(rankOf(dialect, columns, needle).as('rank'))
    .where('l.workspace_id', '=', workspaceId)
    .where('l.deleted_at', 'is', null)
    .where((eb) => leadFilter(eb, scope))
    .where(() => matches(dialect, columns, needle))
    .$call(narrowedBy(wordIndexFilter(dialect, 'leads', 'l', needle)))
    .orderBy('rank')
    .orderBy('l.received_at', 'desc')
    .orderBy('l.id')
    .limit(limit)
    .execute();
}
