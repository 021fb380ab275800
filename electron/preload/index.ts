import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

// Sandboxed preload: exposes exactly { rpc, subscribe } and nothing of ipcRenderer itself.
const RPC_CHANNEL = 'app:rpc';
const EVENT_CHANNEL = 'app:event';

contextBridge.exposeInMainWorld('bridge', {
  rpc: (name: string, input: unknown) => ipcRenderer.invoke(RPC_CHANNEL, String(name), input),
  subscribe: (listener: (event: unknown) => void) => {
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
    };
  },
});
