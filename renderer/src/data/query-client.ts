import { QueryClient } from '@tanstack/react-query';

/**
 * Server data lives here, not in zustand stores: one cache keyed by [domain, procedure, input],
 * loads deduplicated while in flight, refetched when the backend says the domain changed
 * (backend-events.ts) or after a mutation names it. The backend is local, so a failed call is
 * not retried (it would fail the same way) and data stays fresh until an event says otherwise.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, staleTime: Infinity, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}

let client: QueryClient | null = null;

/** The app's one query client. */
export function queryClient(): QueryClient {
  client ??= createQueryClient();
  return client;
}
