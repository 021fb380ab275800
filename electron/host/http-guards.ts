import { timingSafeEqual } from 'node:crypto';

/** Host header allow-list: our port on the loopback names only (a DNS-rebinding guard). */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).has(host.toLowerCase());
}

/**
 * Node keeps only the first of repeated Host headers; a request carrying two is ambiguous (a proxy
 * may route by the other one), so it is refused rather than judged by the first.
 */
export function hasSingleHost(rawHeaders: readonly string[]): boolean {
  let n = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i]!.toLowerCase() === 'host') n++;
  return n === 1;
}

/** JSON bodies only: "application/json" with optional parameters, not "application/json-patch+json". */
export function isJsonContentType(header: string | undefined): boolean {
  return /^application\/json\s*(;|$)/i.test(header ?? '');
}

export function tokenMatches(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function bearerToken(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m ? m[1]! : null;
}

/**
 * The path and query of a request target, or null when the target is not one we serve. Only
 * origin-form targets ("/path?query") are accepted, and not "//..." (which URL parsers read as
 * another host: "//[" and "//a:b:c/" made `new URL` throw); what is left is resolved against a fixed
 * origin, so it can never name another host. Never throws.
 */
export function parseRequestTarget(raw: string | undefined): URL | null {
  if (!raw || raw[0] !== '/' || raw[1] === '/' || raw[1] === '\\') return null;
  try {
    const url = new URL(`http://127.0.0.1${raw}`);
    return url.host === '127.0.0.1' ? url : null;
  } catch {
    return null;
  }
}

/** A percent-decoded path segment, or null when its escapes are malformed ("%E0%A4%A"). */
export function decodeSegment(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
