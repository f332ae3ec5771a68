// Writes to users and teams (Settings → Users, Teams), and the newer version a 409 compares
// against; the lists are in people.ts. A team's member count follows its users, and a manager's
// own teams are in the session, so a write refreshes those too.
import type { QueryClient } from '@tanstack/react-query';
import type { Team, TeamCreate, TeamPatch, User, UserCreate, UserPatch } from '../../../api/identity';
import { api } from '../../app/api';

export const fetchUser = (id: string) => api.get<User>(`/api/v1/users/${encodeURIComponent(id)}`);
export const createUser = (body: UserCreate) => api.post<User>('/api/v1/users', body);
export const updateUser = (id: string, body: UserPatch) => api.patch<User>(`/api/v1/users/${encodeURIComponent(id)}`, body);

/** There is no GET of one team: a workspace's teams are few, so the list answers. */
export async function fetchTeam(id: string): Promise<Team> {
  const { items } = await api.get<{ items: Team[] }>('/api/v1/teams');
  const team = items.find((t) => t.id === id);
  if (!team) throw new Error('This team was deleted meanwhile.');
  return team;
}
export const createTeam = (body: TeamCreate) => api.post<Team>('/api/v1/teams', body);
export const updateTeam = (id: string, body: TeamPatch) => api.patch<Team>(`/api/v1/teams/${encodeURIComponent(id)}`, body);
export const deleteTeam = (id: string) => api.delete(`/api/v1/teams/${encodeURIComponent(id)}`);

export const refreshUsers = (queryClient: QueryClient) =>
  Promise.all([queryClient.invalidateQueries({ queryKey: ['users'] }), queryClient.invalidateQueries({ queryKey: ['teams'] })]);
export const refreshTeams = (queryClient: QueryClient) =>
  Promise.all([queryClient.invalidateQueries({ queryKey: ['teams'] }), queryClient.invalidateQueries({ queryKey: ['session'] })]);
