import type { AppEvent } from '../../../shared/contract/events';
import type { RpcResult } from '../../../shared/rpc/result';
import type { Transport } from '../../../shared/rpc/client';

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
  return {
    async call(name, input) {
      try {
        const res = await fetch(`/rpc/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
        });
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
}

/** Picked once: the Electron preload bridge when present, else HTTP to the browser host. */
export function pickTransport(): Transport {
  if (window.bridge) return ipcTransport(window.bridge);
  return httpTransport(takeToken(window.location, window.sessionStorage, window.history));
}
