// The session as the client holds it: GET /auth/session answers the user, the workspace and the
// CSRF token every write must carry; a 401 there means nobody is signed in (not an error). The
// session context (web/app/session.tsx) keeps the answer; this module talks to the client.
import type { SessionInfo } from '../../../api/identity';
import { api, isApiError, setCsrfToken, setUnauthenticatedHandler } from '../../app/api';

/** The signed-in session, or null when there is none. */
export async function fetchSession(): Promise<SessionInfo | null> {
  try {
    const info = await api.get<SessionInfo>('/api/v1/auth/session', undefined, { quiet401: true });
    setCsrfToken(info.csrfToken);
    return info;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** After sign-in, setup or accepting an invitation: writes carry the new session's token. */
export const holdSessionToken = (info: SessionInfo | null) => setCsrfToken(info?.csrfToken ?? null);

export const signOutSession = () => api.post<void>('/api/v1/auth/logout');

/** Called whenever a request answers 401 (the session expired or was revoked elsewhere); null stops it. */
export const onUnauthenticated = (handler: (() => void) | null) => setUnauthenticatedHandler(handler);
