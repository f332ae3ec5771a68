import { Center } from '@mantine/core';
import { useRouteError } from 'react-router';
import { ErrorState } from '../components/ErrorState';

/** A screen that throws shows its error in place of the screen; the shell keeps working. */
export function RouteError() {
  const error = useRouteError();
  return <ErrorState title="This screen failed" error={error} onRetry={() => window.location.reload()} />;
}

/** Outside the shell (the shell itself failed): the whole window. */
export function RootError() {
  return (
    <Center mih="100vh" p="lg">
      <RouteError />
    </Center>
  );
}
