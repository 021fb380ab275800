/**
 * The security decisions of the Electron main process as pure functions of plain values, so
 * they are unit-tested without the Electron binary. Nothing here imports 'electron'.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'tally';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Origins the app itself is served from: app://tally, plus the dev server during development. */
export function appOrigins(devServerUrl?: string): string[] {
  const dev = devServerUrl ? parse(devServerUrl) : null;
  return dev && (dev.hostname === 'localhost' || dev.hostname === '127.0.0.1') ? [APP_ORIGIN, dev.origin] : [APP_ORIGIN];
}

export function isAppUrl(url: string, devServerUrl?: string): boolean {
  const u = parse(url);
  if (!u) return false;
  // app://tally parses with origin "null" in Node's URL; compare scheme and host instead.
  if (u.protocol === `${APP_SCHEME}:`) return u.host === APP_HOST && u.username === '' && u.password === '';
  return appOrigins(devServerUrl).includes(u.origin);
}

/** In-window navigation: only within our own app (hash routes and reloads). */
export function isAllowedNavigation(url: string, devServerUrl?: string): boolean {
  return isAppUrl(url, devServerUrl);
}

/** Links the user clicks that we hand to the OS browser: plain http(s) with a host, no credentials. */
export function isSafeExternalUrl(url: string): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return false;
  if (u.username || u.password) return false;
  return u.hostname.length > 0;
}

/**
 * Requests the renderer may make: our own app, the dev server on loopback, inline data.
 * Everything else (the internet included) is cancelled: Tally makes no network connections.
 */
export function isAllowedRequest(url: string, devServerUrl?: string): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'devtools:') return true;
  if (isAppUrl(url, devServerUrl)) return true;
  // Vite's dev server uses a websocket on the same loopback origin for hot reload.
  if (devServerUrl && (u.protocol === 'ws:' || u.protocol === 'wss:')) {
    const dev = parse(devServerUrl);
    return !!dev && (u.hostname === 'localhost' || u.hostname === '127.0.0.1') && u.port === dev.port;
  }
  return false;
}

export interface SenderFrameInfo {
  url: string;
  isMainFrame: boolean;
}

export type SenderVerdict = { ok: true } | { ok: false; reason: string };

/** Every IPC call is checked: from our main frame, loaded from our own origin. */
export function checkSender(frame: SenderFrameInfo | null | undefined, devServerUrl?: string): SenderVerdict {
  if (!frame) return { ok: false, reason: 'no sender frame (the frame was destroyed or navigated)' };
  if (!frame.isMainFrame) return { ok: false, reason: `sub-frame senders are refused (${frame.url})` };
  if (!isAppUrl(frame.url, devServerUrl)) return { ok: false, reason: `sender origin is not the app (${frame.url})` };
  return { ok: true };
}

/**
 * Permissions (camera, geolocation, clipboard ...): all denied, except desktop notifications
 * asked for by the app's own page (budget alerts reach the desktop through the web Notification
 * API, so the preload bridge stays { rpc, subscribe }). A request from anywhere else, or one
 * whose origin is unknown, is denied.
 */
export function permissionDecision(permission: string, requestingUrl?: string, devServerUrl?: string): boolean {
  if (permission !== 'notifications' || !requestingUrl) return false;
  return isAppUrl(requestingUrl, devServerUrl);
}
