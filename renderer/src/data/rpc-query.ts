import { queryOptions, useMutation, useQuery, type UseQueryOptions } from '@tanstack/react-query';
import type { Input, Output, ProcedureName } from '../../../shared/contract';
import type { AppError } from '../../../shared/domain/errors';
import { api } from '../api/client';
import { relatedDomains } from './domains';
import { queryClient } from './query-client';

/** The domain of a procedure: "runs.list" -> "runs". Events and mutations invalidate by domain. */
export function domainOf(name: ProcedureName): string {
  return name.slice(0, name.indexOf('.'));
}

/** The cache key of one call: its domain first, so invalidating ['runs'] reaches every runs.* read. */
export function rpcKey<N extends ProcedureName>(name: N, input: Input<N>): readonly [string, N, Input<N>] {
  return [domainOf(name), name, input] as const;
}

/**
 * Answers that depend on files on disk, which no event announces (a data file moved, a folder
 * gained a file): never taken as fresh, so every screen that opens reads them again.
 */
const FROM_DISK: ReadonlySet<ProcedureName> = new Set<ProcedureName>(['datasets.list', 'datasets.get', 'files.browse']);

function freshness(name: ProcedureName): { staleTime?: number } {
  return FROM_DISK.has(name) ? { staleTime: 0 } : {};
}

/** The cache entry of one call (key, reader, freshness), for useQuery and useQueries alike. */
export function rpcQueryOptions<N extends ProcedureName>(name: N, input: Input<N>) {
  return queryOptions<Output<N>, AppError>({ queryKey: rpcKey(name, input), queryFn: () => api().call(name, input), ...freshness(name) });
}

type QueryOpts<N extends ProcedureName> = Omit<UseQueryOptions<Output<N>, AppError>, 'queryKey' | 'queryFn'>;

/**
 * Reads one procedure's result through the cache. Status and error come in one shape for every
 * screen (`isPending`, `error.code`, `error.message`); the error is the AppError the call threw.
 */
export function useRpcQuery<N extends ProcedureName>(name: N, input: Input<N>, opts: QueryOpts<N> = {}) {
  return useQuery<Output<N>, AppError>({ ...rpcQueryOptions(name, input), ...opts });
}

/** Makes the domains stale; 'everything' after the database file itself was replaced. */
export async function invalidateDomains(domains: readonly string[] | 'everything'): Promise<void> {
  if (domains === 'everything') return queryClient().invalidateQueries();
  await Promise.all(domains.map((d) => queryClient().invalidateQueries({ queryKey: [d] })));
}

export interface MutationOpts<N extends ProcedureName> {
  /** The domains the change makes stale; by default its own and those derived from it (domains.ts). */
  invalidates?: readonly string[] | 'everything';
  /** Runs before the stale reads are refetched, e.g. to leave a page whose subject was deleted. */
  onSuccess?: (value: Output<N>, input: Input<N>) => void;
}

/**
 * A change through one procedure. On success the caller's `onSuccess` runs, then the domains it
 * changed are invalidated and the reads on screen refetched before `mutateAsync` resolves, so a
 * form that awaits it sees fresh data. The backend's change event does the same for other windows.
 */
export function useRpcMutation<N extends ProcedureName>(name: N, opts: MutationOpts<N> = {}) {
  return useMutation<Output<N>, AppError, Input<N>>({
    mutationFn: (input) => api().call(name, input),
    onSuccess: async (value, input) => {
      opts.onSuccess?.(value, input);
      await invalidateDomains(opts.invalidates ?? relatedDomains(domainOf(name)));
    },
  });
}

/**
 * Imperative read for event handlers: the same cache, the same dedupe. `fresh` reads again even
 * when a cached answer exists (e.g. a file that may have changed on disk); `keep: false` does not
 * hold the answer once read (an export's HTML is used once).
 */
export function fetchRpc<N extends ProcedureName>(name: N, input: Input<N>, opts: { fresh?: boolean; keep?: boolean } = {}): Promise<Output<N>> {
  return queryClient().fetchQuery({
    queryKey: rpcKey(name, input),
    queryFn: () => api().call(name, input),
    ...freshness(name),
    ...(opts.fresh ? { staleTime: 0 } : {}),
    ...(opts.keep === false ? { gcTime: 0 } : {}),
  });
}
