import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Backend } from '../backend/create-backend';
import { checkSender } from './security';

export const RPC_CHANNEL = 'app:rpc';
export const EVENT_CHANNEL = 'app:event';

/** One channel for every procedure; each call's sender is checked before it is dispatched. */
export function registerIpc(backend: Backend, devServerUrl: string | undefined): void {
  ipcMain.handle(RPC_CHANNEL, async (event: IpcMainInvokeEvent, name: unknown, input: unknown) => {
    const frame = event.senderFrame;
    const verdict = checkSender(frame ? { url: frame.url, isMainFrame: frame.parent === null } : null, devServerUrl);
    if (!verdict.ok) {
      backend.context.logger.warn(`refused an IPC call: ${verdict.reason}`);
      return { ok: false, error: { code: 'FORBIDDEN', message: 'This window may not call Tally.' } };
    }
    return backend.dispatch(typeof name === 'string' ? name : '', input);
  });
}

/** Pushes backend events to a window for as long as it lives. */
export function forwardEvents(backend: Backend, contents: WebContents): void {
  const unsubscribe = backend.subscribe((e) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, e);
  });
  contents.once('destroyed', unsubscribe);
}
