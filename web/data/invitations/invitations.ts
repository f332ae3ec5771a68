// Invitations: the list, creating one (its accept link comes back once) and revoking a pending one.
import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { Invitation, InvitationCreate, InvitationCreated } from '../../../api/identity';
import { api } from '../../app/api';

export function useInvitations() {
  return useQuery({
    queryKey: ['invitations'],
    queryFn: ({ signal }) => api.get<{ items: Invitation[] }>('/api/v1/invitations', undefined, { signal }).then((r) => r.items),
  });
}

export const createInvitation = (body: InvitationCreate) => api.post<Static<typeof InvitationCreated>>('/api/v1/invitations', body);
export const revokeInvitation = (id: string) => api.delete(`/api/v1/invitations/${encodeURIComponent(id)}`);

export const refreshInvitations = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: ['invitations'] });
