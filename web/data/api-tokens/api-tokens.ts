// The signed-in person's API tokens: the list, creating one (its secret comes back once) and
// revoking. Tokens are per person, so the key needs no user in it: signing out drops every query.
import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { ApiToken, ApiTokenCreate, ApiTokenCreated } from '../../../api/identity';
import { api } from '../../app/api';

export function useApiTokens() {
  return useQuery({
    queryKey: ['api-tokens'],
    queryFn: ({ signal }) => api.get<{ items: ApiToken[] }>('/api/v1/api-tokens', undefined, { signal }).then((r) => r.items),
  });
}

export const createApiToken = (body: Static<typeof ApiTokenCreate>) => api.post<ApiTokenCreated>('/api/v1/api-tokens', body);
export const revokeApiToken = (id: string) => api.delete(`/api/v1/api-tokens/${encodeURIComponent(id)}`);

export const refreshApiTokens = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: ['api-tokens'] });
