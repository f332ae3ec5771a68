// The workspace's settings. The screens read them from the session (every page needs the currency
// and zone), so a save refreshes the session; fetchWorkspace is the newer version after a 409.
import type { QueryClient } from '@tanstack/react-query';
import type { Workspace, WorkspacePatch } from '../../../api/identity';
import { api } from '../../app/api';
import { SESSION_KEY } from '../../app/session';

export const fetchWorkspace = () => api.get<Workspace>('/api/v1/workspace');
export const updateWorkspace = (body: WorkspacePatch) => api.patch<Workspace>('/api/v1/workspace', body);

export const refreshWorkspace = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: SESSION_KEY });
