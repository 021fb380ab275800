import { invalidParameter } from './mlflow-error';
import type { Cursor } from './tracking-store';

/**
 * next_page_token values. As MLflow's own tokens they are base64 of a small JSON object
 * (MLflow's is `{"offset": n}`); clients treat them as opaque and hand them back unchanged.
 * A token that does not decode is MLflow's 400 "Invalid page token".
 */

export function encodePageToken(cursor: Cursor): string | undefined {
  if (cursor === null) return undefined;
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64');
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function decodePageToken(token: string | undefined): Cursor {
  if (!token) return null;
  if (!BASE64.test(token)) throw invalidParameter('Invalid page token, could not base64-decode');
  const decoded = Buffer.from(token, 'base64').toString('utf8');
  try {
    return JSON.parse(decoded) as Cursor;
  } catch {
    throw invalidParameter(`Invalid page token, decoded value=${decoded.slice(0, 200)}`);
  }
}

/** The offset of an `{"offset": n}` cursor (n > 0), as MLflow's offset tokens carry it. */
export function offsetOf(cursor: Cursor): number {
  if (cursor === null) return 0;
  const offset = typeof cursor === 'object' && !Array.isArray(cursor) ? cursor.offset : undefined;
  if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset <= 0) {
    throw invalidParameter(`Invalid page token, parsed value=${JSON.stringify(cursor).slice(0, 200)}`);
  }
  return offset;
}
