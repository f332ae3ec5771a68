// Signing in, first-run setup, accepting an invitation and changing one's own password. Each of the
// first three answers with the new session; the screen hands it to the session (useSessionState#signedIn).

import { useQuery } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { InvitationAccept, LoginBody, PasswordChange, SessionInfo, SetupBody, SetupStatus } from '../../../api/identity';
import { api } from '../../app/api';

/** Whether the first workspace and admin are still to be made (then sign-in leads to setup). */
export function useSetupStatus(staleTime = 0) {
  return useQuery({
    queryKey: ['setup-status'],
    queryFn: ({ signal }) => api.get<Static<typeof SetupStatus>>('/api/v1/setup', undefined, { signal }),
    staleTime,
  });
}

export const signIn = (body: LoginBody) => api.post<SessionInfo>('/api/v1/auth/login', body);
export const setUpWorkspace = (body: SetupBody) => api.post<SessionInfo>('/api/v1/setup', body);
export const acceptInvitation = (body: Static<typeof InvitationAccept>) => api.post<SessionInfo>('/api/v1/invitations/accept', body);
/** The server signs out every other session of the caller; this one stays. */
export const changePassword = (body: Static<typeof PasswordChange>) => api.post<void>('/api/v1/auth/password', body);
