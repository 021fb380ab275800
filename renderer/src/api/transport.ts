import type { AppEvent } from '../../../shared/contract/events';
import type { RpcResult } from '../../../shared/rpc/result';
import type { Transport } from '../../../shared/rpc/client';
import { ACCESS_LOST_MESSAGE, markAccessLost } from './access';

interface Bridge {
  rpc(name: string, input: unknown): Promise<RpcResult<unknown>>;
  subscribe(listener: (e: unknown) => void): () => void;
}

declare global {
  interface Window {
    bridge?: Bridge;
  }
}

const TOKEN_KEY = 'tally.token';

/** Takes the token from the URL once, keeps it for reloads in this tab, and clears it from the address bar. */
export function takeToken(loc: Location, storage: Storage, history: History): string {
  const params = new URLSearchParams(loc.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const q = params.toString();
    history.replaceState(null, '', `${loc.pathname}${q ? `?${q}` : ''}${loc.hash}`);
    return fromUrl;
  }
  return storage.getItem(TOKEN_KEY) ?? '';
}

function ipcTransport(bridge: Bridge): Transport {
  return {
    call: (name, input) => bridge.rpc(name, input),
    subscribe: (l) => bridge.subscribe((e) => l(e as AppEvent)),
  };
}

export function httpTransport(token: string): Transport {
  const transport: Transport = {
    async call(name, input) {
      try {
        const res = await fetch(`/rpc/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
        });
        // The host refuses this tab's token: it was restarted with a new one (access.ts).
        if (res.status === 401) {
          markAccessLost();
          return { ok: false, error: { code: 'UNAUTHORIZED', message: ACCESS_LOST_MESSAGE } };
        }
        return (await res.json()) as RpcResult<unknown>;
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: 'Tally is not reachable. Is the "tally serve" window still running?' } };
      }
    },
    subscribe(listener, onGap) {
      const source = new EventSource(`/events?token=${encodeURIComponent(token)}`);
      // EventSource reconnects by itself after an error, but what was sent meanwhile is gone.
      let dropped = false;
      source.onerror = () => {
        dropped = true;
        // A stream the host answered with an error status is not retried by the browser; one
        // call tells whether that was this tab's old token (it marks the access as lost).
        if (source.readyState === EventSource.CLOSED) void transport.call('system.health', {});
      };
      source.onopen = () => {
        if (!dropped) return;
        dropped = false;
        onGap?.();
      };
      source.onmessage = (m) => listener(JSON.parse(m.data as string) as AppEvent);
      return () => source.close();
    },
  };
  return transport;
}

/** Picked once: the Electron preload bridge when present, else HTTP to the browser host. */
export function pickTransport(): Transport {
  if (window.bridge) return ipcTransport(window.bridge);
  return httpTransport(takeToken(window.location, window.sessionStorage, window.history));
}
