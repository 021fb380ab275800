import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BrowserContext, Page, Request } from 'playwright-core';

/** Where every app session of an e2e run appends its figures; global-setup.ts sums them up. */
export const NETWORK_LOG_FILE = join(process.cwd(), 'test-results', 'e2e-network.jsonl');

export interface NetworkSession {
  /** How many distinct requests, websockets and workers the browser started. */
  checked: number;
  /** Those that went anywhere but the app's own loopback origin, data: or blob:. */
  offending: string[];
}

/** Tally makes no network requests: the app's own origin (the browser host on 127.0.0.1), data: and blob: only. */
export function isOwnRequest(url: string, appOrigin: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'data:' || u.protocol === 'blob:') return true;
  return u.origin === appOrigin && u.hostname === '127.0.0.1';
}

/**
 * Records every request the browser context starts (pages, popups, workers, service workers) and
 * every websocket a page opens. A request object reported both by its page and by the context is
 * counted once.
 */
export function recordNetwork(context: BrowserContext, appOrigin: string): { watch(page: Page): void; session(): NetworkSession } {
  const requests = new Set<Request>();
  const other: string[] = [];
  const watched = new WeakSet<Page>();
  const watch = (page: Page) => {
    if (watched.has(page)) return;
    watched.add(page);
    page.on('request', (r) => requests.add(r));
    page.on('websocket', (ws) => other.push(ws.url()));
    page.on('worker', (w) => other.push(w.url()));
  };
  context.on('request', (r) => requests.add(r));
  context.on('serviceworker', (w) => other.push(w.url()));
  context.on('page', watch);
  return {
    watch,
    session() {
      const urls = [...[...requests].map((r) => r.url()), ...other];
      return { checked: urls.length, offending: urls.filter((u) => !isOwnRequest(u, appOrigin)) };
    },
  };
}

/** Fails, naming every URL, when anything went anywhere but the app's own origin, data: or blob:. */
export function assertOwnNetwork(session: NetworkSession, appOrigin: string): void {
  if (session.offending.length > 0) {
    throw new Error(`The page made ${session.offending.length} request(s) outside the app's own origin ${appOrigin}:\n${session.offending.join('\n')}`);
  }
}

/** Appends one app session's figures for the run's summary (global-setup.ts). */
export function logNetworkSession(session: NetworkSession): void {
  mkdirSync(dirname(NETWORK_LOG_FILE), { recursive: true });
  appendFileSync(NETWORK_LOG_FILE, `${JSON.stringify(session)}\n`);
}
