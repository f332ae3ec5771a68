// Leads in global search, scoped like the lead list (owner reach plus the team's unclaimed pool).
import { sql } from 'kysely';
import type { Ctx } from '../context.js';
import { matches, rankOf } from '../crm/search.repo.js';
import { reachOf } from '../identity/policy.js';
import { leadFilter, leadScope } from './lead-scope.js';

export interface LeadHit {
  type: 'lead';
  id: string;
  title: string;
  subtitle: string | null;
  rank: number;
}

export async function searchLeads(ctx: Ctx, needle: string, limit: number): Promise<LeadHit[]> {
  if (reachOf(ctx.actor.role, 'leads', 'read') === 'none') return [];
  const scope = await leadScope(ctx, 'read');
  const name = sql<string>`coalesce(l.first_name || ' ', '') || coalesce(l.last_name, '')`;
  const columns = [name, sql<string>`l.company`, sql<string>`l.email`, sql<string>`l.last_name`];
  const rows = await ctx.db
    .selectFrom('leads as l')
    .select(['l.id', 'l.company', 'l.email', 'l.status', 'l.first_name', 'l.last_name'])
    .select(rankOf(columns, needle).as('rank'))
    .where('l.workspace_id', '=', ctx.actor.workspaceId)
    .where('l.deleted_at', 'is', null)
    .where((eb) => leadFilter(eb, scope))
    .where((eb) => matches(eb, ctx.dialect, columns, needle))
    .orderBy('rank')
    .orderBy('l.received_at', 'desc')
    .orderBy('l.id')
    .limit(limit)
    .execute();
  return rows.map((r) => {
    const person = [r.first_name, r.last_name].filter(Boolean).join(' ');
    return {
      type: 'lead' as const,
      id: r.id,
      title: person || r.email || r.company || 'Lead',
      subtitle: [r.company, r.email, r.status.toUpperCase()].filter(Boolean).join(' · ') || null,
      rank: Number(r.rank),
    };
  });
}
