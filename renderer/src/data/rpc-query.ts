import { useMutation, useQuery, type UseQueryOptions } from '@tanstack/react-query';
import type { Input, Output, ProcedureName } from '../../../shared/contract';
import type { AppError } from '../../../shared/domain/errors';
import { api } from '../api/client';
import { queryClient } from './query-client';

/** The domain of a procedure: "runs.list" -> "runs". Events and mutations invalidate by domain. */
export function domainOf(name: ProcedureName): string {
  return name.slice(0, name.indexOf('.'));
}

/** The cache key of one call: its domain first, so invalidating ['runs'] reaches every runs.* read. */
export function rpcKey<N extends ProcedureName>(name: N, input: Input<N>): readonly [string, N, Input<N>] {
  return [domainOf(name), name, input] as const;
}

type QueryOpts<N extends ProcedureName> = Omit<UseQueryOptions<Output<N>, AppError>, 'queryKey' | 'queryFn'>;

/**
 * Reads one procedure's result through the cache. Status and error come in one shape for every
 * screen (`isPending`, `error.code`, `error.message`); the error is the AppError the call threw.
 */
export function useRpcQuery<N extends ProcedureName>(name: N, input: Input<N>, opts: QueryOpts<N> = {}) {
  return useQuery<Output<N>, AppError>({ queryKey: rpcKey(name, input), queryFn: () => api().call(name, input), ...opts });
}

/**
 * A change through one procedure. On success the domains it names (default: its own) are
 * invalidated, so every screen reading them refetches; the backend's change event does the same
 * for other windows.
 */
export function useRpcMutation<N extends ProcedureName>(name: N, opts: { invalidates?: string[]; onSuccess?: (value: Output<N>) => void } = {}) {
  return useMutation<Output<N>, AppError, Input<N>>({
    mutationFn: (input) => api().call(name, input),
    onSuccess: async (value) => {
      await Promise.all((opts.invalidates ?? [domainOf(name)]).map((d) => queryClient().invalidateQueries({ queryKey: [d] })));
      opts.onSuccess?.(value);
    },
  });
}

/**
 * Imperative read for store actions and tests: the same cache, the same dedupe. `fresh` reads
 * again even when a cached answer exists (e.g. a file that may have changed on disk).
 */
export function fetchRpc<N extends ProcedureName>(name: N, input: Input<N>, opts: { fresh?: boolean } = {}): Promise<Output<N>> {
  return queryClient().fetchQuery({ queryKey: rpcKey(name, input), queryFn: () => api().call(name, input), ...(opts.fresh ? { staleTime: 0 } : {}) });
}
