import { useInfiniteQuery } from '@tanstack/react-query';
import type { Input, Output, ProcedureName } from '../../../shared/contract';
import type { AppError } from '../../../shared/domain/errors';
import { api } from '../api/client';
import { domainOf } from './rpc-query';

/** Procedures that page with MLflow-style tokens: `pageToken` / `maxResults` in, `nextPageToken` out. */
type Paged = { [N in ProcedureName]: Output<N> extends { nextPageToken: string | null } ? (Input<N> extends { pageToken?: string; maxResults?: number } ? N : never) : never }[ProcedureName];

interface PagesOptions<N extends Paged> {
  /** What the cached pages depend on (the cache key); a change starts again from the first page. */
  key: unknown;
  /** The input of one page call, without paging; `first` is true for the first page. */
  pageInput(first: boolean): Omit<Input<N>, 'pageToken' | 'maxResults'>;
  firstPage: number;
  pageSize: number;
  enabled?: boolean;
}

/**
 * Reads a paged procedure page after page through the same cache (key [domain, name, key,
 * 'pages'], so the domain's change events refetch it). The first page is small so a long list
 * paints at once; `fetchNextPage` brings larger ones as the reader scrolls. Pages may ask for
 * different detail (the first for everything, later ones for what is shown), as long as the
 * procedure's page token does not depend on it.
 */
export function useRpcPages<N extends Paged>(name: N, opts: PagesOptions<N>) {
  return useInfiniteQuery<Output<N>, AppError, { pages: Output<N>[] }, readonly unknown[], string | null>({
    queryKey: [domainOf(name), name, opts.key, 'pages'],
    initialPageParam: null,
    queryFn: ({ pageParam }) =>
      api().call(name, { ...opts.pageInput(pageParam === null), maxResults: pageParam ? opts.pageSize : opts.firstPage, ...(pageParam ? { pageToken: pageParam } : {}) } as Input<N>),
    getNextPageParam: (last) => (last as { nextPageToken: string | null }).nextPageToken,
    enabled: opts.enabled ?? true,
  });
}
