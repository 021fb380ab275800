/**
 * The one Content-Security-Policy for the renderer, sent by the app:// protocol and the browser
 * host alike. No inline scripts, no eval, nothing but our own origin.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "worker-src 'self' blob:",
];

/** Directives a `<meta>` element cannot carry: browsers ignore them there and log an error. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/**
 * The same policy as renderer/index.html states it in `<meta http-equiv="Content-Security-Policy">`,
 * where static scanners (Electronegativity) and a renderer loaded without our headers see it.
 * A test keeps the page's copy equal to this value.
 */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.filter((d) => !HEADER_ONLY.has(d.split(' ')[0] ?? '')).join('; ');
