import type { SearchResult } from '../../../api/search';

export const RECORD_PATH = { account: '/accounts', contact: '/contacts', deal: '/deals', lead: '/leads' } as const;
export const TYPE_LABEL = { account: 'Account', contact: 'Contact', deal: 'Deal', lead: 'Lead' } as const;

export const linkOf = (r: Pick<SearchResult, 'type' | 'id'>): string => `${RECORD_PATH[r.type]}/${r.id}`;
