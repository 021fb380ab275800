/**
 * The `electron` module as the real preload (electron/preload/index.ts) sees it, for running that
 * preload in plain Chromium. The preload bundle (see preload-bundle.ts) resolves `electron` to this
 * file; it runs as a Playwright init script in the page's main world before the app loads.
 *
 * The test configures it through `window.__electronStub` (set by the same init script first):
 * - `token`: the browser host's token. `ipcRenderer` plays Electron main's part (electron/main/ipc.ts):
 *   `invoke('app:rpc', name, input)` becomes `POST /rpc/<name>` on the browser host and
 *   `on('app:event')` listens to its `/events` stream. So `window.bridge` is the preload's OWN
 *   bridge and the page picks it as its transport (renderer/src/api/transport.ts), exactly as in
 *   the desktop app. Hiding the bridge under another name instead would make the page believe it
 *   runs in a browser and show its "a browser gives no path" alert on every drop, which the
 *   desktop app never does.
 * - `files`: dropped-file name -> absolute path of the real file the test wrote to its temp folder.
 *   `webUtils.getPathForFile` answers from it and gives '' for any other file, as Electron does for
 *   a File that does not come from disk.
 *
 * It records what the preload did in `window.__electronStub`: the keys it exposed per world name,
 * the procedures it invoked and the files it asked a path for.
 */

export interface ElectronStubState {
  token: string;
  files: Record<string, string>;
  exposed: Record<string, string[]>;
  invoked: string[];
  askedPathFor: string[];
}

declare global {
  interface Window {
    __electronStub: ElectronStubState;
  }
}

const RPC_CHANNEL = 'app:rpc';
const EVENT_CHANNEL = 'app:event';

function state(): ElectronStubState {
  return window.__electronStub;
}

export type IpcRendererEvent = { sender: unknown };
type Listener = (event: IpcRendererEvent, payload: unknown) => void;

export const contextBridge = {
  /** Electron copies `api` into the page's world under `name`; here both worlds are one. */
  exposeInMainWorld(name: string, api: Record<string, unknown>): void {
    state().exposed[name] = Object.keys(api);
    Object.defineProperty(window, name, { value: Object.freeze({ ...api }), enumerable: true });
  },
};

const sources = new Map<Listener, EventSource>();

export const ipcRenderer = {
  async invoke(channel: string, name: string, input: unknown): Promise<unknown> {
    if (channel !== RPC_CHANNEL) throw new Error(`The stub's main process has no handler for ${channel}.`);
    state().invoked.push(name);
    const res = await fetch(`/rpc/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${state().token}` },
      body: JSON.stringify(input ?? {}),
    });
    return res.json();
  },
  on(channel: string, listener: Listener): void {
    if (channel !== EVENT_CHANNEL) return;
    const source = new EventSource(`/events?token=${encodeURIComponent(state().token)}`);
    source.onmessage = (m: MessageEvent<string>) => listener({ sender: null }, JSON.parse(m.data));
    sources.set(listener, source);
  },
  removeListener(channel: string, listener: Listener): void {
    if (channel !== EVENT_CHANNEL) return;
    sources.get(listener)?.close();
    sources.delete(listener);
  },
};

export const webUtils = {
  getPathForFile(file: File): string {
    state().askedPathFor.push(file.name);
    return Object.hasOwn(state().files, file.name) ? (state().files[file.name] ?? '') : '';
  },
};
