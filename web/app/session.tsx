// Who is signed in. The server is the only source: GET /auth/session answers the user, the
// workspace and the CSRF token; a 401 anywhere means the session is gone.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import type { SessionInfo } from '../../api/identity';
import { fetchSession, holdSessionToken, onUnauthenticated, signOutSession } from '../data/auth/session';

export const SESSION_KEY = ['session'] as const;

interface SessionState {
  session: SessionInfo | null;
  loading: boolean;
  error: unknown;
  /** After login, setup or accepting an invitation: the response is the new session. */
  signedIn(info: SessionInfo): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Number.POSITIVE_INFINITY, retry: 1 });

  const forget = useCallback(() => {
    holdSessionToken(null);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    queryClient.setQueryData(SESSION_KEY, null);
  }, [queryClient]);

  useEffect(() => {
    onUnauthenticated(forget);
    return () => onUnauthenticated(null);
  }, [forget]);

  const signedIn = useCallback(
    (info: SessionInfo) => {
      holdSessionToken(info);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, info);
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await signOutSession();
    } finally {
      forget();
    }
  }, [forget]);

  const value = useMemo<SessionState>(
    () => ({ session: query.data ?? null, loading: query.isPending, error: query.error, signedIn, signOut }),
    [query.data, query.isPending, query.error, signedIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSessionState(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSessionState outside SessionProvider');
  return value;
}

/** Inside the signed-in app the session is always there (RequireSession guarantees it). */
export function useSession(): SessionInfo {
  const { session } = useSessionState();
  if (!session) throw new Error('useSession outside a signed-in route');
  return session;
}
