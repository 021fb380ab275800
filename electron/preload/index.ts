import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { FILES_DROPPED, type FilesDroppedMessage } from '../../shared/domain/file-drop';

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

// Dropped files: only this isolated world can ask for a File's path; hand the paths to the page
// as a window message (see shared/domain/file-drop.ts). The backend validates every path.
window.addEventListener('drop', (event) => {
  const files = Array.from(event.dataTransfer?.files ?? []);
  const paths = files.map((f) => webUtils.getPathForFile(f)).filter((p) => p.length > 0);
  if (paths.length === 0) return;
  const message: FilesDroppedMessage = { type: FILES_DROPPED, paths };
  window.postMessage(message, '*');
});
