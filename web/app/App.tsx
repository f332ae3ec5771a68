import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { createQueryClient } from './query-client';
import { createRouter } from './routes';
import { SessionProvider } from './session';
import { cssVariablesResolver, theme } from './theme';

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <DatesProvider settings={{ locale: 'en', firstDayOfWeek: 1 }}>
          {/* Below the header: at top-right, toasts covered the user menu. */}
          <Notifications position="bottom-right" />
          <SessionProvider>
            <RouterProvider router={router} />
          </SessionProvider>
        </DatesProvider>
      </MantineProvider>
    </QueryClientProvider>
  );
}
