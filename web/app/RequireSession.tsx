import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorState } from '../components/ErrorState';
import { NotFoundPage } from './NotFoundPage';
import { roleCanOpen } from './nav';
import { useSessionState } from './session';

export function RequireSession({ children }: { children: ReactNode }) {
  const { session, loading, error } = useSessionState();
  const location = useLocation();
  if (loading) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading Furrow" />
      </Center>
    );
  }
  if (!session && error) {
    return (
      <Center h="100vh" p="lg">
        <ErrorState error={error} title="Furrow could not start" onRetry={() => window.location.reload()} />
      </Center>
    );
  }
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

/** Screens outside a role's navigation answer like a missing page: nothing to see here. */
export function RoleRoute({ path, children }: { path: string; children: ReactNode }) {
  const { session } = useSessionState();
  if (!session || !roleCanOpen(session.user.role, path)) return <NotFoundPage />;
  return <>{children}</>;
}
