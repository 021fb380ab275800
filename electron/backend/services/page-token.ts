import { invalidInput } from '../../../shared/domain/errors';

/**
 * Paging tokens for searches and metric history: an offset into the ordered result, opaque to
 * callers and tied to the query they came from (a token from another query is refused, never
 * misread). MLflow's own SQL store pages the same way.
 */
export function encodePageToken(offset: number, query: string): string {
  return Buffer.from(JSON.stringify({ o: offset, q: fingerprint(query) })).toString('base64url');
}

function decode(token: string | undefined, query: string): number | null {
  if (token === undefined || token === '') return 0;
  try {
    const v = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; q?: unknown };
    if (typeof v.o === 'number' && Number.isSafeInteger(v.o) && v.o >= 0 && v.q === fingerprint(query)) return v.o;
  } catch {
    return null;
  }
  return null;
}

/** A short FNV-1a hash of the query, so a token from another query is refused, not misread. */
function fingerprint(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** The offset a token stands for; a token that does not belong to this query is INVALID_INPUT. */
export function pageOffset(token: string | undefined, query: string): number {
  const o = decode(token, query);
  if (o === null) throw invalidInput('pageToken', 'this page token does not belong to this query; start again without one', { issue: 'not a token of this query' });
  return o;
}
