// Users and teams, for owner names, owner pickers and filters. Who may do what with them is in
// web/crm/shared/people.ts (the policy the server applies), on top of these reads.
import { useQuery } from '@tanstack/react-query';
import type { Team, User } from '../../../api/identity';
import { api } from '../../app/api';

export function useUsers() {
  return useQuery({
    queryKey: ['users'],
    queryFn: () => api.get<{ items: User[] }>('/api/v1/users').then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

export function useTeams() {
  return useQuery({
    queryKey: ['teams'],
    queryFn: () => api.get<{ items: Team[] }>('/api/v1/teams').then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}
