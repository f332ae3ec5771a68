import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api';

/** Retrying a 4xx never helps (not found, forbidden, invalid); a dropped connection may. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
}
