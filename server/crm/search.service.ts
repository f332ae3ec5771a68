// Global search across record types. Each type is one entry in SEARCHERS with its own visibility,
// so a new type is one more entry and a value in the contract's SearchResultType.
import type { SearchResult } from '../../api/search.js';
import { searchLeads } from '../alignment/lead-search.service.js';
import type { Ctx } from '../context.js';
import { invalidField } from '../errors.js';
import { SHARED_ACCOUNTS_READABLE } from '../identity/policy.js';
import { ownerScopeOrNull } from '../identity/visibility.js';
import { type ActivityHit, searchAccounts, searchActivities, searchContacts, searchDeals } from './search.repo.js';

export interface SearchQuery {
  q: string;
  types?: string;
  limit?: number;
}

type SearchType = SearchResult['type'];
type Hit = SearchResult & { rank: number };
type Searcher = (ctx: Ctx, needle: string, limit: number) => Promise<Hit[]>;

const subtitle = (...parts: (string | null | undefined)[]) => parts.filter((p): p is string => !!p).join(' · ') || null;

/** Minor units → "€12,500.00"; the currency's own number of decimals (JPY has none). */
export function formatMoney(amountMinor: number, currency: string): string {
  try {
    const format = new Intl.NumberFormat('en', { style: 'currency', currency });
    return format.format(amountMinor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
  } catch {
    return `${amountMinor} ${currency}`;
  }
}

const readsShared = (ctx: Ctx) => SHARED_ACCOUNTS_READABLE.includes(ctx.actor.role);

const ACTIVITY_LABEL: Record<string, string> = { call: 'Call', email: 'Email', meeting: 'Meeting', task: 'Task', note: 'Note' };

/** An activity has no page: it opens its deal, else its contact, else its account (each joined only when readable). */
function opensOf(r: ActivityHit): SearchResult['opens'] {
  if (r.deal_id) return { type: 'deal', id: r.deal_id };
  if (r.contact_id) return { type: 'contact', id: r.contact_id };
  if (r.account_id) return { type: 'account', id: r.account_id };
  return null;
}

// A role with no reach on a type simply finds nothing of that type; search never answers 403.
const SEARCHERS: Record<SearchType, Searcher> = {
  account: async (ctx, needle, limit) => {
    const scope = await ownerScopeOrNull(ctx, 'accounts', 'read');
    if (!scope) return [];
    const rows = await searchAccounts(ctx.db, ctx.dialect, { workspaceId: ctx.actor.workspaceId, scope, needle, limit, includeShared: readsShared(ctx) });
    return rows.map((r) => ({ type: 'account', id: r.id, title: r.title, subtitle: subtitle(r.industry ?? r.domain, r.owner_name), rank: r.rank }));
  },
  contact: async (ctx, needle, limit) => {
    const scope = await ownerScopeOrNull(ctx, 'contacts', 'read');
    if (!scope) return [];
    const rows = await searchContacts(ctx.db, ctx.dialect, { workspaceId: ctx.actor.workspaceId, scope, needle, limit, includeShared: readsShared(ctx) });
    return rows.map((r) => ({ type: 'contact', id: r.id, title: r.title, subtitle: subtitle(r.account_name, r.email), rank: r.rank }));
  },
  deal: async (ctx, needle, limit) => {
    const scope = await ownerScopeOrNull(ctx, 'deals', 'read');
    if (!scope) return [];
    const rows = await searchDeals(ctx.db, ctx.dialect, { workspaceId: ctx.actor.workspaceId, scope, needle, limit });
    return rows.map((r) => ({
      type: 'deal',
      id: r.id,
      title: r.title,
      subtitle: subtitle(r.account_name, r.stage_name, formatMoney(r.amount, r.currency)),
      rank: r.rank,
    }));
  },
  lead: (ctx, needle, limit) => searchLeads(ctx, needle, limit),
  // Scoped like the activity list; the linked records each by their own read scope, so an activity on
  // a deal out of reach is found but neither names nor opens that deal.
  activity: async (ctx, needle, limit) => {
    const scope = await ownerScopeOrNull(ctx, 'activities', 'read');
    if (!scope) return [];
    const [dealScope, contactScope, accountScope] = await Promise.all([
      ownerScopeOrNull(ctx, 'deals', 'read'),
      ownerScopeOrNull(ctx, 'contacts', 'read'),
      ownerScopeOrNull(ctx, 'accounts', 'read'),
    ]);
    const rows = await searchActivities(ctx.db, ctx.dialect, {
      workspaceId: ctx.actor.workspaceId,
      scope,
      needle,
      limit,
      dealScope,
      contactScope,
      accountScope,
      includeShared: readsShared(ctx),
    });
    return rows.map((r) => ({
      type: 'activity',
      id: r.id,
      title: r.title,
      subtitle: subtitle(ACTIVITY_LABEL[r.type] ?? r.type, r.deal_name ?? r.contact_name ?? r.account_name),
      opens: opensOf(r),
      rank: r.rank,
    }));
  },
};

const TYPE_ORDER = Object.keys(SEARCHERS) as SearchType[];

function typesOf(text: string | undefined): SearchType[] {
  if (!text) return TYPE_ORDER;
  const asked = new Set(text.split(',').map((t) => t.trim()));
  const unknown = [...asked].filter((t) => !TYPE_ORDER.includes(t as SearchType));
  if (unknown.length > 0) throw invalidField('types', `unknown type ${unknown.join(', ')}; use ${TYPE_ORDER.join(', ')}`);
  return TYPE_ORDER.filter((t) => asked.has(t));
}

export async function search(ctx: Ctx, query: SearchQuery): Promise<{ items: SearchResult[] }> {
  // Control characters (a pasted NUL, tabs) separate words like spaces; a query of nothing else is blank.
  const needle = query.q.replace(/\p{Cc}/gu, ' ').trim();
  if (!needle) throw invalidField('q', 'must not be blank');
  const types = typesOf(query.types);
  const limit = query.limit ?? 20;
  // Each type brings its own best `limit`, so the best `limit` overall is among them.
  const hits = (await Promise.all(types.map((t) => SEARCHERS[t](ctx, needle, limit)))).flat();
  const byTitle = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  hits.sort(
    (a, b) => a.rank - b.rank || byTitle.compare(a.title, b.title) || TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || (a.id < b.id ? -1 : 1),
  );
  return { items: hits.slice(0, limit).map(({ rank: _rank, ...r }) => r) };
}
