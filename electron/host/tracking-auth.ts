import { bearerToken, tokenMatches } from './http-guards';

/**
 * The token of a tracking API request. MLflow clients send MLFLOW_TRACKING_TOKEN as
 * `Authorization: Bearer <token>`; a client that can only do HTTP Basic auth (MLFLOW_TRACKING_USERNAME
 * and MLFLOW_TRACKING_PASSWORD) may send the token as the password, with any user name.
 */
export function basicAuthPassword(header: string | undefined): string | null {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (!m) return null;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : decoded.slice(colon + 1);
}

export function trackingTokenMatches(header: string | undefined, token: string): boolean {
  return tokenMatches(bearerToken(header), token) || tokenMatches(basicAuthPassword(header), token);
}
