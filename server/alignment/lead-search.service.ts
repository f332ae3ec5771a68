// Leads in global search, scoped like the lead list (owner reach plus the team's unclaimed pool).
import type { Ctx } from '../context.js';
import { reachOf } from '../identity/policy.js';
import { leadScope } from './lead-scope.service.js';
import { searchLeadRows } from './lead-search.repo.js';

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
  const rows = await searchLeadRows(ctx.db, ctx.dialect, ctx.actor.workspaceId, scope, needle, limit);
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
