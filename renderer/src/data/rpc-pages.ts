import { useInfiniteQuery } from '@tanstack/react-query';
import type { Input, Output, ProcedureName } from '../../../shared/contract';
import type { AppError } from '../../../shared/domain/errors';
import { api } from '../api/client';
import { rpcKey } from './rpc-query';

/** Procedures that page with MLflow-style tokens: `pageToken` / `maxResults` in, `nextPageToken` out. */
type Paged = { [N in ProcedureName]: Output<N> extends { nextPageToken: string | null } ? (Input<N> extends { pageToken?: string; maxResults?: number } ? N : never) : never }[ProcedureName];

/**
 * Reads a paged procedure page after page through the same cache (key [domain, name, input,
 * 'pages'], so a domain's change event refetches it). The first page is small so a long list
 * paints at once; `fetchNextPage` brings larger ones as the reader scrolls.
 */
export function useRpcPages<N extends Paged>(name: N, input: Omit<Input<N>, 'pageToken' | 'maxResults'>, opts: { firstPage: number; pageSize: number; enabled?: boolean }) {
  return useInfiniteQuery<Output<N>, AppError, { pages: Output<N>[] }, readonly unknown[], string | null>({
    queryKey: [...rpcKey(name, input as Input<N>), 'pages'],
    initialPageParam: null,
    queryFn: ({ pageParam }) =>
      api().call(name, { ...input, maxResults: pageParam ? opts.pageSize : opts.firstPage, ...(pageParam ? { pageToken: pageParam } : {}) } as Input<N>),
    getNextPageParam: (last) => (last as { nextPageToken: string | null }).nextPageToken,
    enabled: opts.enabled ?? true,
  });
}
