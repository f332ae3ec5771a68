import type { SearchResult } from '../../../api/search';

export const RECORD_PATH = { account: '/accounts', contact: '/contacts', deal: '/deals', lead: '/leads' } as const;
export const TYPE_LABEL = { account: 'Account', contact: 'Contact', deal: 'Deal', lead: 'Lead', activity: 'Activity' } as const;

/**
 * Where a result goes. An activity has no page of its own: it opens the deal, contact or account
 * the server says the reader may open, else the activity list searched for its subject.
 */
export const linkOf = (r: Pick<SearchResult, 'type' | 'id' | 'title' | 'opens'>): string => {
  if (r.type !== 'activity') return `${RECORD_PATH[r.type]}/${r.id}`;
  if (r.opens) return `${RECORD_PATH[r.opens.type]}/${r.opens.id}`;
  return `/activities?${new URLSearchParams({ q: r.title })}`;
};
